/**
 * The library's lists at scale: can the windowed list scroll smoothly over 100,000 articles,
 * and how fast are the pages it asks for?
 *
 *   npx tsx bench/library.ts [--size 100000] [--rebuild]
 *
 * The archive is synthetic and written with plain SQL (rows, text for the search index,
 * tags, reading states) — listing reads only rows, so the generated pages of bench/build.ts
 * are not needed here, and 100,000 rows take seconds instead of half an hour. Kept in
 * bench/.data/ and reused.
 *
 * Measured:
 * - listArticles through the api (page of 100) at the start, the middle and the end of the
 *   list, for everything and for the inbox, and "select all" (listArticleStates);
 * - in Chromium against `clipfile serve` (1280×900): the first rows; a scroll through the
 *   whole list at one screen per frame, with the time between frames (rAF), the main
 *   thread's script, style and layout time per frame (CDP Performance metrics) and the most
 *   rows ever in the page; a jump to the middle and to the end, until real rows replace the
 *   placeholders (a page fetched from offset 50,000 / 99,900).
 */
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openApp } from '../src/main/app'
import { LATEST_VERSION } from '../src/main/db/migrations'
import { stats, type Stats } from './measure'
import { DATA_DIR } from './build'
import { ensureRendererBuilt, openBenchPage, startServe } from './reader'
import { OUTLETS } from './words'
import { makeRng, pick as pickOne } from '../test/support/prng'

/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any, requestAnimationFrame: (cb: (t: number) => void) => number

const { values } = parseArgs({ options: { size: { type: 'string' }, rebuild: { type: 'boolean', default: false } } })
const size = Number(values.size ?? 100_000)
const log = (s: string) => process.stderr.write(`${s}\n`)

const WORDS = 'harbour council budget minister strike ferry bridge tunnel election court ruling inquiry report talks ceasefire climate summit border election vote police hospital school river flood drought market port union'.split(' ')

