/**
 * Pairing a browser with the archive. The extension makes a random token of its own and
 * asks with it; the app stores only the token's SHA-256 with the extension's origin and a
 * four-digit code, which the app and the extension both show so the person can tell that
 * the browser asking is theirs. Once approved (in the app, or `clipfile pairing approve`),
 * that token from that origin may save; revoking forgets it.
 */
import { createHash, randomInt } from 'node:crypto'
import type { Pairing } from '../../shared/types'
import type { PairingState } from '../../shared/capture'
import { UserError } from '../../shared/result'
import type { DB } from '../db/connection'
import * as rows from '../db/pairings'

/** A pairing request not approved within this time is forgotten. */
export const PAIRING_TTL_MS = 10 * 60 * 1000
/** Browsers that may wait for approval at once (a flood of requests cannot bury the real one). */
export const MAX_PENDING = 3

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex')

export interface PairingAnswer {
  state: PairingState
  code?: string
}

/** A browser asks to pair: answers with its state, and the code to show while it waits. */
export function requestPairing(db: DB, req: { token: string; origin: string; browser: string }, now = new Date()): PairingAnswer {
  return db.transaction((): PairingAnswer => {
    rows.deleteExpired(db, now.toISOString())
    const known = rows.pairingByTokenHash(db, hashToken(req.token))
    if (known) {
      if (known.origin !== req.origin) throw new UserError('conflict', 'This token belongs to another extension.')
      return known.status === 'approved' ? { state: 'approved' } : { state: 'pending', code: known.code! }
    }
    if (rows.countPending(db) >= MAX_PENDING) {
      throw new UserError('conflict', `${MAX_PENDING} browsers are already waiting to pair: approve or refuse them in Clipfile first.`)
    }
    const code = freshCode(rows.pendingCodes(db))
    rows.insertPending(db, {
      tokenHash: hashToken(req.token),
      origin: req.origin,
      browser: cleanName(req.browser),
      code,
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + PAIRING_TTL_MS).toISOString()
    })
    return { state: 'pending', code }
  }).immediate()
}

/** Where this token stands, seen from this origin (another origin's token is unknown here). */
export function pairingState(db: DB, token: string, origin: string, now = new Date()): PairingAnswer & { id?: number } {
  rows.deleteExpired(db, now.toISOString())
  const known = rows.pairingByTokenHash(db, hashToken(token))
  if (!known || known.origin !== origin) return { state: 'unknown' }
  return known.status === 'approved' ? { state: 'approved', id: known.id } : { state: 'pending', code: known.code!, id: known.id }
}

/** The pairing id when this token from this origin may save; null otherwise. Notes the use. */
export function authorize(db: DB, token: string, origin: string, now = new Date()): number | null {
  const known = rows.pairingByTokenHash(db, hashToken(token))
  if (!known || known.origin !== origin || known.status !== 'approved') return null
  rows.touch(db, known.id, now.toISOString())
  return known.id
}

export function listPairings(db: DB, now = new Date()): Pairing[] {
  rows.deleteExpired(db, now.toISOString())
  return rows.listPairings(db)
}

/** Approves the browser waiting with this code. */
export function approvePairing(db: DB, code: string, now = new Date()): Pairing {
  return db.transaction((): Pairing => {
    rows.deleteExpired(db, now.toISOString())
    const id = rows.pendingByCode(db, code)
    if (id === null) {
      throw new UserError('not_found', `No browser is waiting to pair with code ${code} (a request is forgotten after ${PAIRING_TTL_MS / 60_000} minutes).`)
    }
    rows.approve(db, id, now.toISOString())
    return rows.getPairing(db, id)!
  }).immediate()
}

/** Refuses a waiting browser or takes back an approved one: its token no longer works. */
export function revokePairing(db: DB, id: number): { revoked: number } {
  const revoked = rows.deletePairing(db, id)
  if (revoked === 0) throw new UserError('not_found', `No paired browser with id ${id}.`)
  return { revoked }
}

export const countPending = (db: DB): number => rows.countPending(db)

function freshCode(taken: Set<string>): string {
  for (;;) {
    const code = String(randomInt(1000, 10_000))
    if (!taken.has(code)) return code
  }
}

/** What the browser calls itself, as one short line of text. */
function cleanName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const flat = name.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim()
  return flat.slice(0, 100) || 'A browser'
}
