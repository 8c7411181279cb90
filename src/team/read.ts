/**
 * The contract methods the team server answers, with the contract's own schemas and result
 * shapes: search, reading articles, tags, saved searches (each user's own). Writing goes
 * through sync (push), not through these.
 */
import { gunzipSync } from 'node:zlib'
import type { Outputs, ParsedInput } from '../shared/api'
import { UserError } from '../shared/result'
import { directionOf } from '../shared/vocabulary'
import type { Article, ArticleSummary, Highlight, SavedSearch } from '../shared/types'
import type { Pool } from './store/pool'
import type { TeamUser } from './store/users'
import { TEAM_SCHEMA_VERSION } from './store/migrations'
import { teamSearch } from './search'
import { TEAM_READING } from './reading'

/** The methods of the contract the team server offers. */
export const TEAM_METHODS = ['info', 'search', 'getArticle', 'listArticles', 'listTags', 'listSavedSearches', 'saveSearch', 'deleteSavedSearch'] as const
export type TeamMethod = (typeof TEAM_METHODS)[number]
export type TeamHandlers = { [K in TeamMethod]: (input: ParsedInput<K>) => Promise<Outputs[K]> }

interface SummaryRow {
  id: number
  url: string
  title: string
  byline: string | null
  site: string | null
  published_at: string | null
  saved_at: string
  language: string | null
  excerpt: string | null
  word_count: number
  tags: string[]
  highlight_count: number
}

const SUMMARY = `a.id, a.url, a.title, a.byline, a.site, a.published_at, a.saved_at, a.language, a.excerpt, a.word_count, a.tags,
  (SELECT count(*)::int FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL) AS highlight_count`

const toSummary = (r: SummaryRow): ArticleSummary => ({
  ...TEAM_READING,
  id: r.id, url: r.url, title: r.title, byline: r.byline, site: r.site, publishedAt: r.published_at, savedAt: r.saved_at,
  language: r.language, dir: directionOf(r.language), excerpt: r.excerpt, wordCount: r.word_count, tags: [...r.tags].sort((a, b) => a.localeCompare(b)), highlightCount: r.highlight_count,
  // The team shows each article's latest version only; its history lives in members' archives.
  versions: 1, changedAt: null
})

const ORDER = { saved: 'a.id DESC', published: 'a.published_at DESC NULLS LAST, a.id DESC', title: 'lower(a.title), a.id' } as const

