import { createHash, randomUUID } from 'node:crypto'
import type { Article, ArticleList, ArticleMetadata, ArticleRef, ArticleStateRow, ArticleSummary, AssetRef, ReadingState } from '../../shared/types'
import type { ArticleState } from '../../shared/vocabulary'
import { ASSET_PREFIX } from '../../shared/reader/schema'
import type { DB } from './connection'
import { stmt } from './statements'
import { keptListTotal } from './counts'
import { packBytes, packDocText, unpackBytes, unpackDoc, unpackDocText } from './codec'
import { tagsForArticles } from './tags'
import { listHighlights } from './highlights'
import { applyCorrections, correctedFields, getCorrections, type CorrectableMetadata } from './corrections'

export interface NewAsset {
  key: string
  mime: string
  bytes: Buffer
  sourceUrl: string | null
}

/** An article ready to store: metadata, reader document (images as `asset:<key>`), text. */
export interface NewArticle extends ArticleMetadata {
  url: string
  doc: unknown
  text: string
  wordCount: number
  contentHash: string
  assets: NewAsset[]
  raw?: Buffer | null
  rawType?: string | null
  savedAt?: string
  /** Image placeholders in the document (images that could not be saved). */
  imagesMissing?: number
  /** The extraction rules' version that made this copy (page/prepare.ts EXTRACTOR_VERSION). */
  extractorVersion?: number
}

/** An article's descriptive columns as stored (the row types that read them extend this). */
export interface ArticleMetaColumns {
  url: string
  canonical_url: string | null
  title: string
  byline: string | null
  site: string | null
  published_at: string | null
  modified_at: string | null
  language: string | null
  excerpt: string | null
  word_count: number
}

interface ArticleRow extends ArticleMetaColumns {
  id: number
  saved_at: string
  dir: 'ltr' | 'rtl'
  highlight_count: number
  current_version: number
  changed_at: string | null
  state: ArticleState
  starred: number
  progress: number
  position: number
  read_at: string | null
}

// A change is a version after the first that re-extraction did not make (see db/versions.ts).
const SUMMARY_COLUMNS = `a.id, a.url, a.canonical_url, a.title, a.byline, a.site, a.published_at, a.modified_at,
  a.saved_at, a.language, a.dir, a.excerpt, a.word_count, a.current_version, a.state, a.starred, a.progress, a.position, a.read_at,
  (SELECT count(*) FROM highlights h WHERE h.article_id = a.id) AS highlight_count,
  (SELECT max(v.created_at) FROM article_versions v WHERE v.article_id = a.id AND v.number > 1 AND v.how <> 'reextract') AS changed_at`

/** The reading state columns of a row, as the contract has them. */
export const readingState = (r: { state: ArticleState; starred: number; progress: number; read_at: string | null }): ReadingState => ({
  state: r.state,
  starred: r.starred === 1,
  progress: r.progress,
  readAt: r.read_at
})

function toSummary(r: ArticleRow, tags: string[]): ArticleSummary {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    byline: r.byline,
    site: r.site,
    publishedAt: r.published_at,
    savedAt: r.saved_at,
    language: r.language,
    dir: r.dir,
    excerpt: r.excerpt,
    wordCount: r.word_count,
    tags,
    highlightCount: r.highlight_count,
    versions: r.current_version,
    changedAt: r.changed_at,
    ...readingState(r)
  }
}

/** Finds an article that `a` duplicates: same canonical URL, else same content. */
export function findDuplicate(db: DB, a: Pick<NewArticle, 'canonicalUrl' | 'contentHash'>): number | null {
  if (a.canonicalUrl) {
    const row = stmt<[string], { id: number }>(db, 'SELECT id FROM articles WHERE canonical_url = ?').get(a.canonicalUrl)
    if (row) return row.id
  }
  const row = stmt<[string], { id: number }>(db, 'SELECT id FROM articles WHERE content_hash = ?').get(a.contentHash)
  return row ? row.id : null
}

