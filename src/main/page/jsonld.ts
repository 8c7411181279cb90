/**
 * The article's JSON-LD (what publishers feed search engines): found among every
 * ld+json block of the page, through arrays, @graph and mainEntity, with @id references
 * resolved.
 */
import type { Dom } from './dom'
import { clean } from './strings'

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


export interface LdHit {
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
export function ldTitle(hit: LdHit | null, pageTitle: string): string | null {
  const headline = clean(str(hit?.node.headline))
  const name = clean(str(hit?.node.name))
  if (headline && name && headline !== name) {
    const t = pageTitle.toLowerCase()
    if (t.trim().startsWith(name.toLowerCase()) && !t.includes(headline.toLowerCase())) return name
  }
  return headline ?? name
}

export const str = (v: unknown): string | null => {
  if (typeof v === 'string') return v
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0]
  return null
}

/** The `name` of a string, object or @id reference. */
export function ldName(hit: LdHit | null, v: unknown): string | null {
  if (!hit || !v) return null
  if (typeof v === 'string') return v
  if (Array.isArray(v)) return ldName(hit, v[0])
  if (typeof v !== 'object') return null
  const obj = v as Json
  const resolved = !obj.name && typeof obj['@id'] === 'string' ? hit.byId.get(obj['@id']) ?? obj : obj
  return str(resolved.name)
}

/** A person or organisation named in JSON-LD (author, creator, publisher). */
export interface LdAgent {
  name: string
  /** 'Person', 'Organization'… as declared; null when the page says nothing. */
  type: string | null
}

/** Everyone the article's JSON-LD credits as author (or creator), in order, @id references resolved. */
export function ldAuthors(hit: LdHit | null): LdAgent[] {
  if (!hit) return []
  const raw = hit.node.author ?? hit.node.creator
  const list = Array.isArray(raw) ? raw : raw ? [raw] : []
  const out: LdAgent[] = []
  for (const a of list) {
    const resolved = resolve(hit, a)
    const name = typeof a === 'string' ? a : str(resolved?.name)
    if (name?.trim()) out.push({ name: name.trim(), type: resolved ? (types(resolved)[0] ?? null) : null })
  }
  return out
}

/** The publisher's name (a string, an object or an @id reference). */
export const ldPublisher = (hit: LdHit | null): string | null => ldName(hit, hit?.node.publisher)

function resolve(hit: LdHit, v: unknown): Json | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null
  const obj = v as Json
  return !obj.name && typeof obj['@id'] === 'string' ? (hit.byId.get(obj['@id']) ?? obj) : obj
}
