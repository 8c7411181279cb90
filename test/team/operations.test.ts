/**
 * Running a team server: users and tokens from the command line, schema migrations that refuse
 * a newer database, backup with pg_dump, the health endpoint, request ids in the log, and the
 * limits on body size and request rate.
 */
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createPool } from '../../src/team/store/pool'
import { migrateTeam, teamMigrations, TEAM_SCHEMA_VERSION } from '../../src/team/store/migrations'
import { teamSearch } from '../../src/team/search'
import { addUser } from '../../src/team/store/users'
import { runCli } from '../support/cli'
import { tempDir } from '../support/tmp'
import { freshDatabase, pgSkipReason, startTeam } from '../support/team'

const skip = pgSkipReason()

describe.skipIf(skip !== '')(`team operations${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('adds users with a token shown once and stored hashed, refuses a second one by the same name, revokes', async () => {
    const database = await freshDatabase()
    const add = await runCli(['team', 'user', 'add', 'ana', '--role', 'admin', '--json', '--database', database])
    expect(add.code, add.stderr).toBe(0)
    const { token, role } = JSON.parse(add.stdout) as { token: string; role: string }
    expect(role).toBe('admin')
    expect(token).toMatch(/^cft_[\w-]{43}$/)
    const pool = createPool(database, 1)
    try {
      const stored = await pool.query('SELECT encode(hash, $1) AS h FROM tokens', ['escape'])
      expect(JSON.stringify(stored.rows)).not.toContain(token.slice(4, 20))
      const again = await runCli(['team', 'user', 'add', 'ana', '--database', database])
      expect(again.code).toBe(1)
      expect(again.stderr).toMatch(/already a user named “ana”/)
      const bad = await runCli(['team', 'user', 'add', 'bo', '--role', 'owner', '--database', database])
      expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--role is one of reader, editor, admin/)])
      expect((await runCli(['team', 'user', 'revoke', 'ana', '--database', database])).stderr).toMatch(/Revoked 1 token/)
      const list = await runCli(['team', 'user', 'list', '--json', '--database', database])
      expect(JSON.parse(list.stdout)).toMatchObject([{ name: 'ana', role: 'admin', activeTokens: 0, revokedTokens: 1 }])
      const none = await runCli(['team', 'user', 'list'])
      expect([none.code, none.stderr]).toEqual([2, expect.stringMatching(/give the team database/)])
    } finally {
      await pool.end()
    }
  })

  it('refuses a database written by a newer server, untouched', async () => {
    const pool = createPool(await freshDatabase(), 1)
    try {
      await migrateTeam(pool)
      await pool.query('UPDATE clipfile_schema SET version = $1', [TEAM_SCHEMA_VERSION + 3])
      const tables = async () => (await pool.query("SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'")).rows[0].n
      const before = await tables()
      await expect(migrateTeam(pool)).rejects.toThrow(/newer Clipfile server \(schema \d+; this one knows up to \d+\)\. It has not been changed/)
      expect(await tables()).toBe(before)
      expect((await pool.query('SELECT version FROM clipfile_schema')).rows[0].version).toBe(TEAM_SCHEMA_VERSION + 3)
    } finally {
      await pool.end()
    }
  })

  it('migrates a schema-1 database: search vectors move to article_search (live articles only), highlight tags onto their article, versions get numbers, and all still match', async () => {
    const pool = createPool(await freshDatabase(), 1)
    try {
      await migrateTeam(pool, teamMigrations.slice(0, 1))
      const { user } = await addUser(pool, 'ana', 'editor')
      for (const [n, title, deleted] of [[1, 'Harbour strike ends', false], [2, 'Harbour strike begins', true]] as const) {
        await pool.query(
          `INSERT INTO articles(uuid, seq, content_seq, added_by, saved_at, url, title, tokens, search, deleted_at)
           VALUES (gen_random_uuid(), $1, $1, $2, '2024-01-01', $3, $4, 3, to_tsvector('clipfile', $4), $5)`,
          [n, user.id, `https://example.org/${n}`, title, deleted ? new Date() : null]
        )
      }
      await pool.query(
        `INSERT INTO highlights(uuid, article_id, seq, created_by, created_at, rev, color, note, tags, tags_lc, start_pos, end_pos, exact, prefix, suffix)
         SELECT gen_random_uuid(), id, 3, $1, '2024-01-02', gen_random_uuid(), 'yellow', '', '{Ports}', '{ports}', 0, 7, 'Harbour', '', '' FROM articles WHERE seq = 1`,
        [user.id]
      )
      // Two versions of the live article, pushed in that order (sequence 4, then 5).
      for (const n of [5, 4]) {
        await pool.query(
          `INSERT INTO article_versions(uuid, article_id, seq, created_by, created_at, content_hash, meta, text, doc)
           SELECT gen_random_uuid(), id, $1, $2, '2024-01-01', $3, '{}', 'text', '\\x00' FROM articles WHERE seq = 1`,
          [n, user.id, `h${n}`]
        )
      }
      expect(await migrateTeam(pool)).toEqual({ from: 1, to: TEAM_SCHEMA_VERSION })
      // Schema 4: versions numbered in the order they arrived.
      expect((await pool.query('SELECT content_hash, number FROM article_versions ORDER BY number')).rows).toEqual([{ content_hash: 'h4', number: 1 }, { content_hash: 'h5', number: 2 }])
      const moved = await pool.query('SELECT a.title, s.tokens FROM article_search s JOIN articles a ON a.id = s.article_id')
      expect(moved.rows).toEqual([{ title: 'Harbour strike ends', tokens: 3 }])
      const cols = await pool.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'articles' AND column_name IN ('search', 'tokens')")
      expect(cols.rowCount).toBe(0)
      const found = await teamSearch(pool, { query: 'strike', sort: 'relevance', limit: 10, offset: 0, facets: false, timeline: false })
      expect([found.total, found.results.map((h) => h.title)]).toEqual([1, ['Harbour strike ends']])
      // Schema 3: the article carries its highlights' tags, and keeps them current.
      const byTag = () => teamSearch(pool, { query: 'tag:ports', sort: 'newest', limit: 10, offset: 0, facets: false, timeline: false })
      expect((await byTag()).total).toBe(1)
      await pool.query('UPDATE highlights SET deleted_at = now()')
      expect((await byTag()).total).toBe(0)
    } finally {
      await pool.end()
    }
  })

  it.skipIf(spawnSync('pg_dump', ['--version']).status !== 0)('backs the team database up with pg_dump, in a file pg_restore reads', async () => {
    const database = await freshDatabase()
    await runCli(['team', 'user', 'add', 'ana', '--database', database])
    const out = join(tempDir(), 'team.dump')
    const r = await runCli(['team', 'backup', '--out', out, '--database', database])
    expect(r.code, r.stderr).toBe(0)
    expect(existsSync(out)).toBe(true)
    const list = spawnSync('pg_restore', ['--list', out], { encoding: 'utf8' })
    expect(list.stdout).toMatch(/TABLE public articles/)
    expect(list.stdout).toMatch(/TABLE DATA public users/)
    const again = await runCli(['team', 'backup', '--out', out, '--database', database])
    expect([again.code, again.stderr]).toEqual([2, expect.stringMatching(/exists; --force replaces it/)])
  })

  it('answers /health without a token, logs every request with its id, and enforces the body and rate limits', async () => {
    const t = await startTeam({ rate: 1, burst: 3, maxBody: 1024 })
    const { token } = await addUser(t.pool, 'ana', 'reader')
    const health = await fetch(new URL('/health', t.server.url))
    expect(health.status).toBe(200)
    expect(await health.json()).toMatchObject({ ok: true, database: 'up', schema: TEAM_SCHEMA_VERSION })
    const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
    const who = await fetch(new URL('/whoami', t.server.url), { headers: { ...auth, 'X-Request-Id': 'req-42' } })
    expect(who.headers.get('x-request-id')).toBe('req-42')
    expect(t.logs.some((l) => l.includes('"id":"req-42"') && l.includes('"user":"ana"') && l.includes('"status":200'))).toBe(true)
    const big = await fetch(new URL('/api/search', t.server.url), { method: 'POST', headers: auth, body: JSON.stringify({ query: 'x'.repeat(2000) }) })
    expect(big.status).toBe(413)
    expect(((await big.json()) as { error: { message: string } }).error.message).toMatch(/over the server's limit of/)
    // The burst of 3 is spent (whoami, the big body): the next ones wait for the refill.
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await fetch(new URL('/whoami', t.server.url), { headers: auth })).status)
    expect(statuses).toContain(429)
    const limited = await fetch(new URL('/whoami', t.server.url), { headers: auth })
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    // Another token has its own budget.
    const other = await addUser(t.pool, 'ben', 'reader')
    expect((await fetch(new URL('/whoami', t.server.url), { headers: { Authorization: `Bearer ${other.token}` } })).status).toBe(200)
    const unknown = await fetch(new URL('/whoami', t.server.url), { headers: { Authorization: 'Bearer nope' } })
    expect(unknown.status).toBe(401)
  })
})
