/** The measurements: import throughput, search latency, database size, library first screen. */
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { DOMParser } from 'linkedom'
import { Readability } from '@mozilla/readability'
import { openApp } from '../src/main/app'
import { attachImportedHighlights } from '../src/main/import/store'
import { articleText } from '../src/main/db/articles'
import { CORPUS_DIR } from '../test/support/corpus'
import { prepareArticle } from '../src/main/page/prepare'
import { compileQuery } from '../src/main/search/compile'
import { parseQueryLenient } from '../src/main/search/parse'
import { searchArticles } from '../src/main/search/search'
import { hits } from '../src/main/search/hits'
import type { DB } from '../src/main/db/connection'
import { generatePage, MARKERS, type GeneratedPage } from './corpus'
import { DATA_DIR, storePrepared } from './build'

export const REAL_PAGES_DIR = CORPUS_DIR

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}

export interface Stats {
  samples?: number[]
  n: number
  p50: number
  p95: number
  max: number
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b)
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), max: s[s.length - 1] ?? NaN }
}

/** Samples RSS every few ms while `work` runs (the event loop turns between imported items). */
async function withPeakRss<T>(work: () => Promise<T>): Promise<{ value: T; peakRss: number }> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  try {
    const value = await work()
    peak = Math.max(peak, process.memoryUsage().rss)
    return { value, peakRss: peak }
  } finally {
    clearInterval(timer)
  }
}

/** CPU seconds (user + system, all threads of this process) since `since`. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1e6
}

/** Readability alone, parsed by the very parser the app uses (linkedom's DOMParser). */
export function readabilityAlone(html: string): boolean {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  // linkedom's document is DOM-shaped enough for Readability (the app relies on it too).
  const article = new Readability(doc as unknown as ConstructorParameters<typeof Readability>[0]).parse()
  return !!article?.content
}

export interface ImportResult {
  pages: number
  seconds: number
  pagesPerSecond: number
  failed: number
  peakRssMb: number
  readabilityPagesPerSecond: number
  /** prepareArticle alone (no database): where the time goes. */
  preparePagesPerSecond: number
  /** CPU time per page, every thread of the process (the import prepares in a worker thread). */
  cpuMsPerPage: number
  readabilityCpuMsPerPage: number
  highlights: number
  taggedArticles: number
  real: null | {
    offlinePagesPerSecond: number
    offlineImported: number
    pages: number
    imported: number
    failed: number
    pagesPerSecond: number
    readabilityPagesPerSecond: number
    readabilityFound: number
    mb: number
    /** The offline import's archive: the figure that matters for size (real text compresses as real text does). */
    db: SizeResult
  }
}

export interface SizeResult {
  bytes: number
  textBytes: number
  ratio: number
  /** article_content's columns: plain text, gzip'd reader document, compressed raw page. */
  columns: { text: number; doc: number; raw: number }
  /** Bytes per table/index (dbstat), largest first. */
  breakdown: { name: string; bytes: number }[]
}

/** File size (after a checkpoint) against the article text it holds, and where the bytes are. */
export function sizeOf(db: DB, path: string): SizeResult {
  db.pragma('wal_checkpoint(TRUNCATE)')
  const columns = db
    .prepare('SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) AS text, coalesce(sum(length(doc)), 0) AS doc, coalesce(sum(length(raw)), 0) AS raw FROM article_content')
    .get() as { text: number; doc: number; raw: number }
  let breakdown: SizeResult['breakdown']
  try {
    breakdown = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as SizeResult['breakdown']
  } catch {
    breakdown = []
  }
  const bytes = statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0)
  return { bytes, textBytes: columns.text, ratio: bytes / columns.text, columns, breakdown }
}

interface TimedImport {
  seconds: number
  cpu: number
  failed: number
  highlights: number
  tagged: number
  peakRss: number
}

/**
 * The timed import: pages through `importItems` in batches of 50, then their tags
 * (`setArticleTags`) and highlights (`attachImportedHighlights`), after a 30-page warm-up
 * into the same app (the import's worker thread starts, and compiles its code, on first use).
 */
