/**
 * A deterministic generator of realistic news pages for the benchmarks.
 *
 * Every page is a function of (seed, index) alone, so any worker can produce page 73,412
 * without producing the others, and two runs with the same parameters produce the same
 * bytes. Each page has the chrome real news sites carry (navigation, cookie banner, share
 * buttons, ads, "most popular", newsletter box, footer, analytics scripts) around an article
 * of 300–3,000 words drawn from a Zipf-distributed vocabulary of ~2,500 tokens, with
 * sentences, paragraphs, sub-headings, named people, places and organisations, and quotes
 * ("“…,” Jane Doe said."). Metadata comes three ways, as on real sites: JSON-LD
 * NewsArticle, OpenGraph and `article:published_time`. Images are small PNGs inlined as
 * data: URIs, so the run stays offline and needs no server.
 *
 * Query words with known frequencies (MARKERS) are planted with their own random stream, so
 * `markerCounts()` knows how many articles contain each without generating any page.
 */
import { deflateSync } from 'node:zlib'
import { chance, int, makeRng, pick, type Rng } from '../test/support/prng'
import { CONTENT_WORDS, FIRST_NAMES, FUNCTION_WORDS, LAST_NAMES, ORGANISATIONS, OUTLETS, PLACES, TAGS } from './words'

/** Bump when the generated pages change: cached databases are keyed by it. */
export const GENERATOR_VERSION = 1
export const DEFAULT_SEED = 20240601

// The PRNG: test/support/prng.ts, so nearby (seed, index) pairs are unrelated.
export type { Rng } from '../test/support/prng'

// ---------------------------------------------------------------------------------------
// Query words with known frequencies

export interface Marker {
  /** What the query mix searches for. */
  word: string
  /** Share of articles that contain it. */
  share: number
}

/**
 * Planted words. None of them (nor any word with the same Porter stem) is in the
 * vocabulary, so these are exactly the articles that match. `according` is in every article.
 */
export const MARKERS = {
  all: { word: 'according', share: 1 },
  common: { word: 'government', share: 0.4 },
  climate: { word: 'climate', share: 0.12 },
  mid: { word: 'ceasefire', share: 0.08 },
  phrase: { word: 'climate summit', share: 0.03 },
  rare: { word: 'zeppelin', share: 0.001 }
} satisfies Record<string, Marker>

const RESERVED_PREFIXES = ['accord', 'govern', 'climat', 'ceasefir', 'summit', 'zeppelin']

export interface MarkerFlags {
  common: boolean
  climate: boolean
  mid: boolean
  phrase: boolean
  rare: boolean
}

/** Which planted words page `index` carries (its own stream: cheap to count). */
export function markerFlags(seed: number, index: number): MarkerFlags {
  const rng = makeRng(seed, index, 7)
  const phrase = chance(rng, MARKERS.phrase.share)
  return {
    common: chance(rng, MARKERS.common.share),
    // The phrase implies the word; the rest of `climate` is planted on its own.
    climate: phrase || chance(rng, (MARKERS.climate.share - MARKERS.phrase.share) / (1 - MARKERS.phrase.share)),
    mid: chance(rng, MARKERS.mid.share),
    phrase,
    // Exactly one page in a thousand, spread evenly: 0.1% at every size.
    rare: index % 1000 === 500
  }
}

export function markerCounts(seed: number, size: number): Record<keyof typeof MARKERS, number> {
  const n = { all: size, common: 0, climate: 0, mid: 0, phrase: 0, rare: 0 }
  for (let i = 0; i < size; i++) {
    const f = markerFlags(seed, i)
    n.common += +f.common
    n.climate += +f.climate
    n.mid += +f.mid
    n.phrase += +f.phrase
    n.rare += +f.rare
  }
  return n
}

// ---------------------------------------------------------------------------------------
// Vocabulary with Zipf frequencies

const split = (s: string): string[] => s.split(/\s+/).filter(Boolean)

