/**
 * Builds (or reuses) the benchmark archives.
 *
 * The big archive is written with exactly the calls the app's import runner makes for each
 * page (src/main/import/run.ts importOne): `prepareArticle` → `storeArticle` (with the raw
 * page, its content type, the article's tags and its highlights). Only the
 * scheduling differs, to make 100,000 pages affordable: pages are generated and prepared in
 * worker threads (one per core) and stored in order, 1,000 articles per transaction
 * (storeArticle's own transaction becomes a savepoint inside it). The rows, indexes and
 * FTS entries are what the app would have written. Import *throughput* is measured
 * separately, through the api's `importItems`, in measure.ts.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { Worker } from 'node:worker_threads'
import { openApp } from '../src/main/app'
import { insertHighlight } from '../src/main/db/highlights'
import { LATEST_VERSION } from '../src/main/db/migrations'
import { storeArticle } from '../src/main/import/store'
import { describeRange } from '../src/main/annotate/anchor'
import { prepareArticle, type PreparedArticle } from '../src/main/page/prepare'
import { GENERATOR_VERSION, generatePage } from './corpus'
import type { BuildChunk, BuiltPage } from './worker'
import type { DB } from '../src/main/db/connection'

export const DATA_DIR = new URL('./.data/', import.meta.url).pathname

export interface ArchiveMeta {
  generatorVersion: number
  schemaVersion: number
  seed: number
  size: number
  builtAt: string
  buildSeconds: number
  pagesPerSecond: number
  failed: number
  workers: number
}

export function archivePath(size: number, seed: number): string {
  return `${DATA_DIR}archive-n${size}-seed${seed}-gen${GENERATOR_VERSION}-schema${LATEST_VERSION}.db`
}

/** Stores one prepared page the way importOne does. */
export function storePrepared(db: DB, page: { url: string; html: string; tags: string[]; highlights: BuiltPage['highlights'] }, prepared: PreparedArticle): number {
  return storeArticle(db, {
    ...prepared,
    url: prepared.url ?? page.url,
    title: prepared.title || page.url,
    raw: Buffer.from(page.html),
    rawType: 'text/html; charset=utf-8',
    tags: page.tags,
    highlights: page.highlights
  }).id
}

/** Structured clone turns Buffers into Uint8Arrays; SQLite binds only Buffers. */
function revive(p: PreparedArticle): PreparedArticle {
  return { ...p, assets: p.assets.map((a) => ({ ...a, bytes: Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength) })) }
}

export async function ensureArchive(
  size: number,
  seed: number,
  opts: { rebuild?: boolean; log: (s: string) => void }
): Promise<{ path: string; meta: ArchiveMeta; reused: boolean }> {
  const path = archivePath(size, seed)
  const metaPath = `${path}.json`
  if (!opts.rebuild && existsSync(path) && existsSync(metaPath)) {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as ArchiveMeta
    if (meta.size === size && meta.seed === seed && meta.generatorVersion === GENERATOR_VERSION && meta.schemaVersion === LATEST_VERSION) {
      opts.log(`Reusing ${path} (same generator v${GENERATOR_VERSION}, seed ${seed}, ${size} pages, schema ${LATEST_VERSION}; built ${meta.builtAt}). --rebuild to build it again.`)
      return { path, meta, reused: true }
    }
  }
  for (const suffix of ['', '-wal', '-shm', '.json']) rmSync(`${path}${suffix}`, { force: true })
  const workers = Math.max(1, Math.min(availableParallelism(), 8))
  opts.log(`Building ${path}: ${size} pages with ${workers} worker thread(s)…`)
  const started = performance.now()
  const app = openApp(path)
  const db = app.ctx.db
  const CHUNK = 50
  const TX = 1000
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
        if (!p.prepared) {
          failed++
          continue
        }
        storePrepared(db, p, revive(p.prepared))
        stored++
      }
    }).immediate()
  }
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { seed } }))
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
        if (performance.now() - lastLog > 10_000) {
          lastLog = performance.now()
          const s = (performance.now() - started) / 1000
          opts.log(`  ${stored + pending.length}/${size} pages, ${((stored + pending.length) / s).toFixed(0)} pages/s`)
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
    schemaVersion: LATEST_VERSION,
    seed,
    size,
    builtAt: new Date().toISOString(),
    buildSeconds,
    pagesPerSecond: size / buildSeconds,
    failed,
    workers
  }
  writeFileSync(metaPath, JSON.stringify(meta, null, 2))
  opts.log(`Built in ${buildSeconds.toFixed(1)} s (${meta.pagesPerSecond.toFixed(0)} pages/s, ${failed} failed), ${(statSync(path).size / 1e6).toFixed(0)} MB.`)
  return { path, meta, reused: false }
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
