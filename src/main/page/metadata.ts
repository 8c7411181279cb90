/**
 * Article metadata read from the page's own declarations, most trustworthy first:
 * JSON-LD (what publishers feed search engines), OpenGraph / article:* tags, classic
 * <meta> names, <time> elements and <link rel=canonical>. Readability's guesses are only
 * the last fallback (applied in extract.ts).
 */
import type { ArticleMetadata } from '../../shared/types'
import type { Dom } from './dom'

/** What the page's metadata says; the title may be missing (the extractor falls back). */
export interface PageMetadata extends Omit<ArticleMetadata, 'title'> {
  title: string | null
  /** Every description the page declares (meta, OpenGraph, Twitter, JSON-LD): to recognise a printed standfirst. */
  descriptions: string[]
  /** The article's text from its JSON-LD `articleBody` (tags stripped), when given. */
  articleBody: string | null
}

type Json = Record<string, unknown>

const ARTICLE_TYPES = new Set([
  'Article',
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'LiveBlogPosting',
  'BlogPosting',
  'SocialMediaPosting',
  'TechArticle',
  'ScholarlyArticle',
  'Report'
])

export function readMetadata(doc: Dom, pageUrl: string | null): PageMetadata {
  const ld = findJsonLdArticle(doc)
  const meta = metaIndex(doc)
  const pick = (...names: string[]): string | null => {
    for (const n of names) {
      const v = meta.get(n)
      if (v) return v
    }
    return null
  }
  return {
    title: ldTitle(ld, doc.title) ?? pick('dc.title', 'dcterms.title', 'og:title', 'twitter:title'),
    byline: cleanByline(
      ldAuthors(ld) ??
        metaAuthor(pick('dc.creator', 'dcterms.creator', 'author', 'parsely-author', 'sailthru.author', 'byl', 'article:author'))
    ),
    site: clean(ldName(ld, ld?.node.publisher)) ?? pick('og:site_name', 'application-name', 'al:ios:app_name'),
    publishedAt:
      firstDate(
        str(ld?.node.datePublished),
        str(ld?.node.dateCreated),
        pick('article:published_time', 'og:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued',
          'dcterms.created', 'dcterms.date', 'parsely-pub-date', 'sailthru.date', 'pubdate', 'publishdate', 'publish-date',
          'timestamp', 'article.published', 'published_time', 'cxenseparse:recs:publishtime')
      ) ?? timeElementDate(doc),
    modifiedAt: firstDate(
      str(ld?.node.dateModified),
      pick('article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified', 'article.updated')
    ),
    language: normaliseLang(
      doc.documentElement?.getAttribute('lang') ?? str(ld?.node.inLanguage) ?? pick('og:locale', 'content-language', 'dc.language', 'language')
    ),
    excerpt:
      clean(str(ld?.node.description)) ??
      pick('dc.description', 'dcterms.description', 'og:description', 'description', 'twitter:description'),
    canonicalUrl: canonical(doc, pageUrl, pick('og:url'), ld?.node),
    descriptions: [...new Set([str(ld?.node.description), ...['description', 'og:description', 'twitter:description', 'dc.description'].map((n) => meta.get(n) ?? null)]
      .map((d) => clean(d))
      .filter((d): d is string => !!d))],
    articleBody: plainText(str(ld?.node.articleBody))
  }
}

/** JSON-LD text fields sometimes hold HTML: its text, tags and entities gone. */
function plainText(v: string | null): string | null {
  if (!v) return null
  const text = /<[a-z][^>]*>/i.test(v) ? v.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|&#160;/g, ' ').replace(/&amp;/g, '&').replace(/&[a-z]+;|&#\d+;/g, ' ') : v
  return clean(text)
}

// ---------------------------------------------------------------- JSON-LD

interface LdHit {
  node: Json
  /** Every node of the page's JSON-LD by @id, to resolve references like {"@id": "#author"}. */
  byId: Map<string, Json>
}

export function findJsonLdArticle(doc: Dom): LdHit | null {
  const nodes: Json[] = []
  for (const script of doc.querySelectorAll('script[type="application/ld+json" i]')) {
    const parsed = parseJsonLd(script.textContent ?? '')
    if (parsed !== undefined) flatten(parsed, nodes)
  }
  const byId = new Map<string, Json>()
  for (const n of nodes) if (typeof n['@id'] === 'string') byId.set(n['@id'], n)
  const node = nodes.find((n) => types(n).some((t) => ARTICLE_TYPES.has(t)))
  return node ? { node, byId } : null
}

function parseJsonLd(text: string): unknown {
  // Publishers wrap JSON-LD in CDATA or comments and leave trailing semicolons.
  const body = text
    .replace(/^\s*(?:<!\[CDATA\[|<!--)/, '')
    .replace(/(?:\]\]>|-->)\s*$/, '')
    .trim()
    .replace(/;\s*$/, '')
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}

