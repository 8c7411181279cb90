/**
 * Manners for re-checking other people's sites: one request at a time per host, a pause
 * after each before the next, a host that asks to slow down (429/503, Retry-After) left alone
 * for as long as it asks, and never more than N requests at once overall.
 */
import type { Clock } from './clock'

export class HostTurns {
  /** No request to the host before this time. */
  private nextAt = new Map<string, number>()
  /** Settles when the host's last turn taken so far is over. */
  private tail = new Map<string, Promise<void>>()
  private busy = new Map<string, number>()

  constructor(
    private readonly clock: Clock,
    private readonly gapMs: number
  ) {}

  /** When `host` may next be asked, as far as is known now (busy hosts: never sooner than others). */
  freeAt(host: string): number {
    const at = Math.max(this.clock.now(), this.nextAt.get(host) ?? 0)
    return (this.busy.get(host) ?? 0) > 0 ? at + this.gapMs + 1 : at
  }

  /**
   * Waits for `host`'s turn: after the turns taken before this one are over, and the pause
   * after the last of them. Returns the function that ends this turn.
   */
  async take(host: string): Promise<() => void> {
    const before = this.tail.get(host) ?? Promise.resolve()
    let end!: () => void
    const over = new Promise<void>((resolve) => (end = resolve))
    this.tail.set(host, before.then(() => over))
    this.busy.set(host, (this.busy.get(host) ?? 0) + 1)
    await before
    const wait = (this.nextAt.get(host) ?? 0) - this.clock.now()
    if (wait > 0) await this.clock.sleep(wait)
    return () => {
      this.busy.set(host, (this.busy.get(host) ?? 1) - 1)
      this.holdOff(host, this.clock.now() + this.gapMs)
      end()
    }
  }

  /** No request to `host` before `until`. */
  holdOff(host: string, until: number): void {
    this.nextAt.set(host, Math.max(this.nextAt.get(host) ?? 0, until))
  }
}

export const hostOf = (url: string): string => {
  try {
    return new URL(url).host.toLowerCase()
  } catch {
    return ''
  }
}

/**
 * Runs `work` over `items` with at most `limit` at once; each free lane takes the item whose
 * host is free soonest, so one slow host does not hold up the others.
 */
export async function runPolitely<T>(
  items: T[],
  limit: number,
  turns: HostTurns,
  hostOfItem: (item: T) => string,
  work: (item: T) => Promise<void>
): Promise<void> {
  const queue = [...items]
  const lane = async () => {
    while (queue.length > 0) {
      let best = 0
      for (let k = 1; k < queue.length; k++) if (turns.freeAt(hostOfItem(queue[k])) < turns.freeAt(hostOfItem(queue[best]))) best = k
      const [item] = queue.splice(best, 1)
      const done = await turns.take(hostOfItem(item))
      try {
        await work(item)
      } finally {
        done()
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane))
}
