import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { extractArticle, NO_ARTICLE_REASON, parseSrcset } from './extract'
import { UserError } from '../../shared/result'

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')
const URL_ = 'https://www.coastalherald.example/news/2024/03/harbour-bridge-reopens?ref=home'
const para = (s: string): string => `<p>${s} ${'The council published the figures in its annual report on Tuesday. '.repeat(4)}</p>`

/** A minimal page whose body is long enough to count as an article. */
const page = (head: string, body = ''): string =>
  `<!doctype html><html><head>${head}</head><body><article>${body}${para('One.')}${para('Two.')}${para('Three.')}</article></body></html>`

describe('extractArticle on a news page', () => {
  const a = extractArticle(fixture('news-article.html'), URL_)

  it('reads metadata from JSON-LD first (@graph, @id author references, arrays)', () => {
    expect(a.title).toBe('Harbour bridge reopens after two-year repair')
    expect(a.byline).toBe('Ana Lima, Tom Reyes')
    expect(a.site).toBe('The Coastal Herald')
    expect(a.publishedAt).toBe('2024-03-11T08:15:00.000Z')
    expect(a.modifiedAt).toBe('2024-03-12T17:40:00.000Z')
    expect(a.language).toBe('en-GB')
    expect(a.excerpt).toMatch(/^The city's harbour bridge reopened/)
  })

  it('resolves the canonical link against the page URL and keeps the page URL', () => {
    expect(a.url).toBe(URL_)
    expect(a.canonicalUrl).toBe('https://www.coastalherald.example/news/2024/03/harbour-bridge-reopens')
  })

  it('keeps the article paragraphs and drops the site chrome', () => {
    expect(a.content.innerHTML).toContain('Engineers replaced 312 corroded steel cables')
    expect(a.content.innerHTML).toContain('Delays and overruns')
    expect(a.content.innerHTML).toContain('The bridge is safe, and it is ours again.')
    for (const chrome of ['Most popular', 'Share on Facebook', 'Subscribe today', 'Privacy policy', 'Advertisement', 'Local bakery wins']) {
      expect(a.content.innerHTML).not.toContain(chrome)
    }
  })

  it('resolves lazy images to absolute URLs, choosing the largest candidate', () => {
    expect(a.content.innerHTML).toContain('src="https://www.coastalherald.example/images/2024/bridge-lead.jpg"')
    expect(a.content.innerHTML).toContain('src="https://www.coastalherald.example/images/2024/cables-1600.webp"')
    expect(a.content.innerHTML).toContain('src="https://www.coastalherald.example/images/2024/map-large.png"')
    // The noscript image replaced its data: placeholder and kept the placeholder's alt.
    expect(a.content.innerHTML).toMatch(/<img[^>]*(src="https:\/\/www\.coastalherald\.example\/images\/2024\/ferry\.jpg"[^>]*alt="The temporary ferry"|alt="The temporary ferry"[^>]*src="https:\/\/www\.coastalherald\.example\/images\/2024\/ferry\.jpg")/)
    expect(a.content.innerHTML).not.toMatch(/data-src|srcset|<source/)
  })
})

describe('extractArticle metadata fallbacks', () => {
  it('uses OpenGraph and article:* tags without JSON-LD, and strips the site from the title', () => {
    const a = extractArticle(
      page(`<title>Floods close the ring road - Daily Planet</title>
        <meta property="og:site_name" content="Daily Planet">
        <meta property="article:published_time" content="2023-11-02T10:00:00-05:00">
        <meta property="article:author" content="https://facebook.com/dailyplanet">
        <meta name="author" content="By Lois Lane | Updated Nov 2, 2023">`),
      'https://dailyplanet.example/a'
    )
    expect(a.title).toBe('Floods close the ring road')
    expect(a.site).toBe('Daily Planet')
    expect(a.byline).toBe('Lois Lane')
    expect(a.publishedAt).toBe('2023-11-02T15:00:00.000Z')
  })

  it('finds the article type inside arrays, and author as a plain string', () => {
    const ld = JSON.stringify([{ '@type': 'WebPage', name: 'Home' }, { '@type': 'BlogPosting', headline: 'A post', author: 'By Sam Tan', datePublished: '2022-01-05' }])
    const a = extractArticle(page(`<title>x</title><script type="application/ld+json">${ld}</script>`), undefined)
    expect(a.title).toBe('A post')
    expect(a.byline).toBe('Sam Tan')
    expect(a.publishedAt).toBe('2022-01-05T00:00:00.000Z')
    expect(a.url).toBeNull()
  })

  it('falls back to <meta name=date>, then <time datetime>, and rejects nonsense dates', () => {
    expect(extractArticle(page('<meta name="parsely-pub-date" content="2021-06-01T12:00:00Z">'), undefined).publishedAt).toBe('2021-06-01T12:00:00.000Z')
    expect(extractArticle(page('', '<time datetime="2020-02-29 08:30">Feb 29</time>'), undefined).publishedAt).toBe('2020-02-29T08:30:00.000Z')
    expect(extractArticle(page('<meta name="date" content="yesterday-ish">'), undefined).publishedAt).toBeNull()
    expect(extractArticle(page('<meta name="date" content="2021-02-30">'), undefined).publishedAt).toBeNull()
  })

  it('honours an http(s) <base> but not a javascript: one', () => {
    const body = '<p><a href="story/2">next</a> <img src="pic.jpg"></p>'
    const withBase = extractArticle(page('<base href="/section/">', body), 'https://site.example/a/b')
    expect(withBase.content.innerHTML).toContain('href="https://site.example/section/story/2"')
    expect(withBase.content.innerHTML).toContain('src="https://site.example/section/pic.jpg"')
    const hostile = extractArticle(page('<base href="javascript:alert(1)//">', body), 'https://site.example/a/b')
    expect(hostile.content.innerHTML).toContain('href="https://site.example/a/story/2"')
  })

  it('reads <html lang> and the JSON-LD name when headline is a description', () => {
    const ld = JSON.stringify({ '@type': 'Article', name: 'New Zealand', headline: 'country in Oceania' })
    const html = page(`<title>New Zealand - Wikipedia</title><script type="application/ld+json">${ld}</script>`).replace('<html>', '<html lang="en_NZ">')
    const a = extractArticle(html, 'https://en.wikipedia.org/wiki/New_Zealand')
    expect(a.title).toBe('New Zealand')
    expect(a.language).toBe('en-NZ')
  })
})

describe('extractArticle refusals', () => {
  it('refuses a page without an article, with a reason that mentions --force', () => {
    expect(() => extractArticle(fixture('no-article.html'), 'https://news.example/login')).toThrow(new UserError('import_failed', NO_ARTICLE_REASON))
  })

  it('keeps the whole body when forced, with absolute URLs', () => {
    const a = extractArticle(fixture('no-article.html'), 'https://news.example/login', { force: true })
    expect(a.readable).toBe(false)
    expect(a.title).toBe('Sign in')
    expect(a.site).toBe('Example News')
    expect(a.content.innerHTML).toContain('Forgot your password?')
    expect(a.content.innerHTML).toContain('href="https://news.example/forgot"')
  })
})

describe('parseSrcset', () => {
  it('reads widths, densities and URLs containing commas', () => {
    expect(parseSrcset('a.jpg 480w, https://cdn.example/w_400,h_300/b.jpg 1600w,c.jpg 2x, d.jpg')).toEqual([
      { url: 'a.jpg', size: 480 },
      { url: 'https://cdn.example/w_400,h_300/b.jpg', size: 1600 },
      { url: 'c.jpg', size: 2000 },
      { url: 'd.jpg', size: 1000 }
    ])
  })
})
