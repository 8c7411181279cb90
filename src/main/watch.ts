/**
 * Notices when another program changes the archive — `clipfile import` in a terminal, a
 * second app — and tells the open windows, so new articles appear without a reload.
 *
 * SQLite's `PRAGMA data_version` changes on a connection whenever another connection has
 * committed since it was last read (never for the connection's own writes, which emit their
 * own events). Reading it is a memory read in WAL mode: polling it costs nothing.
 */
import type { DB } from './db/connection'
import type { EventBus } from './events'

export const WATCH_INTERVAL_MS = 1000

/** Starts watching; returns the function that stops. */
export function watchArchive(db: DB, events: EventBus, intervalMs = WATCH_INTERVAL_MS): () => void {
  const version = () => db.pragma('data_version', { simple: true }) as number
  let last = version()
  const timer = setInterval(() => {
    if (!db.open) return clearInterval(timer)
    const now = version()
    if (now === last) return
    last = now
    events.emit('libraryChanged', { reason: 'external' })
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
