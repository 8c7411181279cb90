/**
 * Builds the labelled quote sets (tune.json, heldout.json) from the hand-marked sources in
 * testdata/src/*.txt. The sources are plain article text in which every quotation's words (without
 * the quote marks) are wrapped by hand as {{Speaker:words}}, {{Speaker|p:words}} (partial quote),
 * {{|s:words}} (scare quote, no speaker) or {{?:words}} / {{|d:words}} (speech, speaker unknown).
 * Articles start with a line `=== id`; paragraphs are separated by blank lines.
 *
 *   npx tsx src/main/quotes/testdata/build.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { LabelledArticle, LabelledQuote } from './types.ts'

const here = dirname(fileURLToPath(import.meta.url))

export function parseSource(source: string): LabelledArticle[] {
  const articles: LabelledArticle[] = []
  for (const chunk of source.split(/^=== /m).slice(1)) {
    const nl = chunk.indexOf('\n')
    const id = chunk.slice(0, nl).trim()
    const body = chunk.slice(nl + 1).replace(/\r/g, '').trim()
    // Normalise paragraph separators to exactly "\n\n" like src/shared/reader/text.ts.
    const marked = body.split(/\n\s*\n/).map((p) => p.trim()).join('\n\n')
    let text = ''
    const quotes: LabelledQuote[] = []
    let i = 0
    while (i < marked.length) {
      const open = marked.indexOf('{{', i)
      if (open < 0) {
        text += marked.slice(i)
        break
      }
      text += marked.slice(i, open)
      const colon = marked.indexOf(':', open)
      const close = marked.indexOf('}}', colon)
      if (colon < 0 || close < 0) throw new Error(`${id}: unterminated label at ${open}`)
      const head = marked.slice(open + 2, colon)
      const words = marked.slice(colon + 1, close)
      const [who, k] = head.split('|')
      const kind = k === 'p' ? 'partial' : k === 's' ? 'scare' : 'direct'
      const speaker = who === '' || who === '?' ? null : who
      const start = text.length
      text += words
      quotes.push({ start, end: text.length, text: words, speaker, kind })
      i = close + 2
    }
    articles.push({ id, text, quotes })
  }
  return articles
}

function build(files: string[], out: string): void {
  const articles = files.flatMap((f) => parseSource(readFileSync(join(here, 'src', f), 'utf8')))
  writeFileSync(join(here, out), JSON.stringify({ articles }, null, 1) + '\n')
  const n = articles.reduce((s, a) => s + a.quotes.length, 0)
  console.log(`${out}: ${articles.length} articles, ${n} quotes`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  build(['tune-1.txt', 'tune-2.txt', 'tune-3.txt'], 'tune.json')
  build(['heldout.txt'], 'heldout.json')
}
