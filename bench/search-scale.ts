/**
 * Search latency alone, on a bench archive already built (never builds one):
 *
 *   npx tsx bench/search-scale.ts [--size 100000 | --db PATH] [--seed N] [--queries 'a|b|c']
 *                                 [--runs N] [--warmup N] [--budget S] [--facets] [--raw] [--json]
 *                                 [--exact] [--approximate-from N] [--against REF]
 *
 * --size: the archive `npx tsx bench/run.ts --size N` would reuse (fast or full build, whichever
 * exists), migrated to the latest schema first if it is older, as run.ts does; --db: any archive
 * (the app migrates it on open). --queries: `|`-separated queries (default: the bench's whole mix,
 * measure.ts queryMix). Each query: --warmup runs (default 3), then up to --runs timed runs
 * (default 20), stopped once the query has used --budget seconds (default 60; at least one
 * timed run is always made: a query slower than its budget gets one run and is marked so).
 * --facets: also times the search with facets and timeline (as the search screen asks);
 * --raw: also the raw FTS5/SQL statement. --exact: exact totals however many match (the API's
 * exactTotal); --approximate-from N: estimate totals past N matches instead of 100,000 (to see
 * at 100k what the estimate does at a million). --against REF: also times src/main/search as it
 * was at the git ref REF (bench/previous-search.ts), run for run interleaved with today's: a
 * before/after that the load of a shared machine affects alike. Progress goes to stderr; the table (or one JSON
 * object) to stdout. The pooled p95 weighs each query equally. Use CPU time when another
 * process shares the cores.
 */
import { parseArgs } from 'node:util'
import { openApp } from '../src/main/app'
import { searchArticles } from '../src/main/search/search'
import { DEFAULT_SEED } from './corpus'
import { OUTLETS } from './words'
import { existingArchive, FAST_FROM } from './build'
import { loadPrevious } from './previous-search'
import { adHocSpec, queryMix, searchBench, type QueryResult, type QuerySpec, type Stats } from './measure'

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    db: { type: 'string' },
    seed: { type: 'string' },
    queries: { type: 'string' },
    runs: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '3' },
    budget: { type: 'string', default: '60' },
    facets: { type: 'boolean', default: false },
    raw: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    exact: { type: 'boolean', default: false },
    'approximate-from': { type: 'string' },
    against: { type: 'string' }
  }
})

