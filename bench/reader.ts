/**
 * Reader benchmark in Chromium against `clipfile serve`: the time from navigating to an
 * article (10,000 words, 1,000 highlights) until the reader has painted it with every
 * highlight, and the time to add one highlight (select text, press H) until it is painted.
 *
 * "Painted with all highlights": the reader draws highlights as ProseMirror decorations,
 * `<mark class="hl …" data-hl="<id>">` (src/renderer/src/reader/highlights-plugin.ts); we
 * wait until the distinct `data-hl` ids inside `.ProseMirror` reach the expected count (or a
 * `data-highlights-ready` attribute appears), then for the next animation frame + task,
 * i.e. after the frame that shows them.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { chromium, type Browser, type Page } from '@playwright/test'
import { stats, type Stats } from './measure'
import { DATA_DIR } from './build'
import { CHROMIUM, CHROMIUM_ARGS } from '../e2e/support/chromium'

const ROOT = new URL('..', import.meta.url).pathname

// The functions passed to page.evaluate run in the browser. The node build has no DOM lib
// (and must not get one), so these globals are declared loosely, for this file only.
/* eslint-disable @typescript-eslint/no-explicit-any -- browser globals in a file compiled without the DOM lib (above) */
declare const document: any, location: any, window: any, requestAnimationFrame: (cb: () => void) => number
declare const NodeFilter: any, KeyboardEvent: any, MouseEvent: any
type Text = any
type HTMLElement = any

export interface ReaderResult {
  openMs: number
  open: Stats & { first: number }
  addHighlightMs: number | null
  addHighlight: Stats | null
  highlightsPainted: number
  expected: number
  note?: string
}

export function startServe(db: string): Promise<{ proc: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [join(ROOT, 'bin/clipfile.js'), '--db', db, 'serve', '--port', '0'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const timer = setTimeout(() => reject(new Error('clipfile serve did not print its URL within 30 s')), 30_000)
    createInterface({ input: proc.stdout! }).once('line', (line) => {
      clearTimeout(timer)
      resolve({ proc, url: line.trim() })
    })
    let err = ''
    proc.stderr!.on('data', (d) => (err += d))
    proc.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`clipfile serve exited (${code}): ${err.slice(0, 500)}`))
    })
  })
}

/** Debian's Chromium (as the e2e suite runs it) with one page at the bench's window size. */
export async function openBenchPage(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
  // tsx (esbuild keepNames) wraps named functions in __name(…): give the page a no-op one.
  await page.addInitScript('window.__name = (f) => f')
  return { browser, page }
}

export function ensureRendererBuilt(log: (s: string) => void): void {
  if (existsSync(join(ROOT, 'out/renderer/index.html'))) return
  log('out/renderer is missing: running `npx electron-vite build`…')
  execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' })
}

export interface ReaderOptions {
  /** Open these articles in turn (default: the one article, every time). */
  articleIds?: number[]
  /** Also add highlights (on a copy of the archive: adding changes it). Default true. */
  addHighlights?: boolean
}

