/**
 * Regression run over Mozilla Readability's test pages (../shared/corpus beside the repository): every page
 * must import or be refused with a reason, never crash; metadata is compared with each
 * folder's expected-metadata.json. Run: `npx tsx scripts/quality/corpus-check.ts [dir] [-v]`.
 * Not part of the test suite: a fresh clone has no corpus.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../../src/shared/result'
import { cleanByline, normaliseDate } from '../../src/main/page/metadata'
import { prepareArticle } from '../../src/main/page/prepare'
import { CORPUS_DIR } from '../../test/support/corpus'

const DEFAULT_DIR = CORPUS_DIR
// The base URL Readability's own test suite gives these pages; the suite stored them all
// as UTF-8 (whatever their <meta> says), so they are decoded as such.
const FAKE_URL = 'http://fakehost/test/page.html'

interface Expected {
  title?: string | null
  byline?: string | null
  publishedTime?: string | null
  readerable?: boolean
}

interface Tally {
  total: number
  imported: number
  refused: Map<string, string[]>
  crashed: string[]
  /** [agree, compared] per field. */
  fields: Record<'title' | 'titleLoose' | 'byline' | 'publishedTime', [number, number]>
  readerableRefused: number
  unreaderableImported: number
  disagreements: string[]
}

const norm = (s: string | null | undefined): string =>
  (s ?? '').normalize('NFKC').toLowerCase().replace(/[\s\u00a0]+/g, ' ').replace(/[“”"'’‘]/g, "'").trim()

function compare(t: Tally, field: keyof Tally['fields'], ok: boolean, name: string, got: unknown, want: unknown): void {
  t.fields[field][1]++
  if (ok) t.fields[field][0]++
  else if (field !== 'titleLoose') t.disagreements.push(`${name} ${field}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`)
}

async function checkOne(dir: string, name: string, t: Tally): Promise<void> {
  const html = readFileSync(join(dir, name, 'source.html'))
  const expected = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8')) as Expected
  t.total++
  try {
    const a = await prepareArticle({ html, url: FAKE_URL, contentType: 'text/html; charset=utf-8' }, { loadImage: async () => null })
    t.imported++
    if (expected.readerable === false) t.unreaderableImported++
    const title = norm(a.title)
    const want = norm(expected.title)
    compare(t, 'title', title === want, name, a.title, expected.title)
    compare(t, 'titleLoose', title === want || (title.length > 0 && want.includes(title)), name, a.title, expected.title)
    if (expected.byline) {
      // Readability keeps "By …" and trailing dates that Clipfile removes on purpose.
      const want = cleanByline(expected.byline)
      compare(t, 'byline', norm(a.byline) === norm(want), name, a.byline, want)
    }
    if (expected.publishedTime) {
      const wantDate = normaliseDate(expected.publishedTime)
      compare(t, 'publishedTime', a.publishedAt === wantDate, name, a.publishedAt, wantDate)
    }
  } catch (err) {
    if (!(err instanceof UserError)) {
      t.crashed.push(`${name}: ${(err as Error).stack?.split('\n').slice(0, 3).join(' | ')}`)
      return
    }
    if (expected.readerable !== false) t.readerableRefused++
    const list = t.refused.get(err.message) ?? []
    list.push(name)
    t.refused.set(err.message, list)
  }
}

async function main(): Promise<void> {
  const dir = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? DEFAULT_DIR
  const verbose = process.argv.includes('-v')
  if (!existsSync(dir)) {
    console.log(`corpus folder ${dir} not found; nothing to check`)
    return
  }
  const t: Tally = {
    total: 0, imported: 0, refused: new Map(), crashed: [], readerableRefused: 0, unreaderableImported: 0, disagreements: [],
    fields: { title: [0, 0], titleLoose: [0, 0], byline: [0, 0], publishedTime: [0, 0] }
  }
  const started = performance.now()
  const names = readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'source.html')))
  for (const d of names) await checkOne(dir, d.name, t)
  report(t, performance.now() - started, verbose)
}

function report(t: Tally, ms: number, verbose: boolean): void {
  const pct = ([a, n]: [number, number]): string => `${a}/${n} (${n ? Math.round((100 * a) / n) : 0}%)`
  console.log(`pages ${t.total}: imported ${t.imported}, refused ${t.total - t.imported - t.crashed.length}, crashed ${t.crashed.length} (${Math.round(ms)} ms)`)
  for (const [reason, names] of t.refused) console.log(`  refused (${names.length}): ${reason}: ${names.join(', ')}`)
  for (const c of t.crashed) console.log(`  CRASH ${c}`)
  console.log(`readerable pages refused: ${t.readerableRefused}; non-readerable pages imported: ${t.unreaderableImported}`)
  console.log(`title agrees: ${pct(t.fields.title)}; title agrees or is the expected one minus a site part: ${pct(t.fields.titleLoose)}`)
  console.log(`byline agrees: ${pct(t.fields.byline)} (pages with an expected byline)`)
  console.log(`publishedTime agrees: ${pct(t.fields.publishedTime)} (pages with an expected date)`)
  if (verbose) for (const d of t.disagreements) console.log(`  ${d}`)
}

await main()
