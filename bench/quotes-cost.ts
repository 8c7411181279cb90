/**
 * What quote detection adds to an import: prepareArticle (the import's CPU work) against
 * findQuotes (what the import worker runs after it) on the same texts, on the synthetic corpus and on the real-page corpus.
 * Both are timed warm (one untimed round first, as in the long-lived import worker), in
 * process CPU time (user + system) beside wall-clock: on a busy shared machine wall-clock
 * includes waiting for a core, CPU time does not.
 *
 *   CLIPFILE_CORPUS=../shared/corpus npx tsx bench/quotes-cost.ts
 *   CLIPFILE_CORPUS=../shared/corpus npx tsx bench/quotes-cost.ts --ranker   # also with the speaker ranker on (src/main/quotes/ranker.ts)
 *
 * `npm run bench` runs the real-page half of it against the 20 % budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { prepareArticle, type PreparedArticle } from '../src/main/page/prepare'
import { detectQuotes, findQuotes } from '../src/main/quotes/detect'
import { RANKER } from '../src/main/quotes/ranker-weights'
import { CORPUS_DIR } from '../test/support/corpus'
import { generatePage } from './corpus'

const noImages = async () => null

export type QuotesCost = {
  label: string
  pages: number
  articles: number
  quotesPerArticle: number
  prepareCpuMsPerPage: number
  prepareWallMsPerPage: number
  detectCpuMsPerArticle: number
  detectWallMsPerArticle: number
  /** Detection's CPU time as a share of prepareArticle's on the same pages (the budget is ≤ 0.20). */
  cpuShare: number
  wallShare: number
}

type Page = { html: string; url: string }

/** CPU (user + system) and wall milliseconds of `rounds` runs of `work`, after one untimed run. */
async function timed(rounds: number, work: () => Promise<void> | void): Promise<{ cpuMs: number; wallMs: number }> {
  await work()
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  for (let r = 0; r < rounds; r++) await work()
  const cpu = process.cpuUsage(cpu0)
  return { cpuMs: (cpu.user + cpu.system) / 1000 / rounds, wallMs: (performance.now() - t0) / rounds }
}

/** What the import worker runs per article; returns the number of quotes. */
type Detect = (text: string, furniture: PreparedArticle['furniture']) => number
const asImported: Detect = (text, furniture) => findQuotes(text, { furniture }).length

export async function quotesCost(label: string, pages: Page[], rounds = 2, detectOne: Detect = asImported): Promise<QuotesCost> {
  // The text and its structural furniture, as the import worker hands them to findQuotes.
  let texts: Pick<PreparedArticle, 'text' | 'furniture'>[] = []
  const prepare = await timed(rounds, async () => {
    texts = []
    for (const p of pages) {
      try {
        const { text, furniture } = await prepareArticle({ html: p.html, url: p.url }, { loadImage: noImages })
        texts.push({ text, furniture })
      } catch {
        // refused pages cost their time too; they have no text to analyse
      }
    }
  })
  let quotes = 0
  const detect = await timed(rounds * 2, () => {
    quotes = 0
    for (const { text, furniture } of texts) quotes += detectOne(text, furniture)
  })
  const n = Math.max(1, texts.length)
  return {
    label,
    pages: pages.length,
    articles: texts.length,
    quotesPerArticle: quotes / n,
    prepareCpuMsPerPage: prepare.cpuMs / pages.length,
    prepareWallMsPerPage: prepare.wallMs / pages.length,
    detectCpuMsPerArticle: detect.cpuMs / n,
    detectWallMsPerArticle: detect.wallMs / n,
    cpuShare: detect.cpuMs / prepare.cpuMs,
    wallShare: detect.wallMs / prepare.wallMs
  }
}

/** The real pages of the corpus, or null when the corpus folder is absent. */
export function realPages(): Page[] | null {
  if (!existsSync(CORPUS_DIR)) return null
  const pages = readdirSync(CORPUS_DIR)
    .filter((d) => existsSync(join(CORPUS_DIR, d, 'source.html')))
    .map((d) => ({ html: readFileSync(join(CORPUS_DIR, d, 'source.html'), 'utf8'), url: 'http://fakehost/test/page.html' }))
  return pages.length ? pages : null
}

export function describeCost(c: QuotesCost): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  return (
    `${c.label}: ${c.articles} articles of ${c.pages} pages, ${c.quotesPerArticle.toFixed(1)} quotes each; ` +
    `prepare ${c.prepareCpuMsPerPage.toFixed(2)} ms CPU/page (${c.prepareWallMsPerPage.toFixed(2)} wall), ` +
    `detect ${c.detectCpuMsPerArticle.toFixed(2)} ms CPU/article (${c.detectWallMsPerArticle.toFixed(2)} wall); ` +
    `detection adds ${pct(c.cpuShare)} of the import's CPU (${pct(c.wallShare)} wall)`
  )
}

async function main(): Promise<void> {
  const { loadavg } = await import('node:os')
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const synthetic = Array.from({ length: 300 }, (_, i) => generatePage(20261125, i))
  console.log(describeCost(await quotesCost('synthetic', synthetic.map((a) => ({ html: a.html, url: a.url })))))
  const real = realPages()
  if (real) {
    console.log(describeCost(await quotesCost('real pages', real)))
    if (process.argv.includes('--ranker')) {
      // The shipped weights forced on, whatever their `enabled`: candidates gathered, features, softmax.
      const ranker = { ...RANKER, enabled: true }
      console.log(describeCost(await quotesCost('real pages, ranker on', real, 2, (text, furniture) => detectQuotes(text, { furniture }, { ranker }).length)))
    }
  } else console.log(`real pages: ${CORPUS_DIR} not found (set CLIPFILE_CORPUS), skipped`)
  console.log(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
}

if (process.argv[1] && import.meta.filename === process.argv[1]) await main()