function inflect(word: string, kind: 'noun' | 'verb' | 'other'): string[] {
  const consonantY = /[^aeiou]y$/.test(word)
  const plural = consonantY ? `${word.slice(0, -1)}ies` : /(s|sh|ch|x)$/.test(word) ? `${word}es` : `${word}s`
  if (kind === 'noun') return [word, plural]
  if (kind === 'verb') {
    if (consonantY) return [word, plural, `${word.slice(0, -1)}ied`, `${word}ing`]
    if (word.endsWith('ie')) return [word, `${word}s`, `${word}d`, `${word.slice(0, -2)}ying`]
    const doubled = /^[^aeiou]*[aeiou][bdgklmnprt]$/.test(word) ? word + word.slice(-1) : word
    const stem = word.endsWith('e') ? word.slice(0, -1) : doubled
    return [word, plural, `${stem}ed`, `${stem}ing`]
  }
  return [word]
}

function buildVocabulary(): { words: string[]; cumulative: Float64Array } {
  const content = split(CONTENT_WORDS)
  const at = (w: string): number => content.indexOf(w)
  const adjectives = at('foreign')
  const verbs = at('make')
  const adverbs = at('quickly')
  const forms: string[] = []
  content.forEach((w, i) => {
    const kind = i < adjectives ? 'noun' : i >= verbs && i < adverbs ? 'verb' : 'other'
    forms.push(...inflect(w, kind))
  })
  const reserved = (w: string): boolean => RESERVED_PREFIXES.some((p) => w.toLowerCase().startsWith(p))
  const unique = [...new Set(forms)].filter((w) => !reserved(w))
  // Content words get Zipf ranks in a fixed shuffled order, after the function words.
  const rng = makeRng(1234567)
  for (let i = unique.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[unique[i], unique[j]] = [unique[j], unique[i]]
  }
  const words = [...new Set([...split(FUNCTION_WORDS), ...unique])]
  const cumulative = new Float64Array(words.length)
  let total = 0
  for (let r = 0; r < words.length; r++) {
    total += 1 / Math.pow(r + 2.7, 1.0)
    cumulative[r] = total
  }
  for (let r = 0; r < words.length; r++) cumulative[r] /= total
  return { words, cumulative }
}

const VOCAB = buildVocabulary()
export const VOCABULARY_SIZE = VOCAB.words.length
const FIRST = split(FIRST_NAMES)
const LAST = split(LAST_NAMES)
const PLACE = split(PLACES)

function zipfWord(rng: Rng): string {
  const x = rng()
  const c = VOCAB.cumulative
  let lo = 0
  let hi = c.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (c[mid] < x) lo = mid + 1
    else hi = mid
  }
  return VOCAB.words[lo]
}

/** Content-ish word (skips the top function words), for headlines and captions. */
function headlineWord(rng: Rng): string {
  for (;;) {
    const w = zipfWord(rng)
    if (w.length > 3) return w
  }
}

// ---------------------------------------------------------------------------------------
// Text

interface Person {
  first: string
  last: string
  role: string
}

const ROLES = ['a spokesman for', 'a spokeswoman for', 'the director of', 'a senior official at', 'an analyst at', 'a lawyer for', 'the head of', 'a former adviser to']
const SAID = ['said', 'said on Tuesday', 'told reporters', 'said in a statement', 'added', 'wrote in a letter', 'said in an interview']

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)

interface TextState {
  rng: Rng
  people: Person[]
  mentioned: Set<Person>
  places: string[]
  /** The quotations written so far, in order (for the fast build's quote rows). */
  quotes?: PlantedQuote[]
}

/** A quotation the generator wrote: “text” and who said it (full name), as written. */
export interface PlantedQuote {
  /** The quoted words with their closing comma, without the quote marks (as quote detection reports them). */
  text: string
  speaker: string
  /** “…,” said First Last (first mention) or “…,” Last said (later). */
  firstMention: boolean
}

