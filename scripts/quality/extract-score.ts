/**
 * How much of Clipfile's copy of a real page is the article, and how much of the article it
 * kept: token-level precision/recall/F1 of the body text against the hand-made gold set in
 * scripts/quality/extract/ (see its README), per page and per half (tune / held-out).
 *
 *   npm run quality:extract                      # both halves, per page
 *   npm run quality:extract -- --half tune       # one half
 *   npm run quality:extract -- --diff citylab-1  # what a page kept that is not gold, and missed
 *   npm run quality:extract -- --json            # machine-readable
 *   npm run quality:extract -- --offline         # images fail to load (placeholders)
 *   npm run quality:extract -- --meta            # metadata (title, authors, agency, outlet, date, lang, dir) against meta/<page>.json
 *
 * The body text is what the reader shows as the article's text: the reader document's text
 * blocks, figure captions EXCLUDED (they stay in the document as captions; the gold has none).
 * Pages are read from the corpus beside the repository ($CLIPFILE_CORPUS); images "load"
 * as a small synthetic PNG unless --offline, so nothing touches the network.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { prepareArticle } from '../../src/main/page/prepare'
import { CORPUS_DIR } from '../../test/support/corpus'
import { scoreHalf, scorePage, tokenize, type HalfScore, type PageScore } from './token-score'
import { agrees, FIELDS, type Field, type PageMeta } from './meta-compare'

const here = dirname(fileURLToPath(import.meta.url))
const SET = join(here, 'extract')
/** The base URL Readability's own test suite gives these pages. */
const PAGE_URL = 'http://fakehost/test/page.html'
/**
 * Pages scored apart, with the reason (decided from the gold set's notes before tuning):
 * the page has no article body, so "the article's text" is a judgement, not a fact.
 */
export const UNSCORED: Record<string, string> = {
  'nytimes-5': 'a section front (teaser list), not an article'
}

type Half = 'tune' | 'heldout'

interface PageResult extends PageScore {
  page: string
  half: Half
  error?: string
}

/** A 16×16 PNG: what every image "loads" as, so figures keep their images and captions. */
const PNG = Buffer.concat([
  Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000100806000000', 'hex'),
  Buffer.alloc(200, 1)
])

/** The article's text as the reader shows it, without figures (images and their captions). */
export function bodyText(doc: unknown): string {
  const blocks: string[] = []
  const walk = (node: unknown): void => {
    const n = node as { type?: string; text?: string; content?: unknown[] }
    if (!n || typeof n !== 'object' || n.type === 'figure') return
    if (isTextblock(n.type)) {
      blocks.push(inlineText(n.content ?? []))
      return
    }
    for (const c of n.content ?? []) walk(c)
  }
  walk(doc)
  return blocks.join('\n\n')
}

const TEXTBLOCKS = new Set(['paragraph', 'heading', 'code_block', 'table_cell', 'figcaption'])
const isTextblock = (type: string | undefined): boolean => !!type && TEXTBLOCKS.has(type)
const inlineText = (content: unknown[]): string =>
  content.map((c) => {
    const n = c as { type?: string; text?: string }
    return n.type === 'text' ? (n.text ?? '') : n.type === 'hard_break' ? '\n' : ''
  }).join('')

async function prepare(page: string, offline: boolean) {
  const html = readFileSync(join(CORPUS_DIR, page, 'source.html'))
  const loadImage = async () => (offline ? null : { mime: 'image/png', bytes: PNG })
  return prepareArticle({ html, url: PAGE_URL, contentType: 'text/html; charset=utf-8' }, { loadImage })
}

export async function extractBody(page: string, offline: boolean): Promise<string> {
  return bodyText((await prepare(page, offline)).doc)
}

/** Field by field, how many pages' metadata agree with what the page shows; and where not. */
async function metaCheck(pages: string[], name: string): Promise<void> {
  const tally = new Map<Field, number>(FIELDS.map((f) => [f, 0]))
  const wrong: string[] = []
  for (const page of pages) {
    const gold = JSON.parse(readFileSync(join(SET, 'meta', `${page}.json`), 'utf8')) as PageMeta
    const a = await prepare(page, true)
    const got: PageMeta = { title: a.title, authors: a.authors, agency: a.agency, outlet: a.site, published: a.publishedAt, lang: a.language, dir: a.dir }
    for (const f of FIELDS) {
      if (agrees(f, gold, got)) tally.set(f, (tally.get(f) ?? 0) + 1)
      else wrong.push(`  ${page} ${f}: got ${JSON.stringify(got[f])} want ${JSON.stringify(gold[f])}`)
    }
  }
  console.log(`\n${name} metadata (${pages.length} pages)`)
  console.log(`  ${FIELDS.map((f) => `${f} ${tally.get(f)}/${pages.length}`).join('  ')}`)
  for (const w of wrong) console.log(w)
}

