/**
 * Builds (or reuses) the benchmark archives, in one of two modes.
 *
 * Full (the default up to 200,000 articles): each page is written with exactly the calls
 * the app's import makes for it (src/main/import/run.ts importOne): `prepareWithQuotes`
 * (the page pipeline and quote detection, as the import worker runs them) →
 * `storeArticle` with the slimmed raw page, its content type, the article's tags and its
 * highlights.
 *
 * Fast (`--fast`, the default above 200,000): the article is generated directly in the
 * reader schema (bench/fast.ts: the same document, text, metadata and images as the full
 * path produces for that page, checked by bench/fast.test.ts) and stored by the same
 * `storeArticle`, with the generator's quotations and without a raw page. It skips
 * Readability and quote detection, which is what makes a million articles affordable.
 *
 * Only the scheduling differs from the app: pages are generated (and prepared) in worker
 * threads, one per core, and stored in order, many articles per transaction
 * (storeArticle's own transaction becomes a savepoint inside it). The rows, indexes and
 * FTS entries are the app's. Import *throughput* is measured separately, through the api's
 * `importItems`, in measure.ts.
 *
 * An archive built by an earlier schema is upgraded in place by the app's own migrations
 * (timed: that is what a user's archive goes through).
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, totalmem } from 'node:os'
import { Worker } from 'node:worker_threads'
import { openApp } from '../src/main/app'
import { insertHighlight } from '../src/main/db/highlights'
import { LATEST_VERSION } from '../src/main/db/migrations'
import { storeArticle } from '../src/main/import/store'
import { slimRawPage } from '../src/main/import/raw'
import { describeRange } from '../src/main/annotate/anchor'
import { prepareArticle, type PreparedArticle } from '../src/main/page/prepare'
import type { PreparedWithQuotes } from '../src/main/import/prepare'
import type { NewAsset } from '../src/main/db/articles'
import { GENERATOR_VERSION, generatePage } from './corpus'
import type { BuildChunk, BuiltPage } from './worker'
import type { DB } from '../src/main/db/connection'

export const DATA_DIR = new URL('./.data/', import.meta.url).pathname

/** Bump when what the build stores changes: 2 = quotes detected as the import does, raw page slimmed. */
export const BUILD_VERSION = 2
export type BuildMode = 'full' | 'fast'
/** Above this size the fast mode is the default. */
export const FAST_FROM = 200_000

/** The writer's page cache while building, in KiB: a quarter of the memory, at most 6 GiB. */
export function buildCacheKiB(memory = totalmem()): number {
  return Math.max(262_144, Math.min(6 * 1_048_576, Math.floor(memory / 4 / 1024)))
}

export interface ArchiveMeta {
  generatorVersion: number
  buildVersion: number
  mode: BuildMode
  schemaVersion: number
  /** The schema it was built with, when it has since been migrated. */
  builtWithSchema?: number
  migrateSeconds?: number
  seed: number
  size: number
  builtAt: string
  buildSeconds: number
  pagesPerSecond: number
  failed: number
  workers: number
}

export function archivePath(size: number, seed: number, mode: BuildMode): string {
  return `${DATA_DIR}archive-n${size}-seed${seed}-gen${GENERATOR_VERSION}-b${BUILD_VERSION}-${mode}.db`
}

/** Stores one prepared page the way importOne does. */
export function storePrepared(
  db: DB,
  page: { url: string; html: string; tags: string[]; highlights: BuiltPage['highlights'] },
  prepared: PreparedArticle | PreparedWithQuotes
): number {
  return storeArticle(db, {
    ...prepared,
    url: prepared.url ?? page.url,
    title: prepared.title || page.url,
    raw: slimRawPage(page.html),
    rawType: 'text/html; charset=utf-8',
    tags: page.tags,
    highlights: page.highlights
  }).id
}

/** Structured clone turns Buffers into Uint8Arrays; SQLite binds only Buffers. */
function revive<T extends { assets: NewAsset[] }>(p: T): T {
  return { ...p, assets: p.assets.map((a) => ({ ...a, bytes: Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength) })) }
}

function storeBuilt(db: DB, p: BuiltPage): boolean {
  if (p.fast) {
    storeArticle(db, { ...revive(p.fast.article), highlights: p.fast.highlights })
    return true
  }
  if (!p.prepared || p.html === undefined) return false
  storePrepared(db, { url: p.url, html: p.html, tags: p.tags, highlights: p.highlights }, revive(p.prepared))
  return true
}

