/** Rows of `settings` (migration 008): the archive's own preferences, one value per key. */
import type { DB } from './connection'

export function getSetting(db: DB, key: string): string | null {
  return db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value ?? null
}

export function setSetting(db: DB, key: string, value: string): void {
  db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
}