/** Inserts a new article's row (its content is written by writeContent); returns its id. */
export function insertArticleRow(db: DB, a: NewArticle): number {
  const info = stmt(
    db,
    `INSERT INTO articles(url, canonical_url, title, byline, authors, agency, site, published_at, modified_at, saved_at,
         language, dir, excerpt, word_count, content_hash, images_missing, extracted, extractor_version, uuid)
       VALUES (@url, @canonicalUrl, @title, @byline, @authors, @agency, @site, @publishedAt, @modifiedAt, @savedAt,
         @language, @dir, @excerpt, @wordCount, @contentHash, @imagesMissing, @extracted, coalesce(@extractorVersion, 0), @uuid)`
  ).run({ ...rowParams(db, a, null), savedAt: a.savedAt ?? new Date().toISOString(), uuid: randomUUID() })
  return Number(info.lastInsertRowid)
}

/** Replaces a stored article's metadata by a new import's; the user's corrections stay on top. */
export function updateArticleRow(db: DB, id: number, a: NewArticle): void {
  // A re-import keeps the original saved date unless the source says otherwise (an export's date).
  db.prepare(
    `UPDATE articles SET url = @url, canonical_url = coalesce(@canonicalUrl, canonical_url), title = @title,
       byline = @byline, authors = @authors, agency = @agency, site = @site, published_at = @publishedAt,
       modified_at = @modifiedAt, language = @language, dir = @dir, excerpt = @excerpt, word_count = @wordCount,
       content_hash = @contentHash, images_missing = @imagesMissing, extracted = @extracted,
       extractor_version = coalesce(@extractorVersion, extractor_version),
       saved_at = coalesce(@savedAt, saved_at)
     WHERE id = @id`
  ).run({ ...rowParams(db, a, id), savedAt: a.savedAt ?? null, id })
}

/** The row's values: what the page says (kept as `extracted`) with the user's corrections over it. */
function rowParams(db: DB, a: NewArticle, id: number | null) {
  const extracted: CorrectableMetadata = { title: a.title, authors: a.authors, site: a.site, publishedAt: a.publishedAt }
  const shown = applyCorrections(extracted, id === null ? null : getCorrections(db, id))
  return {
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    title: shown.title,
    byline: joinAuthors(shown.authors),
    authors: JSON.stringify(shown.authors),
    agency: a.agency,
    site: shown.site,
    publishedAt: shown.publishedAt,
    modifiedAt: a.modifiedAt,
    language: a.language,
    dir: a.dir,
    excerpt: a.excerpt,
    wordCount: a.wordCount,
    contentHash: a.contentHash,
    imagesMissing: a.imagesMissing ?? 0,
    extracted: JSON.stringify(extracted),
    extractorVersion: a.extractorVersion ?? null
  }
}

/** The headline and byline a new copy would show, the user's corrections applied (what decides a new version). */
export function shownTitleByline(db: DB, id: number, a: NewArticle): { title: string; byline: string | null } {
  const shown = applyCorrections({ title: a.title, authors: a.authors, site: a.site, publishedAt: a.publishedAt }, getCorrections(db, id))
  return { title: shown.title, byline: joinAuthors(shown.authors) }
}

/**
 * Whether a new copy of an article's current text is the stored one in every other respect
 * too: the metadata it would show and its document (images compared by place, not by id).
 * Re-extraction and fetched images store a new copy only when this is false.
 */
export function sameCopy(db: DB, id: number, a: NewArticle): boolean {
  const cols = ['title', 'byline', 'authors', 'agency', 'site', 'publishedAt', 'language', 'dir', 'excerpt', 'imagesMissing'] as const
  const row = db
    .prepare<[number], Record<(typeof cols)[number], unknown> & { doc: Buffer; text: string }>(
      `SELECT a.title, a.byline, a.authors, a.agency, a.site, a.published_at AS publishedAt, a.language, a.dir, a.excerpt,
         a.images_missing AS imagesMissing, c.doc, c.text FROM articles a JOIN article_content c ON c.article_id = a.id WHERE a.id = ?`
    )
    .get(id)
  if (!row) return false
  const next = rowParams(db, a, id)
  if (cols.some((c) => (row[c] ?? null) !== (next[c] ?? null))) return false
  const shape = (json: string): string => json.replace(/"src":"asset:[^"]*"/g, '"src":"asset:"')
  return shape(unpackDocText(row.doc, row.text)) === shape(JSON.stringify(a.doc))
}