function nameOf(st: TextState, p: Person): string {
  if (st.mentioned.has(p)) return p.last
  st.mentioned.add(p)
  return `${p.first} ${p.last}, ${p.role} ${pick(st.rng, ORGANISATIONS)},`
}

function clause(st: TextState, words: number): string {
  const { rng } = st
  const out: string[] = []
  for (let i = 0; i < words; i++) {
    const r = rng()
    if (r < 0.025) out.push(pick(rng, st.places))
    else if (r < 0.035) out.push(pick(rng, ORGANISATIONS))
    else if (r < 0.04) out.push(String(int(rng, 2, 2024)))
    else out.push(zipfWord(rng))
    if (i > 2 && i < words - 2 && chance(rng, 0.06)) out[out.length - 1] += ','
  }
  return out.join(' ')
}

function sentence(st: TextState): string {
  const { rng } = st
  const r = rng()
  if (r < 0.1) {
    // A quote: “…,” Name said.
    const p = pick(rng, st.people)
    const q = cap(clause(st, int(rng, 6, 22)))
    const firstMention = !st.mentioned.has(p)
    st.quotes?.push({ text: `${q},`, speaker: `${p.first} ${p.last}`, firstMention })
    if (!firstMention) return `“${q},” ${p.last} ${pick(rng, SAID)}.`
    st.mentioned.add(p)
    return `“${q},” said ${p.first} ${p.last}, ${p.role} ${pick(rng, ORGANISATIONS)}.`
  }
  if (r < 0.16) {
    const p = pick(rng, st.people)
    const first = !st.mentioned.has(p)
    const who = nameOf(st, p).replace(/,$/, '')
    return `${cap(clause(st, int(rng, 4, 12)))}, ${who}${first ? ',' : ''} ${pick(rng, SAID)}.`
  }
  const s = cap(clause(st, int(rng, 7, 28)))
  return `${s}${chance(rng, 0.04) ? '?' : '.'}`
}

function paragraph(st: TextState, sentences: number): string[] {
  return Array.from({ length: sentences }, () => sentence(st))
}

function headline(rng: Rng, places: string[]): string {
  const n = int(rng, 5, 11)
  const words = Array.from({ length: n }, () => (chance(rng, 0.1) ? pick(rng, places) : headlineWord(rng)))
  return cap(words.join(' '))
}

// ---------------------------------------------------------------------------------------
// Images: tiny PNGs, large enough (> 2×2, > 100 bytes) that ingest keeps them

const CRC_TABLE = (() => {
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  return t
})()

function crc32(buf: Buffer): number {
  let c = 0xffffffff
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

function makePng(w: number, h: number, rng: Rng): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  const raw = Buffer.alloc((w * 3 + 1) * h)
  const base = [int(rng, 0, 255), int(rng, 0, 255), int(rng, 0, 255)]
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0
    for (let x = 0; x < w; x++) {
      for (let ch = 0; ch < 3; ch++) {
        raw[y * (w * 3 + 1) + 1 + x * 3 + ch] = (base[ch] + x * 3 + y * 5 * (ch + 1) + int(rng, 0, 24)) & 0xff
      }
    }
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

/** 24 distinct 32×18 PNGs (~1.5 KB each), as data: URIs. */
const IMAGES = (() => {
  const rng = makeRng(99)
  return Array.from({ length: 24 }, () => `data:image/png;base64,${makePng(32, 18, rng).toString('base64')}`)
})()

// ---------------------------------------------------------------------------------------
// Pages

export interface GeneratedHighlight {
  quote: string
  note?: string
  tags?: string[]
  color?: string
}

export interface GeneratedPage {
  index: number
  url: string
  html: string
  title: string
  outlet: string
  publishedAt: string
  words: number
  /** Tags the user gave the article (a share of articles have some). */
  tags: string[]
  /** Highlights the user made: quotes taken from the article text. */
  highlights: GeneratedHighlight[]
  flags: MarkerFlags
  /** The article itself, without the page around it: for benchmarks that skip extraction (bench/team.ts). */
  article: { byline: string; standfirst: string; paragraphs: string[] }
}

/** Share of articles with tags, and with highlights. */
export const TAGGED_SHARE = 0.3
export const HIGHLIGHTED_SHARE = 0.1

const DAY = 86_400_000
const START = Date.UTC(2015, 0, 1)
const SPAN_DAYS = 3652 // ten years

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60)