async function timedImport(app: ReturnType<typeof openApp>, seed: number, pages: GeneratedPage[]): Promise<TimedImport> {
  const warm = await app.api.importItems({ items: Array.from({ length: 30 }, (_x, i) => generatePage(seed, 6_000_000 + i)).map((p) => ({ kind: 'html' as const, html: p.html, url: p.url })) })
  if (!warm.ok) throw new Error(warm.error.message)
  const BATCH = 50
  const cpu0 = process.cpuUsage()
  let failed = 0
  let highlights = 0
  let tagged = 0
  const { value: seconds, peakRss } = await withPeakRss(async () => {
    const start = performance.now()
    for (let b = 0; b < pages.length; b += BATCH) {
      const batch = pages.slice(b, b + BATCH)
      const res = await app.api.importItems({ items: batch.map((p) => ({ kind: 'html' as const, html: p.html, url: p.url })) })
      if (!res.ok) throw new Error(res.error.message)
      for (let i = 0; i < batch.length; i++) {
        const r = res.value.results[i]
        if (!r.ok || r.id === undefined) {
          failed++
          continue
        }
        const page = batch[i]
        if (page.tags.length) {
          const t = await app.api.setArticleTags({ id: r.id, tags: page.tags })
          if (!t.ok) throw new Error(t.error.message)
          tagged++
        }
        if (page.highlights.length) {
          const text = articleText(app.ctx.db, r.id) ?? ''
          app.ctx.db.transaction(() => attachImportedHighlights(app.ctx.db, r.id!, text, page.highlights)).immediate()
          highlights += page.highlights.length
        }
      }
    }
    return (performance.now() - start) / 1000
  })
  return { seconds, cpu: cpuSeconds(cpu0), failed, highlights, tagged, peakRss }
}

export interface ImportScaleResult {
  pages: number
  archiveArticles: number
  empty: { pagesPerSecond: number; cpuMsPerPage: number }
  large: { pagesPerSecond: number; cpuMsPerPage: number }
}

/**
 * Does importing slow down as the archive grows? The same new pages (beyond the archive's
 * range) imported into an empty archive and into a copy of the large one, alternately
 * twice each (the copy is made again for its second turn), timed the same way.
 */
export async function importScaleBench(archive: string, articles: number, seed: number, n: number, log: (s: string) => void): Promise<ImportScaleResult> {
  const pages = Array.from({ length: n }, (_x, i) => generatePage(seed, articles + 1000 + i))
  const scratch = join(DATA_DIR, 'import-scale.db')
  const clear = () => {
    for (const s of ['', '-wal', '-shm']) rmSync(scratch + s, { force: true })
  }
  const runs: { large: boolean; t: TimedImport }[] = []
  for (const large of [false, true, false, true]) {
    clear()
    if (large) copyFileSync(archive, scratch)
    const app = openApp(scratch)
    runs.push({ large, t: await timedImport(app, seed, pages) })
    app.close()
    log(`  import-at-scale: ${n} pages into ${large ? `a copy of the ${articles}-article archive` : 'an empty archive'}: ${(n / runs[runs.length - 1].t.seconds).toFixed(1)} pages/s`)
  }
  clear()
  const sum = (large: boolean) => {
    const rs = runs.filter((r) => r.large === large).map((r) => r.t)
    const seconds = rs.reduce((a, r) => a + r.seconds, 0)
    const cpu = rs.reduce((a, r) => a + r.cpu, 0)
    return { pagesPerSecond: (n * rs.length) / seconds, cpuMsPerPage: (cpu * 1000) / (n * rs.length) }
  }
  return { pages: n, archiveArticles: articles, empty: sum(false), large: sum(true) }
}

/**
 * Import throughput through the api (`importItems` with `{kind:'html', html, url}` items in
 * batches, as the UI sends pasted/dropped pages), then each article's tags (`setArticleTags`)
 * and highlights (the export-import path, `attachImportedHighlights`), into a fresh archive.
 * The same pages then go through Readability alone (linkedom + Readability.parse) and
 * through prepareArticle alone.
 */