export async function readerBench(
  readerDb: string,
  articleId: number,
  expected: number,
  runs: number,
  log: (s: string) => void,
  opts: ReaderOptions = {}
): Promise<ReaderResult> {
  ensureRendererBuilt(log)
  const adding = opts.addHighlights ?? true
  // Adding highlights changes the archive: work on a copy.
  const db = adding ? join(DATA_DIR, 'reader-scratch.db') : readerDb
  if (adding) {
    for (const s of ['', '-wal', '-shm']) rmSync(db + s, { force: true })
    copyFileSync(readerDb, db)
  }
  const { proc, url } = await startServe(db)
  const { browser, page } = await openBenchPage()
  try {
    await page.goto(url)
    await page.waitForSelector('#root *, body *', { timeout: 15_000 })
    const samples: number[] = []
    let painted = 0
    let timedOut = false
    for (let i = 0; i < runs + 1; i++) {
      // Back to the library first, so every open mounts the reader anew.
      await page.evaluate(() => (location.hash = '#/'))
      await page.waitForFunction(() => !document.querySelector('.ProseMirror'), undefined, { timeout: 10_000 })
      await page.waitForTimeout(100)
      const r = await page.evaluate(
        ({ hash, count, limit }) =>
          new Promise<{ ms: number; n: number; timeout: boolean }>((resolve) => {
            const ids = () => new Set([...document.querySelectorAll('.ProseMirror [data-hl]')].map((e: any) => e.getAttribute('data-hl'))).size
            performance.mark('reader-open-start')
            const t0 = performance.now()
            location.hash = hash
            const check = () => {
              const n = ids()
              const ready = document.querySelector('[data-highlights-ready]') !== null
              const text = (document.querySelector('.ProseMirror')?.textContent ?? '').length > 0
              if (text && (n >= count || ready)) {
                // The frame that shows them: next animation frame, then the task after it.
                requestAnimationFrame(() =>
                  setTimeout(() => {
                    performance.mark('reader-open-painted')
                    resolve({ ms: performance.now() - t0, n: ids(), timeout: false })
                  }, 0)
                )
                return
              }
              if (performance.now() - t0 > limit) return resolve({ ms: performance.now() - t0, n, timeout: true })
              requestAnimationFrame(check)
            }
            requestAnimationFrame(check)
          }),
        {
          hash: `#/article/${opts.articleIds ? opts.articleIds[i % opts.articleIds.length] : articleId}`,
          count: expected,
          // The first open (reported apart) may read a cold archive from disk: a million
          // articles on this machine's disk took over 20 s for it. Later opens get 20 s.
          limit: i === 0 ? 180_000 : 20_000
        }
      )
      painted = r.n
      if (r.timeout) {
        timedOut = true
        break
      }
      samples.push(r.ms) // the first open (warming code and caches) is reported apart
    }
    const first = samples.shift() as number
    if (timedOut) {
      return { openMs: NaN, open: { ...stats([]), first }, addHighlightMs: null, addHighlight: null, highlightsPainted: painted, expected, note: `only ${painted} of ${expected} highlights painted in time (first open 180 s, later ones 20 s)` }
    }
    const open = { ...stats(samples), first }
    if (!adding) return { openMs: open.p50, open, addHighlightMs: null, addHighlight: null, highlightsPainted: painted, expected }

    // Add one highlight: select a few words of plain (unhighlighted) text, press H.
    const adds: number[] = []
    for (let i = 0; i < Math.min(runs, 10); i++) {
      const ms = await page.evaluate(
        (k) =>
          new Promise<number>((resolve, reject) => {
            const root = document.querySelector('.ProseMirror') as HTMLElement
            const ids = () => new Set([...root.querySelectorAll('[data-hl]')].map((e: any) => e.getAttribute('data-hl'))).size
            const before = ids()
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
            const plain: Text[] = []
            for (let n = walker.nextNode(); n; n = walker.nextNode()) {
              const t = n as Text
              if (!t.parentElement?.closest('[data-hl]') && (t.data.match(/\S+\s+\S+\s+\S+/) ?? null) && t.data.length > 40) plain.push(t)
            }
            // The k-th try moves on by 7 stretches, wrapping round: each added highlight takes its stretch out of the list.
            if (plain.length === 0) return reject(new Error('no unhighlighted text to select'))
            const node = plain[(Math.floor(plain.length / 3) + k * 7) % plain.length]
            const start = node.data.search(/\S/)
            const range = document.createRange()
            range.setStart(node, start)
            range.setEnd(node, Math.min(node.data.length, start + 25))
            node.parentElement!.scrollIntoView({ block: 'center' })
            const sel = window.getSelection()!
            sel.removeAllRanges()
            sel.addRange(range)
            // The reader reads a selection when the mouse button comes up (use-text-selection.ts).
            document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
            let t0 = 0
            const check = () => {
              if (ids() > before) {
                requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0))
                return
              }
              if (performance.now() - t0 > 10_000) return reject(new Error('the new highlight was not painted within 10 s'))
              requestAnimationFrame(check)
            }
            // Once the selection is read and the toolbar shown (two frames), press H.
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                t0 = performance.now()
                window.dispatchEvent(new KeyboardEvent('keydown', { key: 'h', bubbles: true }))
                requestAnimationFrame(check)
              })
            )
          }),
        i
      ).catch((e: Error) => {
        log(`  add highlight: ${e.message}`)
        return NaN
      })
      if (Number.isNaN(ms)) break
      adds.push(ms)
      await page.keyboard.press('Escape')
      await page.waitForTimeout(50)
    }
    const add = adds.length ? stats(adds) : null
    return { openMs: open.p50, open, addHighlightMs: add?.p50 ?? null, addHighlight: add, highlightsPainted: painted, expected }
  } finally {
    await browser.close()
    proc.kill('SIGTERM')
  }
}