const log = (s: string) => process.stderr.write(`${s}\n`)
const num = (name: string, v: string, min: number): number => {
  const n = Number(v)
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} takes a number ≥ ${min} (got ${v})`)
  return n
}
const runs = num('runs', values.runs, 1)
const warmup = num('warmup', values.warmup, 0)
const budgetMs = num('budget', values.budget, 0) * 1000

function archive(): string {
  if (values.db) return values.db
  const size = num('size', values.size ?? '100000', 100)
  const seed = values.seed ? Number(values.seed) : DEFAULT_SEED
  const found = existingArchive(size, seed, size > FAST_FROM ? ['fast', 'full'] : ['full', 'fast'], log)
  if (!found) throw new Error(`No ${size}-article bench archive (seed ${seed}) in bench/.data: build it with npx tsx bench/run.ts --size ${size}, or pass --db`)
  return found.path
}

/** The mix's own spec for a query it holds (its raw statement); otherwise adHocSpec. */
function specs(): QuerySpec[] {
  const mix = queryMix(OUTLETS[0].domain, OUTLETS[1].domain)
  if (!values.queries) return mix
  return values.queries
    .split('|')
    .map((q) => q.trim())
    .filter(Boolean)
    .map((query) => mix.find((s) => s.query === query) ?? adHocSpec(query))
}

const path = archive()
log(`Opening ${path}…`)
const app = openApp(path)
const mix = specs()
log(`Search: ${mix.length} queries, ${warmup} warm-up + up to ${runs} runs each, at most ${budgetMs / 1000} s per query${values.facets ? ', also with facets + timeline' : ''}…`)
const t0 = performance.now()
const approximateFrom = values['approximate-from'] ? num('approximate-from', values['approximate-from'], 0) : undefined
const search: typeof searchArticles = (db, input) => searchArticles(db, { ...input, exactTotal: values.exact, approximateFrom })
const against = values.against ? await loadPrevious(values.against, new URL('..', import.meta.url).pathname) : undefined
const results = searchBench(app.ctx.db, search, mix, runs, budgetMs, undefined, {
  warmup,
  minRuns: 1,
  raw: values.raw,
  ui: values.facets,
  against: against && ((db, input) => against(db, { ...input, approximateFrom, exactTotal: values.exact })),
  progress: log
})
log(`Done in ${((performance.now() - t0) / 1000).toFixed(0)} s.`)

/**
 * Percentiles over every query's samples pooled, each query weighted equally (a sample weighs
 * 1/its query's runs): a query the budget cut short counts as much as one that made every run.
 */
function pooled(pick: (q: QueryResult) => Stats): Stats {
  const weighted = results
    .flatMap((q) => (pick(q).samples ?? []).map((v, _i, all) => [v, 1 / all.length] as const))
    .sort((a, b) => a[0] - b[0])
  const total = weighted.reduce((s, [, w]) => s + w, 0)
  const at = (p: number): number => {
    let acc = 0
    for (const [v, w] of weighted) if ((acc += w) >= (p / 100) * total - 1e-9) return v
    return NaN
  }
  return { n: weighted.length, p50: at(50), p95: at(95), max: weighted[weighted.length - 1]?.[0] ?? NaN }
}
const pool = {
  cpu: pooled((q) => q.appCpu),
  wall: pooled((q) => q.app),
  uiCpu: pooled((q) => q.uiCpu),
  uiWall: pooled((q) => q.ui),
  againstCpu: pooled((q) => q.againstCpu)
}

if (values.json) {
  const strip = ({ samples: _s, ...s }: Stats) => s
  process.stdout.write(
    `${JSON.stringify(
      {
        path,
        runs,
        warmup,
        budgetSeconds: budgetMs / 1000,
        queries: results.map((q) => ({
          query: q.query,
          total: q.total,
          approximate: q.approximate,
          stopped: q.stopped,
          runs: q.app.n,
          cpu: strip(q.appCpu),
          wall: strip(q.app),
          ...(values.facets ? { uiCpu: strip(q.uiCpu), uiWall: strip(q.ui) } : {}),
          ...(values.raw ? { rawCpu: strip(q.rawCpu), rawWall: strip(q.raw) } : {}),
          ...(against ? { againstCpu: strip(q.againstCpu), againstWall: strip(q.against) } : {})
        })),
        pooled: Object.fromEntries(Object.entries(pool).map(([k, v]) => [k, strip(v)]))
      },
      null,
      2
    )}\n`
  )
} else process.stdout.write(`${table()}\n`)

function table(): string {
  const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–')
  const head = ['query', 'matches', 'CPU p50', 'CPU p95', 'wall p50', 'wall p95', 'runs']
  if (values.facets) head.push('ui CPU p50', 'ui CPU p95', 'ui wall p95')
  if (values.raw) head.push('raw CPU p50', 'raw wall p95')
  if (against) head.push(`${values.against} CPU p50`, `${values.against} CPU p95`)
  const rows = results.map((q) => {
    const row = [
      q.query,
      `${q.approximate ? 'about ' : ''}${q.total.toLocaleString('en-US')}`,
      ms(q.appCpu.p50),
      ms(q.appCpu.p95),
      ms(q.app.p50),
      ms(q.app.p95),
      `${q.app.n}${q.stopped ? ' (budget)' : ''}`
    ]
    if (values.facets) row.push(ms(q.uiCpu.p50), ms(q.uiCpu.p95), ms(q.ui.p95))
    if (values.raw) row.push(ms(q.rawCpu.p50), ms(q.raw.p95))
    if (against) row.push(ms(q.againstCpu.p50), ms(q.againstCpu.p95))
    return row
  })
  const pooledRow = ['pooled over the mix', '', ms(pool.cpu.p50), ms(pool.cpu.p95), ms(pool.wall.p50), ms(pool.wall.p95), String(pool.cpu.n)]
  if (values.facets) pooledRow.push(ms(pool.uiCpu.p50), ms(pool.uiCpu.p95), ms(pool.uiWall.p95))
  if (values.raw) pooledRow.push('', '')
  if (against) pooledRow.push(ms(pool.againstCpu.p50), ms(pool.againstCpu.p95))
  const all = [head, ...rows, pooledRow]
  const widths = head.map((_, i) => Math.max(...all.map((r) => r[i].length)))
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  const stopped = results.filter((q) => q.stopped)
  return [
    `Search on ${path} (ms; limit 20; CPU = this thread's CPU time of the same runs)`,
    line(head),
    ...rows.map(line),
    line(pooledRow),
    stopped.length ? `(budget) = stopped after ${budgetMs / 1000} s before ${runs} runs: ${stopped.map((q) => q.query).join(', ')}` : ''
  ]
    .filter(Boolean)
    .join('\n')
}

// Closed after the table is out: closing runs PRAGMA optimize, which on a large archive just
// migrated can read from disk for minutes (a million articles on this machine's disk).
log('Closing the archive (PRAGMA optimize)…')
app.close()
