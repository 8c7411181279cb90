/** App-wide preferences: what is stored, checked against the contract, defaults filled in. */
import type { Settings } from '../shared/types'
import { settingsSchemas } from '../shared/contract/settings'
import { DEFAULT_SETTINGS } from '../shared/settings'
import type { DB } from './db/connection'
import { readSettings, writeSettings } from './db/settings'

export { DEFAULT_SETTINGS }

/** The stored preferences over the defaults; a stored value that is no longer valid falls back to its default. */
export function getSettings(db: DB): Settings {
  const stored = readSettings(db)
  const out: Settings = { ...DEFAULT_SETTINGS }
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    if (!(key in stored)) continue
    const one = settingsSchemas.updateSettings.safeParse({ [key]: stored[key] })
    if (one.success) Object.assign(out, one.data)
  }
  return out
}

export function updateSettings(db: DB, change: Partial<Settings>): Settings {
  writeSettings(db, change)
  return getSettings(db)
}
