/**
 * Runs the data work migrations queue (see db/migrations/005-backfills.ts): each backfill in
 * its own transaction with its removal from the queue, so an interrupted one runs again.
 */
import type { DB } from './db/connection'
import { markBackfillDone, pendingBackfills } from './db/backfills'
import { backfillQuotes } from './quotes/service'

const BACKFILLS: Record<string, (db: DB) => void> = {
  quotes: backfillQuotes
}

export function runBackfills(db: DB): void {
  for (const name of pendingBackfills(db)) {
    const run = BACKFILLS[name]
    if (!run) throw new Error(`The archive asks for an unknown backfill "${name}".`)
    db.transaction(() => {
      run(db)
      markBackfillDone(db, name)
    }).immediate()
  }
}
