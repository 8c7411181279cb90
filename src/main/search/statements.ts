import type { Statement } from 'better-sqlite3'
import type { DB } from '../db/connection'

const cache = new WeakMap<DB, Map<string, Statement>>()

/** Prepared statements, kept per connection: the SQL text varies only with the query's shape. */
export function prep(db: DB, sql: string, pluck = false): Statement {
  let map = cache.get(db)
  if (!map) cache.set(db, (map = new Map()))
  let stmt = map.get(sql)
  if (!stmt) {
    if (map.size > 500) map.clear()
    map.set(sql, (stmt = db.prepare(sql)))
  }
  return stmt.pluck(pluck)
}
