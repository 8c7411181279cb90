/** Team users and their tokens: a token is shown once, stored as its hash, revocable. */
import { createHash, randomBytes } from 'node:crypto'
import { UserError } from '../../shared/result'
import type { TeamRole } from '../../shared/sync'
import type { Pool } from './pool'

export interface TeamUser {
  id: number
  name: string
  role: TeamRole
}

export interface UserListing extends TeamUser {
  createdAt: string
  activeTokens: number
  revokedTokens: number
  lastUsedAt: string | null
}

const hashToken = (token: string): Buffer => createHash('sha256').update(token).digest()
const newToken = (): string => `cft_${randomBytes(32).toString('base64url')}`

/** Adds a user with a first token; an existing name is refused. */
export async function addUser(pool: Pool, name: string, role: TeamRole): Promise<{ user: TeamUser; token: string }> {
  const token = newToken()
  try {
    const c = await pool.connect()
    try {
      await c.query('BEGIN')
      const u = await c.query<{ id: number }>('INSERT INTO users(name, role) VALUES ($1, $2) RETURNING id', [name, role])
      await c.query('INSERT INTO tokens(user_id, hash) VALUES ($1, $2)', [u.rows[0].id, hashToken(token)])
      await c.query('COMMIT')
      return { user: { id: u.rows[0].id, name, role }, token }
    } catch (e) {
      await c.query('ROLLBACK')
      throw e
    } finally {
      c.release()
    }
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new UserError('conflict', `There is already a user named “${name}”.`)
    throw e
  }
}

/** A further token for an existing user (a second machine). */
export async function addToken(pool: Pool, name: string): Promise<string> {
  const token = newToken()
  const r = await pool.query('INSERT INTO tokens(user_id, hash) SELECT id, $2 FROM users WHERE name = $1', [name, hashToken(token)])
  if (r.rowCount === 0) throw new UserError('not_found', `No user named “${name}”.`)
  return token
}

/** Revokes every token of a user; returns how many were active. */
export async function revokeUser(pool: Pool, name: string): Promise<number> {
  const u = await pool.query<{ id: number }>('SELECT id FROM users WHERE name = $1', [name])
  if (u.rowCount === 0) throw new UserError('not_found', `No user named “${name}”.`)
  const r = await pool.query('UPDATE tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [u.rows[0].id])
  return r.rowCount ?? 0
}

export async function listUsers(pool: Pool): Promise<UserListing[]> {
  const r = await pool.query<{ id: number; name: string; role: TeamRole; created_at: Date; active: number; revoked: number; last_used: Date | null }>(
    `SELECT u.id, u.name, u.role, u.created_at,
            count(t.id) FILTER (WHERE t.revoked_at IS NULL)::int AS active,
            count(t.id) FILTER (WHERE t.revoked_at IS NOT NULL)::int AS revoked,
            max(t.last_used_at) AS last_used
     FROM users u LEFT JOIN tokens t ON t.user_id = u.id GROUP BY u.id ORDER BY u.name`
  )
  return r.rows.map((u) => ({
    id: u.id,
    name: u.name,
    role: u.role,
    createdAt: u.created_at.toISOString(),
    activeTokens: u.active,
    revokedTokens: u.revoked,
    lastUsedAt: u.last_used ? u.last_used.toISOString() : null
  }))
}

export type AuthResult = { ok: true; user: TeamUser } | { ok: false; reason: 'unknown' | 'revoked' }

/** The user a token belongs to; a revoked token is told apart from an unknown one. */
export async function authenticate(pool: Pool, token: string): Promise<AuthResult> {
  const r = await pool.query<{ id: number; name: string; role: TeamRole; revoked: boolean; token_id: number }>(
    `SELECT u.id, u.name, u.role, t.revoked_at IS NOT NULL AS revoked, t.id AS token_id
     FROM tokens t JOIN users u ON u.id = t.user_id WHERE t.hash = $1`,
    [hashToken(token)]
  )
  const row = r.rows[0]
  if (!row) return { ok: false, reason: 'unknown' }
  if (row.revoked) return { ok: false, reason: 'revoked' }
  return { ok: true, user: { id: row.id, name: row.name, role: row.role } }
}

/** Notes when a token was last used (at most once a minute per token, off the request path). */
export async function touchToken(pool: Pool, token: string): Promise<void> {
  await pool.query(
    "UPDATE tokens SET last_used_at = now() WHERE hash = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')",
    [hashToken(token)]
  )
}
