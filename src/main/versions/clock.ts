/** Time for the re-check service: the system's, or a fake one in tests (test/support/clock.ts). */
export interface Clock {
  now(): number
  /** Resolves after `ms` milliseconds, or as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted) return resolve()
      const done = () => {
        clearTimeout(timer)
        signal?.removeEventListener('abort', done)
        resolve()
      }
      // Never keeps the process alive (the CLI exits when its work is done).
      const timer = setTimeout(done, Math.max(0, ms))
      timer.unref()
      signal?.addEventListener('abort', done, { once: true })
    })
}
