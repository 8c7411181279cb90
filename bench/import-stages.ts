/**
 * Where an import's CPU goes, stage by stage, on the real pages (or the generated ones):
 * the import path of `importOne` run in ONE thread (prepare, quote detection, the slimmed
 * raw page, `storeArticle`) against Readability alone on the same pages, after an untimed
 * warm-up round, in process CPU time (user + system) beside wall-clock.
 *
 *   npx tsx bench/import-stages.ts [--generated N] [--rounds R] [--db out.db]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/import-stages.ts   # then bench/profile-stages.ts
 *
 * The whole-import ratio the bench reports runs prepare in a worker thread and stores in the
 * main one; here both are in one thread so each stage's CPU can be read on its own.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { openApp } from '../src/main/app'
import { prepareArticle } from '../src/main/page/prepare'
import { findQuotes } from '../src/main/quotes/detect'
import { slimRawPage } from '../src/main/import/raw'
import { storeArticle } from '../src/main/import/store'
import { readabilityAlone, REAL_PAGES_DIR } from './measure'
import { generatePage } from './corpus'

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

interface Page {
  name: string
  html: string
  url?: string
}

function loadPages(): Page[] {
  const generated = arg('--generated')
  if (generated) return Array.from({ length: Number(generated) }, (_x, i) => generatePage(20240601, i)).map((p, i) => ({ name: `g${i}`, html: p.html, url: p.url }))
  if (!existsSync(REAL_PAGES_DIR)) throw new Error(`${REAL_PAGES_DIR} is absent (set CLIPFILE_CORPUS)`)
  return readdirSync(REAL_PAGES_DIR)
    .filter((d) => existsSync(join(REAL_PAGES_DIR, d, 'source.html')))
    .map((d) => ({ name: d, html: readFileSync(join(REAL_PAGES_DIR, d, 'source.html'), 'utf8') }))
}

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const d = process.cpuUsage(since)
  return (d.user + d.system) / 1000
}

type Stage = 'readability alone' | 'prepareArticle' | 'findQuotes' | 'slimRawPage' | 'storeArticle'
const totals = new Map<Stage, { cpu: number; wall: number }>()

function timed<T>(stage: Stage, work: () => T): T {
  const c = process.cpuUsage()
  const t = performance.now()
  try {
    return work()
  } finally {
    const s = totals.get(stage) ?? { cpu: 0, wall: 0 }
    s.cpu += cpuMs(c)
    s.wall += performance.now() - t
    totals.set(stage, s)
  }
}

async function timedAsync<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
  const c = process.cpuUsage()
  const t = performance.now()
  try {
    return await work()
  } finally {
    const s = totals.get(stage) ?? { cpu: 0, wall: 0 }
    s.cpu += cpuMs(c)
    s.wall += performance.now() - t
    totals.set(stage, s)
  }
}

async function round(pages: Page[], dbPath: string, measured: boolean): Promise<number> {
  for (const s of ['', '-wal', '-shm']) rmSync(dbPath + s, { force: true })
  const app = openApp(dbPath, { inThread: true })
  let stored = 0
  for (const p of pages) {
    timed('readability alone', () => readabilityAlone(p.html))
    let prepared
    try {
      prepared = await timedAsync('prepareArticle', () => prepareArticle({ html: p.html, url: p.url, contentType: 'text/html; charset=utf-8' }, { loadImage: async () => null }))
    } catch {
      continue // no article found: refused as the import refuses it
    }
    const quotes = timed('findQuotes', () => findQuotes(prepared.text, { furniture: prepared.furniture }))
    const raw = timed('slimRawPage', () => slimRawPage(p.html))
    timed('storeArticle', () =>
      storeArticle(app.ctx.db, { ...prepared, quotes, url: prepared.url ?? p.url ?? `file:///${p.name}.html`, title: prepared.title || p.name, raw, rawType: 'text/html; charset=utf-8', imagesMissing: prepared.images.missing })
    )
    stored++
  }
  app.close()
  if (!measured) totals.clear()
  return stored
}

async function main(): Promise<void> {
  const pages = loadPages()
  const rounds = Number(arg('--rounds') ?? 3)
  const dbPath = arg('--db') ?? '/tmp/clipfile-import-stages.db'
  await round(pages, dbPath, false) // warm-up: the JIT, the first statements
  const load0 = loadavg()[0]
  let stored = 0
  for (let r = 0; r < rounds; r++) stored = await round(pages, dbPath, true)
  const load1 = loadavg()[0]
  const per = (ms: number) => ms / (pages.length * rounds)
  const r = totals.get('readability alone')!
  console.log(`${pages.length} pages (${stored} stored), ${rounds} rounds; load average ${load0.toFixed(2)} → ${load1.toFixed(2)}`)
  console.log('stage | CPU ms/page | wall ms/page | × Readability (CPU)')
  let importCpu = 0
  for (const [stage, s] of totals) {
    if (stage !== 'readability alone') importCpu += s.cpu
    console.log(`${stage} | ${per(s.cpu).toFixed(2)} | ${per(s.wall).toFixed(2)} | ${(s.cpu / r.cpu).toFixed(2)}`)
  }
  console.log(`import (all but Readability alone) | ${per(importCpu).toFixed(2)} | | ${(importCpu / r.cpu).toFixed(2)}`)
}

await main()