/** Records which extraction rules made the current copy (a re-extraction that changed nothing). */
export function setExtractorVersion(db: DB, id: number, version: number): void {
  db.prepare('UPDATE articles SET extractor_version = ? WHERE id = ?').run(version, id)
}

/** The byline column: the authors as one line ("Ana Lima, Tom Reyes"); null without any. */
export const joinAuthors = (authors: string[]): string | null => (authors.length ? authors.join(', ') : null)

/**
 * Writes an article's current text, reader document, assets and raw page (replacing the
 * previous current content, which the caller has kept as a version). Assets are kept across
 * versions — older versions' documents point at them — and an image already stored for this
 * article (same bytes) is not stored again.
 */
export function writeContent(db: DB, id: number, a: NewArticle): { docJson: string } {
  const ids = new Map<string, number>()
  const known = stmt<[number, string], { id: number }>(db, 'SELECT id FROM assets WHERE article_id = ? AND sha256 = ?')
  const addAsset = stmt(db, 'INSERT INTO assets(article_id, source_url, mime, sha256, bytes) VALUES (?, ?, ?, ?, ?)')
  for (const asset of a.assets) {
    const sha = sha256(asset.bytes)
    const existing = known.get(id, sha)?.id
    ids.set(asset.key, existing ?? Number(addAsset.run(id, asset.sourceUrl, asset.mime, sha, asset.bytes).lastInsertRowid))
  }
  const docJson = JSON.stringify(rewriteAssetKeys(a.doc, ids))
  const raw = a.raw ? packBytes(a.raw) : null
  stmt(
    db,
    `INSERT INTO article_content(article_id, text, doc, raw, raw_type) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(article_id) DO UPDATE SET text = excluded.text, doc = excluded.doc, raw = excluded.raw, raw_type = excluded.raw_type`
  ).run(id, a.text, packDocText(docJson, a.text), raw, raw ? (a.rawType ?? null) : null)
  return { docJson }
}

/** Keeps the saved date a source gives (an export's), for an article whose content did not change. */
export function setSavedAt(db: DB, id: number, savedAt: string): void {
  db.prepare('UPDATE articles SET saved_at = ? WHERE id = ?').run(savedAt, id)
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex')

/** Replaces `asset:<key>` image sources by `asset:<database id>`; unknown keys lose the image. */
export function rewriteAssetKeys(doc: unknown, ids: Map<string, number>): unknown {
  const walk = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node
    const n = node as { type?: string; attrs?: Record<string, unknown>; content?: unknown[] }
    if (n.type === 'image' && typeof n.attrs?.src === 'string') {
      const key = n.attrs.src.slice(ASSET_PREFIX.length)
      const id = ids.get(key)
      return id === undefined ? null : { ...n, attrs: { ...n.attrs, src: `${ASSET_PREFIX}${id}` } }
    }
    if (!Array.isArray(n.content)) return n
    return { ...n, content: n.content.map(walk).filter((c) => c !== null) }
  }
  return walk(doc)
}

export interface ArticleFilter {
  state?: ArticleState
  starred?: boolean
  tag?: string
  exclude?: number[]
}

export interface ListOptions extends ArticleFilter {
  limit: number
  offset: number
  sort: 'saved' | 'published' | 'title'
}

// Each order is one an index gives, so a page deep in a list of 100,000 is read, not sorted.
// (Descending puts articles without a date last already: NULL sorts lowest.)
const ORDER: Record<ListOptions['sort'], string> = {
  saved: 'a.saved_at DESC, a.id DESC',
  published: 'a.published_at DESC, a.id DESC',
  title: 'a.title COLLATE NOCASE, a.id'
}