function buildArchive(path: string): void {
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true })
  const app = openApp(path)
  const db = app.ctx.db
  const random = makeRng(20240601)
  const rng = { next: random }
  const pick = <T>(xs: readonly T[]) => pickOne(random, xs)
  const title = () => Array.from({ length: 5 + Math.floor(rng.next() * 6) }, () => pick(WORDS)).join(' ').replace(/^./, (c) => c.toUpperCase())
  const tags = ['Syria', 'Iran', 'Economy', 'Climate', 'Courts', 'Elections'].map((name) => Number(db.prepare('INSERT INTO tags(name) VALUES (?)').run(name).lastInsertRowid))
  const article = db.prepare(
    `INSERT INTO articles(url, title, byline, site, published_at, saved_at, language, excerpt, word_count, content_hash, state, starred, progress, read_at)
     VALUES (?, ?, ?, ?, ?, ?, 'en', ?, ?, ?, ?, ?, ?, ?)`
  )
  const content = db.prepare("INSERT INTO article_content(article_id, text, doc) VALUES (?, ?, x'00')")
  const tag = db.prepare('INSERT INTO article_tags(article_id, tag_id) VALUES (?, ?)')
  const started = performance.now()
  const chunk = 5000
  for (let from = 0; from < size; from += chunk) {
    db.transaction(() => {
      for (let i = from; i < Math.min(size, from + chunk); i++) {
        const outlet = pick(OUTLETS)
        const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rng.next() * 3650) * 86_400_000).toISOString()
        const saved = new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString()
        const read = rng.next() < 0.6
        const text = Array.from({ length: 40 }, () => pick(WORDS)).join(' ')
        const id = Number(
          article.run(`https://${outlet.domain}/${i}`, title(), 'Ana Lima', outlet.name, day, saved, text.slice(0, 160), 300 + Math.floor(rng.next() * 2500), `h${i}`,
            rng.next() < 0.3 ? 'inbox' : 'archive', rng.next() < 0.05 ? 1 : 0, read ? Math.round(rng.next() * 100) / 100 : 0, read ? saved : null).lastInsertRowid
        )
        content.run(id, text)
        if (rng.next() < 0.3) tag.run(id, pick(tags))
      }
    })()
  }
  log(`  built ${size.toLocaleString()} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  app.close()
}

function time(fn: () => unknown, runs = 15): Stats {
  fn()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    fn()
    samples.push(performance.now() - t)
  }
  return stats(samples)
}

async function apiBench(path: string) {
  const app = openApp(path)
  const h = app.handlers
  const page = (offset: number, state?: 'inbox') => () => h.listArticles({ limit: 100, offset, sort: 'saved', state })
  const inbox = (await h.info({})).inbox
  const out = {
    firstPage: time(page(0)),
    middlePage: time(page(Math.floor(size / 2))),
    lastPage: time(page(size - 100)),
    inboxLastPage: time(page(Math.max(0, inbox - 100), 'inbox')),
    byTitleMiddle: time(() => h.listArticles({ limit: 100, offset: Math.floor(size / 2), sort: 'title' })),
    byPublishedMiddle: time(() => h.listArticles({ limit: 100, offset: Math.floor(size / 2), sort: 'published' })),
    counts: time(() => h.info({})),
    selectAll: time(() => h.listArticleStates({ sort: 'saved' }), 5)
  }
  app.close()
  return out
}

async function browserBench(path: string) {
  ensureRendererBuilt(log)
  const { proc, url } = await startServe(path)
  const { browser, page } = await openBenchPage()
  try {
    const t0 = Date.now()
    await page.goto(url.replace('#', '#/all?'))
    await page.waitForSelector('.vlist .row-title')
    const firstRowsMs = Date.now() - t0
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const metrics = async () => Object.fromEntries(((await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }).metrics.map((m) => [m.name, m.value]))
    const scrollRun = async (perFrame: number | null) => {
    const before = await metrics()
    const scroll = await page.evaluate(
      (px) =>
        new Promise<{ intervals: number[]; maxRows: number; frames: number }>((resolve) => {
          const el = document.querySelector('.content')
          const step = px ?? el.clientHeight
          const frames = Math.min(600, Math.ceil(el.scrollHeight / step))
          const intervals: number[] = []
          let maxRows = 0
          let last = 0
          let n = 0
          const tick = (t: number) => {
            if (last) intervals.push(t - last)
            last = t
            maxRows = Math.max(maxRows, document.querySelectorAll('.vlist > li').length)
            if (n++ >= frames) return resolve({ intervals, maxRows, frames })
            el.scrollTop += step
            requestAnimationFrame(tick)
          }
          requestAnimationFrame(tick)
        }),
      perFrame
    )
    const after = await metrics()
    const cost = (name: string) => ((after[name] - before[name]) * 1000) / scroll.frames
    return {
      frames: scroll.frames,
      frameIntervalMs: stats(scroll.intervals),
      maxRowsInPage: scroll.maxRows,
      perFrameMs: { task: cost('TaskDuration'), script: cost('ScriptDuration'), layout: cost('LayoutDuration'), style: cost('RecalcStyleDuration') }
    }
    }
    // Fast scrolling (a flick of the wheel: 120 px a frame, 7,200 px/s) from the top, then
    // a stress run at one whole screen per frame, through the list.
    const wheel = await scrollRun(120)
    await page.evaluate(() => (document.querySelector('.content').scrollTop = 0))
    const screens = await scrollRun(null)
    const jump = async (fraction: number) =>
      page.evaluate(
        (f) =>
          new Promise<number>((resolve) => {
            const el = document.querySelector('.content')
            const t = performance.now()
            el.scrollTop = (el.scrollHeight - el.clientHeight) * f
            const check = () => {
              const rows = [...document.querySelectorAll('.vlist > li')]
              const box = el.getBoundingClientRect()
              const inView = rows.filter((r: any) => {
                const b = r.getBoundingClientRect()
                return b.bottom > box.top && b.top < box.bottom
              })
              if (inView.length && inView.every((r: any) => r.querySelector('.row-title'))) resolve(performance.now() - t)
              else requestAnimationFrame(check)
            }
            requestAnimationFrame(check)
          }),
        fraction
      )
    const toMiddle = await jump(0.5)
    const toEnd = await jump(1)
    return { firstRowsMs, wheel, screens, jumpToMiddleMs: toMiddle, jumpToEndMs: toEnd }
  } finally {
    await browser.close()
    proc.kill()
  }
}

async function main() {
  mkdirSync(DATA_DIR, { recursive: true })
  const path = join(DATA_DIR, `list-n${size}-schema${LATEST_VERSION}.db`)
  if (values.rebuild || !existsSync(path)) {
    log(`Building ${path}…`)
    buildArchive(path)
  } else log(`Reusing ${path}`)
  log('listArticles through the api…')
  const api = await apiBench(path)
  log('The windowed list in Chromium…')
  const ui = await browserBench(path)
  const result = { size, api, ui }
  writeFileSync(join(DATA_DIR, `last-library-n${size}.json`), JSON.stringify(result, null, 2))
  const ms = (s: Stats) => `p50 ${s.p50.toFixed(2)} / p95 ${s.p95.toFixed(2)} ms`
  console.log(`Library at ${size.toLocaleString()} articles`)
  console.log(`  page of 100, start:              ${ms(api.firstPage)}`)
  console.log(`  page of 100, middle:             ${ms(api.middlePage)}`)
  console.log(`  page of 100, end:                ${ms(api.lastPage)}`)
  console.log(`  inbox, last page:                ${ms(api.inboxLastPage)}`)
  console.log(`  by title, middle:                ${ms(api.byTitleMiddle)}`)
  console.log(`  by date published, middle:       ${ms(api.byPublishedMiddle)}`)
  console.log(`  counts (info):                   ${ms(api.counts)}`)
  console.log(`  select all (${size.toLocaleString()} ids):       ${ms(api.selectAll)}`)
  console.log(`  first rows on screen:            ${ui.firstRowsMs} ms`)
  for (const [name, r] of [['120 px a frame', ui.wheel], ['a screen a frame', ui.screens]] as const) {
    console.log(`  scroll, ${name} (${r.frames} frames): frame interval ${ms(r.frameIntervalMs)}, max ${r.frameIntervalMs.max.toFixed(1)} ms`)
    console.log(`    per frame: task ${r.perFrameMs.task.toFixed(2)} ms, script ${r.perFrameMs.script.toFixed(2)}, style ${r.perFrameMs.style.toFixed(2)}, layout ${r.perFrameMs.layout.toFixed(2)}; at most ${r.maxRowsInPage} rows in the page`)
  }
  console.log(`  jump to the middle / end until rows show: ${ui.jumpToMiddleMs.toFixed(0)} / ${ui.jumpToEndMs.toFixed(0)} ms`)
}

void main()
