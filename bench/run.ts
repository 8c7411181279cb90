/**
 * `npm run bench`: is the archive fast at scale, against raw baselines, in one run?
 *
 *   npx tsx bench/run.ts [--quick | --size N] [--json] [--seed N] [--rebuild] [--no-reader]
 *
 * --quick: 2,000 articles; default 10,000; --size 100000 for the large run. Archives are
 * kept in bench/.data/ and reused when the generator version, seed, size and schema match.
 * Messages go to stderr; the table (or with --json one JSON object) to stdout.
 */
import { relative } from 'node:path'
import { cpus, loadavg, totalmem } from 'node:os'
import { mkdirSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openApp } from '../src/main/app'
import { DEFAULT_SEED, GENERATOR_VERSION, MARKERS, markerCounts, VOCABULARY_SIZE } from './corpus'
import { OUTLETS } from './words'
import { DATA_DIR, ensureArchive, ensureReaderArchive } from './build'
import { dbBench, importBench, loadSearch, queryMix, searchBench, stats, type QueryResult } from './measure'
import { readerBench, type ReaderResult } from './reader'
import { apiDiffBench, diffBench, storageBench, type VersionsResult } from './versions'
import { quotesCost, realPages, type QuotesCost } from './quotes-cost'
import { reextractBench, type ReextractResult } from './reextract'
import { cjkBench, type CjkResult } from './cjk'
import { offlineImagesBench, type OfflineImagesResult } from './offline-images'

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    size: { type: 'string' },
    json: { type: 'boolean', default: false },
    seed: { type: 'string' },
    rebuild: { type: 'boolean', default: false },
    'no-reader': { type: 'boolean', default: false },
    'no-versions': { type: 'boolean', default: false },
    'version-edits': { type: 'string' },
    'only-versions': { type: 'boolean', default: false },
    'import-pages': { type: 'string' },
    runs: { type: 'string' },
    'no-reextract': { type: 'boolean', default: false },
    'reextract-limit': { type: 'string' },
    cjk: { type: 'string' },
    'offline-pages': { type: 'string' }
  }
})

const size = values.size ? Number(values.size) : values.quick ? 2000 : 10_000
const seed = values.seed ? Number(values.seed) : DEFAULT_SEED
if (!Number.isInteger(size) || size < 100) throw new Error('--size takes a whole number ≥ 100')
const importPages = values['import-pages'] ? Number(values['import-pages']) : Math.min(size, values.quick ? 300 : 1000)
const runs = values.runs ? Number(values.runs) : values.quick ? 30 : 50
const log = (s: string) => process.stderr.write(`${s}\n`)

const TARGETS = {
  searchP95Ms: 50,
  searchVsRaw: 1.5,
  importVsReadability: 0.5,
  readerOpenMs: 200,
  diff10kMs: 50,
  diff50kMs: 1000,
  firstScreenMs: 500,
  dbVsText: 2.5,
  quotesCpuShare: 0.2
}

