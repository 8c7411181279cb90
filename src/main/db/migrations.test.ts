import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'
import { openDatabase, schemaVersion } from './connection'
import { LATEST_VERSION, migrations } from './migrations'
import { tempDbPath } from '../../../test/support/tmp'
import { UserError } from '../../shared/result'
import { openApp } from '../app'

/** SQLite's plan for `sql`, its steps joined by spaces. */
const planOf = (db: Database.Database, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((p) => p.detail).join(' ')

describe('migrations', () => {
  it('numbers migrations 1, 2, 3… without gaps', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
  })

  it('creates the archive: strict tables, foreign keys, WAL, FTS kept in sync', () => {
    const path = tempDbPath()
    const db = openDatabase(path)
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    const strict = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT%'").all()
    expect(strict.map((r) => (r as { name: string }).name).sort()).toEqual(
      [
        'article_checks', 'article_content', 'article_corrections', 'article_tags', 'article_versions', 'articles', 'assets', 'backfills', 'follows',
        'highlight_tags', 'highlights', 'library_counts', 'pairings', 'quotes', 'saved_searches', 'settings', 'speaker_aliases', 'tags',
        'team_config', 'team_outbox', 'team_history', 'team_rejections', 'team_applying'
      ].sort()
    )
    // STRICT refuses a string where a number belongs.
    expect(() =>
      db.prepare("INSERT INTO articles(url, title, saved_at, content_hash, word_count) VALUES ('u', 't', 'now', 'h', 'many')").run()
    ).toThrow(/cannot store TEXT value in INTEGER column/)
    db.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (1, 'u', 'Café talks', 'now', 'h')").run()
    db.prepare("INSERT INTO article_content(article_id, text, doc) VALUES (1, 'The strikes went on', x'00')").run()
    const match = (q: string) => db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?').all(q).length
    expect(match('cafe')).toBe(1)
    expect(match('strike')).toBe(1)
    db.prepare("UPDATE articles SET title = 'Other' WHERE id = 1").run()
    expect(match('cafe')).toBe(0)
    db.prepare('DELETE FROM articles WHERE id = 1').run()
    expect(match('strike')).toBe(0)
    expect(() => db.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow()
    db.close()
  })

  it('upgrades an archive from every earlier version, keeping its rows', () => {
    for (let from = 1; from < LATEST_VERSION; from++) {
      const path = tempDbPath()
      const old = openDatabase(path, { targetVersion: from })
      old.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (7, 'https://x.test/a', 'Kept', '2020-01-01', 'h7')").run()
      old.prepare("INSERT INTO article_content(article_id, text, doc) VALUES (7, 'kept text', x'00')").run()
      old.close()
      const db = openDatabase(path)
      expect(schemaVersion(db)).toBe(LATEST_VERSION)
      expect(db.prepare('SELECT title FROM articles WHERE id = 7').get()).toEqual({ title: 'Kept' })
      db.close()
    }
  })

  it('010 keeps a version-9 archive\'s articles readable: authors from the byline, right-to-left for Arabic', () => {
    const path = tempDbPath()
    const v8 = openDatabase(path, { targetVersion: 9 })
    v8.prepare("INSERT INTO articles(id, url, title, byline, language, saved_at, content_hash) VALUES (1, 'https://x.test/a', 'Old', 'Ana Lima, Tom Reyes', 'en', '2020-01-01', 'h1')").run()
    v8.prepare("INSERT INTO articles(id, url, title, language, saved_at, content_hash) VALUES (2, 'https://x.test/b', 'خبر', 'ar-EG', '2020-01-01', 'h2')").run()
    v8.close()
    const app = openApp(path)
    const db = app.ctx.db
    expect(db.prepare('SELECT id, dir, authors, images_missing FROM articles ORDER BY id').all()).toEqual([
      { id: 1, dir: 'ltr', authors: null, images_missing: 0 },
      { id: 2, dir: 'rtl', authors: null, images_missing: 0 }
    ])
    db.prepare("INSERT INTO article_content(article_id, text, doc) VALUES (1, 'text', x'00')").run()
    expect(() => db.prepare("INSERT INTO article_corrections(article_id, title, corrected_at) VALUES (1, '  ', 'now')").run()).toThrow(/CHECK/)
    app.close()
  })

  it('011 makes the Chinese and Japanese articles of a version-10 archive findable by substring', () => {
    const path = tempDbPath()
    const v9 = openDatabase(path, { targetVersion: 10 })
    v9.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (1, 'https://x.test/a', '新闻', '2020-01-01', 'h1')").run()
    v9.prepare("INSERT INTO article_content(article_id, text, doc) VALUES (1, '宇航员在太空中喝酒', x'00')").run()
    v9.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (2, 'https://x.test/b', 'News', '2020-01-01', 'h2')").run()
    v9.prepare("INSERT INTO article_content(article_id, text, doc) VALUES (2, 'Plain English text', x'00')").run()
    v9.close()
    const db = openDatabase(path)
    expect(db.prepare('SELECT rowid FROM articles_cjk WHERE articles_cjk MATCH ?').all('"太空中"')).toEqual([{ rowid: 1 }])
    expect(db.prepare('SELECT rowid FROM articles_cjk').all()).toEqual([{ rowid: 1 }])
    db.close()
  })

  it('002 adds saved searches to a version-1 archive, keeping its articles', () => {
    const path = tempDbPath()
    const v1 = openDatabase(path, { targetVersion: 1 })
    v1.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (1, 'https://x.test/a', 'Old', '2020-01-01', 'h1')").run()
    v1.close()
    const db = openDatabase(path)
    db.prepare("INSERT INTO saved_searches(name, query, created_at) VALUES ('Iran', 'iran', 'now')").run()
    expect(() => db.prepare("INSERT INTO saved_searches(name, query, created_at) VALUES ('IRAN', 'x', 'now')").run()).toThrow(/UNIQUE/)
    expect(db.prepare('SELECT title FROM articles').get()).toEqual({ title: 'Old' })
    db.close()
  })

  it('003 has the quotes of the articles already in a version-2 archive found when the app opens it', () => {
    const path = tempDbPath()
    const v2 = openDatabase(path, { targetVersion: 2 })
    v2.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (1, 'https://x.test/a', 'Old', '2020-01-01', 'h1')").run()
    v2.prepare("INSERT INTO article_content(article_id, text, doc) VALUES (1, ?, x'00')").run(
      '“We will not leave,” the minister, Ana Lima, said on Monday.'
    )
    v2.close()
    const migrated = openDatabase(path)
    expect(migrated.prepare('SELECT name FROM backfills').all()).toEqual([{ name: 'quotes' }])
    migrated.close()
    const app = openApp(path)
    const db = app.ctx.db
    expect(db.prepare('SELECT text, speaker, kind FROM quotes').all()).toEqual([{ text: 'We will not leave,', speaker: 'Ana Lima', kind: 'direct' }])
    expect(db.prepare('SELECT name FROM backfills').all()).toEqual([])
    app.close()
  })

  it('004 indexes article tags for search, and keeps the index exact through every change', () => {
    const path = tempDbPath()
    const v3 = openDatabase(path, { targetVersion: 3 })
    v3.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (1, 'https://x.test/a', 'Talks', '2020-01-01', 'h1')").run()
    v3.prepare("INSERT INTO article_content(article_id, text, doc) VALUES (1, 'The envoy met officials.', x'00')").run()
    v3.prepare("INSERT INTO tags(id, name) VALUES (1, 'Tillerson')").run()
    v3.prepare('INSERT INTO article_tags(article_id, tag_id) VALUES (1, 1)').run()
    v3.close()
    const db = openDatabase(path)
    const match = (q: string) => (db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?').all(q) as { rowid: number }[]).map((r) => r.rowid)
    const intact = () => db.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)").run()
    expect(match('tillerson')).toEqual([1])
    expect(match('envoy')).toEqual([1])
    db.prepare("INSERT INTO tags(id, name) VALUES (2, 'Middle East')").run()
    db.prepare('INSERT INTO article_tags(article_id, tag_id) VALUES (1, 2)').run()
    // Adding a tag the article has already (INSERT OR IGNORE fires BEFORE but not AFTER).
    db.prepare('INSERT OR IGNORE INTO article_tags(article_id, tag_id) VALUES (1, 2)').run()
    expect(intact).not.toThrow()
    expect(match('"middle east"')).toEqual([1])
    expect(match('"middle east"')).toEqual([1])
    db.prepare("UPDATE tags SET name = 'Rex Tillerson' WHERE id = 1").run()
    expect(match('rex')).toEqual([1])
    db.prepare('DELETE FROM article_tags WHERE tag_id = 2').run()
    expect(match('middle')).toEqual([])
    db.prepare("UPDATE articles SET title = 'Other talks' WHERE id = 1").run()
    db.prepare("UPDATE article_content SET text = 'The envoy left.' WHERE article_id = 1").run()
    expect(match('left tillerson')).toEqual([1])
    expect(intact).not.toThrow()
    db.prepare('DELETE FROM articles WHERE id = 1').run()
    expect(match('tillerson')).toEqual([])
    expect(intact).not.toThrow()
    db.close()
  })

  it('006 gives a version-5 archive UUIDs, and queues changes of team articles only, never while applying pulled ones', () => {
    const path = tempDbPath()
    const v5 = openDatabase(path, { targetVersion: 5 })
    v5.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (1, 'https://x.test/a', 'Old', '2020-01-01', 'h1')").run()
    v5.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (2, 'https://x.test/b', 'Private', '2020-01-01', 'h2')").run()
    v5.prepare("INSERT INTO highlights(id, article_id, exact, start_pos, end_pos, created_at, updated_at) VALUES (1, 1, 'x', 0, 1, 'now', 'now')").run()
    v5.close()
    const db = openDatabase(path)
    const uuids = db.prepare('SELECT uuid FROM articles UNION ALL SELECT uuid FROM highlights').pluck().all() as string[]
    expect(uuids).toHaveLength(3)
    for (const u of uuids) expect(u).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(uuids).size).toBe(3)
    // A row written by plain SQL gets one too (the db layer gives its own).
    db.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (3, 'https://x.test/c', 'New', 'now', 'h3')").run()
    expect(db.prepare('SELECT uuid FROM articles WHERE id = 3').pluck().get()).toMatch(/^[0-9a-f-]{36}$/)
    const queued = () => db.prepare('SELECT kind, fields FROM team_outbox ORDER BY id').all()
    db.prepare("UPDATE highlights SET note = 'private note' WHERE id = 1").run()
    db.prepare("UPDATE articles SET title = 'Still private' WHERE id = 2").run()
    expect(queued()).toEqual([])
    db.prepare("UPDATE articles SET team = 'shared' WHERE id = 1").run()
    db.prepare("UPDATE highlights SET note = 'shared note', color = 'green' WHERE id = 1").run()
    db.prepare("UPDATE highlights SET note = 'shared note' WHERE id = 1").run()
    expect(queued()).toEqual([{ kind: 'highlight', fields: '["color","note"]' }])
    db.prepare('INSERT INTO team_applying(x) VALUES (1)').run()
    db.prepare("UPDATE highlights SET note = 'pulled' WHERE id = 1").run()
    db.prepare('DELETE FROM team_applying').run()
    db.prepare('DELETE FROM articles WHERE id = 1').run()
    // The article's tombstone covers its highlights (the server deletes them with it).
    expect(queued()).toEqual([{ kind: 'highlight', fields: '["color","note"]' }, { kind: 'article-delete', fields: null }])
    db.close()
  })

  it('007 adds pairings to a version-6 archive: hashed tokens, one pending code at a time, articles findable by URL', () => {
    const path = tempDbPath()
    const v6 = openDatabase(path, { targetVersion: 6 })
    v6.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (1, 'https://x.test/a', 'Old', '2020-01-01', 'h1')").run()
    v6.close()
    const db = openDatabase(path)
    const add = db.prepare("INSERT INTO pairings(token_hash, origin, browser, status, code, created_at) VALUES (?, 'chrome-extension://x', 'Chromium', ?, ?, 'now')")
    add.run('hash-1', 'pending', '4821')
    // The same code cannot be pending twice; an approved pairing has no code, a pending one must.
    expect(() => add.run('hash-2', 'pending', '4821')).toThrow(/UNIQUE/)
    expect(() => add.run('hash-3', 'approved', '1234')).toThrow(/CHECK/)
    expect(() => add.run('hash-4', 'pending', null)).toThrow(/CHECK/)
    expect(() => add.run('hash-1', 'approved', null)).toThrow(/UNIQUE/)
    expect(planOf(db, "SELECT id FROM articles WHERE url = 'https://x.test/a'")).toMatch(/USING (COVERING )?INDEX articles_url/)
    expect(db.prepare('SELECT title FROM articles').get()).toEqual({ title: 'Old' })
    db.close()
  })

  it('008 makes every article of a version-7 archive its own version 1, moving and rewriting nothing', () => {
    const path = tempDbPath()
    const v7 = openDatabase(path, { targetVersion: 7 })
    const text = 'The envoy met officials.\n\n“We will stay,” the minister said.'
    v7.prepare(
      `INSERT INTO articles(id, url, canonical_url, title, byline, site, published_at, saved_at, language, excerpt, word_count, content_hash)
       VALUES (3, 'https://x.test/a', 'https://x.test/a', 'Talks', 'Ana Lima', 'The Times', '2020-01-01', '2020-01-02T10:00:00.000Z', 'en', 'Ex', 9, 'h3')`
    ).run()
    v7.prepare("INSERT INTO article_content(article_id, text, doc, raw, raw_type) VALUES (3, ?, x'00', x'01', 'text/html')").run(text)
    v7.prepare(
      `INSERT INTO highlights(id, article_id, exact, start_pos, end_pos, created_at, updated_at)
       VALUES (4, 3, 'envoy met', 4, 13, '2020-01-03', '2020-01-03')`
    ).run()
    v7.close()
    const db = openDatabase(path)
    expect(db.prepare('SELECT article_id, number, how, title, byline, url, word_count, content_hash, text, doc, raw, summary FROM article_versions').all()).toEqual([
      { article_id: 3, number: 1, how: 'import', title: 'Talks', byline: 'Ana Lima', url: 'https://x.test/a', word_count: 9, content_hash: 'h3', text: null, doc: null, raw: null, summary: null }
    ])
    expect(JSON.parse((db.prepare('SELECT metadata FROM article_versions').get() as { metadata: string }).metadata)).toEqual({
      canonicalUrl: 'https://x.test/a', site: 'The Times', publishedAt: '2020-01-01', modifiedAt: null, language: 'en', excerpt: 'Ex'
    })
    expect(db.prepare('SELECT created_at FROM article_versions').get()).toEqual({ created_at: '2020-01-02T10:00:00.000Z' })
    expect(db.prepare('SELECT current_version FROM articles WHERE id = 3').get()).toEqual({ current_version: 1 })
    // The content stays where it was, untouched.
    expect(db.prepare('SELECT text, hex(doc) AS doc, hex(raw) AS raw FROM article_content').get()).toEqual({ text, doc: '00', raw: '01' })
    expect(db.prepare('SELECT version, original_exact, changed_in FROM highlights').get()).toEqual({ version: 1, original_exact: 'envoy met', changed_in: null })
    // Two articles may now share a text hash (two pages turned into one "article removed" page).
    db.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (8, 'u8', 'Other', 'now', 'h3')").run()
    expect(db.prepare('SELECT count(*) AS n FROM follows').get()).toEqual({ n: 0 })
    db.close()
  })

  it('012 indexes a version-11 archive for site: and speaker: filters, replacing the plain speaker index', () => {
    const path = tempDbPath()
    const v11 = openDatabase(path, { targetVersion: 11 })
    v11.prepare("INSERT INTO articles(id, url, title, site, saved_at, content_hash) VALUES (1, 'HTTPS://News.X.test/a', 'Old', 'The X', '2020-01-01', 'h1')").run()
    v11.prepare("INSERT INTO quotes(article_id, start_pos, end_pos, text, speaker, speaker_key, confidence, kind) VALUES (1, 0, 4, 'text', 'Ana Lima', 'ana lima', 0.9, 'direct')").run()
    v11.close()
    const db = openDatabase(path)
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND name LIKE ? ORDER BY name").pluck()
    expect(names.all('quotes_%')).toEqual(expect.arrayContaining(['quotes_speaker_article', 'quotes_surname_article']))
    expect(names.all('quotes_speaker')).toEqual([])
    expect(names.all('articles_%')).toEqual(expect.arrayContaining(['articles_host', 'articles_site']))
    // The expression indexes hold what the filters look up: the host, lower-cased; the speaker's last word.
    const host = "lower(CASE WHEN instr(substr(url, instr(url, '://') + 3), '/') > 0 THEN substr(substr(url, instr(url, '://') + 3), 1, instr(substr(url, instr(url, '://') + 3), '/') - 1) ELSE substr(url, instr(url, '://') + 3) END)"
    expect(planOf(db, `SELECT id FROM articles WHERE ${host} = 'news.x.test'`)).toMatch(/USING (COVERING )?INDEX articles_host/)
    expect(db.prepare(`SELECT id FROM articles WHERE ${host} = 'news.x.test'`).pluck().all()).toEqual([1])
    const surname = "substr(speaker_key, length(rtrim(speaker_key, replace(speaker_key, ' ', ''))) + 1)"
    expect(planOf(db, `SELECT article_id FROM quotes WHERE ${surname} = 'lima' AND kind <> 'scare'`)).toMatch(/USING COVERING INDEX quotes_surname_article/)
    expect(db.prepare(`SELECT article_id FROM quotes WHERE ${surname} = 'lima'`).pluck().all()).toEqual([1])
    db.close()
  })

  it('013 indexes a version-12 archive by id: articles with their date, highlights with their article', () => {
    const path = tempDbPath()
    const v12 = openDatabase(path, { targetVersion: 12 })
    v12.prepare("INSERT INTO articles(id, url, title, saved_at, published_at, content_hash) VALUES (3, 'u3', 'Old', 'now', '2021-05-01', 'h3')").run()
    v12.prepare("INSERT INTO highlights(id, uuid, article_id, exact, prefix, suffix, start_pos, end_pos, created_at, updated_at) VALUES (9, 'x', 3, 'e', '', '', 0, 1, 'now', 'now')").run()
    v12.close()
    const db = openDatabase(path)
    // What search reads from them (compile.ts dateSet, tagSet): no row of either table.
    const date = "SELECT 1 FROM articles d INDEXED BY articles_id_published WHERE d.id = 3 AND d.published_at >= '2021-01-01'"
    expect(planOf(db, date)).toMatch(/USING COVERING INDEX articles_id_published/)
    expect(db.prepare(date).all()).toHaveLength(1)
    const article = 'SELECT h.article_id FROM highlights h INDEXED BY highlights_id_article WHERE h.id = 9'
    expect(planOf(db, article)).toMatch(/USING COVERING INDEX highlights_id_article/)
    expect(db.prepare(article).pluck().all()).toEqual([3])
    db.close()
  })

  it('014 gives the tags of a version-13 archive their articles\' dates, indexed, and keeps the copies exact through every change', () => {
    const path = tempDbPath()
    const v13 = openDatabase(path, { targetVersion: 13 })
    const article = (id: number, published: string | null) =>
      v13.prepare("INSERT INTO articles(id, url, title, saved_at, published_at, content_hash) VALUES (?, ?, 'A', 'now', ?, ?)").run(id, `u${id}`, published, `h${id}`)
    article(1, '2019-03-01')
    article(2, '2021-07-09')
    article(3, null)
    v13.prepare("INSERT INTO tags(id, name) VALUES (1, 'Syria'), (2, 'Iran')").run()
    v13.prepare('INSERT INTO article_tags(article_id, tag_id) VALUES (1, 1), (2, 1), (3, 2)').run()
    const highlight = (db: typeof v13, id: number, articleId: number) =>
      db.prepare("INSERT INTO highlights(id, uuid, article_id, exact, prefix, suffix, start_pos, end_pos, created_at, updated_at) VALUES (?, ?, ?, 'e', '', '', 0, 1, 'now', 'now')").run(id, `x${id}`, articleId)
    highlight(v13, 9, 2)
    v13.prepare('INSERT INTO highlight_tags(highlight_id, tag_id) VALUES (9, 2)').run()
    v13.close()

    const db = openDatabase(path)
    const own = () => db.prepare('SELECT article_id, tag_id, published_at FROM article_tags ORDER BY 1, 2').raw().all()
    const viaHl = () => db.prepare('SELECT highlight_id, tag_id, article_id, published_at FROM highlight_tags ORDER BY 1, 2').raw().all()
    // Filled from the articles by the migration.
    expect(own()).toEqual([[1, 1, '2019-03-01'], [2, 1, '2021-07-09'], [3, 2, null]])
    expect(viaHl()).toEqual([[9, 2, 2, '2021-07-09']])
    // Read from the indexes alone (search/filters.ts tagSet).
    expect(planOf(db, "SELECT count(*) FROM article_tags at WHERE at.tag_id = 1 AND at.published_at >= '2020'")).toMatch(/COVERING INDEX article_tags_tag_published/)
    expect(planOf(db, "SELECT ht.article_id FROM highlight_tags ht WHERE ht.tag_id = 2 AND ht.article_id >= 2 AND ht.published_at >= '2020'")).toMatch(
      /COVERING INDEX highlight_tags_tag_article/
    )
    // Kept exact: every copy equals the article's date and the highlight's article, after each change.
    const stale = () =>
      db
        .prepare(
          `SELECT (SELECT count(*) FROM article_tags at JOIN articles a ON a.id = at.article_id WHERE at.published_at IS NOT a.published_at) +
                  (SELECT count(*) FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id JOIN articles a ON a.id = h.article_id
                   WHERE ht.article_id IS NOT h.article_id OR ht.published_at IS NOT a.published_at)`
        )
        .pluck()
        .get()
    const changes = [
      () => db.prepare('INSERT INTO article_tags(article_id, tag_id) VALUES (1, 2)').run(),
      () => db.prepare("UPDATE articles SET published_at = '2022-01-01' WHERE id = 2").run(),
      () => db.prepare('UPDATE articles SET published_at = NULL WHERE id = 1').run(),
      () => db.prepare("UPDATE articles SET published_at = '2018-05-05', title = 'B' WHERE id = 3").run(),
      () => highlight(db, 10, 3),
      () => db.prepare('INSERT INTO highlight_tags(highlight_id, tag_id) VALUES (10, 1), (10, 2)').run(),
      () => db.prepare('UPDATE highlights SET article_id = 1 WHERE id = 10').run(),
      () => db.prepare('DELETE FROM article_tags WHERE article_id = 1 AND tag_id = 2').run(),
      () => db.prepare('DELETE FROM articles WHERE id = 2').run()
    ]
    for (const change of changes) {
      change()
      expect(stale()).toBe(0)
    }
    expect(viaHl()).toEqual([[10, 1, 1, null], [10, 2, 1, null]])
    expect(own()).toEqual([[1, 1, null], [3, 2, '2018-05-05']])
    db.close()
  })

  it('016 indexes a version-15 archive\'s outlets, authors and dates by id, and the facets read them from it alone', () => {
    const path = tempDbPath()
    const v15 = openDatabase(path, { targetVersion: 15 })
    v15.prepare("INSERT INTO articles(id, url, title, byline, site, saved_at, published_at, content_hash) VALUES (4, 'u4', 'A', 'Ann Lee', 'Ledger', 'now', '2020-02-02', 'h4')").run()
    v15.close()
    const db = openDatabase(path)
    const sql = "WITH m(id) AS (SELECT value FROM json_each('[4]')) SELECT a.site, a.byline, a.published_at FROM m JOIN articles a INDEXED BY articles_id_facets ON a.id = m.id"
    expect(planOf(db, sql)).toMatch(/USING COVERING INDEX articles_id_facets/)
    expect(db.prepare(sql).raw().all()).toEqual([['Ledger', 'Ann Lee', '2020-02-02']])
    // Kept by SQLite through a change of any of its columns.
    db.prepare("UPDATE articles SET site = 'Herald', byline = NULL, published_at = '2021-01-01' WHERE id = 4").run()
    expect(db.prepare(sql).raw().all()).toEqual([['Herald', null, '2021-01-01']])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })

  it('refuses an archive written by a newer version, and leaves the file untouched', () => {
    const path = tempDbPath()
    const raw = new Database(path)
    raw.exec('CREATE TABLE future(x)')
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`)
    raw.close()
    const before = readFileSync(path)
    expect(() => openDatabase(path)).toThrow(UserError)
    expect(() => openDatabase(path)).toThrow(/newer version of Clipfile.*has not been changed/s)
    expect(readFileSync(path).equals(before)).toBe(true)
  })

  it('refuses a file that is not a database with a clear message', () => {
    const path = tempDbPath()
    writeFileSync(path, 'this is a text file, not SQLite '.repeat(100))
    expect(() => openDatabase(path)).toThrow(/not a Clipfile archive/)
  })

  it('runs a failing migration in a transaction: nothing half-applied, version unchanged', () => {
    const path = tempDbPath()
    openDatabase(path).close()
    const broken = [
      ...migrations,
      { version: LATEST_VERSION + 1, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half(x); SELECT * FROM missing_table') }
    ]
    expect(() => openDatabase(path, { migrations: broken })).toThrow(/no such table/)
    const db = openDatabase(path)
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half'").get()).toBeUndefined()
    db.close()
  })
})
