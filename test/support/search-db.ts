/** Test fixtures: real temporary SQLite archives filled with plain SQL, as the brief asks. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type DB } from '../../src/main/db/connection'

export interface TestArticle {
  title: string
  text: string
  url?: string
  byline?: string | null
  site?: string | null
  publishedAt?: string | null
  savedAt?: string
  language?: string | null
  tags?: string[]
}

export interface TestHighlight {
  exact: string
  note?: string
  color?: string
  tags?: string[]
}

export interface TestDb {
  db: DB
  add(a: TestArticle): number
  highlight(articleId: number, h: TestHighlight): number
  close(): void
}

let counter = 0

export function createTestDb(): TestDb {
  const dir = mkdtempSync(join(tmpdir(), 'clipfile-search-'))
  const db = openDatabase(join(dir, 'archive.db'))
  return {
    db,
    add: (a) => addArticle(db, a),
    highlight: (id, h) => addHighlight(db, id, h),
    close() {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

function tagId(db: DB, name: string): number {
  db.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT DO NOTHING').run(name)
  return db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number
}

function addArticle(db: DB, a: TestArticle): number {
  const n = ++counter
  const info = db
    .prepare(
      `INSERT INTO articles (url, title, byline, site, published_at, saved_at, language, content_hash)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      a.url ?? `https://example.org/${n}`,
      a.title,
      a.byline ?? null,
      a.site ?? null,
      a.publishedAt ?? null,
      a.savedAt ?? `2024-01-01T00:00:${String(n % 60).padStart(2, '0')}Z`,
      a.language ?? null,
      `hash-${n}-${Math.random()}`
    )
  const id = Number(info.lastInsertRowid)
  db.prepare("INSERT INTO article_content (article_id, text, doc) VALUES (?, ?, x'00')").run(id, a.text)
  for (const t of a.tags ?? []) db.prepare('INSERT INTO article_tags (article_id, tag_id) VALUES (?, ?)').run(id, tagId(db, t))
  return id
}

function addHighlight(db: DB, articleId: number, h: TestHighlight): number {
  const info = db
    .prepare(
      `INSERT INTO highlights (article_id, color, note, exact, start_pos, end_pos, created_at, updated_at)
       VALUES (?, ?, ?, ?, 0, ?, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`
    )
    .run(articleId, h.color ?? 'yellow', h.note ?? '', h.exact, h.exact.length)
  const id = Number(info.lastInsertRowid)
  for (const t of h.tags ?? []) db.prepare('INSERT INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)').run(id, tagId(db, t))
  return id
}