function zipfPick<T>(rng: Rng, list: readonly T[]): T {
  // P(k) ∝ 1/(k+1): a few tags are used a lot, most rarely.
  const h = list.reduce((s, _x, k) => s + 1 / (k + 1), 0)
  let x = rng() * h
  for (let k = 0; k < list.length; k++) {
    x -= 1 / (k + 1)
    if (x <= 0) return list[k]
  }
  return list[list.length - 1]
}

export interface PageOptions {
  /** Force the article length (words), e.g. the reader benchmark's 10,000-word article. */
  words?: number
}

/** The page's article as structure: what generatePage renders as HTML and the fast build as a reader document. */
export interface GeneratedArticle extends Omit<GeneratedPage, 'html' | 'article'> {
  byline: string
  standfirst: string
  /** The article body in page order: paragraphs, sub-headings, figures (and the chrome inside it). */
  body: BodyBlock[]
  /** The quotations in the text, in order. */
  quotes: PlantedQuote[]
}

/** A block of the article body, in page order. `ad` and `related` are chrome inside the body. */
export type BodyBlock =
  | { kind: 'p'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'figure'; image: string; alt: string; caption: string }
  | { kind: 'ad'; slot: number }
  | { kind: 'related'; headline: string }

export function generatePage(seed: number, index: number, opts: PageOptions = {}): GeneratedPage {
  const { article, render } = compose(seed, index, opts)
  const { body: _body, quotes: _quotes, byline: _byline, standfirst: _standfirst, ...page } = article
  const text = { byline: article.byline, standfirst: article.standfirst, paragraphs: render.paragraphs.map((p) => p.join(' ')) }
  return { ...page, html: renderPage(render, article.body), article: text }
}

/** The same article as generatePage's, without rendering the page around it. */
export function generateArticle(seed: number, index: number, opts: PageOptions = {}): GeneratedArticle {
  return compose(seed, index, opts).article
}

/**
 * Everything but the page's HTML. The random stream is consumed in exactly the order the
 * page generator always used (the body's blocks are drawn before the rest of the chrome), so
 * pages stay byte-identical to earlier generator runs.
 */
