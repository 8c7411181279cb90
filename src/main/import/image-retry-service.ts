/**
 * The automatic retry of images that could not be saved, for the hosts that stay open (the
 * desktop app, `clipfile serve`): a little after start and then every quarter of an hour it
 * fetches the placeholders of a few articles. A round stops at once when the network is
 * down; an article whose images still fail waits longer each time (up to a day), so a dead
 * image server is not asked every quarter of an hour forever.
 */
import type { AppContext } from '../context'
import { articlesWithMissingImages, missingImageCounts } from '../db/articles'
import { retryMissingImages } from './retry-images'

export interface RetryServiceOptions {
  firstDelayMs?: number
  intervalMs?: number
  /** Articles per round. */
  batch?: number
  now?: () => number
}

const MAX_WAIT_MS = 24 * 3600_000

export function startImageRetry(ctx: AppContext, o: RetryServiceOptions = {}): { stop(): void; round(): Promise<void> } {
  const interval = o.intervalMs ?? 15 * 60_000
  const now = o.now ?? Date.now
  const waits = new Map<number, { until: number; wait: number }>()
  let running = false

  const round = async (): Promise<void> => {
    if (running || !ctx.db.open) return
    running = true
    try {
      const due = articlesWithMissingImages(ctx.db).filter((id) => (waits.get(id)?.until ?? 0) <= now()).slice(0, o.batch ?? 25)
      if (due.length === 0) return
      const before = new Map(due.map((id) => [id, missingOf(ctx, id)]))
      const result = await retryMissingImages(ctx, { ids: due })
      if (result.offline) return // nothing learnt about the articles: try them all next round
      for (const id of due) {
        const left = missingOf(ctx, id)
        if (left === 0 || left < (before.get(id) ?? 0)) waits.delete(id)
        else {
          const wait = Math.min(MAX_WAIT_MS, (waits.get(id)?.wait ?? interval / 2) * 2)
          waits.set(id, { until: now() + wait, wait })
        }
      }
    } catch (e) {
      console.error('[clipfile] image retry:', e)
    } finally {
      running = false
    }
  }

  const first = setTimeout(() => void round(), o.firstDelayMs ?? 30_000)
  const every = setInterval(() => void round(), interval)
  first.unref()
  every.unref()
  return {
    stop: () => {
      clearTimeout(first)
      clearInterval(every)
    },
    round
  }
}

const missingOf = (ctx: AppContext, id: number): number => missingImageCounts(ctx.db, id)[0]?.missing ?? 0