export async function importBench(seed: number, n: number, log: (s: string) => void): Promise<ImportResult> {
  const pages: GeneratedPage[] = Array.from({ length: n }, (_x, i) => generatePage(seed, i))
  // Warm the JIT on pages that are not measured.
  for (let i = 0; i < 30; i++) {
    const p = generatePage(seed, 5_000_000 + i)
    readabilityAlone(p.html)
    await prepareArticle({ html: p.html, url: p.url }, { loadImage: async () => null })
  }

  let t0 = performance.now()
  const cpu0 = process.cpuUsage()
  for (const p of pages) readabilityAlone(p.html)
  const readabilitySeconds = (performance.now() - t0) / 1000
  const readabilityCpu = cpuSeconds(cpu0)

  t0 = performance.now()
  for (const p of pages) await prepareArticle({ html: p.html, url: p.url, contentType: 'text/html; charset=utf-8' }, { loadImage: async () => null })
  const prepareSeconds = (performance.now() - t0) / 1000

  const path = join(DATA_DIR, 'import-scratch.db')
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true })
  const app = openApp(path)
  const { seconds, cpu: importCpu, failed, highlights, tagged, peakRss } = await timedImport(app, seed, pages)
  app.close()
  log(`  import: ${n} pages in ${seconds.toFixed(1)} s (CPU ${importCpu.toFixed(1)} s, all threads) through importItems; Readability alone ${readabilitySeconds.toFixed(1)} s (CPU ${readabilityCpu.toFixed(1)} s); prepareArticle alone ${prepareSeconds.toFixed(1)} s`)
  return {
    pages: n,
    seconds,
    pagesPerSecond: n / seconds,
    failed,
    peakRssMb: peakRss / 1e6,
    readabilityPagesPerSecond: n / readabilitySeconds,
    preparePagesPerSecond: n / prepareSeconds,
    cpuMsPerPage: (importCpu * 1000) / n,
    readabilityCpuMsPerPage: (readabilityCpu * 1000) / n,
    highlights,
    taggedArticles: tagged,
    real: await realPagesBench(log)
  }
}

/** The same comparison on the real pages of Readability's test suite, when present. */
async function realPagesBench(log: (s: string) => void): Promise<ImportResult['real']> {
  if (!existsSync(REAL_PAGES_DIR)) {
    log(`  real pages: ${REAL_PAGES_DIR} is absent, skipped.`)
    return null
  }
  const dirs = readdirSync(REAL_PAGES_DIR).filter((d) => existsSync(join(REAL_PAGES_DIR, d, 'source.html')))
  const pages = dirs.map((d) => ({ name: d, html: readFileSync(join(REAL_PAGES_DIR, d, 'source.html'), 'utf8') }))
  const mb = pages.reduce((s, p) => s + Buffer.byteLength(p.html), 0) / 1e6
  let found = 0
  let t0 = performance.now()
  for (const p of pages) found += +readabilityAlone(p.html)
  const rSeconds = (performance.now() - t0) / 1000
  // Offline full path: prepareArticle → storeArticle as importOne does, images not fetched.
  const offlinePath = join(DATA_DIR, 'import-real-offline.db')
  for (const s of ['', '-wal', '-shm']) rmSync(offlinePath + s, { force: true })
  const off = openApp(offlinePath)
  let offlineOk = 0
  t0 = performance.now()
  for (const p of pages) {
    try {
      const prepared = await prepareArticle({ html: p.html, contentType: 'text/html; charset=utf-8' }, { loadImage: async () => null })
      storePrepared(off.ctx.db, { url: `file:///${p.name}.html`, html: p.html, tags: [], highlights: [] }, prepared)
      offlineOk++
    } catch {
      // refused: no article found (counted below)
    }
  }
  const offlineSeconds = (performance.now() - t0) / 1000
  const size = sizeOf(off.ctx.db, offlinePath)
  off.close()
  const path = join(DATA_DIR, 'import-real.db')
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true })
  const app = openApp(path)
  t0 = performance.now()
  // No URL: a real import would fetch the page's images; offline, they are dropped.
  const res = await app.api.importItems({ items: pages.map((p) => ({ kind: 'html' as const, html: p.html, name: `${p.name}.html` })) })
  const seconds = (performance.now() - t0) / 1000
  app.close()
  if (!res.ok) throw new Error(res.error.message)
  const imported = res.value.created + res.value.updated
  log(`  real pages: ${pages.length} pages (${mb.toFixed(1)} MB): importItems ${seconds.toFixed(1)} s (tries to fetch images; no network here), offline prepare+save ${offlineSeconds.toFixed(1)} s; Readability alone ${rSeconds.toFixed(1)} s`)
  return {
    offlinePagesPerSecond: pages.length / offlineSeconds,
    offlineImported: offlineOk,
    pages: pages.length,
    imported,
    failed: res.value.failed,
    pagesPerSecond: pages.length / seconds,
    readabilityPagesPerSecond: pages.length / rSeconds,
    readabilityFound: found,
    mb,
    db: size
  }
}

