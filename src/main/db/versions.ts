/**
 * Rows of `article_versions` and `article_checks` (migration 008). The current version's
 * content lives in `article_content`; older versions hold theirs as a delta against the
 * next one (see codec.ts), so reading version n rebuilds it backwards from the current one.
 */
import type { ArticleMetadata, ChangeSummary, CheckRecord, VersionInfo } from '../../shared/types'
import type { CheckOutcome, VersionHow } from '../../shared/vocabulary'
import type { DB } from './connection'
import { packVersionBlob, unpackBytes, unpackDocText, unpackVersionBlob } from './codec'

interface VersionRow {
  number: number
  created_at: string
  how: VersionHow
  url: string | null
  title: string
  byline: string | null
  word_count: number
  content_hash: string
  summary: string | null
}

const INFO_COLUMNS = 'number, created_at, how, url, title, byline, word_count, content_hash, summary'

const toInfo = (r: VersionRow): VersionInfo => ({
  number: r.number,
  createdAt: r.created_at,
  how: r.how,
  url: r.url,
  title: r.title,
  byline: r.byline,
  words: r.word_count,
  hash: r.content_hash,
  summary: r.summary ? (JSON.parse(r.summary) as ChangeSummary) : null
})

export interface NewVersion {
  articleId: number
  number: number
  createdAt: string
  how: VersionHow
  url: string | null
  title: string
  byline: string | null
  metadata: Omit<ArticleMetadata, 'title' | 'byline'>
  wordCount: number
  contentHash: string
  summary: ChangeSummary | null
}

/** Records a new (current) version; its content is the article's current content. */
export function insertVersion(db: DB, v: NewVersion): void {
  db.prepare(
    `INSERT INTO article_versions(article_id, number, created_at, how, url, title, byline, metadata, word_count, content_hash, summary)
     VALUES (@articleId, @number, @createdAt, @how, @url, @title, @byline, @metadata, @wordCount, @contentHash, @summary)`
  ).run({ ...v, metadata: JSON.stringify(v.metadata), summary: v.summary ? JSON.stringify(v.summary) : null })
  db.prepare('UPDATE articles SET current_version = ? WHERE id = ?').run(v.number, v.articleId)
}

/** The version an article shows now, or null for an unknown article. */
export function currentVersion(db: DB, articleId: number): VersionInfo | null {
  const row = db
    .prepare(
      `SELECT ${INFO_COLUMNS} FROM article_versions v
       WHERE v.article_id = ? AND v.number = (SELECT current_version FROM articles WHERE id = v.article_id)`
    )
    .get(articleId) as VersionRow | undefined
  return row ? toInfo(row) : null
}

/** Every version of an article, oldest first. */
export function listVersions(db: DB, articleId: number): VersionInfo[] {
  return (db.prepare(`SELECT ${INFO_COLUMNS} FROM article_versions WHERE article_id = ? ORDER BY number`).all(articleId) as VersionRow[]).map(toInfo)
}

/** The content hash of version `number` of an article (null: no such version). */
export function versionHash(db: DB, articleId: number, number: number): string | null {
  return db.prepare<[number, number], { h: string }>('SELECT content_hash AS h FROM article_versions WHERE article_id = ? AND number = ?').get(articleId, number)?.h ?? null
}

/** The metadata a version was saved with (site, dates, language…). */
export function versionMetadata(db: DB, articleId: number, number: number): Partial<Omit<ArticleMetadata, 'title' | 'byline'>> {
  const row = db.prepare<[number, number], { metadata: string }>('SELECT metadata FROM article_versions WHERE article_id = ? AND number = ?').get(articleId, number)
  return JSON.parse(row?.metadata ?? '{}') as Partial<Omit<ArticleMetadata, 'title' | 'byline'>>
}

/** A version's content: plain text, reader document (JSON text), raw page. */
export interface VersionContent {
  text: string
  docJson: string
  raw: Buffer | null
  rawType: string | null
}

/**
 * Stores the content of version `number` — until now the current one — as a delta against
 * `next`, the content of the version that replaces it. Runs in the caller's transaction.
 */
export function storeSuperseded(db: DB, articleId: number, number: number, old: VersionContent, next: VersionContent): void {
  const pack = (content: string | Buffer | null, base: string | Buffer | null): Buffer | null =>
    content === null ? null : packVersionBlob(toBytes(content), base === null ? null : toBytes(base))
  db.prepare('UPDATE article_versions SET text = ?, doc = ?, raw = ?, raw_type = ? WHERE article_id = ? AND number = ?').run(
    pack(old.text, next.text),
    pack(old.docJson, next.docJson),
    pack(old.raw, next.raw),
    old.rawType,
    articleId,
    number
  )
}

const toBytes = (x: string | Buffer): Buffer => (typeof x === 'string' ? Buffer.from(x, 'utf8') : x)

