/**
 * The fast build's article: the generator's article written directly in the reader schema,
 * instead of rendering the page and reading it back through Readability.
 *
 * For a generated page, `prepareArticle` keeps the standfirst (in front of the body), the
 * body's paragraphs, sub-headings and inline figures and drops the chrome (ads, "read more" links, the lead image in the
 * header); the metadata comes from the page's JSON-LD and meta tags. This module builds the
 * same document from the structure the page was rendered from, and the text, word count and
 * content hash with the app's own functions — bench/fast.test.ts checks that the result is
 * identical to `prepareArticle`'s on generated pages. What differs from the full build: no
 * raw page is kept (the app allows none; nothing the benchmark measures reads it), and the
 * quotations are the ones the generator wrote (speaker by full name), not quote detection's
 * (which costs ~5 ms per article: hours at a million).
 */
import { createHash } from 'node:crypto'
import { readerSchema } from '../src/shared/reader/schema'
import { docText } from '../src/shared/reader/text'
import { countWords, EXTRACTOR_VERSION, hashText } from '../src/main/page/prepare'
import { speakerKey } from '../src/main/quotes/aliases'
import type { FoundQuote } from '../src/main/db/quotes'
import type { NewAsset } from '../src/main/db/articles'
import type { ArticleToStore } from '../src/main/import/store'
import { generateArticle, type BodyBlock, type GeneratedHighlight, type PageOptions } from './corpus'

const LANGUAGE = 'en-GB'

type PMJson = Record<string, unknown>

const textNode = (text: string): PMJson => ({ type: 'text', text })

/** The body's blocks as reader-schema JSON; images become `asset:<key>` in order of first use. */
function docOf(blocks: BodyBlock[], assets: NewAsset[]): PMJson {
  const keyOf = new Map<string, string>()
  const content: PMJson[] = []
  for (const b of blocks) {
    if (b.kind === 'p') content.push({ type: 'paragraph', content: [textNode(b.text)] })
    else if (b.kind === 'h2') content.push({ type: 'heading', attrs: { level: 2 }, content: [textNode(b.text)] })
    else if (b.kind === 'figure') {
      let key = keyOf.get(b.image)
      if (!key) {
        key = `k${assets.length}`
        keyOf.set(b.image, key)
        assets.push({ key, mime: 'image/png', bytes: Buffer.from(b.image.slice(b.image.indexOf(',') + 1), 'base64'), sourceUrl: null })
      }
      content.push({
        type: 'figure',
        content: [
          { type: 'image', attrs: { src: `asset:${key}`, alt: b.alt, title: '' } },
          { type: 'figcaption', content: [textNode(b.caption)] }
        ]
      })
    }
  }
  return { type: 'doc', content }
}

/** Where each planted quotation sits in the text (they appear in the order they were written). */
function quoteRows(text: string, planted: ReturnType<typeof generateArticle>['quotes']): FoundQuote[] {
  const out: FoundQuote[] = []
  let from = 0
  for (const q of planted) {
    const at = text.indexOf(`\u201C${q.text}\u201D`, from)
    if (at < 0) continue
    const start = at + 1
    out.push({
      start,
      end: start + q.text.length,
      text: q.text,
      speaker: q.speaker,
      speakerKey: speakerKey(q.speaker),
      confidence: q.firstMention ? 0.95 : 0.9,
      kind: 'direct'
    })
    from = start + q.text.length
  }
  return out
}

export interface FastArticle {
  article: ArticleToStore & { tags: string[]; quotes: FoundQuote[] }
  highlights: GeneratedHighlight[]
}

/** Page `index` of the corpus as the article the app would store for it (see above). */
export function fastArticle(seed: number, index: number, opts: PageOptions = {}): FastArticle {
  const g = generateArticle(seed, index, opts)
  const assets: NewAsset[] = []
  // The standfirst printed under the headline opens the body, as prepareArticle adds it (page/standfirst.ts).
  const json = docOf([{ kind: 'p', text: g.standfirst }, ...g.body], assets)
  // Through the schema, as prepareArticle's document is: the JSON is what the schema makes of it.
  const doc = readerSchema.nodeFromJSON(json)
  const { text } = docText(doc)
  const date = new Date(g.publishedAt).toISOString()
  return {
    article: {
      url: g.url,
      canonicalUrl: g.url,
      title: g.title,
      byline: g.byline.split(' and ').join(', '),
      authors: g.byline.split(' and '),
      agency: null,
      site: g.outlet,
      publishedAt: date,
      modifiedAt: date,
      language: LANGUAGE,
      dir: 'ltr',
      excerpt: g.standfirst,
      doc: doc.toJSON() as PMJson,
      text,
      wordCount: countWords(text),
      contentHash: hashText(text),
      extractorVersion: EXTRACTOR_VERSION,
      assets,
      raw: null,
      rawType: null,
      tags: g.tags,
      quotes: quoteRows(text, g.quotes)
    },
    highlights: g.highlights
  }
}

/** A short fingerprint of an article's stored fields (for logs and spot checks). */
export function fingerprint(a: Pick<FastArticle['article'], 'text' | 'doc' | 'title'>): string {
  return createHash('sha256').update(JSON.stringify([a.title, a.text, a.doc])).digest('hex').slice(0, 12)
}
