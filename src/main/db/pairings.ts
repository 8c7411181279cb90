/** Rows of `pairings`: browsers allowed to save to the archive, and those asking to. */
import type { Pairing } from '../../shared/types'
import type { DB } from './connection'

interface PairingRow {
  id: number
  token_hash: string
  origin: string
  browser: string
  status: 'pending' | 'approved'
  code: string | null
  created_at: string
  expires_at: string | null
  approved_at: string | null
  last_used_at: string | null
}

/** A pairing as the listener checks it: its origin and state. */
export interface PairingAuth {
  id: number
  origin: string
  status: 'pending' | 'approved'
  code: string | null
  expiresAt: string | null
}

const toPairing = (r: PairingRow): Pairing => ({
  id: r.id,
  browser: r.browser,
  origin: r.origin,
  status: r.status,
  code: r.code,
  createdAt: r.created_at,
  approvedAt: r.approved_at,
  lastUsedAt: r.last_used_at
})

export function listPairings(db: DB): Pairing[] {
  const rows = db.prepare<[], PairingRow>("SELECT * FROM pairings ORDER BY status = 'approved', created_at DESC, id DESC").all()
  return rows.map(toPairing)
}

export function getPairing(db: DB, id: number): Pairing | null {
  const row = db.prepare<[number], PairingRow>('SELECT * FROM pairings WHERE id = ?').get(id)
  return row ? toPairing(row) : null
}

export function pairingByTokenHash(db: DB, tokenHash: string): PairingAuth | null {
  const row = db
    .prepare<[string], PairingRow>('SELECT * FROM pairings WHERE token_hash = ?')
    .get(tokenHash)
  return row ? { id: row.id, origin: row.origin, status: row.status, code: row.code, expiresAt: row.expires_at } : null
}

export function pendingByCode(db: DB, code: string): number | null {
  const row = db.prepare<[string], { id: number }>("SELECT id FROM pairings WHERE code = ? AND status = 'pending'").get(code)
  return row ? row.id : null
}

export function pendingCodes(db: DB): Set<string> {
  const rows = db.prepare<[], { code: string }>('SELECT code FROM pairings WHERE code IS NOT NULL').all()
  return new Set(rows.map((r) => r.code))
}

export function countPending(db: DB): number {
  return (db.prepare("SELECT count(*) AS n FROM pairings WHERE status = 'pending'").get() as { n: number }).n
}

export function insertPending(
  db: DB,
  p: { tokenHash: string; origin: string; browser: string; code: string; now: string; expiresAt: string }
): number {
  const info = db
    .prepare(
      `INSERT INTO pairings(token_hash, origin, browser, status, code, created_at, expires_at)
       VALUES (?, ?, ?, 'pending', ?, ?, ?)`
    )
    .run(p.tokenHash, p.origin, p.browser, p.code, p.now, p.expiresAt)
  return Number(info.lastInsertRowid)
}

export function approve(db: DB, id: number, now: string): void {
  db.prepare("UPDATE pairings SET status = 'approved', code = NULL, expires_at = NULL, approved_at = ? WHERE id = ?").run(now, id)
}

export function touch(db: DB, id: number, now: string): void {
  db.prepare('UPDATE pairings SET last_used_at = ? WHERE id = ?').run(now, id)
}

export function deletePairing(db: DB, id: number): number {
  return db.prepare('DELETE FROM pairings WHERE id = ?').run(id).changes
}

/** Pending requests past their time are forgotten. */
export function deleteExpired(db: DB, now: string): number {
  return db.prepare("DELETE FROM pairings WHERE status = 'pending' AND expires_at <= ?").run(now).changes
}