// ---------------------------------------------------------------------------------------
// Search

export interface QuerySpec {
  name: string
  query: string
  /** The equivalent raw statement: an FTS5 MATCH over articles_fts or highlights_fts, or plain SQL for filter-only queries. */
  raw: { kind: 'articles_fts' | 'highlights_fts'; match: string } | { kind: 'sql'; sql: string; params: unknown[] }
}

const FTS_RAW = 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20'
const HL_RAW = 'SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ? ORDER BY rank LIMIT 20'

/** The raw FTS expression for a text query, from the app's own compiler. */
function ftsOf(query: string): string {
  const q = compileQuery(parseQueryLenient(query).ast)
  if (!q.fts) throw new Error(`no text in ${query}`)
  return q.exclude ? `(${q.fts}) NOT (${q.exclude})` : q.fts
}

/** A query outside the mix: its raw statement is the FTS5 expression when it has text, none (a no-op) otherwise. */
export function adHocSpec(query: string): QuerySpec {
  const q = compileQuery(parseQueryLenient(query).ast)
  if (q.fts && !q.highlightsOnly) return { name: query, query, raw: { kind: 'articles_fts', match: ftsOf(query) } }
  return { name: query, query, raw: { kind: 'sql', sql: 'SELECT NULL', params: [] } }
}

/** The speaker the mix asks for: a surname the generator gives to about one person in eighty. */
export const MIX_SPEAKER = 'Torres'

export function queryMix(outletDomain: string, otherDomain: string): QuerySpec[] {
  const text = (name: string, query: string): QuerySpec => ({ name, query, raw: { kind: 'articles_fts', match: ftsOf(query) } })
  const sql = (name: string, query: string, statement: string, params: unknown[]): QuerySpec => ({ name, query, raw: { kind: 'sql', sql: statement, params } })
  const onSite = `%${outletDomain}/%`
  return [
    text('every article', 'according'),
    text('common word (40%)', 'government'),
    text('word (8%)', 'ceasefire'),
    text('rare word (0.1%)', 'zeppelin'),
    text('two words', 'government ceasefire'),
    text('phrase', '"climate summit"'),
    text('prefix', 'econom*'),
    text('OR', 'zeppelin OR ceasefire'),
    text('exclusion', 'ceasefire -government'),
    text('word + tag + date', 'ceasefire tag:Syria after:2018'),
    text('word + speaker', `government speaker:${MIX_SPEAKER}`),
    text('word + site', `climate site:${otherDomain}`),
    sql('filter only (site:)', `site:${outletDomain}`, 'SELECT id FROM articles WHERE url LIKE ? ORDER BY id DESC LIMIT 20', [onSite]),
    sql('tag', 'tag:Syria', 'SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ? ORDER BY at.article_id DESC LIMIT 20', ['Syria']),
    sql('date range', 'after:2019-01 before:2019-07', 'SELECT id FROM articles WHERE published_at >= ? AND published_at < ? ORDER BY id DESC LIMIT 20', ['2019-01-01', '2019-07-01']),
    sql('speaker', `speaker:${MIX_SPEAKER}`, "SELECT DISTINCT article_id FROM quotes WHERE kind <> 'scare' AND speaker_key LIKE ? ORDER BY article_id DESC LIMIT 20", [`% ${MIX_SPEAKER.toLowerCase()}`]),
    sql(
      'site + tag',
      `site:${outletDomain} tag:Iran`,
      'SELECT a.id FROM articles a JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id WHERE t.name = ? AND a.url LIKE ? ORDER BY a.id DESC LIMIT 20',
      ['Iran', onSite]
    ),
    sql(
      'tag + date',
      'tag:Syria after:2020',
      'SELECT a.id FROM articles a JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id WHERE t.name = ? AND a.published_at >= ? ORDER BY a.id DESC LIMIT 20',
      ['Syria', '2020-01-01']
    ),
    sql('highlighted articles', 'is:highlight', 'SELECT DISTINCT article_id FROM highlights ORDER BY article_id DESC LIMIT 20', []),
    { name: 'highlight search', query: 'is:highlight minister', raw: { kind: 'highlights_fts', match: '"minister"' } },
    text('one-letter prefix (searched as the word)', 'w*')
  ]
}

