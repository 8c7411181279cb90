/**
 * Background sync for the hosts that stay open (the desktop app, `clipfile serve`): when the
 * archive is in a team, it syncs every few minutes and soon after a local change, and backs
 * off while the server cannot be reached. The outbox keeps everything in the meantime; the
 * sync indicator shows the state (`teamStatus`).
 */
import type { AppContext } from '../context'
import { getConfig, outboxCount } from '../db/team'
import { syncNow } from './service'

export interface SyncAgent {
  stop(): void
}

export function startSyncAgent(ctx: AppContext, o: { everyMs?: number; afterChangeMs?: number; maxBackoffMs?: number } = {}): SyncAgent {
  const every = o.everyMs ?? 5 * 60_000
  const afterChange = o.afterChangeMs ?? 10_000
  const maxBackoff = o.maxBackoffMs ?? 30 * 60_000
  let timer: NodeJS.Timeout | null = null
  let failures = 0
  let running = false
  let stopped = false
  const schedule = (ms: number) => {
    if (stopped) return
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void run(), ms)
    timer.unref?.()
  }
  const run = async () => {
    if (running || stopped) return
    if (!getConfig(ctx.db, 'url')) return schedule(every)
    running = true
    try {
      const r = await syncNow(ctx.db)
      failures = 0
      if (r.pulled.articles || r.pulled.highlights || r.pulled.deleted) ctx.events.emit('libraryChanged', { reason: 'import' })
    } catch {
      // syncNow kept the reason for the indicator; try again later, less often.
      failures++
    } finally {
      running = false
    }
    schedule(failures ? Math.min(maxBackoff, afterChange * 2 ** failures) : every)
  }
  const off = ctx.events.on('libraryChanged', () => {
    if (!running && failures === 0 && getConfig(ctx.db, 'url') && outboxCount(ctx.db) > 0) schedule(afterChange)
  })
  schedule(afterChange)
  return {
    stop: () => {
      stopped = true
      off()
      if (timer) clearTimeout(timer)
    }
  }
}
