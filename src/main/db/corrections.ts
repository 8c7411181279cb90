/**
 * A user's corrections of an article's metadata (title, authors, outlet, published date), in
 * their own table so every import and re-extraction applies them over what the page says.
 */
import type { DB } from './connection'
import type { CorrectableField } from '../../shared/types'

export interface Corrections {
  title: string | null
  authors: string[] | null
  site: string | null
  /** Meaningful when `publishedSet`: the corrected date, or null for "no date". */
  publishedAt: string | null
  publishedSet: boolean
}

/** The metadata corrections apply to. */
export interface CorrectableMetadata {
  title: string
  authors: string[]
  site: string | null
  publishedAt: string | null
}

/** A change to the corrections: a value sets it, null removes the correction (the page's value again). */
export interface CorrectionPatch {
  title?: string | null
  authors?: string[] | null
  site?: string | null
  /** A date, or null to correct it to "no date"; see `resetPublished`. */
  publishedAt?: string | null
  resetPublished?: boolean
}

interface Row {
  title: string | null
  authors: string | null
  site: string | null
  published_at: string | null
  published_set: number
}

export function getCorrections(db: DB, articleId: number): Corrections | null {
  const r = db
    .prepare<[number], Row>('SELECT title, authors, site, published_at, published_set FROM article_corrections WHERE article_id = ?')
    .get(articleId)
  if (!r) return null
  return {
    title: r.title,
    authors: r.authors === null ? null : (JSON.parse(r.authors) as string[]),
    site: r.site,
    publishedAt: r.published_at,
    publishedSet: r.published_set === 1
  }
}

/** Applies a patch to an article's corrections (creating or removing the row as needed). */
export function patchCorrections(db: DB, articleId: number, patch: CorrectionPatch, now = new Date().toISOString()): void {
  const c = getCorrections(db, articleId) ?? { title: null, authors: null, site: null, publishedAt: null, publishedSet: false }
  if (patch.title !== undefined) c.title = patch.title
  if (patch.authors !== undefined) c.authors = patch.authors
  if (patch.site !== undefined) c.site = patch.site
  if (patch.publishedAt !== undefined) {
    c.publishedAt = patch.publishedAt
    c.publishedSet = true
  }
  if (patch.resetPublished) {
    c.publishedAt = null
    c.publishedSet = false
  }
  if (correctedFields(c).length === 0) {
    db.prepare('DELETE FROM article_corrections WHERE article_id = ?').run(articleId)
    return
  }
  db.prepare(
    `INSERT INTO article_corrections(article_id, title, authors, site, published_at, published_set, corrected_at)
     VALUES (@id, @title, @authors, @site, @publishedAt, @publishedSet, @now)
     ON CONFLICT(article_id) DO UPDATE SET title = excluded.title, authors = excluded.authors, site = excluded.site,
       published_at = excluded.published_at, published_set = excluded.published_set, corrected_at = excluded.corrected_at`
  ).run({
    id: articleId,
    title: c.title,
    authors: c.authors === null ? null : JSON.stringify(c.authors),
    site: c.site,
    publishedAt: c.publishedAt,
    publishedSet: c.publishedSet ? 1 : 0,
    now
  })
}

export function correctedFields(c: Corrections | null): CorrectableField[] {
  if (!c) return []
  const out: CorrectableField[] = []
  if (c.title !== null) out.push('title')
  if (c.authors !== null) out.push('authors')
  if (c.site !== null) out.push('site')
  if (c.publishedSet) out.push('publishedAt')
  return out
}

/** What the reader sees: the page's metadata with the user's corrections over it. */
export function applyCorrections<M extends CorrectableMetadata>(meta: M, c: Corrections | null): M {
  if (!c) return meta
  return {
    ...meta,
    title: c.title ?? meta.title,
    authors: c.authors ?? meta.authors,
    site: c.site ?? meta.site,
    publishedAt: c.publishedSet ? c.publishedAt : meta.publishedAt
  }
}
