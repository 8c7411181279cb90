/**
 * The standfirst (dek): the sentence or two printed under the headline. It is part of the
 * article as a reader sees it, but it usually sits in the page's header, outside the
 * element Readability picks. Found before Readability runs (which rewrites the page) by its
 * place — shortly after the headline — and either its name (dek, standfirst, subtitle…) or
 * its likeness to the page's own description; added back in front of the body when missing.
 * A description that is only in the metadata, never printed, is not a standfirst.
 */
import { nameMatcher, namesOf, textOf } from './signals'
import type { Dom, DomElement } from './dom'
import { bagOf, overlap } from '../../shared/word-bags'

const DEK_NAMES = nameMatcher('dek|deck|standfirst|sub-?title|sub-?head(?:line)?|strapline|summary|article-?desc(?:ription)?|description|excerpt|lede|lead|intro|chapo|chapeau|perex|bajada|teaser')
const CANDIDATE_TAGS = /^(P|H2|H3|H4|DIV|SPAN|SECTION)$/
/** How far past the headline (in elements, document order) a standfirst may sit. */
const WINDOW = 80
const MIN_CHARS = 30
const MAX_CHARS = 500

/** The standfirst's text, or null. `descriptions`: the page's description metadata (any may be absent). */
export function findStandfirst(doc: Dom, headline: string | null, descriptions: (string | null)[]): string | null {
  const all = [...(doc.body?.querySelectorAll('*') ?? [])]
  const start = headlineIndex(all, headline)
  if (start < 0) return null
  const wanted = descriptions.filter((d): d is string => !!d && d.length >= MIN_CHARS).map(words)
  for (let i = start + 1; i < Math.min(all.length, start + WINDOW); i++) {
    const el = all[i]
    if (el.tagName === 'H1') break
    if (!CANDIDATE_TAGS.test(el.tagName) || !isLeafBlock(el) || el.closest('figure, figcaption, nav, aside, a, button, ul, ol')) continue
    const text = textOf(el)
    if (text.length < MIN_CHARS) continue
    // The body has begun: a long paragraph that is not the standfirst.
    if (text.length > MAX_CHARS) break
    const named = DEK_NAMES.test(namesOf(el)) || DEK_NAMES.test(namesOf(el.parentNode as DomElement))
    if (named || wanted.some((w) => similarity(words(text), w) >= 0.7)) return text
  }
  return null
}

/** Index of the headline's <h1> in document order: the one matching the title, else the first. */
function headlineIndex(all: DomElement[], headline: string | null): number {
  const h1s = all.map((el, i) => [el, i] as const).filter(([el]) => el.tagName === 'H1')
  if (h1s.length === 0) return -1
  const title = headline ? words(headline) : null
  const match = title ? h1s.find(([el]) => similarity(words(textOf(el)), title) >= 0.6) : undefined
  return (match ?? h1s[0])[1]
}

/** A block whose text is its own: no block-level element inside it. */
function isLeafBlock(el: DomElement): boolean {
  return !el.querySelector('p, div, h1, h2, h3, h4, ul, ol, li, section, article, img, figure, table, blockquote')
}

const words = (s: string): Map<string, number> => bagOf(s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])

/** Token F1 of two bags of words. */
export function similarity(a: Map<string, number>, b: Map<string, number>): number {
  const { common, sizeA, sizeB } = overlap(a, b)
  return sizeA + sizeB === 0 ? 0 : (2 * common) / (sizeA + sizeB)
}

/** Puts the standfirst in front of the article unless its text is already there. */
export function addStandfirst(content: DomElement, standfirst: string | null, create: (tag: string) => DomElement): void {
  if (!standfirst) return
  const flat = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
  if (flat(textOf(content)).includes(flat(standfirst))) return
  const p = create('p')
  p.append(standfirst)
  const first = content.firstChild
  // Readability wraps the article in one <div>: the standfirst goes inside it, at the top.
  const host = first && (first as DomElement).tagName === 'DIV' && content.childNodes.length === 1 ? (first as DomElement) : content
  host.prepend(p)
}