function compose(seed: number, index: number, opts: PageOptions): { article: GeneratedArticle; render: RenderInput } {
  const rng = makeRng(seed, index)
  const flags = markerFlags(seed, index)
  const outlet = OUTLETS[Math.floor(rng() * OUTLETS.length)]
  const published = new Date(START + Math.floor(rng() * SPAN_DAYS * DAY) + int(rng, 5, 22) * 3_600_000 + int(rng, 0, 59) * 60_000)
  const publishedAt = published.toISOString().replace(/\.\d{3}Z$/, 'Z')
  const places = Array.from({ length: 4 }, () => pick(rng, PLACE))
  const people: Person[] = Array.from({ length: int(rng, 2, 5) }, () => ({
    first: pick(rng, FIRST),
    last: pick(rng, LAST),
    role: pick(rng, ROLES)
  }))
  const quotes: PlantedQuote[] = []
  const st: TextState = { rng, people, mentioned: new Set(), places, quotes }
  const author = `${pick(rng, FIRST)} ${pick(rng, LAST)}`
  const coAuthor = chance(rng, 0.15) ? `${pick(rng, FIRST)} ${pick(rng, LAST)}` : null
  const byline = coAuthor ? `${author} and ${coAuthor}` : author
  const title = headline(rng, places)
  const standfirst = cap(clause(st, int(rng, 14, 26))) + '.'

  // Body: 300–3,000 words, most articles 500–1,200.
  const target = opts.words ?? Math.round(300 + 2700 * Math.pow(rng(), 2.2))
  const paragraphs: string[][] = []
  let words = 0
  while (words < target) {
    const p = paragraph(st, int(rng, 1, 5))
    paragraphs.push(p)
    words += p.join(' ').split(' ').length
  }
  // Planted words: `according` opens the article; the others land in random sentences.
  paragraphs[0][0] = paragraphs[0][0].replace(/\.$/, `, according to ${pick(rng, ORGANISATIONS)}.`).replace(/\?$/, '?')
  if (!paragraphs[0][0].includes('according')) paragraphs[0].push(`That is according to ${pick(rng, ORGANISATIONS)}.`)
  const plant = (text: string, times: number) => {
    for (let i = 0; i < times; i++) {
      const p = paragraphs[int(rng, 0, paragraphs.length - 1)]
      p.splice(int(rng, 0, p.length), 0, text)
    }
  }
  if (flags.common) plant(`The ${pick(rng, ['local', 'national', 'federal', 'new'])} government ${clause(st, int(rng, 4, 12))}.`, int(rng, 1, 4))
  if (flags.mid) plant(`${cap(clause(st, int(rng, 3, 8)))} the ceasefire ${clause(st, int(rng, 3, 8))}.`, int(rng, 1, 3))
  if (flags.phrase) plant(`Delegates at the climate summit in ${pick(rng, places)} ${clause(st, int(rng, 4, 10))}.`, int(rng, 1, 2))
  else if (flags.climate) plant(`${cap(clause(st, int(rng, 3, 8)))} climate ${clause(st, int(rng, 3, 8))}.`, int(rng, 1, 2))
  if (flags.rare) plant(`A zeppelin ${clause(st, int(rng, 5, 10))}.`, 1)

  // Tags and highlights (quotes taken from the text, as a reader would select them).
  const tags = chance(rng, TAGGED_SHARE) ? [...new Set(Array.from({ length: int(rng, 1, 3) }, () => zipfPick(rng, TAGS)))] : []
  const highlights: GeneratedHighlight[] = []
  if (chance(rng, HIGHLIGHTED_SHARE)) {
    const n = int(rng, 1, 5)
    for (let i = 0; i < n; i++) {
      const p = pick(rng, paragraphs)
      const s = pick(rng, p)
      const ws = s.split(' ')
      const len = Math.min(ws.length, int(rng, 5, 25))
      const from = int(rng, 0, ws.length - len)
      const quote = ws.slice(from, from + len).join(' ')
      if (quote.length < 12) continue
      highlights.push({
        quote,
        color: pick(rng, ['yellow', 'yellow', 'yellow', 'green', 'blue', 'pink']),
        ...(chance(rng, 0.3) ? { note: cap(clause(st, int(rng, 4, 14))) + '.' } : {}),
        ...(chance(rng, 0.3) ? { tags: [zipfPick(rng, TAGS)] } : {})
      })
    }
  }

  const url = `https://www.${outlet.domain}/${outlet.section}/${publishedAt.slice(0, 10).replace(/-/g, '/')}/${slug(title)}-${index}`
  const render: RenderInput = { rng, outlet, url, title, standfirst, byline, author, publishedAt, published, paragraphs, places, tags }
  const body = bodyBlocks(rng, paragraphs, places)
  return { article: { index, url, title, outlet: outlet.name, publishedAt, words, tags, highlights, flags, byline, standfirst, body, quotes }, render }
}

interface RenderInput {
  rng: Rng
  outlet: (typeof OUTLETS)[number]
  url: string
  title: string
  standfirst: string
  byline: string
  author: string
  publishedAt: string
  published: Date
  paragraphs: string[][]
  places: string[]
  tags: string[]
}

