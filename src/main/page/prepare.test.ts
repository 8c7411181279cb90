import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { countWords, hashText, prepareArticle } from './prepare'
import { UserError } from '../../shared/result'

const fixture = (name: string): Buffer => readFileSync(new URL(`./fixtures/${name}`, import.meta.url))
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)])
const loadImage = async (url: string) => (url.includes('tracker') ? null : { mime: 'image/jpeg', bytes: JPEG })
const URL_ = 'https://www.coastalherald.example/news/2024/03/harbour-bridge-reopens'

describe('prepareArticle', () => {
  it('marks the headings and figure captions of the text as furniture (quote detection skips them)', async () => {
    const html =
      '<html><head><title>T</title></head><body><article><h1>T</h1>' +
      '<p>The council met on Monday and voted on the plan after a long debate about the harbour, the bridge and the ferry.</p>' +
      '<h2>“We need to listen”</h2>' +
      '<figure><img src="https://example.org/a.jpg"><figcaption>Mayor Ana Lima says “no more delays.”</figcaption></figure>' +
      '<p>“We will build it,” said Ana Lima, the mayor, who has promised the bridge for years and now has the money.</p>' +
      '<p>Work begins in spring, the council said, and the ferry will run until the bridge opens again to traffic.</p>' +
      '</article></body></html>'
    const a = await prepareArticle({ html, url: 'https://example.org/news/1' }, { loadImage })
    const marked = a.furniture.map((r) => [r.kind, a.text.slice(r.start, r.end)])
    expect(marked).toEqual([
      ['heading', '“We need to listen”'],
      ['caption', 'Mayor Ana Lima says “no more delays.”']
    ])
  })
  it('turns a news page into metadata, a reader document, text and local assets', async () => {
    const a = await prepareArticle({ html: fixture('news-article.html'), url: URL_, contentType: 'text/html' }, { loadImage })
    expect(a.title).toBe('Harbour bridge reopens after two-year repair')
    expect(a.byline).toBe('Ana Lima, Tom Reyes')
    expect(a.charset).toBe('utf-8')
    expect(a.text).toContain('Engineers replaced 312 corroded steel cables')
    expect(a.text).toContain('“The bridge is safe, and it is ours again.”')
    for (const chrome of ['Most popular', 'Share on Facebook', 'Politics', 'Sign up for the morning briefing', 'Privacy policy', 'Advertisement']) {
      expect(a.text).not.toContain(chrome)
    }
    expect(a.assets.map((x) => [x.key, x.sourceUrl])).toEqual([
      ['k0', 'https://www.coastalherald.example/images/2024/bridge-lead.jpg'],
      ['k1', 'https://www.coastalherald.example/images/2024/cables-1600.webp'],
      ['k2', 'https://www.coastalherald.example/images/2024/map-large.png'],
      ['k3', 'https://www.coastalherald.example/images/2024/ferry.jpg']
    ])
    expect(JSON.stringify(a.doc)).not.toContain('https://www.coastalherald.example/images')
    expect(JSON.stringify(a.doc)).toContain('{"type":"image","attrs":{"src":"asset:k0","alt":"The harbour bridge at dawn"')
    expect(a.wordCount).toBeGreaterThan(250)
    expect(a.wordCount).toBeLessThan(330)
    expect(a.contentHash).toBe(hashText(a.text))
    expect(a.contentHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('decodes a windows-1252 page and keeps its smart quotes', async () => {
    const a = await prepareArticle({ html: fixture('windows-1252.html'), url: 'http://gazette.example/story' }, { loadImage })
    expect(a.charset).toBe('windows-1252')
    expect(a.title).toBe('Mayor’s “clean streets” pledge faces first test')
    expect(a.byline).toBe('Pierre Lefèvre')
    expect(a.publishedAt).toBe('2019-07-02T00:00:00.000Z')
    expect(a.text).toContain('“We’ll believe it when we see it,”')
    expect(a.text).toContain('€2.4 million')
    expect(a.text).not.toContain('Archive')
  })

  it('refuses a page with no article unless forced', async () => {
    const input = { html: fixture('no-article.html'), url: 'https://news.example/login' }
    await expect(prepareArticle(input, { loadImage })).rejects.toThrow(/^no readable article found on this page$/)
    const forced = await prepareArticle({ ...input, force: true }, { loadImage })
    expect(forced.text).toContain('Forgot your password?')
    expect(forced.text).not.toContain('Password Sign in') // form controls are not content
  })

  it('refuses when nothing textual is left', async () => {
    const err = await prepareArticle({ html: '<html><body><img src="x.png"></body></html>', force: true }, { loadImage }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UserError)
    expect((err as UserError).message).toBe('the page has no text to save')
  })

  it('gives the same hash to the same text whatever its whitespace', async () => {
    expect(hashText('a  b\n\nc')).toBe(hashText(' a b c '))
    expect(hashText('a b c')).not.toBe(hashText('a b d'))
  })
})

describe('countWords', () => {
  it('counts words, contractions and CJK characters', () => {
    expect(countWords('It’s a well-known fact: 3.5 million')).toBe(6)
    expect(countWords('東京で 3 news')).toBe(5)
    expect(countWords('')).toBe(0)
  })
})

describe('dropBylineBlock', () => {
  it('drops a first paragraph that only repeats the byline, and nothing else', async () => {
    const page = (first: string) =>
      `<html><head><title>T</title><meta name="author" content="Julian Borger"></head><body><article><h1>T</h1>${first}` +
      '<p>Secretary of State Rex Tillerson said on Sunday that Iran needs to withdraw its military forces from Syria, in the sharpest warning yet.</p>' +
      '<p>Analysts said the exchange showed how little room remained for diplomacy, with both sides digging in after a year of fighting.</p>' +
      '<p>Officials said the plan would be reviewed again next spring, after a public consultation that is expected to draw responses.</p></article></body></html>'
    const by = await prepareArticle({ html: page('<p>By Julian Borger</p>'), url: 'https://x.example/a' }, { loadImage })
    expect(by.text.startsWith('Secretary of State')).toBe(true)
    // Nor is the byline the excerpt: the text's opening is.
    expect(by.excerpt).toMatch(/^Secretary of State Rex Tillerson said on Sunday/)
    const other = await prepareArticle({ html: page('<p>By the time it ended, nobody was left.</p>'), url: 'https://x.example/b' }, { loadImage })
    expect(other.text.startsWith('By the time it ended')).toBe(true)
  })
})