export function teamHandlers(pool: Pool, user: TeamUser, serverUrl: string): TeamHandlers {
  const countOf = async (query: string) => (await teamSearch(pool, { query, sort: 'relevance', limit: 1, offset: 0, facets: false, timeline: false })).total
  return {
    info: async () => {
      const r = await pool.query<{ a: number; h: number }>(
        'SELECT (SELECT count(*)::int FROM articles WHERE deleted_at IS NULL) AS a, (SELECT count(*)::int FROM highlights WHERE deleted_at IS NULL) AS h'
      )
      return { version: 'team', dbPath: serverUrl, schemaVersion: TEAM_SCHEMA_VERSION, articles: r.rows[0].a, highlights: r.rows[0].h, inbox: 0, archive: r.rows[0].a, starred: 0 }
    },
    search: (input) => teamSearch(pool, input),
    listArticles: async ({ limit, offset, sort, tag }) => {
      const where = tag ? 'a.deleted_at IS NULL AND a.tags_lc @> ARRAY[lower($3)]' : 'a.deleted_at IS NULL'
      const params: unknown[] = tag ? [limit, offset, tag] : [limit, offset]
      const total = (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM articles a WHERE ${where.replace('$3', '$1')}`, tag ? [tag] : [])).rows[0].n
      const items = await pool.query<SummaryRow>(`SELECT ${SUMMARY} FROM articles a WHERE ${where} ORDER BY ${ORDER[sort]} LIMIT $1 OFFSET $2`, params)
      return { total, items: items.rows.map(toSummary) }
    },
    getArticle: ({ id }) => getArticle(pool, id),
    listTags: async () => {
      const r = await pool.query<{ name: string; articles: number; highlights: number }>(
        `SELECT name, sum(a)::int AS articles, sum(h)::int AS highlights FROM (
           SELECT unnest(tags) AS name, 1 AS a, 0 AS h FROM articles WHERE deleted_at IS NULL
           UNION ALL SELECT unnest(tags), 0, 1 FROM highlights WHERE deleted_at IS NULL) t
         GROUP BY name ORDER BY sum(a) + sum(h) DESC, lower(name)`
      )
      return r.rows
    },
    listSavedSearches: async () => {
      const r = await pool.query<{ id: number; name: string; query: string; created_at: Date }>(
        'SELECT id, name, query, created_at FROM saved_searches WHERE user_id = $1 ORDER BY lower(name)', [user.id]
      )
      const out: SavedSearch[] = []
      for (const s of r.rows) out.push({ id: s.id, name: s.name, query: s.query, createdAt: s.created_at.toISOString(), count: await countOf(s.query) })
      return out
    },
    saveSearch: async ({ name, query }) => {
      const r = await pool.query<{ id: number; created_at: Date }>(
        `INSERT INTO saved_searches(user_id, name, query) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, name) DO UPDATE SET query = excluded.query RETURNING id, created_at`, [user.id, name, query]
      )
      return { id: r.rows[0].id, name, query, createdAt: r.rows[0].created_at.toISOString(), count: await countOf(query) }
    },
    deleteSavedSearch: async ({ id }) => {
      const r = await pool.query('DELETE FROM saved_searches WHERE id = $1 AND user_id = $2', [id, user.id])
      if (r.rowCount === 0) throw new UserError('not_found', `No saved search with id ${id}.`)
      return { deleted: 1 }
    }
  }
}

async function getArticle(pool: Pool, id: number): Promise<Article> {
  const r = await pool.query<SummaryRow & { canonical_url: string | null; modified_at: string | null; text: string; doc: Buffer }>(
    `SELECT ${SUMMARY}, a.canonical_url, a.modified_at, v.text, v.doc FROM articles a JOIN article_versions v ON v.uuid = a.current_version
     WHERE a.id = $1 AND a.deleted_at IS NULL`,
    [id]
  )
  const a = r.rows[0]
  if (!a) throw new UserError('not_found', `No article with id ${id}.`)
  const hl = await pool.query<{ id: number; color: string; note: string; exact: string; prefix: string; suffix: string; start_pos: number; end_pos: number; created_at: string; tags: string[]; author: string; updated: Date | null }>(
    `SELECT h.id, h.color, h.note, h.exact, h.prefix, h.suffix, h.start_pos, h.end_pos, h.created_at, h.tags, u.name AS author,
       (SELECT max(r.made_at) FROM highlight_revisions r WHERE r.highlight_id = h.id) AS updated
     FROM highlights h JOIN users u ON u.id = h.created_by WHERE h.article_id = $1 AND h.deleted_at IS NULL ORDER BY h.start_pos, h.id`,
    [id]
  )
  const highlights: Highlight[] = hl.rows.map((h) => ({
    id: h.id, articleId: id, color: h.color, note: h.note, exact: h.exact, prefix: h.prefix, suffix: h.suffix, start: h.start_pos, end: h.end_pos,
    orphan: false, createdAt: h.created_at, updatedAt: String(h.updated ?? h.created_at), tags: h.tags, author: h.author,
    version: 1, originalExact: h.exact, changedIn: null
  }))
  return {
    ...toSummary(a),
    version: 1,
    // The team keeps the byline, not the list of authors, the agency or corrections (see docs/team.md).
    authors: a.byline ? a.byline.split(/\s*,\s*/).filter(Boolean) : [],
    agency: null,
    imagesMissing: 0,
    corrected: [],
    extracted: null,
    canonicalUrl: a.canonical_url,
    modifiedAt: a.modified_at,
    // Images are `asset:<sha256>`, served at /asset/<sha256>.
    doc: JSON.parse(gunzipSync(a.doc).toString('utf8')),
    text: a.text,
    highlights,
    assets: [],
    position: 0
  }
}
