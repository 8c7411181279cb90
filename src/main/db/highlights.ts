import { randomUUID } from 'node:crypto'
import type { Highlight } from '../../shared/types'
import type { DB } from './connection'
import { stmt } from './statements'

interface HighlightRow {
  id: number
  article_id: number
  color: string
  note: string
  exact: string
  prefix: string
  suffix: string
  start_pos: number
  end_pos: number
  orphan: number
  created_at: string
  updated_at: string
  author?: string | null
  version: number
  original_exact: string
  changed_in: number | null
  tags: string | null
}

const toHighlight = (r: HighlightRow): Highlight => ({
  id: r.id,
  articleId: r.article_id,
  color: r.color,
  note: r.note,
  exact: r.exact,
  prefix: r.prefix,
  suffix: r.suffix,
  start: r.start_pos,
  end: r.end_pos,
  orphan: r.orphan === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  ...(r.author ? { author: r.author } : {}),
  version: r.version,
  // Rows written without it (by SQL of an older schema) read as highlighted now.
  originalExact: r.original_exact || r.exact,
  changedIn: r.changed_in,
  tags: r.tags ? (JSON.parse(r.tags) as string[]) : []
})

/** Highlights of one article in document order (or all of them). */
export function listHighlights(db: DB, o: { articleId?: number }): Highlight[] {
  const rows = db
    .prepare(
      `SELECT h.*, (SELECT json_group_array(t.name) FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
                    WHERE ht.highlight_id = h.id) AS tags
       FROM highlights h WHERE (@articleId IS NULL OR h.article_id = @articleId)
       ORDER BY h.article_id, h.start_pos, h.end_pos, h.id`
    )
    .all({ articleId: o.articleId ?? null }) as HighlightRow[]
  return rows.map(toHighlight)
}

export interface NewHighlight {
  articleId: number
  start: number
  end: number
  exact: string
  prefix: string
  suffix: string
  color: string
  note: string
  orphan?: boolean
  createdAt?: string
  /** Its team identity (made here when not given: a highlight pulled from a team keeps the team's). */
  uuid?: string
}

/** Stores a highlight, made on the article's current version (the caller is inside a transaction when tags follow). */
export function insertHighlight(db: DB, h: NewHighlight): number {
  const now = new Date().toISOString()
  const info = stmt(
    db,
    `INSERT INTO highlights(article_id, color, note, exact, prefix, suffix, start_pos, end_pos, orphan, created_at, updated_at, uuid,
       version, original_exact)
     VALUES (@articleId, @color, @note, @exact, @prefix, @suffix, @start, @end, @orphan, @createdAt, @updatedAt, @uuid,
       coalesce((SELECT current_version FROM articles WHERE id = @articleId), 1), @exact)`
  ).run({ ...h, orphan: h.orphan ? 1 : 0, createdAt: h.createdAt ?? now, updatedAt: now, uuid: h.uuid ?? randomUUID() })
  return Number(info.lastInsertRowid)
}

/** Replaces a highlight's tags. */
export function setHighlightTags(db: DB, highlightId: number, tagIds: number[]): void {
  stmt(db, 'DELETE FROM highlight_tags WHERE highlight_id = ?').run(highlightId)
  const add = stmt(db, 'INSERT OR IGNORE INTO highlight_tags(highlight_id, tag_id) VALUES (?, ?)')
  for (const id of tagIds) add.run(highlightId, id)
}

/** True when the article already has a highlight over exactly this range (re-imports). */
export function hasHighlightAt(db: DB, articleId: number, start: number, end: number): boolean {
  return stmt(db, 'SELECT 1 FROM highlights WHERE article_id = ? AND start_pos = ? AND end_pos = ?').get(articleId, start, end) !== undefined
}

/** One highlight, or null. */
export function getHighlight(db: DB, id: number): Highlight | null {
  const row = db
    .prepare(
      `SELECT h.*, (SELECT json_group_array(t.name) FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
                    WHERE ht.highlight_id = h.id) AS tags
       FROM highlights h WHERE h.id = ?`
    )
    .get(id) as HighlightRow | undefined
  return row ? toHighlight(row) : null
}

/** Changes colour and/or note; bumps updated_at. */
export function updateHighlightRow(db: DB, id: number, o: { color?: string; note?: string }): void {
  db.prepare(
    `UPDATE highlights SET color = coalesce(@color, color), note = coalesce(@note, note), updated_at = @now WHERE id = @id`
  ).run({ id, color: o.color ?? null, note: o.note ?? null, now: new Date().toISOString() })
}

/**
 * Moves a highlight to new selectors (re-anchoring), or marks it orphaned; `changedIn` is the
 * version in which its words changed or vanished (null: they read as highlighted).
 */
export function setHighlightAnchor(
  db: DB,
  id: number,
  s: { start: number; end: number; exact: string; prefix: string; suffix: string },
  orphan: boolean,
  changedIn: number | null
): void {
  db.prepare(
    `UPDATE highlights SET start_pos = @start, end_pos = @end, exact = @exact, prefix = @prefix, suffix = @suffix,
       orphan = @orphan, changed_in = @changedIn WHERE id = @id`
  ).run({ id, ...s, orphan: orphan ? 1 : 0, changedIn })
}

export function deleteHighlightRow(db: DB, id: number): boolean {
  return db.prepare('DELETE FROM highlights WHERE id = ?').run(id).changes > 0
}

export interface HighlightQuery {
  articleId?: number
  articleIds?: number[]
  tag?: string
  color?: string
  ids?: number[]
  limit: number
  offset: number
}

/** Highlights across the library (newest article first, then document order), with a total. */
export function queryHighlights(db: DB, q: HighlightQuery): { total: number; items: Highlight[] } {
  const where = `WHERE (@articleId IS NULL OR h.article_id = @articleId)
      AND (@color IS NULL OR h.color = @color)
      AND (@tag IS NULL OR h.id IN (SELECT ht.highlight_id FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE t.name = @tag))
      AND (@ids IS NULL OR h.id IN (SELECT value FROM json_each(@ids)))
      AND (@articleIds IS NULL OR h.article_id IN (SELECT value FROM json_each(@articleIds)))`
  const params = {
    articleId: q.articleId ?? null,
    color: q.color ?? null,
    tag: q.tag ?? null,
    ids: q.ids ? JSON.stringify(q.ids) : null,
    articleIds: q.articleIds ? JSON.stringify(q.articleIds) : null
  }
  const total = (db.prepare(`SELECT count(*) AS n FROM highlights h ${where}`).get(params) as { n: number }).n
  const rows = db
    .prepare(
      `SELECT h.*, (SELECT json_group_array(t.name) FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
                    WHERE ht.highlight_id = h.id) AS tags
       FROM highlights h JOIN articles a ON a.id = h.article_id ${where}
       ORDER BY coalesce(a.published_at, a.saved_at) DESC, h.article_id DESC, h.start_pos, h.id
       LIMIT @limit OFFSET @offset`
    )
    .all({ ...params, limit: q.limit, offset: q.offset }) as HighlightRow[]
  return { total, items: rows.map(toHighlight) }
}

/** A highlight that came from elsewhere (the team): the version it was made on, its words there, the version they changed in. */
export function setHighlightOrigin(db: DB, id: number, o: { version: number; originalExact: string; changedIn: number | null }): void {
  stmt(db, 'UPDATE highlights SET version = ?, original_exact = ?, changed_in = ? WHERE id = ?').run(o.version, o.originalExact, o.changedIn, id)
}