export interface QueryResult {
  name: string
  query: string
  total: number
  /** The total is an estimate (the search's `totalApproximate`). */
  approximate: boolean
  /** The budget ran out before `runs` timed runs (or before the warm-up ended): fewer samples. */
  stopped: boolean
  app: Stats
  raw: Stats
  /** Same query with facets and timeline, as the search screen asks for it. */
  ui: Stats
  /** CPU time of the same runs (this thread): what wall-clock would be on an idle machine, cache warm. */
  appCpu: Stats
  rawCpu: Stats
  uiCpu: Stats
  /** The same search by other code (SearchBenchOptions.against), interleaved run by run; empty otherwise. */
  against: Stats
  againstCpu: Stats
  rawKind: string
}

type SearchFn = (
  db: DB,
  input: { query: string; limit?: number; includeFacets?: boolean; includeTimeline?: boolean }
) => { total: number; totalApproximate?: boolean }

function time(fn: () => unknown): number {
  const t0 = performance.now()
  fn()
  return performance.now() - t0
}

/** Wall-clock and CPU time (user + system, this process; the search is single-threaded) of one call, ms. */
function timeBoth(fn: () => unknown): [number, number] {
  const c0 = process.cpuUsage()
  const t0 = performance.now()
  fn()
  const wall = performance.now() - t0
  const c = process.cpuUsage(c0)
  return [wall, (c.user + c.system) / 1000]
}

export interface SearchBenchOptions {
  /** Warm-up runs of each variant before timing (default 5); they stop early when the budget is spent. */
  warmup?: number
  /** Timed runs made whatever the budget (default 5). */
  minRuns?: number
  /** Which variants to time: the app's search (always), the raw statement, the search with facets + timeline. */
  raw?: boolean
  ui?: boolean
  /** Other code's search (an earlier commit's), timed on the same queries, interleaved with this one's: a fair A/B on a busy machine. */
  against?: SearchFn
  /** Progress of long runs (each run over a second, and each query's end), for stderr. */
  progress?: (s: string) => void
}

function rawStatement(db: DB, spec: QuerySpec): () => unknown {
  if (spec.raw.kind === 'sql') {
    const { sql, params } = spec.raw
    const st = db.prepare(sql)
    return () => st.all(...params)
  }
  const st = db.prepare(spec.raw.kind === 'articles_fts' ? FTS_RAW : HL_RAW)
  const m = spec.raw.match
  return () => st.all(m)
}

/**
 * Each query `runs` times after warm-up runs (5 by default), app, raw and app-with-facets
 * interleaved; at a million articles some statements take seconds, so a query stops after
 * `budgetMs` of warm-up and timing (at least `minRuns` timed runs, 5 by default), reports how
 * many runs it made and whether the budget cut it short.
 */
