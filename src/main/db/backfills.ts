import type { DB } from './connection'

/** Names of the backfills a migration queued and the app has not run yet. */
export function pendingBackfills(db: DB): string[] {
  return db.prepare<[], { name: string }>('SELECT name FROM backfills ORDER BY name').all().map((r) => r.name)
}

export function markBackfillDone(db: DB, name: string): void {
  db.prepare('DELETE FROM backfills WHERE name = ?').run(name)
}
