/**
 * What quote detection adds to an import: prepareArticle (the import's CPU work) against
 * detectQuotes on the same texts, on the synthetic corpus and on the real-page corpus.
 * `npx tsx bench/quotes-cost.ts`
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { prepareArticle } from '../src/main/page/prepare'
import { detectQuotes } from '../src/main/quotes/detect'
import { generatePage } from './corpus'

const noImages = async () => null

async function measure(label: string, pages: { html: string; url: string }[]): Promise<void> {
  const texts: string[] = []
  let t = performance.now()
  for (const p of pages) {
    try {
      texts.push((await prepareArticle({ html: p.html, url: p.url }, { loadImage: noImages })).text)
    } catch {
      // refused pages cost their time too; they have no text to analyse
    }
  }
  const prepareMs = performance.now() - t
  t = performance.now()
  let quotes = 0
  for (let round = 0; round < 3; round++) for (const text of texts) quotes += detectQuotes(text).length
  const detectMs = (performance.now() - t) / 3
  console.log(
    `${label}: ${texts.length} articles, prepare ${(prepareMs / pages.length).toFixed(2)} ms/page, ` +
      `detect ${(detectMs / texts.length).toFixed(2)} ms/article (${Math.round(quotes / 3 / texts.length)} quotes each), ` +
      `detection adds ${((detectMs / prepareMs) * 100).toFixed(1)}% to the import's CPU work`
  )
}

const synthetic = Array.from({ length: 300 }, (_, i) => generatePage(20261125, i))
await measure('synthetic', synthetic.map((a) => ({ html: a.html, url: a.url })))
// The corpus beside the repository, or where CLIPFILE_CORPUS says (a worktree sits deeper).
const dir = process.env.CLIPFILE_CORPUS ?? join(import.meta.dirname, '../../shared/corpus/readability-test-pages')
if (existsSync(dir)) {
  const real = readdirSync(dir)
    .filter((d) => existsSync(join(dir, d, 'source.html')))
    .map((d) => ({ html: readFileSync(join(dir, d, 'source.html'), 'utf8'), url: 'http://fakehost/test/page.html' }))
  await measure('real pages', real)
} else console.log('real pages: ../shared/corpus not found, skipped')
