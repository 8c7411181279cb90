/**
 * Upgrades, beyond src/main/db/migrations.test.ts (which keeps one article row across each
 * upgrade): an archive of every earlier version holding every kind of data a user has
 * (articles, content, images, highlights with notes, tags on both, saved searches) comes
 * through the app with all of it readable and searchable, and passes `clipfile check`.
 * A newer archive is refused through the app and the CLI too, and left as it was.
 */
import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { openDatabase, schemaVersion, type DB } from '../../src/main/db/connection'
import { LATEST_VERSION } from '../../src/main/db/migrations'
import { packJson } from '../../src/main/db/codec'
import { openApp } from '../../src/main/app'
import { runChecks } from '../../src/main/maintenance'
import { CLI_BUNDLE } from '../../scripts/build-cli.js'
import { runCli } from '../support/cli'
import { tempDbPath } from '../support/tmp'
import { PNG_40x30 } from '../support/http'

const TEXT = 'The harbour council met on Tuesday.\n\nZanzibarian ferries were the main subject of the evening debate.'
const DOC = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'The harbour council met on Tuesday.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Zanzibarian ferries were the main subject of the evening debate.' }] }
  ]
}

/** Everything a user can have, written with the SQL of the version the archive is at. */
function fill(db: DB, version: number): void {
  const tables = new Set((db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name))
  db.prepare(
    `INSERT INTO articles(id, url, canonical_url, title, byline, site, published_at, saved_at, language, excerpt, word_count, content_hash)
     VALUES (5, 'https://news.test/ferries', 'https://news.test/ferries', 'Ferry debate', 'Ana Lima', 'The Harbour Times',
             '2019-05-01T09:00:00Z', '2019-05-02T10:00:00Z', 'en', 'The council met.', 17, 'hash-5')`
  ).run()
  db.prepare('INSERT INTO article_content(article_id, text, doc, raw, raw_type) VALUES (5, ?, ?, ?, ?)').run(TEXT, packJson(DOC), Buffer.from('<p>raw</p>'), 'text/html')
  db.prepare("INSERT INTO assets(id, article_id, source_url, mime, sha256, bytes) VALUES (3, 5, 'https://news.test/a.png', 'image/png', 'sha', ?)").run(PNG_40x30)
  db.prepare("INSERT INTO tags(id, name) VALUES (1, 'Ferries'), (2, 'Quotable')").run()
  db.prepare('INSERT INTO article_tags(article_id, tag_id) VALUES (5, 1)').run()
  const start = TEXT.indexOf('Zanzibarian')
  db.prepare(
    `INSERT INTO highlights(id, article_id, color, note, exact, prefix, suffix, start_pos, end_pos, created_at, updated_at)
     VALUES (9, 5, 'green', 'Check with the port authority', 'Zanzibarian ferries', ?, ?, ?, ?, '2019-05-03', '2019-05-03')`
  ).run(TEXT.slice(Math.max(0, start - 32), start), TEXT.slice(start + 19, start + 51), start, start + 19)
  db.prepare('INSERT INTO highlight_tags(highlight_id, tag_id) VALUES (9, 2)').run()
  if (tables.has('article_versions')) {
    // From 008 on an article is stored with its version 1, and a highlight with its words as made.
    db.prepare(
      `INSERT INTO article_versions(article_id, number, created_at, how, url, title, byline, metadata, word_count, content_hash)
       SELECT id, 1, saved_at, 'import', url, title, byline,
              json_object('canonicalUrl', canonical_url, 'site', site, 'publishedAt', published_at, 'modifiedAt', modified_at,
                          'language', language, 'excerpt', excerpt),
              word_count, content_hash
       FROM articles WHERE id = 5`
    ).run()
    db.prepare('UPDATE highlights SET original_exact = exact WHERE id = 9').run()
  }
  if (tables.has('saved_searches')) db.prepare("INSERT INTO saved_searches(name, query, created_at) VALUES ('Ferries', 'ferries', '2019-05-04')").run()
  expect(schemaVersion(db)).toBe(version)
}

/** Every table's rows (blobs as hex): "left untouched" means this is the same before and after. */
function dump(path: string): string {
  const db = new Database(path, { readonly: true })
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((r) => r.name)
    const out: Record<string, unknown> = { user_version: db.pragma('user_version', { simple: true }) }
    for (const t of tables) out[t] = db.prepare(`SELECT * FROM "${t}"`).all()
    return JSON.stringify(out, (_k, v) => (v && v.type === 'Buffer' ? Buffer.from(v.data).toString('hex') : v))
  } finally {
    db.close()
  }
}