const NAV = ['Home', 'World', 'Politics', 'Business', 'Science', 'Environment', 'Health', 'Sport', 'Culture', 'Opinion', 'Video', 'Podcasts']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** The body's blocks, drawing from the stream in the order the page has always been written. */
function bodyBlocks(rng: Rng, paragraphs: string[][], places: string[]): BodyBlock[] {
  const out: BodyBlock[] = []
  paragraphs.forEach((p, i) => {
    if (i > 0 && i % 7 === 0) out.push({ kind: 'h2', text: headline(rng, places) })
    out.push({ kind: 'p', text: p.join(' ') })
    if (i === 2) out.push({ kind: 'ad', slot: int(rng, 100000, 999999) })
    if (i === 5) out.push({ kind: 'related', headline: headline(rng, places) })
    if (i > 0 && i % 11 === 0) {
      const image = pick(rng, IMAGES)
      const alt = headline(rng, places)
      const caption = `${cap(clause({ rng, people: [], mentioned: new Set(), places }, int(rng, 6, 14)))}. Photograph: ${pick(rng, FIRST)} ${pick(rng, LAST)}/Agency`
      out.push({ kind: 'figure', image, alt, caption })
    }
  })
  return out
}

function renderPage(r: RenderInput, blocks: BodyBlock[]): string {
  const { rng, outlet } = r
  const home = `https://www.${outlet.domain}`
  const human = `${r.published.getUTCDate()} ${MONTHS[r.published.getUTCMonth()]} ${r.published.getUTCFullYear()}`
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: r.title,
    description: r.standfirst,
    datePublished: r.publishedAt,
    dateModified: r.publishedAt,
    author: r.byline.split(' and ').map((name) => ({ '@type': 'Person', name, url: `${home}/profile/${slug(name)}` })),
    publisher: { '@type': 'Organization', name: outlet.name, logo: { '@type': 'ImageObject', url: `${home}/logo.png` } },
    mainEntityOfPage: { '@type': 'WebPage', '@id': r.url },
    image: [`${home}/images/${slug(r.title)}.jpg`],
    isAccessibleForFree: true
  }
  const ad = (kind: string, slot = int(rng, 100000, 999999)) =>
    `<div class="ad ad-${kind}" data-ad-slot="${slot}" aria-hidden="true"><span class="ad-label">Advertisement</span><div class="ad-frame" style="min-height:250px"></div></div>`
  const body = blocks.map((b) => {
    switch (b.kind) {
      case 'p':
        return `<p>${esc(b.text)}</p>`
      case 'h2':
        return `<h2>${esc(b.text)}</h2>`
      case 'ad':
        return ad('inline', b.slot)
      case 'related':
        return `<aside class="related-inline"><span>Read more</span> <a href="${home}/${outlet.section}/${slug(b.headline)}">${esc(b.headline)}</a></aside>`
      case 'figure':
        return `<figure class="inline-image"><img src="${b.image}" alt="${esc(b.alt)}" width="640" height="360" loading="lazy"><figcaption>${esc(b.caption)}</figcaption></figure>`
    }
  })
  const popular = Array.from({ length: 10 }, (_x, i) => {
    const h = headline(rng, r.places)
    return `<li><span class="rank">${i + 1}</span><a href="${home}/${pick(rng, NAV).toLowerCase()}/${slug(h)}">${esc(h)}</a></li>`
  }).join('')
  const share = encodeURIComponent(r.url)
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${esc(r.title)} | ${esc(outlet.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${esc(r.standfirst)}">
<meta name="author" content="${esc(r.byline)}">
<link rel="canonical" href="${r.url}">
<meta property="og:type" content="article">
<meta property="og:title" content="${esc(r.title)}">
<meta property="og:description" content="${esc(r.standfirst)}">
<meta property="og:url" content="${r.url}">
<meta property="og:site_name" content="${esc(outlet.name)}">
<meta property="og:image" content="${home}/images/${slug(r.title)}.jpg">
<meta property="article:published_time" content="${r.publishedAt}">
<meta property="article:section" content="${outlet.section}">
${r.tags.map((t) => `<meta property="article:tag" content="${esc(t)}">`).join('\n')}
<meta name="twitter:card" content="summary_large_image">
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<link rel="stylesheet" href="${home}/static/css/main.${int(rng, 1000, 9999)}.css">
<style>.ad{background:#f4f4f4;text-align:center}.cookie-banner{position:fixed;bottom:0}</style>
<script>window.dataLayer=window.dataLayer||[];window.dataLayer.push({section:"${outlet.section}",pageType:"article"});</script>
<script async src="${home}/static/js/analytics.js"></script>
</head>
<body class="article-page">
<a class="skip-link" href="#main">Skip to main content</a>
<div class="cookie-banner" role="dialog">We use cookies to improve your experience and to show you personalised advertising. <a href="${home}/cookies">Cookie policy</a> <button>Accept all</button> <button>Manage preferences</button></div>
<header class="site-header">
<div class="masthead"><a class="logo" href="${home}/">${esc(outlet.name)}</a> <a class="subscribe" href="${home}/subscribe">Subscribe</a> <a class="login" href="${home}/login">Sign in</a></div>
<nav class="main-nav" aria-label="Sections"><ul>${NAV.map((n) => `<li><a href="${home}/${n.toLowerCase()}">${n}</a></li>`).join('')}</ul></nav>
<form class="site-search" action="${home}/search"><input type="search" name="q" placeholder="Search"><button>Search</button></form>
</header>
${ad('leaderboard')}
<main id="main">
<div class="breadcrumbs"><a href="${home}/">Home</a> › <a href="${home}/${outlet.section}">${cap(outlet.section)}</a></div>
<article class="story">
<header class="story-header">
<p class="kicker">${cap(outlet.section)}</p>
<h1 class="headline">${esc(r.title)}</h1>
<p class="standfirst">${esc(r.standfirst)}</p>
<div class="byline">By <a rel="author" href="${home}/profile/${slug(r.author)}">${esc(r.byline)}</a> · <time datetime="${r.publishedAt}">${human}</time></div>
<div class="share-tools"><a class="share-x" href="https://twitter.com/intent/tweet?url=${share}">Share on X</a> <a class="share-fb" href="https://www.facebook.com/sharer/sharer.php?u=${share}">Share on Facebook</a> <a class="share-mail" href="mailto:?subject=${encodeURIComponent(r.title)}&amp;body=${share}">Email</a> <button class="copy-link">Copy link</button></div>
</header>
<figure class="lead-image"><img src="${pick(rng, IMAGES)}" alt="${esc(r.title)}" width="1200" height="675"><figcaption>${esc(r.standfirst.slice(0, 80))} Photograph: Agency</figcaption></figure>
<div class="article-body">
${body.join('\n')}
</div>
<div class="story-footer"><p class="topics">Topics: ${[outlet.section, ...r.tags].map((t) => `<a href="${home}/topic/${slug(t)}">${esc(t)}</a>`).join(', ')}</p>
<div class="share-tools"><a href="https://twitter.com/intent/tweet?url=${share}">Share</a> <a href="${home}/corrections">Report an error</a></div></div>
</article>
<aside class="most-popular"><h2>Most popular</h2><ol>${popular}</ol></aside>
<section class="newsletter"><h2>Sign up to the morning briefing</h2><p>Our editors' pick of the day's news, free to your inbox every morning.</p><form action="${home}/newsletter"><input type="email" placeholder="Email address"><button>Sign up</button></form></section>
${ad('mpu')}
</main>
<footer class="site-footer">
<nav><a href="${home}/about">About us</a> <a href="${home}/contact">Contact</a> <a href="${home}/terms">Terms of service</a> <a href="${home}/privacy">Privacy policy</a> <a href="${home}/advertise">Advertise with us</a> <a href="${home}/jobs">Work for us</a></nav>
<p>© ${r.published.getUTCFullYear()} ${esc(outlet.name)}. All rights reserved.</p>
</footer>
<script>(function(){var s=document.createElement('script');s.src='${home}/static/js/ads.js';document.body.appendChild(s)})();</script>
</body>
</html>`
}
