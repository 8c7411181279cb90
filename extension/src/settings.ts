/** What the extension keeps: the app's port, its pairing token, and whether to show the badge. */
import { DEFAULT_CAPTURE_PORT } from '../../src/shared/capture'

export interface Settings {
  port: number
  /** This install's own random token (only its hash is stored by the app). */
  token: string | null
  /** Show on the toolbar button whether the current page is already saved (asks the app about each page). */
  badge: boolean
}

const DEFAULTS: Settings = { port: DEFAULT_CAPTURE_PORT, token: null, badge: true }

export async function loadSettings(): Promise<Settings> {
  const stored = (await chrome.storage.local.get(['port', 'token', 'badge'])) as Partial<Settings>
  return { ...DEFAULTS, ...stored }
}

export async function saveSettings(changes: Partial<Settings>): Promise<void> {
  await chrome.storage.local.set(changes)
}

/** A valid port, or the reason it is not one. */
export function checkPort(value: string): number | string {
  const n = Number(value.trim())
  return Number.isInteger(n) && n >= 1 && n <= 65535 ? n : 'A port is a whole number from 1 to 65535.'
}

/** 32 random bytes, base64url: the token this install pairs with. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32))
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
