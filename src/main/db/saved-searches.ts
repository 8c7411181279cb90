import { UserError } from '../../shared/result'
import type { DB } from './connection'

export interface SavedSearchRow {
  id: number
  name: string
  query: string
  createdAt: string
}

export function listSavedSearches(db: DB): SavedSearchRow[] {
  return db
    .prepare('SELECT id, name, query, created_at AS createdAt FROM saved_searches ORDER BY name COLLATE NOCASE')
    .all() as SavedSearchRow[]
}

/** Saves a query under a name; saving under an existing name replaces its query. */
export function saveSearch(db: DB, name: string, query: string): SavedSearchRow {
  db.prepare(
    `INSERT INTO saved_searches(name, query, created_at) VALUES (?, ?, ?)
     ON CONFLICT(name) DO UPDATE SET query = excluded.query`
  ).run(name, query, new Date().toISOString())
  return db
    .prepare('SELECT id, name, query, created_at AS createdAt FROM saved_searches WHERE name = ?')
    .get(name) as SavedSearchRow
}

export function deleteSavedSearch(db: DB, id: number): void {
  if (db.prepare('DELETE FROM saved_searches WHERE id = ?').run(id).changes === 0) {
    throw new UserError('not_found', `No saved search with id ${id}.`)
  }
}
