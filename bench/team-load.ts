/**
 * Load on a team server: N clients, each with its own token, pushing articles and
 * highlights and searching, concurrently, for a while. Then every acknowledged record is
 * checked on the server: nothing lost, nothing doubled, no error answered.
 *
 * Used by `npm run bench:team` (20 clients for a minute, numbers in docs/team.md) and, for a
 * few seconds, by test/team/load.test.ts.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { PushOp, PushResponse } from '../src/shared/sync'
import type { SearchResult } from '../src/shared/types'
import type { Pool } from '../src/team/store/pool'
import { generatePage } from './corpus'

export interface Stats {
  n: number
  p50: number
  p95: number
  max: number
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b)
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))] ?? NaN
  return { n: s.length, p50: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN }
}

export interface LoadOptions {
  url: string
  tokens: string[]
  seconds: number
  seed?: number
  /** Articles per push (each with one highlight). */
  perPush?: number
}

export interface LoadResult {
  clients: number
  seconds: number
  pushes: number
  searches: number
  errors: string[]
  articlesAcknowledged: number
  highlightsAcknowledged: number
  push: Stats
  search: Stats
}

const QUERIES = ['government', 'ceasefire', '"climate summit"', 'econom*', 'ceasefire -government', 'according', 'zeppelin OR ceasefire', 'is:highlight minister']

async function post<T>(url: string, token: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(new URL(path, url), { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
  const json = (await res.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!res.ok || !json.ok) throw new Error(`HTTP ${res.status} ${path}: ${json.error?.message ?? ''}`)
  return json.value
}

function articleOps(seed: number, index: number, n: number): { ops: PushOp[]; articles: string[]; highlights: string[] } {
  const ops: PushOp[] = []
  const articles: string[] = []
  const highlights: string[] = []
  for (let k = 0; k < n; k++) {
    const page = generatePage(seed, index + k)
    const text = [page.article.standfirst, ...page.article.paragraphs].join('\n\n')
    const uuid = randomUUID()
    const hash = createHash('sha256').update(`${uuid}\n${text}`).digest('hex')
    articles.push(uuid)
    ops.push({
      opId: randomUUID(), op: 'article', uuid, savedAt: new Date().toISOString(), tags: page.tags,
      version: {
        uuid: randomUUID(), contentHash: hash, createdAt: new Date().toISOString(),
        meta: { url: `${page.url}?load=${uuid}`, canonicalUrl: null, title: page.title, byline: page.article.byline, site: page.outlet, publishedAt: page.publishedAt, modifiedAt: null, language: 'en', excerpt: null, wordCount: page.words },
        text, doc: { type: 'doc', content: [] }, raw: null, rawType: null, assets: [], quotes: []
      }
    })
    const exact = page.article.paragraphs[0].slice(0, 60)
    const h = randomUUID()
    highlights.push(h)
    ops.push({
      opId: randomUUID(), op: 'highlight', uuid: h, articleUuid: uuid, rev: randomUUID(), baseRev: null, madeAt: new Date().toISOString(),
      create: { createdAt: new Date().toISOString(), selectors: { start: 0, end: exact.length, exact, prefix: '', suffix: '' }, versionUuid: null },
      color: 'yellow', note: 'minister said so', tags: ['Load']
    })
  }
  return { ops, articles, highlights }
}

/** Runs the load; answers with what happened (the caller verifies on the server with verifyLoad). */
export async function runLoad(o: LoadOptions): Promise<LoadResult & { acked: { articles: string[]; highlights: string[] } }> {
  const seed = o.seed ?? 424242
  const perPush = o.perPush ?? 5
  const deadline = Date.now() + o.seconds * 1000
  const errors: string[] = []
  const pushMs: number[] = []
  const searchMs: number[] = []
  const acked = { articles: [] as string[], highlights: [] as string[] }
  let next = 7_000_000
  const client = async (token: string, c: number) => {
    const clientId = randomUUID()
    for (let round = 0; Date.now() < deadline; round++) {
      const batch = articleOps(seed, next, perPush)
      next += perPush
      let t0 = performance.now()
      try {
        const r = await post<PushResponse>(o.url, token, '/sync/push', { protocol: 1, client: clientId, ops: batch.ops })
        pushMs.push(performance.now() - t0)
        const bad = r.results.filter((x) => x.status !== 'applied')
        if (bad.length) errors.push(`push: ${bad.map((b) => `${b.status} ${b.reason ?? ''}`).join('; ')}`)
        else {
          acked.articles.push(...batch.articles)
          acked.highlights.push(...batch.highlights)
        }
      } catch (e) {
        errors.push((e as Error).message)
      }
      t0 = performance.now()
      try {
        await post<SearchResult>(o.url, token, '/api/search', { query: QUERIES[(round + c) % QUERIES.length], limit: 20 })
        searchMs.push(performance.now() - t0)
      } catch (e) {
        errors.push((e as Error).message)
      }
    }
  }
  const started = performance.now()
  await Promise.all(o.tokens.map((t, i) => client(t, i)))
  return {
    clients: o.tokens.length,
    seconds: (performance.now() - started) / 1000,
    pushes: pushMs.length,
    searches: searchMs.length,
    errors,
    articlesAcknowledged: acked.articles.length,
    highlightsAcknowledged: acked.highlights.length,
    push: stats(pushMs),
    search: stats(searchMs),
    acked
  }
}

/** Every acknowledged article and highlight is on the server, once. Answers what is missing. */
export async function verifyLoad(pool: Pool, acked: { articles: string[]; highlights: string[] }): Promise<{ missingArticles: number; missingHighlights: number; duplicates: number }> {
  const a = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM articles WHERE uuid = ANY($1::uuid[])', [acked.articles])
  const h = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM highlights WHERE uuid = ANY($1::uuid[])', [acked.highlights])
  const d = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM (SELECT highlight_id FROM highlight_revisions GROUP BY highlight_id HAVING count(*) > 1) x")
  return { missingArticles: acked.articles.length - a.rows[0].n, missingHighlights: acked.highlights.length - h.rows[0].n, duplicates: d.rows[0].n }
}
