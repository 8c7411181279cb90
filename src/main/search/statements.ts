import type { Statement } from 'better-sqlite3'
import type { DB } from '../db/connection'

const cache = new WeakMap<DB, Map<string, Statement>>()

/**
 * Prepared statements, kept per connection: the SQL text varies only with the query's shape.
 * A statement is shared by every caller with the same SQL, and better-sqlite3's modes stick to
 * it: each call starts from rows as objects (raw off), plucked if asked, and a caller that wants
 * arrays says `.raw(true)` itself. (Without the reset, a text-only search left the highlight
 * statement raw, and the next search with an exclusion read `undefined` ids from it.)
 */
export function prep(db: DB, sql: string, pluck = false): Statement {
  let map = cache.get(db)
  if (!map) cache.set(db, (map = new Map()))
  let stmt = map.get(sql)
  if (!stmt) {
    if (map.size > 500) map.clear()
    map.set(sql, (stmt = db.prepare(sql)))
  }
  return stmt.raw(false).pluck(pluck)
}
