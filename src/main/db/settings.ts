/**
 * Rows of `settings` (migration 008): the archive's own preferences, one value per key — the
 * versions' re-check settings (raw strings) and the app-wide preferences (JSON values).
 */
import type { DB } from './connection'

export function getSetting(db: DB, key: string): string | null {
  return db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)?.value ?? null
}

export function setSetting(db: DB, key: string, value: string): void {
  db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
}

/** Every stored preference: key → its value as stored (JSON text, parsed). Unreadable values are skipped. */
export function readSettings(db: DB): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const row of db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[]) {
    try {
      out[row.key] = JSON.parse(row.value)
    } catch {
      // A value this version cannot read counts as never set: its default applies.
    }
  }
  return out
}

/** Writes preferences as JSON (undefined values are left as they are). */
export function writeSettings(db: DB, values: Record<string, unknown>): void {
  const put = db.prepare('INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
  db.transaction(() => {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) put.run(key, JSON.stringify(value))
  })()
}