/** What a version costs to store (on a copy of the archive) and how fast diffs are. */
async function versionsStep(archivePath: string): Promise<VersionsResult> {
  const edits = values['version-edits'] ? Number(values['version-edits']) : Math.min(1000, Math.round(size / 10))
  const loadBefore = loadavg()[0]
  const diff = await diffBench(seed, values.quick ? 10 : 30, log)
  const load = { before: loadBefore, after: loadavg()[0], cores: cpus().length }
  return { storage: await storageBench(archivePath, seed, edits, log), diff, load, api_diff_ms: await apiDiffBench(seed, values.quick ? 5 : 15) }
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true })
  const started = performance.now()
  log(`Clipfile benchmark: ${size} articles (seed ${seed}, generator v${GENERATOR_VERSION}, vocabulary ${VOCABULARY_SIZE} words); ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB`)

  if (values['only-versions']) {
    const archive = await ensureArchive(size, seed, { rebuild: values.rebuild, log })
    const v = await versionsStep(archive.path)
    process.stdout.write(`${versionsTable(v)}\n`)
    writeFileSync(`${DATA_DIR}last-versions-n${size}.json`, JSON.stringify(v, null, 2))
    return
  }

  // 1. Import throughput (always measured, on a fresh scratch archive).
  log(`Import: ${importPages} generated pages through importItems, Readability alone and prepareArticle alone…`)
  const imp = await importBench(seed, importPages, log)

  // 1b. What quote detection adds to the import's CPU work, on the real pages (the issue's budget).
  const real = realPages()
  let quotes: QuotesCost | null = null
  if (real) {
    log(`Quotes: prepareArticle against findQuotes on ${real.length} real pages (CPU time, warm)…`)
    quotes = await quotesCost('real pages', real, 1)
  } else log('Quotes: real-page corpus absent: skipped.')

  // 2. The archive (built once, reused).
  const archive = await ensureArchive(size, seed, { rebuild: values.rebuild, log })

  // 3. Search.
  const search = await loadSearch()
  let queries: QueryResult[] = []
  if (!search) {
    log('Search: src/main/search/search.ts (searchArticles) is not there yet: skipped.')
  } else {
    log(`Search: ${queryMix(OUTLETS[0].domain).length} queries × ${runs} runs after 5 warm-up runs…`)
    const app = openApp(archive.path)
    queries = searchBench(app.ctx.db, search, queryMix(OUTLETS[0].domain), runs)
    app.close()
  }
  const appSamples = queries.map((q) => q.app)
  const text = queries.filter((q) => q.rawKind !== 'sql')
  // The mix: percentiles over every (query, run) sample pooled, each query weighted equally.
  const pool = (qs: QueryResult[], pick: (q: QueryResult) => { samples?: number[] }) => stats(qs.flatMap((q) => pick(q).samples ?? []))
  const appAll = pool(queries, (q) => q.app)
  const rawText = pool(text, (q) => q.raw)
  const appText = pool(text, (q) => q.app)
  const uiAll = pool(queries, (q) => q.ui)

  // 4. Reader.
  let reader: ReaderResult | null = null
  if (!values['no-reader']) {
    const r = await ensureReaderArchive(seed, log)
    log(`Reader: opening a ${r.words}-word article with ${r.highlights} highlights in Chromium…`)
    try {
      reader = await readerBench(r.path, r.id, r.highlights, values.quick ? 5 : 10, log)
    } catch (e) {
      log(`Reader: failed: ${(e as Error).message}`)
    }
  }

  // 5. Database.
  log('Database: size, and opening it + listing the first 100 articles…')
  const db = await dbBench(archive.path)

  // 6. Versions: storage per version, diff speed.
  const versions = values['no-versions'] ? null : await versionsStep(archive.path)

  // 6. Re-extraction of the whole archive from its kept pages.
  let reextract: ReextractResult | null = null
  if (!values['no-reextract']) {
    const limit = values['reextract-limit'] ? Number(values['reextract-limit']) : undefined
    log(`Re-extraction: ${limit ?? 'every'} article${limit === 1 ? '' : 's'} of the archive again from its kept page…`)
    reextract = await reextractBench(archive.path, log, limit)
  }

  // 7. Chinese/Japanese substring search (the trigram index).
  const cjkSize = values.cjk ? Number(values.cjk) : values.quick ? 500 : 2000
  log(`CJK search: ${cjkSize} generated Chinese articles, trigram index size and substring queries…`)
  const cjk: CjkResult = await cjkBench(cjkSize, archive.path, runs, log)

  // 8. Real pages whose image servers never answer.
  const offlinePages = values['offline-pages'] ? Number(values['offline-pages']) : values.quick ? 15 : 30
  log(`Offline images: ${offlinePages} real pages whose image servers never answer, through importItems…`)
  const offline: OfflineImagesResult | null = await offlineImagesBench(offlinePages, log)

  const expected = markerCounts(seed, size)
  const result = {
    articles: db.articles,
    machine: { cores: cpus().length, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
    generator: { version: GENERATOR_VERSION, seed, vocabulary: VOCABULARY_SIZE, markers: Object.fromEntries(Object.entries(MARKERS).map(([k, m]) => [m.word, expected[k as keyof typeof expected]])) },
    archive: { path: relative(process.cwd(), archive.path), reused: archive.reused, buildSeconds: archive.meta.buildSeconds, buildPagesPerSecond: archive.meta.pagesPerSecond, buildWorkers: archive.meta.workers },
    import: {
      pages: imp.pages,
      pages_per_s: imp.pagesPerSecond,
      readability_pages_per_s: imp.readabilityPagesPerSecond,
      prepare_pages_per_s: imp.preparePagesPerSecond,
      ratio_vs_readability: imp.pagesPerSecond / imp.readabilityPagesPerSecond,
      cpu_ms_per_page: imp.cpuMsPerPage,
      readability_cpu_ms_per_page: imp.readabilityCpuMsPerPage,
      peak_rss_mb: imp.peakRssMb,
      failed: imp.failed,
      highlights: imp.highlights,
      tagged: imp.taggedArticles,
      real: imp.real && {
        offline_pages_per_s: imp.real.offlinePagesPerSecond,
        offline_ratio_vs_readability: imp.real.offlinePagesPerSecond / imp.real.readabilityPagesPerSecond,
        pages: imp.real.pages,
        imported: imp.real.imported,
        failed: imp.real.failed,
        pages_per_s: imp.real.pagesPerSecond,
        readability_pages_per_s: imp.real.readabilityPagesPerSecond,
        ratio_vs_readability: imp.real.pagesPerSecond / imp.real.readabilityPagesPerSecond
      }
    },
    quotes: quotes
      ? {
          pages: quotes.pages,
          quotes_per_article: quotes.quotesPerArticle,
          prepare_cpu_ms_per_page: quotes.prepareCpuMsPerPage,
          detect_cpu_ms_per_article: quotes.detectCpuMsPerArticle,
          cpu_share: quotes.cpuShare,
          wall_share: quotes.wallShare
        }
      : { skipped: 'real-page corpus absent' },
    search: search
      ? {
          p50_ms: appAll.p50,
          p95_ms: appAll.p95,
          max_ms: Math.max(...appSamples.map((s) => s.max)),
          text_p50_ms: appText.p50,
          raw_p50_ms: rawText.p50,
          raw_p95_ms: rawText.p95,
          text_p95_ms: appText.p95,
          ratio_vs_raw: appText.p95 / rawText.p95,
          ui_p50_ms: uiAll.p50,
          ui_p95_ms: uiAll.p95,
          runs,
          queries: queries.map((q) => ({
            name: q.name,
            query: q.query,
            total: q.total,
            p50_ms: q.app.p50,
            p95_ms: q.app.p95,
            max_ms: q.app.max,
            raw_kind: q.rawKind,
            raw_p50_ms: q.raw.p50,
            raw_p95_ms: q.raw.p95,
            ui_p50_ms: q.ui.p50,
            ui_p95_ms: q.ui.p95
          }))
        }
      : { skipped: 'src/main/search/search.ts not found' },
    reader: reader
      ? {
          open_ms: reader.openMs,
          open_p95_ms: reader.open.p95,
          open_first_ms: reader.open.first,
          add_highlight_ms: reader.addHighlightMs,
          add_highlight_p95_ms: reader.addHighlight?.p95 ?? null,
          highlights: reader.expected,
          painted: reader.highlightsPainted,
          ...(reader.note ? { note: reader.note } : {})
        }
      : { open_ms: null, skipped: values['no-reader'] ? '--no-reader' : 'failed' },
    db: {
      bytes: db.bytes,
      text_bytes: db.textBytes,
      ratio: db.ratio,
      highlights: db.highlights,
      assets: db.assets,
      asset_bytes: db.assetBytes,
      columns: db.columns,
      breakdown: db.breakdown.slice(0, 12)
    },
    library: { first_screen_ms: db.firstScreen.p50, first_screen_p95_ms: db.firstScreen.p95, first_screen_first_ms: db.firstScreen.first },
    versions: versions ?? { skipped: '--no-versions' },
    reextract: reextract && {
      articles: reextract.articles,
      seconds: reextract.seconds,
      articles_per_s: reextract.perSecond,
      main_thread_cpu_s: reextract.cpuSeconds,
      changed: reextract.changed,
      unchanged: reextract.unchanged,
      failed: reextract.failed,
      skipped: reextract.skipped
    },
    cjk: {
      articles: cjk.articles,
      text_bytes: cjk.textBytes,
      trigram_index_bytes: cjk.indexBytes,
      trigram_vs_text: cjk.indexVsText,
      english_trigram_vs_text_estimate: cjk.englishTrigramVsText,
      english_sample: cjk.englishSample,
      queries: cjk.queries
    },
    offline_images: offline && { pages: offline.pages, seconds: offline.seconds, pages_per_s: offline.perSecond, imported: offline.imported, images_missing: offline.imagesMissing },
    seconds: (performance.now() - started) / 1000
  }
  writeFileSync(`${DATA_DIR}last-n${size}.json`, JSON.stringify(result, null, 2))

  const s = result.search as { p95_ms?: number; ratio_vs_raw?: number }
  const verdicts = [
    ['search p95 ≤ 50 ms', s.p95_ms !== undefined ? s.p95_ms <= TARGETS.searchP95Ms : null, s.p95_ms !== undefined ? `${fmt(s.p95_ms)} ms` : 'skipped'],
    ['search ≤ 1.5× raw FTS5 (text queries, p95)', s.ratio_vs_raw !== undefined ? s.ratio_vs_raw <= TARGETS.searchVsRaw : null, s.ratio_vs_raw !== undefined ? `${s.ratio_vs_raw.toFixed(2)}×` : 'skipped'],
    ['import ≥ ½ Readability alone', result.import.ratio_vs_readability >= TARGETS.importVsReadability, `${result.import.ratio_vs_readability.toFixed(2)}×`],
    ['reader open ≤ 200 ms (1,000 highlights)', reader && !Number.isNaN(reader.openMs) ? reader.openMs <= TARGETS.readerOpenMs : null, reader ? `${fmt(reader.openMs)} ms` : 'skipped'],
    ['library first screen ≤ 500 ms', db.firstScreen.p50 <= TARGETS.firstScreenMs, `${fmt(db.firstScreen.p50)} ms`],
    ['database ≤ 2.5× article text', db.ratio <= TARGETS.dbVsText, `${db.ratio.toFixed(2)}×`],
    ...diffVerdicts(versions),
    ['quote detection ≤ 20% of import CPU (real pages)', quotes ? quotes.cpuShare <= TARGETS.quotesCpuShare : null, quotes ? `${(quotes.cpuShare * 100).toFixed(1)}%` : 'skipped']
  ] as const
  ;(result as Record<string, unknown>).targets = verdicts.map(([name, ok, value]) => ({ name, ok, value }))

  if (values.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`)
    return
  }
  const out: string[] = []
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`
  out.push(`\nClipfile benchmark — ${result.articles} articles (${archive.reused ? 'reused archive' : 'archive built this run'}: ${archive.path})`)
  out.push(`machine: ${result.machine.cores} cores, ${result.machine.memGiB} GiB, Node ${result.machine.node}`)
  out.push(`planted words (articles): ${Object.entries(result.generator.markers).map(([w, n]) => `${w}=${n}`).join(', ')}`)
  out.push('\nImport')
  out.push(table([
    ['', 'pages/s', 'notes'],
    [`full path (importItems + tags + highlights), ${imp.pages} generated pages`, fmt(imp.pagesPerSecond), `peak RSS ${imp.peakRssMb.toFixed(0)} MB, ${imp.failed} failed; CPU ${fmt(imp.cpuMsPerPage)} ms/page (all threads) vs Readability ${fmt(imp.readabilityCpuMsPerPage)}`],
    ['  prepareArticle alone (no database)', fmt(imp.preparePagesPerSecond), ''],
    ['  Readability alone (linkedom + parse)', fmt(imp.readabilityPagesPerSecond), `full path = ${result.import.ratio_vs_readability.toFixed(2)}× Readability`],
    ...(imp.real
      ? [
          [`real pages (${imp.real.pages}, ${imp.real.mb.toFixed(1)} MB), prepare + save, images offline`, fmt(imp.real.offlinePagesPerSecond), `${imp.real.offlineImported} imported; ${(imp.real.offlinePagesPerSecond / imp.real.readabilityPagesPerSecond).toFixed(2)}× Readability`],
          [`real pages via importItems (fetches images; no network here)`, fmt(imp.real.pagesPerSecond), `${imp.real.imported} imported, ${imp.real.failed} refused`],
          ['  real pages, Readability alone', fmt(imp.real.readabilityPagesPerSecond), `full path = ${result.import.real!.ratio_vs_readability.toFixed(2)}× Readability`]
        ]
      : [['real pages', '-', 'corpus folder absent: skipped']]),
    [`archive build (${archive.meta.workers} workers, tx of 1,000)${archive.reused ? ', earlier run' : ''}`, fmt(archive.meta.pagesPerSecond), `${archive.meta.buildSeconds.toFixed(0)} s`]
  ]))
  if (quotes) {
    out.push(`  quote detection (findQuotes) on the ${quotes.articles} real articles: ${fmt(quotes.detectCpuMsPerArticle)} ms CPU/article, ${quotes.quotesPerArticle.toFixed(1)} quotes each, against prepareArticle's ${fmt(quotes.prepareCpuMsPerPage)} ms CPU/page = ${(quotes.cpuShare * 100).toFixed(1)}% (wall-clock ${(quotes.wallShare * 100).toFixed(1)}%)`)
  }
  if (queries.length) {
    out.push(`\nSearch (ms; ${runs} runs each after warm-up; limit 20; "ui" = with facets + timeline)`)
    out.push(table([
      ['query', 'matches', 'p50', 'p95', 'max', 'raw p50', 'raw p95', 'raw', 'ui p50', 'ui p95'],
      ...queries.map((q) => [`${q.name}: ${q.query}`, String(q.total), fmt(q.app.p50), fmt(q.app.p95), fmt(q.app.max), fmt(q.raw.p50), fmt(q.raw.p95), q.rawKind, fmt(q.ui.p50), fmt(q.ui.p95)]),
      ['mix (all samples pooled; raw: FTS queries only)', '', fmt(appAll.p50), fmt(appAll.p95), '', fmt(rawText.p50), fmt(rawText.p95), 'FTS only', fmt(uiAll.p50), fmt(uiAll.p95)]
    ]))
  }
  out.push('\nReader (Chromium, serve mode)')
  out.push(
    reader
      ? table([
          ['', 'p50 ms', 'p95 ms', 'notes'],
          [`open ${result.reader && 'highlights' in result.reader ? result.reader.highlights : ''}-highlight article until painted`, fmt(reader.openMs), fmt(reader.open.p95), `first open ${fmt(reader.open.first)} ms; ${reader.highlightsPainted} highlights painted${reader.note ? `; ${reader.note}` : ''}`],
          ['add one highlight (select, H) until painted', reader.addHighlightMs === null ? '-' : fmt(reader.addHighlightMs), reader.addHighlight ? fmt(reader.addHighlight.p95) : '-', '']
        ])
      : '  skipped'
  )
  out.push('\nDatabase')
  out.push(table([
    ['', 'value'],
    ['file size', mb(db.bytes)],
    ['article text (UTF-8)', `${mb(db.textBytes)} (file = ${db.ratio.toFixed(2)}× text)`],
    ['article_content columns: text / doc (gzip) / raw page (gzip)', `${mb(db.columns.text)} / ${mb(db.columns.doc)} / ${mb(db.columns.raw)}`],
    ['assets (images)', `${db.assets} (${mb(db.assetBytes)})`],
    ['highlights', String(db.highlights)],
    ...db.breakdown.slice(0, 8).map((b) => [`  ${b.name}`, mb(b.bytes)]),
    ['open + list first 100 (p50 / p95 / first)', `${fmt(db.firstScreen.p50)} / ${fmt(db.firstScreen.p95)} / ${fmt(db.firstScreen.first)} ms`]
  ]))
  if (versions) out.push(versionsTable(versions))
  out.push('\nRe-extraction (from the kept pages, through reextractArticles)')
  out.push(
    reextract
      ? table([
          ['', 'value'],
          ['articles', String(reextract.articles)],
          ['articles/s', fmt(reextract.perSecond)],
          ['time', `${reextract.seconds.toFixed(1)} s (main thread CPU ${reextract.cpuSeconds.toFixed(1)} s)`],
          ['new text / same text / failed / no page', `${reextract.changed} / ${reextract.unchanged} / ${reextract.failed} / ${reextract.skipped}`]
        ])
      : '  skipped (--no-reextract)'
  )
  out.push(`\nChinese/Japanese substring search (${cjk.articles} generated Chinese articles)`)
  out.push(table([
    ['', 'value'],
    ['text / trigram index', `${mb(cjk.textBytes)} / ${mb(cjk.indexBytes)} (${cjk.indexVsText.toFixed(2)}× the text)`],
    ['trigram index of English text, if every article were indexed', cjk.englishTrigramVsText === null ? '-' : `${cjk.englishTrigramVsText.toFixed(2)}× the text (sample of ${cjk.englishSample})`],
    ...cjk.queries.map((q) => [`${q.name}: ${q.query}`, `${q.total} matches, p50 ${fmt(q.p50)} / p95 ${fmt(q.p95)} ms`])
  ]))
  out.push('\nReal pages whose image servers never answer (tarpit, importItems)')
  out.push(offline ? table([['', 'value'], ['pages', String(offline.pages)], ['pages/s', fmt(offline.perSecond)], ['time', `${offline.seconds.toFixed(1)} s`], ['images kept as placeholders', String(offline.imagesMissing ?? '-')]]) : '  skipped (no corpus)')
  out.push('\nTargets')
  out.push(table([['target', 'result', 'value'], ...verdicts.map(([name, ok, value]) => [name, ok === null ? 'n/a' : ok ? 'met' : 'MISSED', value])]))
  out.push(`\n${result.seconds.toFixed(0)} s in all. JSON: ${DATA_DIR}last-n${size}.json`)
  process.stdout.write(`${out.join('\n')}\n`)
}

/** The diff targets: a 10,000-word article with 2% changed in ≤ 50 ms, 50,000 words in ≤ 1 s (p95, both kinds of edit). */
function diffVerdicts(v: VersionsResult | null): (readonly [string, boolean | null, string])[] {
  if (!v) return [['diff targets', null, 'skipped']]
  const worst = (words: number) => Math.max(...v.diff.filter((d) => Math.abs(d.words - words) < words * 0.2).map((d) => d.ms.p95))
  return [
    ['diff, 10,000 words, 2% changed ≤ 50 ms (p95)', worst(10_000) <= TARGETS.diff10kMs, `${fmt(worst(10_000))} ms`],
    ['diff, 50,000 words, 2% changed ≤ 1 s (p95)', worst(50_000) <= TARGETS.diff50kMs, `${fmt(worst(50_000))} ms`]
  ]
}

function versionsTable(v: VersionsResult): string {
  const s = v.storage
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`
  return [
    `\nVersions (${s.versions} new versions with small edits, of ${s.articles} articles)`,
    table([
      ['', 'value'],
      ['a stored article (text + doc + raw page), mean', kb(s.article_bytes)],
      ['a replaced version\'s content, packed: text / doc / raw page', `${fmt(s.version_text_bytes)} / ${fmt(s.version_doc_bytes)} / ${fmt(s.version_raw_bytes)} = ${fmt(s.version_bytes)} bytes`],
      ['a new version\'s row (metadata, summary, headline, address)', `${fmt(s.row_bytes)} bytes`],
      ['together, per version', `${fmt(s.version_bytes + s.row_bytes)} bytes (${((100 * (s.version_bytes + s.row_bytes)) / s.article_bytes).toFixed(1)}% of the article)`],
      ['file growth per version after VACUUM (FTS, rows, checks)', `${fmt(s.file_growth_per_version)} bytes; ${fmt(s.file_growth_after_fts_merge)} once the search index is merged`],
      ...s.growth_by_table.slice(0, 8).map((g) => [`  ${g.name}`, `${g.bytes_per_version >= 0 ? '+' : ''}${fmt(g.bytes_per_version)} bytes per version`]),
      ['an unchanged re-check (a check row)', `${fmt(s.check_bytes)} bytes`],
      ['storeArticle, changed / unchanged (p50 / p95)', `${fmt(s.store_ms.p50)} / ${fmt(s.store_ms.p95)} ms; ${fmt(s.unchanged_store_ms.p50)} / ${fmt(s.unchanged_store_ms.p95)} ms`]
    ]),
    table([
      ['diffTexts', 'changed words', 'p50 ms', 'p95 ms', 'max ms', 'CPU p50', 'CPU p95'],
      ...v.diff.map((d) => [d.name, String(d.changedWords), fmt(d.ms.p50), fmt(d.ms.p95), fmt(d.ms.max), fmt(d.cpu_ms.p50), fmt(d.cpu_ms.p95)]),
      ['api diffVersions, 10,000 words, 2% edits (rebuild both, quotes)', '', fmt(v.api_diff_ms.p50), fmt(v.api_diff_ms.p95), fmt(v.api_diff_ms.max), '', '']
    ]),
    `load average ${v.load.before.toFixed(1)} → ${v.load.after.toFixed(1)} on ${v.load.cores} cores during the diff runs`
  ].join('\n')
}

function fmt(n: number | null | undefined): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '-'
  return n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2)
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_x, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
  return rows
    .map((r, i) => {
      const line = r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')
      return i === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line
    })
    .join('\n')
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e)
    process.exit(1)
  }
)
