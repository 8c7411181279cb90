/**
 * The fast build writes what the full build writes: for generated pages, the article built
 * directly in the reader schema equals what the app's page pipeline makes of the page.
 */
import { describe, expect, it } from 'vitest'
import { generatePage } from './corpus'
import { fastArticle } from './fast'
import { prepareArticle } from '../src/main/page/prepare'

const SEED = 20240601
// Pages with figures (11+ paragraphs), co-authors, quotes, and the long reader page.
const PAGES = [0, 3, 9, 11, 20, 23, 57, 101, 499, 500]

describe('fast build articles', () => {
  it.each(PAGES)('page %i: the same document, text, metadata and images as prepareArticle', async (i) => {
    const page = generatePage(SEED, i)
    const prepared = await prepareArticle({ html: page.html, url: page.url, contentType: 'text/html; charset=utf-8' }, { loadImage: async () => null })
    const { article, highlights } = fastArticle(SEED, i)
    const { assets, ...fields } = article
    expect(fields).toMatchObject({
      url: prepared.url,
      canonicalUrl: prepared.canonicalUrl,
      title: prepared.title,
      byline: prepared.byline,
      site: prepared.site,
      publishedAt: prepared.publishedAt,
      modifiedAt: prepared.modifiedAt,
      language: prepared.language,
      excerpt: prepared.excerpt,
      doc: prepared.doc,
      text: prepared.text,
      wordCount: prepared.wordCount,
      contentHash: prepared.contentHash,
      tags: page.tags
    })
    expect(assets.map((a) => [a.key, a.mime, a.sourceUrl, a.bytes.toString('base64')])).toEqual(
      prepared.assets.map((a) => [a.key, a.mime, a.sourceUrl, a.bytes.toString('base64')])
    )
    expect(highlights).toEqual(page.highlights)
    for (const q of article.quotes) expect(article.text.slice(q.start, q.end)).toBe(q.text)
  })

  it('writes the quotations the page has', () => {
    const { article } = fastArticle(SEED, 11)
    expect(article.quotes.map((q) => [q.speaker, q.speakerKey])).toEqual([
      ['Astrid Torres', 'astrid torres'],
      ['Astrid Torres', 'astrid torres'],
      ['Brian Novak', 'brian novak']
    ])
  })
})