/** Collects objects from arrays, @graph and mainEntity, so nested articles are found too. */
function flatten(value: unknown, out: Json[], depth = 0): void {
  if (depth > 5 || value === null || typeof value !== 'object') return
  if (Array.isArray(value)) {
    for (const v of value) flatten(v, out, depth + 1)
    return
  }
  const obj = value as Json
  out.push(obj)
  if (obj['@graph']) flatten(obj['@graph'], out, depth + 1)
  if (obj.mainEntity && typeof obj.mainEntity === 'object') flatten(obj.mainEntity, out, depth + 1)
}

function types(n: Json): string[] {
  const t = n['@type']
  const list = Array.isArray(t) ? t : [t]
  // Types may be written as full IRIs ("http://schema.org/NewsArticle").
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//, ''))
}

/**
 * headline, or name: some publishers (Wikipedia) put a description in `headline` and the
 * title in `name`, so `name` wins when the page's <title> starts with it and lacks the headline.
 */
function ldTitle(hit: LdHit | null, pageTitle: string): string | null {
  const headline = clean(str(hit?.node.headline))
  const name = clean(str(hit?.node.name))
  if (headline && name && headline !== name) {
    const t = pageTitle.toLowerCase()
    if (t.trim().startsWith(name.toLowerCase()) && !t.includes(headline.toLowerCase())) return name
  }
  return headline ?? name
}

const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0]
  return null
}

/** The `name` of a string, object or @id reference. */
function ldName(hit: LdHit | null, v: unknown): string | null {
  if (!hit || !v) return null
  if (typeof v === 'string') return v
  if (Array.isArray(v)) return ldName(hit, v[0])
  if (typeof v !== 'object') return null
  const obj = v as Json
  const resolved = !obj.name && typeof obj['@id'] === 'string' ? hit.byId.get(obj['@id']) ?? obj : obj
  return str(resolved.name)
}

function ldAuthors(hit: LdHit | null): string | null {
  if (!hit) return null
  const raw = hit.node.author ?? hit.node.creator
  const list = Array.isArray(raw) ? raw : raw ? [raw] : []
  const names = list
    .map((a) => ldName(hit, a)?.trim())
    .filter((n): n is string => !!n && !isUrl(n))
  return names.length ? [...new Set(names)].join(', ') : null
}

// ---------------------------------------------------------------- <meta>

/** name/property/itemprop (lower case) → first non-empty content. */
function metaIndex(doc: Dom): Map<string, string> {
  const index = new Map<string, string>()
  for (const m of doc.querySelectorAll('meta')) {
    const content = clean(m.getAttribute('content'))
    if (!content) continue
    // property="og:title twitter:title" is legal: several names on one tag.
    const keys = [m.getAttribute('property'), m.getAttribute('name'), m.getAttribute('itemprop'), m.getAttribute('http-equiv')]
      .flatMap((k) => (k ?? '').toLowerCase().split(/\s+/))
      .filter(Boolean)
    for (const k of keys.map(metaKey)) if (!index.has(k)) index.set(k, content)
  }
  return index
}

/** `dc:title`, `DC.title` and `dcterm:title` are one name. */
const metaKey = (k: string): string => k.replace(/^(dc|dcterms?)\s*[:.]\s*/, (_m, p: string) => (p === 'dc' ? 'dc.' : 'dcterms.'))

/** article:author is often a profile URL; that is no byline. */
const metaAuthor = (v: string | null): string | null => (v && !isUrl(v) ? v : null)

const isUrl = (s: string): boolean => /^(https?:)?\/\//i.test(s.trim())

// ---------------------------------------------------------------- dates

function firstDate(...values: (string | null)[]): string | null {
  for (const v of values) {
    const d = normaliseDate(v)
    if (d) return d
  }
  return null
}

/**
 * A date as ISO 8601 in UTC (`2024-03-11T08:15:00.000Z`), or null. Times without a zone
 * are read as UTC so the result never depends on the machine's time zone.
 */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null
  const s = value.trim()
  const ms = /^\d{10}(\d{3})?$/.test(s) ? (s.length === 10 ? Number(s) * 1000 : Number(s)) : (parseIsoish(s) ?? parseLoose(s))
  if (ms === null || !Number.isFinite(ms)) return null
  const year = new Date(ms).getUTCFullYear()
  if (year < 1800 || year > 2200) return null
  return new Date(ms).toISOString()
}

function parseIsoish(s: string): number | null {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i.exec(s)
  if (!m) return null
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '0', zone] = m
  const ms = Number(frac.slice(0, 3).padEnd(3, '0'))
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const check = new Date(0)
  check.setUTCFullYear(+y, +mo - 1, +d)
  check.setUTCHours(+h, +mi, +sec, ms)
  const utc = check.getTime()
  if (check.getUTCMonth() !== +mo - 1 || check.getUTCDate() !== +d || +h > 23) return null
  return utc - zoneOffsetMinutes(zone) * 60_000
}

function zoneOffsetMinutes(zone: string | undefined): number {
  if (!zone || /^(Z|UTC|GMT)$/i.test(zone)) return 0
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)
  if (!m) return 0
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0)
  return m[1] === '-' ? -minutes : minutes
}