export function searchBench(
  db: DB,
  search: SearchFn,
  specs: QuerySpec[],
  runs: number,
  budgetMs = 60_000,
  log?: (s: string) => void,
  opts: SearchBenchOptions = {}
): QueryResult[] {
  const out: QueryResult[] = []
  const { warmup = 5, minRuns = 5, raw: withRaw = true, ui: withUi = true, progress } = opts
  for (const [k, spec] of specs.entries()) {
    let total = -1
    let approximate = false
    const app = () => {
      const r = search(db, { query: spec.query, limit: 20 })
      total = r.total
      approximate = !!r.totalApproximate
    }
    const variants: [string, () => unknown, number[], number[]][] = [['app', app, [], []]]
    if (withRaw) variants.push(['raw', rawStatement(db, spec), [], []])
    if (withUi) variants.push(['ui', () => search(db, { query: spec.query, limit: 20, includeFacets: true, includeTimeline: true }), [], []])
    const other = opts.against
    if (other) variants.push(['against', () => other(db, { query: spec.query, limit: 20 }), [], []])
    const started = performance.now()
    const over = () => performance.now() - started >= budgetMs
    const run = (fn: () => unknown, label: string): [number, number] => {
      const r = timeBoth(fn)
      if (r[0] > 1000) progress?.(`    ${spec.query}: ${label} took ${(r[0] / 1000).toFixed(1)} s (CPU ${(r[1] / 1000).toFixed(1)} s)`)
      return r
    }
    let stopped = false
    for (let i = 0; i < warmup && !stopped; i++) {
      for (const [label, fn] of variants) run(fn, `warm-up ${label}`)
      stopped = over()
    }
    let i = 0
    for (; i < runs && (i < minRuns || !over()); i++) {
      for (const [label, fn, wall, cpu] of variants) {
        const [w, c] = run(fn, `run ${i + 1} ${label}`)
        wall.push(w)
        cpu.push(c)
      }
    }
    stopped ||= i < runs
    if (total < 0) app()
    const samples = (label: string): [number[], number[]] => {
      const v = variants.find((x) => x[0] === label)
      return v ? [v[2], v[3]] : [[], []]
    }
    const [[a, ac], [rw, rc], [uw, uc], [xw, xc]] = [samples('app'), samples('raw'), samples('ui'), samples('against')]
    log?.(
      `  ${spec.query}: p50 ${stats(a).p50.toFixed(1)} ms (CPU ${stats(ac).p50.toFixed(1)})` +
        `${withRaw ? `, raw ${stats(rw).p50.toFixed(1)} ms` : ''}${withUi ? `, ui ${stats(uw).p50.toFixed(1)} ms` : ''} (${a.length} runs${stopped ? ', budget spent' : ''})`
    )
    progress?.(`  [${k + 1}/${specs.length}] ${spec.query}: ${a.length} runs in ${((performance.now() - started) / 1000).toFixed(1)} s${stopped ? ' (budget spent)' : ''}`)
    out.push({
      name: spec.name,
      query: spec.query,
      total,
      approximate,
      stopped,
      app: { ...stats(a), samples: a },
      raw: { ...stats(rw), samples: rw },
      ui: { ...stats(uw), samples: uw },
      appCpu: { ...stats(ac), samples: ac },
      rawCpu: { ...stats(rc), samples: rc },
      uiCpu: { ...stats(uc), samples: uc },
      against: { ...stats(xw), samples: xw },
      againstCpu: { ...stats(xc), samples: xc },
      rawKind: spec.raw.kind
    })
  }
  return out
}

// ---------------------------------------------------------------------------------------
// Database

export interface DbResult {
  bytes: number
  textBytes: number
  ratio: number
  /** Bytes per table/index (dbstat), largest first. */
  breakdown: { name: string; bytes: number }[]
  articles: number
  highlights: number
  assets: number
  assetBytes: number
  /** article_content's columns: plain text, gzip'd reader document, gzip'd raw page. */
  columns: { text: number; doc: number; raw: number }
  firstScreen: Stats & { first: number }
}

