/** Facets (tags, outlets, authors) and the timeline of a match set, exact or from an even sample. */
import type { DB } from '../db/connection'
import type { FacetCount, SearchResult } from '../../shared/types'
import { prep } from './statements'

const FACET_TOP = 10

// ---------------------------------------------------------------------------------------
// Facets and timeline

const SAMPLE = 'WITH m(id) AS (SELECT value FROM json_each(?))'

/** Counts from a sample, scaled up to estimates of the whole set. */
function scaled<T extends { count: number }>(rows: T[], scale: number): T[] {
  return scale === 1 ? rows : rows.map((r) => ({ ...r, count: Math.round(r.count * scale) }))
}

export function facets(db: DB, ids: number[], scale: number): SearchResult['facets'] {
  const json = JSON.stringify(ids)
  // An article counts once for a tag whether it or any of its highlights carries it.
  const tags = prep(
    db,
    `${SAMPLE}, x AS (SELECT at.article_id AS aid, at.tag_id AS tid FROM article_tags at WHERE at.article_id IN (SELECT id FROM m) ` +
        `UNION SELECT h.article_id, ht.tag_id FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id ` +
        `WHERE h.article_id IN (SELECT id FROM m)) ` +
        `SELECT t.name AS value, count(*) AS count FROM x JOIN tags t ON t.id = x.tid GROUP BY t.id ` +
        `ORDER BY count DESC, t.name LIMIT ?`
    ).all(json, FACET_TOP) as FacetCount[]
  return {
    tags: scaled(tags, scale),
    sites: scaled(columnFacet(db, json, 'site'), scale),
    authors: scaled(columnFacet(db, json, 'byline'), scale)
  }
}

function columnFacet(db: DB, json: string, column: 'site' | 'byline'): FacetCount[] {
  // `column` is one of two literals above, never user input.
  return prep(
    db,
    `${SAMPLE} SELECT a.${column} AS value, count(*) AS count FROM m JOIN articles a ON a.id = m.id ` +
        `WHERE a.${column} IS NOT NULL AND a.${column} <> '' GROUP BY a.${column} ORDER BY count DESC, value LIMIT ?`
    ).all(json, FACET_TOP) as FacetCount[]
}

/** Matching articles per month of publication (as written by the publisher), oldest first. */
export function timeline(db: DB, ids: number[], scale: number): SearchResult['timeline'] {
  const rows = prep(
    db,
    `${SAMPLE} SELECT substr(a.published_at, 1, 7) AS month, count(*) AS count FROM m JOIN articles a ON a.id = m.id ` +
        `WHERE a.published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*' GROUP BY month ORDER BY month`
    ).all(JSON.stringify(ids)) as { month: string; count: number }[]
  return scaled(rows, scale)
}
