/** Facets (tags, outlets, authors) and the timeline of a match set, exact or from an even sample. */
import type { DB } from '../db/connection'
import type { FacetCount, SearchResult } from '../../shared/types'
import { prep } from './statements'

const FACET_TOP = 10

const SAMPLE = 'WITH m(id) AS (SELECT value FROM json_each(?))'

/** Counts from a sample, scaled up to estimates of the whole set. */
function scaled<T extends { count: number }>(rows: T[], scale: number): T[] {
  return scale === 1 ? rows : rows.map((r) => ({ ...r, count: Math.round(r.count * scale) }))
}

export interface FacetRequest {
  facets: boolean
  timeline: boolean
}

/**
 * Facets and timeline of `ids` (a sample of the matches; `scale` = matches per sampled id).
 * The outlet, author and date of each id are read from their index by id (migration 016) and counted
 * here, as SQLite's GROUP BY would (exact values, ties by value in code-point order, which is
 * SQLite's binary order of UTF-8); tags are counted by SQLite from their own indexes.
 */
export function facetsAndTimeline(
  db: DB,
  ids: number[],
  scale: number,
  want: FacetRequest
): Pick<SearchResult, 'facets' | 'timeline'> {
  const none = { tags: [], sites: [], authors: [] }
  if (!want.facets && !want.timeline) return { facets: none, timeline: [] }
  const json = JSON.stringify(ids)
  const rows = prep(db, `${SAMPLE} SELECT a.site, a.byline, a.published_at FROM m JOIN articles a INDEXED BY articles_id_facets ON a.id = m.id`)
    .raw(true)
    .all(json) as [string | null, string | null, string | null][]
  const sites = new Map<string, number>()
  const authors = new Map<string, number>()
  const months = new Map<string, number>()
  for (const [site, byline, published] of rows) {
    if (site) sites.set(site, (sites.get(site) ?? 0) + 1)
    if (byline) authors.set(byline, (authors.get(byline) ?? 0) + 1)
    if (published && MONTH.test(published)) {
      const month = published.slice(0, 7)
      months.set(month, (months.get(month) ?? 0) + 1)
    }
  }
  return {
    facets: want.facets ? { tags: scaled(tagFacet(db, json), scale), sites: scaled(top(sites), scale), authors: scaled(top(authors), scale) } : none,
    timeline: want.timeline
      ? scaled(
          [...months].sort(([a], [b]) => byCodePoint(a, b)).map(([month, count]) => ({ month, count })),
          scale
        )
      : []
  }
}

/** `published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*'`: a date whose first 7 characters are its month. */
const MONTH = /^[0-9]{4}-[0-9]{2}/u

/** The FACET_TOP most frequent values, most frequent first, ties by value. */
function top(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .sort(([va, ca], [vb, cb]) => cb - ca || byCodePoint(va, vb))
    .slice(0, FACET_TOP)
    .map(([value, count]) => ({ value, count }))
}

/** Code-point order: the order of UTF-8 bytes, i.e. SQLite's BINARY collation (JS `<` compares UTF-16 units). */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    // Only a surrogate (a code point above U+FFFF) against U+E000–U+FFFF sorts differently.
    const hx = x >= 0xd800 && x <= 0xdfff
    const hy = y >= 0xd800 && y <= 0xdfff
    if (hx !== hy) return hx ? 1 : -1
    return x - y
  }
  return a.length - b.length
}

function tagFacet(db: DB, json: string): FacetCount[] {
  // An article counts once for a tag whether it or any of its highlights carries it.
  return prep(
    db,
    `${SAMPLE}, x AS (SELECT at.article_id AS aid, at.tag_id AS tid FROM article_tags at WHERE at.article_id IN (SELECT id FROM m) ` +
      `UNION SELECT h.article_id, ht.tag_id FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id ` +
      `WHERE h.article_id IN (SELECT id FROM m)) ` +
      `SELECT t.name AS value, count(*) AS count FROM x JOIN tags t ON t.id = x.tid GROUP BY t.id ` +
      `ORDER BY count DESC, t.name LIMIT ?`
  ).all(json, FACET_TOP) as FacetCount[]
}
