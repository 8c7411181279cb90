/**
 * A digest of everything the import's prepare step makes of each page — the real pages
 * (../shared/corpus or $CLIPFILE_CORPUS) and N generated ones — to show that a change meant
 * only to make the import cheaper changes no output: run it on the code before and after
 * and compare the two outputs (`diff`).
 *
 *   npx tsx bench/prepare-digest.ts [--generated N] > after.txt
 */
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { prepareWithQuotes } from '../src/main/import/prepare'
import { slimRawPage } from '../src/main/import/raw'
import { REAL_PAGES_DIR } from './measure'
import { generatePage } from './corpus'

const i = process.argv.indexOf('--generated')
const generated = i >= 0 ? Number(process.argv[i + 1]) : 200
const pages = [
  ...(existsSync(REAL_PAGES_DIR)
    ? readdirSync(REAL_PAGES_DIR)
        .filter((d) => existsSync(join(REAL_PAGES_DIR, d, 'source.html')))
        .map((d) => ({ name: d, html: readFileSync(join(REAL_PAGES_DIR, d, 'source.html'), 'utf8'), url: undefined as string | undefined }))
    : []),
  ...Array.from({ length: generated }, (_x, n) => generatePage(20240601, n)).map((p, n) => ({ name: `generated-${n}`, html: p.html, url: p.url }))
]
const all = createHash('sha256')
for (const p of pages) {
  let out: string
  try {
    const prepared = await prepareWithQuotes({ html: p.html, url: p.url, contentType: 'text/html; charset=utf-8' }, async () => null)
    out = JSON.stringify({ ...prepared, raw: slimRawPage(p.html).toString('base64') })
  } catch (e) {
    out = `refused: ${(e as Error).message}`
  }
  const digest = createHash('sha256').update(out).digest('hex')
  all.update(digest)
  console.log(`${p.name} ${digest}`)
}
console.log(`all ${pages.length} ${all.digest('hex')}`)
