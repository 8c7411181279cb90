/**
 * Article metadata read from the page's own declarations, most trustworthy first:
 * JSON-LD (what publishers feed search engines), OpenGraph / article:* tags, classic
 * <meta> names, <time> elements and <link rel=canonical>. Readability's guesses are only
 * the last fallback (applied in extract.ts).
 */
import type { Dom } from './dom'
import { clean } from './strings'
import { findJsonLdArticle, ldAuthors, ldPublisher, ldTitle, str, type LdAgent } from './jsonld'
import { copyrightHolder, type OutletSources } from './outlet'

type Json = Record<string, unknown>

export { clean } from './strings'
export { cleanByline } from './people'

/**
 * What the page's metadata says. Credits, outlet and language are gathered as their sources
 * (people.ts, outlet.ts and language.ts decide, with the article's text at hand).
 */
export interface PageMetadata {
  /** The headline as declared, most trustworthy first (JSON-LD, microdata, Dublin Core, OpenGraph, Twitter). */
  titles: string[]
  canonicalUrl: string | null
  /** As declared for publication: JSON-LD datePublished, microdata, article:published_time and kin. */
  publishedAt: string | null
  /** Weaker evidence, used when nothing better is printed: JSON-LD dateCreated, the page's <time> elements. */
  publishedGuess: string | null
  modifiedAt: string | null
  excerpt: string | null
  /** Every description the page declares (meta, OpenGraph, Twitter, JSON-LD): to recognise a printed standfirst. */
  descriptions: string[]
  /** The article's text from its JSON-LD `articleBody` (tags stripped), when given. */
  articleBody: string | null
  /** `<html lang>`, JSON-LD inLanguage, og:locale… */
  declaredLanguage: string | null
  /** `dir` on <html> or <body>. */
  declaredDir: string | null
  /** JSON-LD authors, with their declared types. */
  ldAuthors: LdAgent[]
  /** Every author meta tag's value, repeated tags included (one tag per author is common). */
  metaAuthors: string[]
  outlet: Omit<OutletSources, 'headline' | 'url'>
}

export function readMetadata(doc: Dom, pageUrl: string | null): PageMetadata {
  const ld = findJsonLdArticle(doc)
  const meta = metaIndex(doc)
  const pick = (...names: string[]): string | null => {
    for (const n of names) {
      const v = meta.get(n)?.[0]
      if (v) return v
    }
    return null
  }
  return {
    titles: [ldTitle(ld, doc.title), clean(doc.querySelector('[itemprop~="headline" i]:not(meta)')?.textContent), pick('dc.title'), pick('dcterms.title'), pick('og:title'), pick('twitter:title')]
      .filter((t): t is string => !!t),
    publishedAt: firstDate(
      str(ld?.node.datePublished),
      pick('article:published_time', 'og:published_time', 'datepublished', 'date', 'dc.date', 'dc.date.issued',
        'dcterms.created', 'dcterms.date', 'parsely-pub-date', 'sailthru.date', 'pubdate', 'publishdate', 'publish-date',
        'timestamp', 'article.published', 'published_time', 'cxenseparse:recs:publishtime')
    ),
    publishedGuess: firstDate(str(ld?.node.dateCreated)) ?? timeElementDate(doc),
    modifiedAt: firstDate(
      str(ld?.node.dateModified),
      pick('article:modified_time', 'og:updated_time', 'datemodified', 'dcterms.modified', 'last-modified', 'article.updated')
    ),
    declaredLanguage: normaliseLang(
      doc.documentElement?.getAttribute('lang') ?? str(ld?.node.inLanguage) ?? pick('og:locale', 'content-language', 'dc.language', 'language')
    ),
    declaredDir: doc.documentElement?.getAttribute('dir') ?? doc.body?.getAttribute('dir') ?? null,
    excerpt:
      clean(str(ld?.node.description)) ??
      pick('dc.description', 'dcterms.description', 'og:description', 'description', 'twitter:description'),
    canonicalUrl: canonical(doc, pageUrl, pick('og:url'), ld?.node),
    descriptions: [...new Set([str(ld?.node.description), ...['description', 'og:description', 'twitter:description', 'dc.description'].map((n) => meta.get(n)?.[0] ?? null)]
      .map((d) => clean(d))
      .filter((d): d is string => !!d))],
    articleBody: plainText(str(ld?.node.articleBody)),
    ldAuthors: ldAuthors(ld),
    metaAuthors: ['dc.creator', 'dcterms.creator', 'author', 'parsely-author', 'sailthru.author', 'byl', 'article:author', 'citation_author']
      .flatMap((n) => meta.get(n) ?? [])
      .filter((v) => !isUrl(v)),
    outlet: {
      publisher: clean(ldPublisher(ld)),
      siteName: pick('og:site_name'),
      appName: pick('application-name', 'apple-mobile-web-app-title', 'al:ios:app_name'),
      pageTitle: clean(doc.title),
      copyright: copyrightHolder(pick('copyright', 'dc.rights', 'dcterms.rights') ?? footerCopyright(doc))
    }
  }
}

