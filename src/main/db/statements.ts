import type { Statement } from 'better-sqlite3'
import type { DB } from './connection'

const cache = new WeakMap<DB, Map<string, Statement>>()

/**
 * A prepared statement kept per connection, for the statements every import runs: preparing
 * one costs more than running it (an INSERT into article_content compiles its FTS triggers
 * each time). Callers only run it — they must not switch its modes (pluck, raw, expand).
 */
export function stmt<P extends unknown[] | object = unknown[], R = unknown>(db: DB, sql: string): Statement<P, R> {
  let map = cache.get(db)
  if (!map) cache.set(db, (map = new Map()))
  let s = map.get(sql)
  if (!s) map.set(sql, (s = db.prepare(sql)))
  return s as unknown as Statement<P, R>
}
