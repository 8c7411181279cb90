import { readFileSync, readdirSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { prepareArticle } from '../../src/main/page/prepare'
import { detectQuotes } from '../../src/main/quotes/detect'
const dir = '/work/shared/corpus/readability-test-pages'
const split = JSON.parse(readFileSync('scripts/quality/quotes/split.json', 'utf8'))
const labelled = new Set([...split.tune, ...split.heldout])
const only = process.argv[2]
for (const d of readdirSync(dir)) {
  if (labelled.has(d) || (only && d !== only)) continue
  const f = join(dir, d, 'source.html')
  if (!existsSync(f)) continue
  let text = ''
  try { text = (await prepareArticle({ html: readFileSync(f, 'utf8'), url: 'http://fakehost/test/page.html' }, { loadImage: async () => null })).text } catch { continue }
  const qs = detectQuotes(text).filter((q) => q.speaker || only)
  if (!qs.length) continue
  console.log(`\n## ${d}`)
  for (const q of qs) {
    const ctx = text.slice(Math.max(0, q.start - 80), q.end + 100).replace(/\s+/g, ' ')
    console.log(`- [${q.speaker} ${q.confidence} ${q.kind}] …${ctx}…`)
  }
}