/** The WHERE clause of a filtered list, with its named parameters. */
function filterWhere(f: ArticleFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = []
  const params: Record<string, unknown> = {}
  if (f.state) {
    parts.push('a.state = @state')
    params.state = f.state
  }
  if (f.starred !== undefined) parts.push(f.starred ? 'a.starred = 1' : 'a.starred = 0')
  if (f.tag) {
    parts.push('a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = @tag)')
    params.tag = f.tag
  }
  if (f.exclude?.length) {
    parts.push('a.id NOT IN (SELECT value FROM json_each(@exclude))')
    params.exclude = JSON.stringify(f.exclude)
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params }
}

/**
 * A list's total from the kept counts (db/counts.ts) when its filter is one they hold; the
 * articles set aside (`exclude`: deletions waiting for their Undo) are taken off by looking
 * up just those. Null when the list must be counted.
 */
function listTotal(db: DB, o: ArticleFilter): number | null {
  const kept = keptListTotal(db, o)
  if (kept === null || !o.exclude?.length) return kept
  const where = filterWhere({ state: o.state, starred: o.starred })
  const setAside = db
    .prepare(`SELECT count(*) FROM articles a ${where.sql ? `${where.sql} AND` : 'WHERE'} a.id IN (SELECT value FROM json_each(@ids))`)
    .pluck()
    .get({ ...where.params, ids: JSON.stringify(o.exclude) }) as number
  return kept - setAside
}

/** One page of the library (all of it, or one reading state, starred ones, one tag). */
export function listArticles(db: DB, o: ListOptions): ArticleList {
  const where = filterWhere(o)
  const total = listTotal(db, o) ?? (db.prepare(`SELECT count(*) AS n FROM articles a ${where.sql}`).get(where.params) as { n: number }).n
  const rows = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles a ${where.sql} ORDER BY ${ORDER[o.sort]} LIMIT @limit OFFSET @offset`)
    .all({ ...where.params, limit: o.limit, offset: o.offset }) as ArticleRow[]
  const tags = tagsForArticles(db, rows.map((r) => r.id))
  return { total, items: rows.map((r) => toSummary(r, tags.get(r.id) ?? [])) }
}

/** A whole filtered list, in its order: ids with their reading states. */
export function listArticleStates(db: DB, o: ArticleFilter & { sort: ListOptions['sort'] }): ArticleStateRow[] {
  const where = filterWhere(o)
  const rows = db
    .prepare(`SELECT a.id, a.state, a.starred FROM articles a ${where.sql} ORDER BY ${ORDER[o.sort]}`)
    .raw(true)
    .all(where.params) as [number, ArticleState, number][]
  return rows.map(([id, state, starred]) => ({ id, state, starred: starred === 1 }))
}

/** Moves articles to a state and/or stars them; returns how many exist among `ids`. */
export function setArticleState(db: DB, ids: number[], change: { state?: ArticleState; starred?: boolean }): number {
  const info = db
    .prepare(
      `UPDATE articles SET state = coalesce(@state, state), starred = coalesce(@starred, starred)
       WHERE id IN (SELECT value FROM json_each(@ids))`
    )
    .run({ ids: JSON.stringify(ids), state: change.state ?? null, starred: change.starred === undefined ? null : change.starred ? 1 : 0 })
  return info.changes
}

/** Records where the reader is: the position as given, the furthest progress, first opened now if unread. */
export function setReadingProgress(db: DB, id: number, progress: number, position: number, now: string): (ReadingState & { position: number }) | null {
  const row = db
    .prepare(
      `UPDATE articles SET progress = max(progress, @progress), position = @position, read_at = coalesce(read_at, @now)
       WHERE id = @id RETURNING state, starred, progress, position, read_at`
    )
    .get({ id, progress, position, now }) as Pick<ArticleRow, 'state' | 'starred' | 'progress' | 'position' | 'read_at'> | undefined
  return row ? { ...readingState(row), position: row.position } : null
}

/** One article with everything the reader needs, or null. */
export function getArticle(db: DB, id: number): Article | null {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, a.authors, a.agency, a.images_missing, a.extracted FROM articles a WHERE a.id = ?`).get(id) as
    | (ArticleRow & { authors: string | null; agency: string | null; images_missing: number; extracted: string | null })
    | undefined
  if (!row) return null
  const content = db
    .prepare<[number], { text: string; doc: Buffer }>('SELECT text, doc FROM article_content WHERE article_id = ?')
    .get(id)
  const assets = db
    .prepare<[number], AssetRef>('SELECT id, mime, length(bytes) AS bytes FROM assets WHERE article_id = ? ORDER BY id')
    .all(id)
  return {
    ...toSummary(row, tagsForArticles(db, [id]).get(id) ?? []),
    version: row.current_version,
    canonicalUrl: row.canonical_url,
    modifiedAt: row.modified_at,
    authors: authorsOf(row),
    agency: row.agency,
    imagesMissing: row.images_missing,
    corrected: correctedFields(getCorrections(db, id)),
    extracted: row.extracted ? (JSON.parse(row.extracted) as CorrectableMetadata) : null,
    doc: content ? unpackDoc(content.doc, content.text) : { type: 'doc', content: [{ type: 'paragraph' }] },
    text: content?.text ?? '',
    highlights: listHighlights(db, { articleId: id }),
    assets,
    position: row.position
  }
}

