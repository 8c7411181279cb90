/**
 * Manners for re-checking other people's sites: one request at a time per host with a gap
 * between them, a host that asks to slow down (429/503, Retry-After) left alone for as long
 * as it asks, and never more than N requests at once overall.
 */
import type { Clock } from './clock'

export class HostTurns {
  private nextAt = new Map<string, number>()

  constructor(
    private readonly clock: Clock,
    private readonly gapMs: number
  ) {}

  /** When `host` may next be asked. */
  freeAt(host: string): number {
    return Math.max(this.clock.now(), this.nextAt.get(host) ?? 0)
  }

  /** Takes `host`'s next turn and waits for it. */
  async take(host: string, signal?: AbortSignal): Promise<void> {
    const at = this.freeAt(host)
    this.nextAt.set(host, at + this.gapMs)
    const wait = at - this.clock.now()
    if (wait > 0) await this.clock.sleep(wait, signal)
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
      await turns.take(hostOfItem(item))
      await work(item)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane))
}
