import { describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../test/support/tmp'
import { articlePage } from '../../test/support/pages'
import { html, loopbackServer } from '../../test/support/http'
import { runCli, type CliRun } from '../../test/support/cli'
import { openDatabase, pendingUpgrade } from './db/connection'
import { LATEST_VERSION } from './db/migrations'

const BIN = join(__dirname, '../../bin/clipfile.js')

/** The real command in a process of its own: kept for what only a process shows (the bin entry, serve). */
function spawnClipfile(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c) => (stdout += c))
    child.stderr.on('data', (c) => (stderr += c))
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.end('')
  })
}

const clipfile = (args: string[], o: { stdin?: string; env?: Record<string, string> } = {}) => runCli(args, o)

describe('clipfile CLI', () => {
  it('prints help and version (the bin entry, in its own process)', async () => {
    const help = await spawnClipfile(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: clipfile')
    for (const cmd of ['import', 'list', 'show', 'serve', 'backup', 'check']) expect(help.stdout).toContain(`  ${cmd}`)
    const version = await spawnClipfile(['--version'])
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('exits 2 on bad usage with a message on stderr', async () => {
    const db = join(tempDir(), 'a.db')
    const unknown = await clipfile(['--db', db, 'frobnicate'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown command "frobnicate"')
    const badFlag = await clipfile(['--db', db, 'list', '--nope'])
    expect(badFlag.code).toBe(2)
    const badId = await clipfile(['--db', db, 'show', 'abc'])
    expect(badId.code).toBe(2)
    expect(badId.stderr).toContain('expected an article id')
  })

  it('imports from a file, a URL and stdin, one JSON line per source; lists and shows as JSON', async () => {
    const dir = tempDir()
    const db = join(dir, 'archive.db')
    const file = join(dir, 'saved.html')
    writeFileSync(file, articlePage({ title: 'Saved from disk', byline: 'Jane Doe', site: 'Disk Times' }))
    const site = await loopbackServer({ '/story': html(articlePage({ title: 'Fetched story' })), '/other': html(articlePage({ title: 'From stdin' })) })
    const imp = await clipfile(['--db', db, 'import', file, site.url('/story'), site.url('/gone'), '--json', '--tag', 'Test'])
    expect(imp.code).toBe(1) // one source failed
    const lines = imp.stdout.trim().split('\n').map((l) => JSON.parse(l))
    expect(lines).toHaveLength(3)
    expect(lines.filter((l) => l.ok)).toHaveLength(2)
    expect(lines.find((l) => !l.ok)).toMatchObject({ source: site.url('/gone'), error: expect.stringContaining('404') })
    const stdin = await clipfile(['--db', db, 'import', '-', '--json'], { stdin: `# a list\n${site.url('/other')}\n` })
    expect(stdin.code).toBe(0)
    expect(JSON.parse(stdin.stdout)).toMatchObject({ ok: true, status: 'created', title: 'From stdin' })

    const list = await clipfile(['--db', db, 'list', '--json'])
    const articles = JSON.parse(list.stdout)
    expect(articles.map((a: { title: string }) => a.title).sort()).toEqual(['Fetched story', 'From stdin', 'Saved from disk'])
    const disk = articles.find((a: { title: string }) => a.title === 'Saved from disk')
    expect(disk.tags).toEqual(['Test'])
    const show = await clipfile(['--db', db, 'show', String(disk.id), '--json'])
    const one = JSON.parse(show.stdout)
    expect(one).toMatchObject({ id: disk.id, title: 'Saved from disk', byline: 'Jane Doe', site: 'Disk Times', tags: ['Test'], highlights: [] })
    expect(one.text).toContain('the council met on Tuesday')
    expect(one).not.toHaveProperty('raw')
    expect(one).toHaveProperty('publishedAt')
    expect(one).toHaveProperty('language')
    // New saves are in the inbox, unread; lists filter by where they are in the workflow.
    expect(articles.every((a: { state: string; readAt: string | null }) => a.state === 'inbox' && a.readAt === null)).toBe(true)
    expect(JSON.parse((await clipfile(['--db', db, 'list', '--state', 'archive', '--json'])).stdout)).toEqual([])
    expect(JSON.parse((await clipfile(['--db', db, 'list', '--state', 'inbox', '--starred', '--json'])).stdout)).toEqual([])
    expect(JSON.parse((await clipfile(['--db', db, 'list', '--state', 'inbox', '--json'])).stdout)).toHaveLength(3)
    const text = await clipfile(['--db', db, 'list'])
    expect(text.stdout).toMatch(/^\s+\d+ {2}• /m)
  })

  it('searches with --json, and exits 2 on a malformed query with the place of the problem', async () => {
    const dir = tempDir()
    const db = join(dir, 'search.db')
    const file = join(dir, 'p.html')
    writeFileSync(file, articlePage({ title: 'Strikes hit the port', byline: 'Ana Lima', site: 'Coastal Herald' }))
    expect((await clipfile(['--db', db, 'import', file])).code).toBe(0)
    const found = await clipfile(['--db', db, 'search', 'strike', '--json'])
    expect(found.code).toBe(0)
    const body = JSON.parse(found.stdout)
    expect(body.total).toBe(1)
    expect(body.results[0]).toMatchObject({ title: 'Strikes hit the port', site: 'Coastal Herald', byline: 'Ana Lima', highlights: [] })
    expect(body.results[0]).toHaveProperty('snippet')
    expect(body.results[0]).toHaveProperty('publishedAt')
    expect(body.facets).toHaveProperty('tags')
    const bad = await clipfile(['--db', db, 'search', 'strike "port'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/unclosed quote/)
  })

  it('uses CLIPFILE_DB when --db is not given, and backs up and checks the archive', async () => {
    const dir = tempDir()
    const db = join(dir, 'env.db')
    const file = join(dir, 'p.html')
    writeFileSync(file, articlePage({ title: 'Backed up' }))
    await clipfile(['import', file], { env: { CLIPFILE_DB: db } })
    const backup = join(dir, 'copy.db')
    const b = await clipfile(['backup', backup], { env: { CLIPFILE_DB: db } })
    expect(b.code).toBe(0)
    expect(b.stderr).toContain('Backed up 1 articles')
    const again = await clipfile(['backup', backup], { env: { CLIPFILE_DB: db } })
    expect(again.code).not.toBe(0)
    expect(again.stderr).toContain('exists already')
    const fromBackup = await clipfile(['--db', backup, 'list', '--json'])
    expect(JSON.parse(fromBackup.stdout)[0].title).toBe('Backed up')
    const restored = await clipfile(['restore', backup], { env: { CLIPFILE_DB: join(dir, 'restored.db') } })
    expect(restored.code).toBe(0)
    expect(restored.stderr).toContain('Restored 1 articles')
    const check = await clipfile(['--db', backup, 'check', '--json'])
    expect(check.code).toBe(0)
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, problems: [] })
  })

  it('export --out refuses to replace a file unless --force is given', async () => {
    const dir = tempDir()
    const db = join(dir, 'x.db')
    const file = join(dir, 'p.html')
    writeFileSync(file, articlePage({ title: 'Quoted' }))
    expect((await clipfile(['--db', db, 'import', file])).code).toBe(0)
    const [{ id }] = JSON.parse((await clipfile(['--db', db, 'list', '--json'])).stdout)
    expect((await clipfile(['--db', db, 'highlight', 'add', String(id), '--quote', 'the council met on Tuesday'])).code).toBe(0)
    const out = join(dir, 'quotes.md')
    writeFileSync(out, 'my own notes')
    const refused = await clipfile(['--db', db, 'export', '--out', out])
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain('exists already; add --force')
    expect(readFileSync(out, 'utf8')).toBe('my own notes')
    const forced = await clipfile(['--db', db, 'export', '--out', out, '--force'])
    expect(forced.code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('the council met on Tuesday')
  })

  it('passes option values to the contract, which explains a wrong one', async () => {
    const db = join(tempDir(), 'v.db')
    const sort = await clipfile(['--db', db, 'list', '--sort', 'size'])
    expect(sort.code).toBe(2)
    expect(sort.stderr).toMatch(/sort/)
    const state = await clipfile(['--db', db, 'list', '--state', 'read'])
    expect(state.code).toBe(2)
    expect(state.stderr).toMatch(/state/)
    const color = await clipfile(['--db', db, 'highlight', 'add', '1', '--quote', 'x', '--color', 'red'])
    expect(color.code).toBe(2)
    expect(color.stderr).toMatch(/color/)
  })

  it('serve prints one URL with the token, on loopback', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>ui</title>')
    const child = spawn(process.execPath, [BIN, '--db', join(dir, 's.db'), 'serve', '--port', '0'], {
      env: { ...process.env, CLIPFILE_RENDERER_DIR: dir }
    })
    const line = await new Promise<string>((resolve) => child.stdout.once('data', (c) => resolve(String(c).trim())))
    try {
      expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{32,}$/)
      const base = line.split('#')[0]
      expect((await fetch(`${base}api/info`, { method: 'POST', body: '{}' })).status).toBe(401)
      const token = line.split('#token=')[1]
      const ok = await fetch(`${base}api/info`, { method: 'POST', body: '{}', headers: { Authorization: `Bearer ${token}` } })
      expect(((await ok.json()) as { ok: boolean }).ok).toBe(true)
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('says on stderr when it upgrades an archive for this version, once, and keeps stdout for data', async () => {
    const db = join(tempDir(), 'old.db')
    const old = openDatabase(db, { targetVersion: LATEST_VERSION - 1 })
    old.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (1, 'https://x.test/a', 'Kept through the upgrade', 'now', 'h')").run()
    old.close()
    expect(pendingUpgrade(db)).toEqual({ from: LATEST_VERSION - 1, to: LATEST_VERSION })
    const first = await clipfile(['--db', db, 'list', '--json'])
    expect(first.code).toBe(0)
    expect(first.stderr).toContain(`Upgrading the archive at ${db} for this version of Clipfile (schema ${LATEST_VERSION - 1} → ${LATEST_VERSION})`)
    expect(first.stderr).toMatch(/Upgraded in \d+\.\d s\./u)
    expect(JSON.parse(first.stdout)).toMatchObject([{ title: 'Kept through the upgrade' }])
    expect(pendingUpgrade(db)).toBeNull()
    const again = await clipfile(['--db', db, 'list', '--json'])
    expect(again.stderr).not.toContain('Upgrading')
    // A new archive is created, not upgraded; a file that is not an archive is for openDatabase to refuse.
    const fresh = await clipfile(['--db', join(tempDir(), 'new.db'), 'list'])
    expect(fresh.stderr).not.toContain('Upgrading')
    const notDb = join(tempDir(), 'notes.txt')
    writeFileSync(notDb, 'not a database at all, just text '.repeat(200))
    expect(pendingUpgrade(notDb)).toBeNull()
    expect(pendingUpgrade(join(tempDir(), 'missing.db'))).toBeNull()
  })
})