/** Authors as stored; articles saved before they were kept have their byline split instead. */
function authorsOf(r: { authors: string | null; byline: string | null }): string[] {
  if (r.authors !== null) return JSON.parse(r.authors) as string[]
  return r.byline ? r.byline.split(/\s*,\s*/).filter(Boolean) : []
}

/**
 * Shows an article's metadata with its current corrections: the page's values (kept as
 * `extracted`; for an article saved before they were kept, the row as it is) with the
 * corrections over them. Runs in the caller's transaction.
 */
export function refreshCorrectedMetadata(db: DB, id: number): void {
  const r = db
    .prepare<[number], { title: string; byline: string | null; authors: string | null; site: string | null; published_at: string | null; extracted: string | null }>(
      'SELECT title, byline, authors, site, published_at, extracted FROM articles WHERE id = ?'
    )
    .get(id)
  if (!r) return
  const extracted: CorrectableMetadata = r.extracted
    ? (JSON.parse(r.extracted) as CorrectableMetadata)
    : { title: r.title, authors: authorsOf(r), site: r.site, publishedAt: r.published_at }
  const shown = applyCorrections(extracted, getCorrections(db, id))
  db.prepare(
    `UPDATE articles SET title = @title, byline = @byline, authors = @authors, site = @site, published_at = @publishedAt, extracted = @extracted
     WHERE id = @id`
  ).run({
    id,
    title: shown.title,
    byline: joinAuthors(shown.authors),
    authors: JSON.stringify(shown.authors),
    site: shown.site,
    publishedAt: shown.publishedAt,
    extracted: JSON.stringify(extracted)
  })
}

/** Deletes articles (cascading to content, assets, highlights); returns how many existed. */
export function deleteArticles(db: DB, ids: number[]): number {
  const del = db.prepare('DELETE FROM articles WHERE id = ?')
  return db.transaction(() => ids.reduce((n, id) => n + del.run(id).changes, 0)).immediate()
}

export function articleExists(db: DB, id: number): boolean {
  return db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined
}

/** A stored asset's bytes, for the app protocol and the server. */
export function getAsset(db: DB, id: number): { mime: string; bytes: Buffer } | null {
  return (db.prepare('SELECT mime, bytes FROM assets WHERE id = ?').get(id) as { mime: string; bytes: Buffer } | undefined) ?? null
}

