import type { Migration } from './types'

/** Named queries kept in the sidebar. */
export const migration002: Migration = {
  version: 2,
  name: 'saved-searches',
  up(db) {
    db.exec(`
      CREATE TABLE saved_searches (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE,
        query TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}