export async function ensureArchive(
  size: number,
  seed: number,
  opts: { rebuild?: boolean; mode?: BuildMode; log: (s: string) => void }
): Promise<{ path: string; meta: ArchiveMeta; reused: boolean }> {
  const mode = opts.mode ?? (size > FAST_FROM ? 'fast' : 'full')
  const path = archivePath(size, seed, mode)
  const found = opts.rebuild ? null : existingArchive(size, seed, [mode], opts.log)
  if (found) {
    opts.log(`Reusing ${path} (${mode} build, generator v${GENERATOR_VERSION}, seed ${seed}, ${size} pages, schema ${found.meta.schemaVersion}; built ${found.meta.builtAt}). --rebuild to build it again.`)
    return { ...found, reused: true }
  }
  const meta = await build(path, size, seed, mode, opts.log)
  writeFileSync(`${path}.json`, JSON.stringify(meta, null, 2))
  return { path, meta, reused: false }
}

/**
 * The first of `modes` whose archive of this size and seed exists and matches this generator
 * and build (what ensureArchive reuses), migrated to the latest schema if it is older; null
 * when there is none. Never builds.
 */
export function existingArchive(size: number, seed: number, modes: BuildMode[], log: (s: string) => void): { path: string; meta: ArchiveMeta } | null {
  for (const mode of modes) {
    const path = archivePath(size, seed, mode)
    if (!existsSync(path) || !existsSync(`${path}.json`)) continue
    const meta = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as ArchiveMeta
    if (meta.size !== size || meta.seed !== seed || meta.generatorVersion !== GENERATOR_VERSION || meta.buildVersion !== BUILD_VERSION || meta.schemaVersion > LATEST_VERSION) continue
    if (meta.schemaVersion < LATEST_VERSION) upgrade(path, meta, log)
    return { path, meta }
  }
  return null
}

/** Opens an archive of an earlier schema with the app, which migrates it; records how long that took. */
function upgrade(path: string, meta: ArchiveMeta, log: (s: string) => void): void {
  log(`Migrating ${path} from schema ${meta.schemaVersion} to ${LATEST_VERSION} with the app's migrations…`)
  const t0 = performance.now()
  openApp(path).close()
  meta.migrateSeconds = (performance.now() - t0) / 1000
  meta.builtWithSchema ??= meta.schemaVersion
  meta.schemaVersion = LATEST_VERSION
  writeFileSync(`${path}.json`, JSON.stringify(meta, null, 2))
  log(`  migrated in ${meta.migrateSeconds.toFixed(1)} s.`)
}