export async function dbBench(path: string): Promise<DbResult> {
  const app = openApp(path)
  const db = app.ctx.db
  db.pragma('wal_checkpoint(TRUNCATE)')
  const one = <T>(sql: string) => db.prepare(sql).pluck().get() as T
  const textBytes = one<number>('SELECT sum(length(CAST(text AS BLOB))) FROM article_content')
  let breakdown: DbResult['breakdown']
  try {
    breakdown = (db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name ORDER BY bytes DESC').all() as DbResult['breakdown'])
  } catch {
    breakdown = []
  }
  const columns = db
    .prepare('SELECT sum(length(CAST(text AS BLOB))) AS text, sum(length(doc)) AS doc, coalesce(sum(length(raw)), 0) AS raw FROM article_content')
    .get() as { text: number; doc: number; raw: number }
  const result = {
    columns,
    articles: one<number>('SELECT count(*) FROM articles'),
    highlights: one<number>('SELECT count(*) FROM highlights'),
    assets: one<number>('SELECT count(*) FROM assets'),
    assetBytes: one<number>('SELECT coalesce(sum(length(bytes)), 0) FROM assets')
  }
  app.close()
  const bytes = statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0)
  const samples = await firstScreenSamples(path)
  return { bytes, textBytes, ratio: bytes / textBytes, breakdown, ...result, firstScreen: { ...stats(samples.slice(1)), first: samples[0] } }
}

/** Library first screen: open the archive and list the first 100 articles, each time anew (ms; the first is the cold one). */
export async function firstScreenSamples(path: string, times = 11): Promise<number[]> {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const t0 = performance.now()
    const a = openApp(path)
    const res = await a.api.listArticles({ limit: 100 })
    samples.push(performance.now() - t0)
    if (!res.ok || res.value.items.length === 0) throw new Error('listArticles failed')
    a.close()
  }
  return samples
}

// ---------------------------------------------------------------------------------------
// The app's fixed cost

export interface OverheadResult {
  query: string
  total: number
  /** Medians over 300 runs, ms. */
  searchMs: number
  rawMs: number
  parseCompileMs: number
  rowsSnippetsMs: number
  /** What the app adds to the query itself: parse + compile + the page's rows and snippets. */
  overheadMs: number
}

/**
 * The app's fixed overhead, measured on a query that finds one article (the rare planted word
 * and the start of its article's title as a phrase): parse + compile, and the page's rows, tags, snippet and highlights, beside
 * the whole search and the raw FTS5 statement for the same expression.
 */
export function overheadBench(db: DB): OverheadResult {
  // The one hit is found through the rare planted word and the start of its title: a whole
  // title as a phrase is also one hit, but a phrase of common words is costly for FTS5 itself
  // (its snippet re-reads every word's doclist), which is not the app's fixed cost.
  const rare = db
    .prepare(`SELECT title FROM articles WHERE id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH '"${MARKERS.rare.word}"') ORDER BY id DESC LIMIT 5`)
    .pluck()
    .all() as string[]
  const titles = db.prepare('SELECT title FROM articles ORDER BY id DESC LIMIT 50').pluck().all() as string[]
  const phrase = (t: string, words = Infinity) => `"${t.replace(/"/gu, '').split(/\s+/u).slice(0, words).join(' ')}"`
  const candidates = [...rare.flatMap((t) => [1, 2, 3, 4].map((n) => `${MARKERS.rare.word} ${phrase(t, n)}`)), ...titles.map((t) => phrase(t))]
  let query = ''
  let total = 0
  for (const c of candidates) {
    query = c
    total = searchArticles(db, { query, limit: 20 }).total
    if (total === 1) break
  }
  const median = (fn: () => unknown) => {
    for (let i = 0; i < 30; i++) fn()
    const s: number[] = []
    for (let i = 0; i < 300; i++) s.push(time(fn))
    return stats(s).p50
  }
  const q = compileQuery(parseQueryLenient(query).ast)
  const ids = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20').pluck().all(q.fts) as number[]
  const page = { total, ids: ids.map((id) => ({ id, score: 1 })) }
  const raw = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rank LIMIT 20')
  const parseCompileMs = median(() => compileQuery(parseQueryLenient(query).ast))
  const rowsSnippetsMs = median(() => hits(db, q, page))
  return {
    query,
    total,
    searchMs: median(() => searchArticles(db, { query, limit: 20 })),
    rawMs: median(() => raw.all(q.fts)),
    parseCompileMs,
    rowsSnippetsMs,
    overheadMs: parseCompileMs + rowsSnippetsMs
  }
}