export function countArticles(db: DB): number {
  return (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
}

/** Citation data for a set of articles. */
export function articleRefs(db: DB, ids: number[]): Map<number, ArticleRef> {
  const out = new Map<number, ArticleRef>()
  if (ids.length === 0) return out
  const rows = db
    .prepare(
      `SELECT id, title, url, canonical_url, site, byline, published_at, saved_at FROM articles
       WHERE id IN (SELECT value FROM json_each(?))`
    )
    .all(JSON.stringify(ids)) as { id: number; title: string; url: string; canonical_url: string | null; site: string | null; byline: string | null; published_at: string | null; saved_at: string }[]
  const tags = tagsForArticles(db, ids)
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      title: r.title,
      url: r.url,
      canonicalUrl: r.canonical_url,
      site: r.site,
      byline: r.byline,
      publishedAt: r.published_at,
      savedAt: r.saved_at,
      tags: tags.get(r.id) ?? []
    })
  }
  return out
}

/** An article's plain text (what highlights' selectors count in), or null. */
export function articleText(db: DB, id: number): string | null {
  return db.prepare<[number], { text: string }>('SELECT text FROM article_content WHERE article_id = ?').get(id)?.text ?? null
}

/** The article saved from this address: its URL or its canonical URL (the most recent if several). */
export function findArticleByUrl(db: DB, url: string): { id: number; title: string } | null {
  const row = db
    .prepare<[string, string], { id: number; title: string }>(
      `SELECT id, title FROM articles WHERE id IN (
         SELECT id FROM articles WHERE canonical_url = ? UNION SELECT id FROM articles WHERE url = ?)
       ORDER BY saved_at DESC LIMIT 1`
    )
    .get(url, url)
  return row ?? null
}

/** The article (other than `except`) that has this canonical URL, if any. */
export function canonicalOwner(db: DB, canonicalUrl: string, except: number): number | null {
  return db.prepare<[string, number], { id: number }>('SELECT id FROM articles WHERE canonical_url = ? AND id <> ?').get(canonicalUrl, except)?.id ?? null
}

/** What decides whether a new import is a new version: headline, byline, normalised-text hash. */
export function versionKey(db: DB, id: number): { title: string; byline: string | null; contentHash: string; version: number; url: string; savedAt: string } | null {
  const r = db
    .prepare<[number], { title: string; byline: string | null; content_hash: string; current_version: number; url: string; saved_at: string }>(
      'SELECT title, byline, content_hash, current_version, url, saved_at FROM articles WHERE id = ?'
    )
    .get(id)
  return r ? { title: r.title, byline: r.byline, contentHash: r.content_hash, version: r.current_version, url: r.url, savedAt: r.saved_at } : null
}

/** What re-extraction starts from: the kept original page, and the images already saved. */
export interface StoredPage {
  id: number
  url: string
  raw: Buffer | null
  rawType: string | null
  assets: { sourceUrl: string; mime: string; bytes: Buffer }[]
}

export function storedPage(db: DB, id: number): StoredPage | null {
  const r = db
    .prepare<[number], { id: number; url: string; raw: Buffer | null; raw_type: string | null }>(
      'SELECT a.id, a.url, c.raw, c.raw_type FROM articles a JOIN article_content c ON c.article_id = a.id WHERE a.id = ?'
    )
    .get(id)
  if (!r) return null
  const assets = db
    .prepare<[number], { sourceUrl: string; mime: string; bytes: Buffer }>(
      'SELECT source_url AS sourceUrl, mime, bytes FROM assets WHERE article_id = ? AND source_url IS NOT NULL'
    )
    .all(id)
  return { id: r.id, url: r.url, raw: r.raw ? unpackBytes(r.raw) : null, rawType: r.raw_type, assets }
}

/**
 * A stored article as it would be stored again (the page's metadata, not the corrections;
 * its document with images as `asset:<key>`, assets keyed the same): for work that changes
 * only part of it, like fetching images that were missing, and stores it back through storeArticle.
 */