async function build(path: string, size: number, seed: number, mode: BuildMode, log: (s: string) => void): Promise<ArchiveMeta> {
  for (const suffix of ['', '-wal', '-shm', '.json']) rmSync(`${path}${suffix}`, { force: true })
  const workers = Math.max(1, Math.min(availableParallelism(), 8))
  log(
    mode === 'fast'
      ? `Building ${path}: ${size} articles, FAST BUILD MODE — documents generated directly in the reader schema (no Readability, no raw page, the generator's quotations), stored by the app's storeArticle, ${workers} generator thread(s)…`
      : `Building ${path}: ${size} pages through prepareWithQuotes + storeArticle (the import's calls), ${workers} worker thread(s)…`
  )
  const started = performance.now()
  const app = openApp(path)
  const db = app.ctx.db
  // A larger page cache for the writer: FTS5 merges segments it wrote earlier while the archive
  // grows, and the quotes' and tags' indexes take inserts all over their B-trees. This host
  // keeps almost nothing in the OS page cache (it reclaims it), so the writer keeps its own:
  // a quarter of the memory, at most 6 GiB.
  db.pragma(`cache_size = -${buildCacheKiB()}`)
  // Nothing to protect while building (a failed build is built again): commits write each page
  // once, into the file, without fsync. In WAL every page was written twice (log, checkpoint).
  // The rows are the same; the app's next open puts the archive back in WAL.
  db.pragma('journal_mode = MEMORY')
  db.pragma('synchronous = OFF')
  const CHUNK = mode === 'fast' ? 200 : 50
  const TX = mode === 'fast' ? 5000 : 1000
  let nextChunk = 0
  const ready = new Map<number, BuiltPage[]>()
  let nextToStore = 0
  let stored = 0
  let failed = 0
  let pending: BuiltPage[] = []
  let lastLog = performance.now()
  const flush = () => {
    if (!pending.length) return
    const batch = pending
    pending = []
    db.transaction(() => {
      for (const p of batch) {
        if (storeBuilt(db, p)) stored++
        else failed++
      }
    }).immediate()
  }
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { seed, mode } }))
  await new Promise<void>((resolve, reject) => {
    let running = 0
    const assign = (w: Worker) => {
      // Keep the reorder buffer bounded: at most a few chunks ahead of the writer.
      if (nextChunk * CHUNK >= size || ready.size > workers * 4) return false
      const from = nextChunk++ * CHUNK
      w.postMessage({ from, to: Math.min(size, from + CHUNK) } satisfies BuildChunk)
      running++
      return true
    }
    const idle: Worker[] = []
    for (const w of pool) {
      w.on('error', reject)
      w.on('message', (msg: { chunk: BuildChunk; pages: BuiltPage[] }) => {
        running--
        ready.set(msg.chunk.from / CHUNK, msg.pages)
        while (ready.has(nextToStore)) {
          pending.push(...(ready.get(nextToStore) as BuiltPage[]))
          ready.delete(nextToStore)
          nextToStore++
          if (pending.length >= TX) flush()
        }
        if (!assign(w)) idle.push(w)
        while (idle.length && assign(idle[0])) idle.shift()
        if (performance.now() - lastLog > 30_000) {
          lastLog = performance.now()
          const s = (performance.now() - started) / 1000
          const done = stored + pending.length
          log(`  ${done}/${size} articles, ${(done / s).toFixed(0)}/s, ${((size - done) / (done / s) / 60).toFixed(0)} min to go`)
        }
        if (running === 0 && nextChunk * CHUNK >= size) resolve()
      })
      if (!assign(w)) idle.push(w)
    }
  })
  flush()
  for (const w of pool) w.postMessage(null)
  app.close()
  const buildSeconds = (performance.now() - started) / 1000
  const meta: ArchiveMeta = {
    generatorVersion: GENERATOR_VERSION,
    buildVersion: BUILD_VERSION,
    mode,
    schemaVersion: LATEST_VERSION,
    seed,
    size,
    builtAt: new Date().toISOString(),
    buildSeconds,
    pagesPerSecond: size / buildSeconds,
    failed,
    workers
  }
  log(`Built in ${buildSeconds.toFixed(1)} s (${meta.pagesPerSecond.toFixed(0)} articles/s, ${failed} failed), ${(statSync(path).size / 1e6).toFixed(0)} MB.`)
  return meta
}

export const READER_WORDS = 10_000
export const READER_HIGHLIGHTS = 1_000

/** A small archive holding the reader benchmark's article: 10,000 words, 1,000 highlights. */
export async function ensureReaderArchive(seed: number, log: (s: string) => void): Promise<{ path: string; id: number; highlights: number; words: number }> {
  const path = `${DATA_DIR}reader-seed${seed}-gen${GENERATOR_VERSION}-schema${LATEST_VERSION}-h${READER_HIGHLIGHTS}.db`
  const metaPath = `${path}.json`
  if (existsSync(path) && existsSync(metaPath)) return JSON.parse(readFileSync(metaPath, 'utf8'))
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true })
  log(`Building the reader archive (${READER_WORDS} words, ${READER_HIGHLIGHTS} highlights)…`)
  const app = openApp(path)
  const db = app.ctx.db
  const page = generatePage(seed, 9_000_000, { words: READER_WORDS })
  const prepared = await prepareArticle({ html: page.html, url: page.url }, { loadImage: async () => null })
  const id = storePrepared(db, { ...page, highlights: [] }, prepared)
  // 1,000 highlights spread over the text, word-aligned, 2–12 words each, some overlapping.
  const text = prepared.text
  const starts: number[] = []
  for (const m of text.matchAll(/\S+/g)) starts.push(m.index as number)
  const step = Math.floor(starts.length / READER_HIGHLIGHTS)
  const colors = ['yellow', 'green', 'blue', 'pink']
  db.transaction(() => {
    for (let k = 0; k < READER_HIGHLIGHTS; k++) {
      const w0 = k * step + (k % 3)
      const w1 = Math.min(starts.length - 1, w0 + 2 + (k % 11))
      const end = starts[w1] + (text.slice(starts[w1]).match(/^\S+/)?.[0].length ?? 0)
      const sel = describeRange(text, starts[w0], end)
      insertHighlight(db, { articleId: id, ...sel, color: colors[k % 4], note: k % 10 === 0 ? `Note ${k}` : '' })
    }
  }).immediate()
  app.close()
  const meta = { path, id, highlights: READER_HIGHLIGHTS, words: prepared.wordCount }
  writeFileSync(metaPath, JSON.stringify(meta))
  return meta
}
