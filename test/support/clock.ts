/**
 * A clock for tests of the re-check service. `auto`: every sleep advances time at once (so a
 * test of politeness sees the waits without waiting); otherwise sleeps wait for advance().
 */
import type { Clock } from '../../src/main/versions/clock'

export interface FakeClock extends Clock {
  /** Every sleep asked for, in ms, in order. */
  sleeps: number[]
  advance(ms: number): void
  set(time: number): void
}

export function fakeClock(start: number, o: { auto: boolean } = { auto: true }): FakeClock {
  let now = start
  const timers: { at: number; resolve: () => void }[] = []
  const fire = () => {
    for (const t of timers.filter((x) => x.at <= now)) {
      timers.splice(timers.indexOf(t), 1)
      t.resolve()
    }
  }
  return {
    sleeps: [],
    now: () => now,
    sleep(ms, signal) {
      this.sleeps.push(ms)
      if (o.auto) {
        now += Math.max(0, ms)
        // A macrotask, so that a loop of sleeps never starves I/O.
        return new Promise((r) => setImmediate(r))
      }
      return new Promise<void>((resolve) => {
        timers.push({ at: now + ms, resolve })
        signal?.addEventListener('abort', () => resolve(), { once: true })
      })
    },
    advance(ms) {
      now += ms
      fire()
    },
    set(time) {
      now = time
      fire()
    }
  }
}
