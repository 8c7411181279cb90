import type { Migration } from './types'

/**
 * Data work a migration leaves to the app: a migration is plain SQL, so filling a new table
 * from existing articles with the app's own code (quote detection, say) is queued here by
 * name and run by src/main/backfills.ts right after the archive is opened. Migration 003
 * creates this table for the archives it upgrades; this one gives it to every archive.
 */
export const migration005: Migration = {
  version: 5,
  name: 'backfills',
  up(db) {
    db.exec('CREATE TABLE IF NOT EXISTS backfills (name TEXT PRIMARY KEY) STRICT, WITHOUT ROWID')
  }
}