function loadSplit(): Record<Half, string[]> {
  const split = JSON.parse(readFileSync(join(SET, 'split.json'), 'utf8')) as { tune: string[]; heldout: string[] }
  return { tune: split.tune, heldout: split.heldout }
}

async function scoreOne(page: string, half: Half, offline: boolean): Promise<PageResult> {
  const gold = readFileSync(join(SET, 'gold', `${page}.txt`), 'utf8')
  try {
    return { page, half, ...scorePage(await extractBody(page, offline), gold) }
  } catch (e) {
    // A refused page extracted nothing: precision is moot, recall is 0.
    return { page, half, ...scorePage('', gold), error: (e as Error).message }
  }
}

/** Blocks of `a` that do not occur in `b` (compared as token sequences): what one side has and the other lacks. */
function strayBlocks(a: string, b: string): string[] {
  const inB = ` ${tokenize(b).join(' ')} `
  const out: string[] = []
  for (const block of a.split(/\n\n+/)) {
    const tokens = tokenize(block)
    if (tokens.length > 0 && !inB.includes(` ${tokens.join(' ')} `)) out.push(block.replace(/\s+/g, ' ').slice(0, 160))
  }
  return out
}

async function diff(page: string, offline: boolean): Promise<void> {
  const gold = readFileSync(join(SET, 'gold', `${page}.txt`), 'utf8')
  const body = await extractBody(page, offline)
  const s = scorePage(body, gold)
  console.log(`${page}: P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)} (${s.predicted} tokens kept, ${s.gold} gold)`)
  console.log('\nkept, not gold:')
  for (const b of strayBlocks(body, gold)) console.log(`  + ${b}`)
  console.log('\ngold, not kept:')
  for (const b of strayBlocks(gold, body)) console.log(`  - ${b}`)
}

const pct = (x: number): string => x.toFixed(3)

function printHalf(name: string, results: PageResult[], half: HalfScore): void {
  console.log(`\n${name} (${half.pages} pages)`)
  console.log('  page                          P      R      F1     kept  gold')
  for (const r of results) {
    const note = r.error ? `  REFUSED: ${r.error}` : UNSCORED[r.page] ? `  (not scored: ${UNSCORED[r.page]})` : ''
    console.log(`  ${r.page.padEnd(28)}  ${pct(r.precision)}  ${pct(r.recall)}  ${pct(r.f1)}  ${String(r.predicted).padStart(5)} ${String(r.gold).padStart(5)}${note}`)
  }
  console.log(`  ${'MACRO (mean of pages)'.padEnd(28)}  ${pct(half.precision)}  ${pct(half.recall)}  ${pct(half.f1)}`)
  console.log(`  ${'micro (all tokens)'.padEnd(28)}  ${pct(half.micro.precision)}  ${pct(half.micro.recall)}  ${pct(half.micro.f1)}`)
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { half: { type: 'string' }, diff: { type: 'string' }, json: { type: 'boolean' }, offline: { type: 'boolean' }, meta: { type: 'boolean' } }
  })
  if (!existsSync(CORPUS_DIR)) {
    console.error(`No corpus at ${CORPUS_DIR} (set CLIPFILE_CORPUS); nothing scored.`)
    process.exitCode = 2
    return
  }
  const offline = values.offline ?? false
  if (values.diff) return diff(values.diff, offline)
  const split = loadSplit()
  if (values.meta) {
    for (const half of (values.half ? [values.half] : ['tune', 'heldout']) as Half[]) await metaCheck(split[half], half === 'tune' ? 'TUNE' : 'HELD-OUT')
    return
  }
  const halves = (values.half ? [values.half] : ['tune', 'heldout']) as Half[]
  const out: Record<string, { score: HalfScore; pages: PageResult[] }> = {}
  for (const half of halves) {
    if (!split[half]) throw new Error(`unknown half "${half}" (tune or heldout)`)
    const results: PageResult[] = []
    for (const page of split[half]) results.push(await scoreOne(page, half, offline))
    const score = scoreHalf(results.filter((r) => !UNSCORED[r.page]))
    out[half] = { score, pages: results }
    if (!values.json) printHalf(half === 'tune' ? 'TUNE' : 'HELD-OUT', results, score)
  }
  if (values.json) console.log(JSON.stringify(out, null, 1))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    console.error(e)
    process.exitCode = 1
  })
}