/** RFC 2822 and "March 9, 2017"-style dates, via Date.parse pinned to UTC when zoneless. */
function parseLoose(s: string): number | null {
  if (!/[a-z]/i.test(s) || !/\d{4}/.test(s)) return null
  const hasZone = /(\b(GMT|UTC|Z)\b|[+-]\d{2}:?\d{2}\b|\b[ECMP][SD]T\b)/.test(s)
  const ms = Date.parse(hasZone ? s : `${s} UTC`)
  return Number.isNaN(ms) ? null : ms
}

/** <time datetime> in the article (a pubdate/itemprop one first), else the first on the page. */
function timeElementDate(doc: Dom): string | null {
  const candidates = [
    ...doc.querySelectorAll('time[pubdate], time[itemprop~="datePublished"], [itemprop~="datePublished"][datetime]'),
    ...doc.querySelectorAll('article time[datetime], main time[datetime]'),
    ...doc.querySelectorAll('time[datetime]')
  ]
  for (const el of candidates) {
    const d = normaliseDate(el.getAttribute('datetime') ?? el.getAttribute('content'))
    if (d) return d
  }
  return null
}

// ---------------------------------------------------------------- bylines, titles, urls

/** "By Jane Doe and John Roe | Updated 3 May 2024" → "Jane Doe and John Roe". */
export function cleanByline(raw: string | null | undefined): string | null {
  let s = clean(raw)
  if (!s) return null
  s = s.replace(/^(?:written\s+)?(?:by|von|par|por|door|di|av)\s*[:\-–—]?\s+/i, '')
  s = s.replace(/^by:\s*/i, '')
  // Cut at the first sign of a date, an update note or a separator: what follows is not a name.
  s = s.split(/\s*(?:\||•|·|\s[-–—]\s)\s*/)[0]
  s = s.replace(/[,;]?\s*\b(?:updated|published|posted|last\s+modified|on)\b.*$/i, '')
  s = s.replace(/[,;]?\s*(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b).*$/i, '')
  // ", Staff Writer" / ", Political Editor": a job title, not part of the name.
  s = s.replace(/,\s*(?:[\p{L}-]+\s+){0,2}(?:writer|reporter|correspondent|editor|columnist|contributor)s?\b.*$/iu, '')
  s = s.replace(/[,;:\s]+$/, '').trim()
  if (!s || s.length > 150 || isUrl(s)) return null
  return s
}

/** Collapses whitespace; empty → null. */
export function clean(v: string | null | undefined): string | null {
  if (typeof v !== 'string') return null
  const s = v.replace(/\s+/g, ' ').trim()
  return s || null
}

/**
 * Removes " | Site" / " - Site" (or "Site | ") from a title when that part names the site:
 * the site is stored separately, and the suffix clutters lists and search results. A title
 * that is a page heading plus a separated tail loses the tail even when the site is unknown.
 */
export function stripSiteFromTitle(title: string, site: string | null, host: string | null, headings: string[] = []): string {
  const byHeading = headings.find((h) => h.length >= 10 && title.startsWith(h) && /^\s+[|\-–—·•»]\s+\S/.test(title.slice(h.length)))
  // The page's own headline is the title with its decoration removed, whatever the site is called.
  if (byHeading) return byHeading
  const names = [site, host?.replace(/^www\./, ''), host?.replace(/^www\./, '').split('.')[0]]
    .filter((n): n is string => !!n)
    .map(simplify)
  const sep = /\s+[|\-–—·•»]\s+|\s+::\s+/g
  const parts = title.split(sep)
  if (parts.length < 2 || names.length === 0) return title
  const seps = title.match(sep) ?? []
  const matches = (p: string): boolean => names.some((n) => n.length > 1 && (simplify(p) === n || simplify(p).replace(/^the/, '') === n.replace(/^the/, '')))
  if (matches(parts[parts.length - 1])) return join(parts.slice(0, -1), seps)
  if (matches(parts[0])) return join(parts.slice(1), seps.slice(1))
  return title
}

const simplify = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')

function join(parts: string[], seps: string[]): string {
  return parts.reduce((acc, p, i) => (i === 0 ? p : acc + seps[i - 1] + p), '')
}

function normaliseLang(v: string | null | undefined): string | null {
  const s = clean(v)
  if (!s || !/^[a-z]{2,3}([_-][a-z0-9]{2,8})*$/i.test(s)) return null
  return s.replace(/_/g, '-')
}

function canonical(doc: Dom, pageUrl: string | null, ogUrl: string | null, ld: Json | undefined): string | null {
  const link = doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href')
  const ldUrl = str(ld?.url) ?? str((ld?.mainEntityOfPage as Json | undefined)?.['@id']) ?? str(ld?.mainEntityOfPage)
  for (const candidate of [link, ogUrl, ldUrl]) {
    const abs = absoluteHttp(candidate, pageUrl)
    if (abs) return abs
  }
  return null
}

export function absoluteHttp(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null
  try {
    const u = base ? new URL(href.trim(), base) : new URL(href.trim())
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null
  } catch {
    return null
  }
}