export function storedArticle(db: DB, id: number): (NewArticle & { doc: unknown }) | null {
  const r = db
    .prepare<[number], { url: string; canonical_url: string | null; title: string; byline: string | null; authors: string | null; agency: string | null; site: string | null;
      published_at: string | null; modified_at: string | null; language: string | null; dir: 'ltr' | 'rtl'; excerpt: string | null; word_count: number;
      content_hash: string; images_missing: number; extracted: string | null; extractor_version: number; text: string; doc: Buffer;
      raw: Buffer | null; raw_type: string | null }>(
      `SELECT a.*, c.text, c.doc, c.raw, c.raw_type FROM articles a JOIN article_content c ON c.article_id = a.id WHERE a.id = ?`
    )
    .get(id)
  if (!r) return null
  const page: CorrectableMetadata = r.extracted
    ? (JSON.parse(r.extracted) as CorrectableMetadata)
    : { title: r.title, authors: authorsOf(r), site: r.site, publishedAt: r.published_at }
  const assets = db
    .prepare<[number], { id: number; source_url: string | null; mime: string; bytes: Buffer }>('SELECT id, source_url, mime, bytes FROM assets WHERE article_id = ?')
    .all(id)
  const keys = new Map(assets.map((a) => [String(a.id), `a${a.id}`]))
  return {
    url: r.url,
    canonicalUrl: r.canonical_url,
    ...page,
    byline: joinAuthors(page.authors),
    agency: r.agency,
    modifiedAt: r.modified_at,
    language: r.language,
    dir: r.dir,
    excerpt: r.excerpt,
    wordCount: r.word_count,
    contentHash: r.content_hash,
    imagesMissing: r.images_missing,
    extractorVersion: r.extractor_version,
    text: r.text,
    raw: r.raw ? unpackBytes(r.raw) : null,
    rawType: r.raw_type,
    doc: renameAssets(unpackDoc(r.doc, r.text), keys),
    assets: assets.map((a) => ({ key: `a${a.id}`, mime: a.mime, bytes: a.bytes, sourceUrl: a.source_url }))
  }
}

/** `asset:<id>` → `asset:<key>` in a stored document. */
function renameAssets(doc: unknown, keys: Map<string, string>): unknown {
  const walk = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node
    const n = node as { type?: string; attrs?: Record<string, unknown>; content?: unknown[] }
    if (n.type === 'image' && typeof n.attrs?.src === 'string') {
      const key = keys.get(n.attrs.src.slice(ASSET_PREFIX.length))
      return key ? { ...n, attrs: { ...n.attrs, src: `${ASSET_PREFIX}${key}` } } : n
    }
    return Array.isArray(n.content) ? { ...n, content: n.content.map(walk) } : n
  }
  return walk(doc)
}

/** Ids of articles matching a re-extraction's choice, in id order. */
export function articleIdsToReextract(db: DB, o: { all: boolean; olderThan: number | null }): number[] {
  if (!o.all) return []
  const sql = o.olderThan === null ? 'SELECT id FROM articles ORDER BY id' : 'SELECT id FROM articles WHERE extractor_version < ? ORDER BY id'
  const rows = (o.olderThan === null ? db.prepare(sql).all() : db.prepare(sql).all(o.olderThan)) as { id: number }[]
  return rows.map((r) => r.id)
}

/** Articles holding image placeholders, in id order. */
export function articlesWithMissingImages(db: DB, limit = 100_000): number[] {
  return (db.prepare('SELECT id FROM articles WHERE images_missing > 0 ORDER BY id LIMIT ?').all(limit) as { id: number }[]).map((r) => r.id)
}

/** Articles holding image placeholders, with how many (one article, or all). */
export function missingImageCounts(db: DB, id?: number): { id: number; title: string; missing: number }[] {
  const where = id === undefined ? '' : 'AND id = @id'
  return db.prepare(`SELECT id, title, images_missing AS missing FROM articles WHERE images_missing > 0 ${where} ORDER BY id`).all(id === undefined ? {} : { id }) as {
    id: number
    title: string
    missing: number
  }[]
}