/** The copyright line of the page's footer, if it has one. */
function footerCopyright(doc: Dom): string | null {
  for (const el of doc.querySelectorAll('footer, [class*="footer" i], [id*="footer" i], [class*="copyright" i]')) {
    const m = /(?:©|\(c\)|copyright)[^\n]{0,80}/i.exec(el.textContent ?? '')
    if (m) return m[0]
  }
  return null
}

/** JSON-LD text fields sometimes hold HTML: its text, tags and entities gone. */
function plainText(v: string | null): string | null {
  if (!v) return null
  const text = /<[a-z][^>]*>/i.test(v) ? v.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|&#160;/g, ' ').replace(/&amp;/g, '&').replace(/&[a-z]+;|&#\d+;/g, ' ') : v
  return clean(text)
}

// ---------------------------------------------------------------- <meta>

/** name/property/itemprop (lower case) → every non-empty content, in page order. */
function metaIndex(doc: Dom): Map<string, string[]> {
  const index = new Map<string, string[]>()
  for (const m of doc.querySelectorAll('meta')) {
    const content = clean(m.getAttribute('content'))
    if (!content) continue
    // property="og:title twitter:title" is legal: several names on one tag.
    const keys = [m.getAttribute('property'), m.getAttribute('name'), m.getAttribute('itemprop'), m.getAttribute('http-equiv')]
      .flatMap((k) => (k ?? '').toLowerCase().split(/\s+/))
      .filter(Boolean)
    for (const k of new Set(keys.map(metaKey))) {
      const values = index.get(k) ?? []
      if (!values.includes(content)) index.set(k, [...values, content])
    }
  }
  return index
}

/** `dc:title`, `DC.title` and `dcterm:title` are one name. */
const metaKey = (k: string): string => k.replace(/^(dc|dcterms?)\s*[:.]\s*/, (_m, p: string) => (p === 'dc' ? 'dc.' : 'dcterms.'))

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
  // In this order; each list is read only when the ones before it gave no date.
  const lists = [
    'time[pubdate], time[itemprop~="datePublished"], [itemprop~="datePublished"][datetime]',
    'article time[datetime], main time[datetime]',
    'time[datetime]'
  ]
  for (const selector of lists) {
    for (const el of doc.querySelectorAll(selector)) {
      const d = normaliseDate(el.getAttribute('datetime') ?? el.getAttribute('content'))
      if (d) return d
    }
  }
  return null
}

// ---------------------------------------------------------------- bylines, titles, urls



/**
 * Removes " | Site" / " - Site" (or "Site | ") from a title when that part names the site:
 * the site is stored separately, and the suffix clutters lists and search results. A title
 * that is a page heading plus a separated tail loses the tail even when the site is unknown.
 */
export function stripSiteFromTitle(title: string, site: string | null, host: string | null, headings: string[] = []): string {
  const byHeading = headings.find((h) => h.length >= 10 && title.startsWith(h) && /^\s+[|\-–—·•»_@]\s*\S/.test(title.slice(h.length)))
  // The page's own headline is the title with its decoration removed, whatever the site is called.
  if (byHeading) return byHeading
  const hostLabels = (host ?? '').replace(/^www\d?\./, '').split('.').slice(0, -1).filter((l) => l.length > 2)
  const names = [site, host?.replace(/^www\./, ''), ...hostLabels].filter((n): n is string => !!n).map(simplify)
  // " | ", " - ", " :: ", " @ ", and the " _" of Chinese portals ("…_探索者 _光明网").
  const sep = /\s+[|\-–—·•»@]\s+|\s+::\s*|\s+_\s*/g
  const trimmed = title.replace(/\s*(?:::|\||-)\s*$/, '')
  const parts = trimmed.split(sep)
  if (parts.length < 2 || names.length === 0) return title
  const seps = trimmed.match(sep) ?? []
  const matches = (p: string): boolean => {
    const flat = simplify(p)
    // A part equal to the site's name, or holding the host's name as a word ("痞客邦 PIXNET").
    return names.some((n) => n.length > 1 && (flat === n || flat.replace(/^the/, '') === n.replace(/^the/, ''))) ||
      (p.trim().split(/\s+/).length <= 3 && hostLabels.some((l) => l.length >= 5 && new RegExp(`(?:^|[^a-z0-9])${l}(?:$|[^a-z0-9])`, 'i').test(p)))
  }
  let end = parts.length
  while (end > 1 && matches(parts[end - 1])) end--
  // A section between the headline and the site ("… _探索者 _光明网", "… - Opinion - The Guardian") goes with it.
  if (end < parts.length && end > 1 && isSection(parts[end - 1])) end--
  if (end < parts.length) return join(parts.slice(0, end), seps)
  if (matches(parts[0])) return join(parts.slice(1), seps.slice(1))
  return title
}

/** A short title part that names a section, not a headline. */
const isSection = (part: string): boolean => {
  const p = part.trim()
  return /[\p{Script=Han}]/u.test(p) ? p.length <= 6 : p.split(/\s+/).length <= 2 && p.length <= 20
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