/** The current content as stored in article_content (raw page unpacked only when asked). */
export function currentContent(db: DB, articleId: number, withRaw: boolean): VersionContent | null {
  const row = db
    .prepare<[number], { text: string; doc: Buffer; raw: Buffer | null; raw_type: string | null }>(
      `SELECT text, doc, ${withRaw ? 'raw' : 'NULL AS raw'}, raw_type FROM article_content WHERE article_id = ?`
    )
    .get(articleId)
  if (!row) return null
  return { text: row.text, docJson: unpackDocText(row.doc, row.text), raw: row.raw ? unpackBytes(row.raw) : null, rawType: row.raw_type }
}

/**
 * Version `number`'s content, rebuilt from the current content back through each later
 * version's delta; null when there is no such version. The raw page only when asked (it is
 * the largest part).
 */
export function versionContent(db: DB, articleId: number, number: number, withRaw = false): VersionContent | null {
  const rows = db
    .prepare<[number, number], { number: number; text: Buffer | null; doc: Buffer | null; raw: Buffer | null; raw_type: string | null }>(
      `SELECT number, text, doc, ${withRaw ? 'raw' : 'NULL AS raw'}, raw_type FROM article_versions
       WHERE article_id = ? AND number >= ? ORDER BY number DESC`
    )
    .all(articleId, number)
  if (rows.length === 0 || rows[rows.length - 1].number !== number) return null
  let content = currentContent(db, articleId, withRaw)
  if (!content) return null
  for (const r of rows) {
    if (r.text === null) continue // the current version: its content is article_content's
    const next: VersionContent = content
    content = {
      text: unpackVersionBlob(r.text, Buffer.from(next.text, 'utf8')).toString('utf8'),
      docJson: r.doc ? unpackVersionBlob(r.doc, Buffer.from(next.docJson, 'utf8')).toString('utf8') : next.docJson,
      raw: withRaw && r.raw ? unpackVersionBlob(r.raw, next.raw) : null,
      rawType: r.raw_type
    }
  }
  return content
}

/** Bytes an article's older versions take (their packed content), for the benchmarks and `check`. */
export function versionBytes(db: DB): { versions: number; bytes: number } {
  return db
    .prepare(
      `SELECT count(*) AS versions,
              coalesce(sum(length(text) + length(doc) + coalesce(length(raw), 0) + length(metadata) + coalesce(length(summary), 0)), 0) AS bytes
       FROM article_versions WHERE text IS NOT NULL`
    )
    .get() as { versions: number; bytes: number }
}

// ---------------------------------------------------------------------------------------
// Checks

export interface NewCheck {
  articleId: number
  checkedAt: string
  how: VersionHow
  outcome: CheckOutcome
  status?: number | null
  url?: string | null
  version?: number | null
  message?: string | null
}

export function insertCheck(db: DB, c: NewCheck): void {
  db.prepare(
    `INSERT INTO article_checks(article_id, checked_at, how, outcome, status, url, version, message)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(c.articleId, c.checkedAt, c.how, c.outcome, c.status ?? null, c.url ?? null, c.version ?? null, c.message ?? null)
}

/** An article's latest checks, newest first. */
export function listChecks(db: DB, articleId: number, limit = 20): CheckRecord[] {
  const rows = db
    .prepare(
      `SELECT checked_at, how, outcome, status, url, version, message FROM article_checks
       WHERE article_id = ? ORDER BY checked_at DESC, id DESC LIMIT ?`
    )
    .all(articleId, limit) as { checked_at: string; how: VersionHow; outcome: CheckOutcome; status: number | null; url: string | null; version: number | null; message: string | null }[]
  return rows.map((r) => ({ checkedAt: r.checked_at, how: r.how, outcome: r.outcome, status: r.status, url: r.url, version: r.version, message: r.message }))
}

// ---------------------------------------------------------------------------------------
// Changes across the archive

/** What counts as a change of an article: a later version not made by re-extracting it. */
const IS_CHANGE = "v.number > 1 AND v.how <> 'reextract'"

export interface ChangeRow {
  articleId: number
  version: number
  of: number
  changedAt: string
  how: VersionHow
  summary: ChangeSummary | null
}

/** Changed articles, each with its latest change, newest first. */
export function listChangeRows(db: DB, limit: number, offset: number): { total: number; items: ChangeRow[] } {
  const latest = `${IS_CHANGE} AND v.number = (SELECT max(w.number) FROM article_versions w
    WHERE w.article_id = v.article_id AND w.number > 1 AND w.how <> 'reextract')`
  const total = (db.prepare(`SELECT count(*) AS n FROM article_versions v WHERE ${latest}`).get() as { n: number }).n
  const rows = db
    .prepare(
      `SELECT v.article_id, v.number, a.current_version AS of, v.created_at, v.how, v.summary
       FROM article_versions v JOIN articles a ON a.id = v.article_id
       WHERE ${latest} ORDER BY v.created_at DESC, v.id DESC LIMIT ? OFFSET ?`
    )
    .all(limit, offset) as { article_id: number; number: number; of: number; created_at: string; how: VersionHow; summary: string | null }[]
  return {
    total,
    items: rows.map((r) => ({
      articleId: r.article_id,
      version: r.number,
      of: r.of,
      changedAt: r.created_at,
      how: r.how,
      summary: r.summary ? (JSON.parse(r.summary) as ChangeSummary) : null
    }))
  }
}