describe('upgrades with data in them', () => {
  for (let from = 1; from < LATEST_VERSION; from++) {
    it(`an archive at version ${from} keeps articles, images, highlights, notes, tags and searches, all findable`, async () => {
      const path = tempDbPath()
      const old = openDatabase(path, { targetVersion: from })
      fill(old, from)
      old.close()

      const app = openApp(path)
      try {
        expect(schemaVersion(app.ctx.db)).toBe(LATEST_VERSION)
        const article = await app.api.getArticle({ id: 5 })
        if (!article.ok) throw new Error(article.error.message)
        expect(article.value).toMatchObject({ title: 'Ferry debate', byline: 'Ana Lima', site: 'The Harbour Times', text: TEXT, tags: ['Ferries'] })
        expect(article.value.doc).toEqual(DOC)
        expect(article.value.highlights).toHaveLength(1)
        expect(article.value.highlights[0]).toMatchObject({ exact: 'Zanzibarian ferries', note: 'Check with the port authority', tags: ['Quotable'] })
        expect(app.ctx.db.prepare('SELECT length(bytes) AS n FROM assets WHERE id = 3').get()).toEqual({ n: PNG_40x30.length })

        // The search indexes came through: words of the text, a note, and tag filters find them.
        const byText = await app.api.search({ query: 'zanzibarian' })
        expect(byText.ok && byText.value.total).toBeGreaterThan(0)
        const byNote = await app.api.search({ query: 'authority' })
        expect(byNote.ok && byNote.value.total).toBeGreaterThan(0)
        const byTag = await app.api.search({ query: 'tag:Quotable' })
        expect(byTag.ok && byTag.value.total).toBeGreaterThan(0)
        const tags = await app.api.listTags({})
        expect(tags.ok && tags.value.map((t) => t.name).sort()).toEqual(['Ferries', 'Quotable'])
        if (from >= 2) {
          const saved = await app.api.listSavedSearches({})
          expect(saved.ok && saved.value.map((s) => s.name)).toEqual(['Ferries'])
        }
        // Each article is its own version 1, whole, with its highlights on it.
        const versions = await app.api.listVersions({ articleId: 5 })
        expect(versions.ok && versions.value.map((v) => [v.number, v.title, v.hash])).toEqual([[1, 'Ferry debate', 'hash-5']])
        const v1 = await app.api.getVersion({ articleId: 5, number: 1 })
        expect(v1.ok && v1.value.text).toBe(TEXT)
        expect(article.value.highlights[0]).toMatchObject({ version: 1, originalExact: 'Zanzibarian ferries', changedIn: null })
        expect(runChecks(app.ctx.db)).toMatchObject({ ok: true, problems: [] })
      } finally {
        app.close()
      }
      // And the CLI agrees (in this process: the one refused below shows the spawned command's output).
      const check = await runCli(['--db', path, 'check', '--json'])
      expect(check.code, check.stderr).toBe(0)
    }, 60_000)
  }

  it('is idempotent: opening an upgraded archive again changes nothing', () => {
    const path = tempDbPath()
    const old = openDatabase(path, { targetVersion: 1 })
    fill(old, 1)
    old.close()
    openDatabase(path).close()
    const once = dump(path)
    openDatabase(path).close()
    expect(dump(path)).toBe(once)
  })
})

describe('an archive from a newer Clipfile', () => {
  function newerArchive(wal: boolean): string {
    const path = tempDbPath()
    const db = openDatabase(path)
    fill(db, LATEST_VERSION)
    db.exec('CREATE TABLE from_the_future(x TEXT)')
    db.pragma(`user_version = ${LATEST_VERSION + 1}`)
    if (!wal) db.pragma('journal_mode = DELETE')
    db.close()
    return path
  }

  it('is refused by the app and the CLI, with one clear line, and the file is left byte for byte', async () => {
    const path = newerArchive(false)
    const before = readFileSync(path)
    const siblings = readdirSync(dirname(path)).sort()
    expect(() => openApp(path)).toThrow(/newer version of Clipfile/)
    // The command as a user runs it, in its own process: one line, no stack trace.
    const spawned = spawnSync(process.execPath, [CLI_BUNDLE, '--db', path, 'list'], { encoding: 'utf8' })
    const runs = [{ args: ['list'], code: spawned.status, stderr: spawned.stderr }]
    for (const args of [['check', '--json'], ['import', '/nonexistent'], ['backup', join(dirname(path), 'b.db')]]) {
      runs.push({ args, ...(await runCli(['--db', path, ...args])) })
    }
    for (const r of runs) {
      const what = r.args.join(' ')
      expect(r.code, what).not.toBe(0)
      expect(r.stderr, what).toMatch(/newer version of Clipfile/)
      expect(r.stderr.trim().split('\n'), what).toHaveLength(1)
      expect(r.stderr, what).not.toMatch(/\bat \S+ \(|node:internal/)
    }
    expect(readFileSync(path).equals(before)).toBe(true)
    // No journal, WAL or backup file appeared beside it.
    expect(readdirSync(dirname(path)).sort()).toEqual(siblings)
  })

  it('is refused with its unflushed write-ahead log, and keeps every row (a newer app that crashed)', () => {
    const path = newerArchive(true)
    // Copy the files while a writer holds un-checkpointed changes: what a crash leaves.
    const writer = new Database(path)
    writer.pragma('wal_autocheckpoint = 0')
    writer.prepare("INSERT INTO from_the_future(x) VALUES ('only in the WAL')").run()
    const crashed = join(dirname(path), 'crashed.db')
    copyFileSync(path, crashed)
    copyFileSync(`${path}-wal`, `${crashed}-wal`)
    writer.close()
    const contents = dump(crashed)
    expect(contents).toContain('only in the WAL')
    expect(() => openDatabase(crashed)).toThrow(/newer version of Clipfile/)
    expect(dump(crashed)).toBe(contents)
    expect(existsSync(crashed)).toBe(true)
  })
})
