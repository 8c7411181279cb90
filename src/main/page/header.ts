/**
 * What the article's header shows beside the headline: the byline and the date as printed.
 * Pages often declare neither in their metadata, or declare the wrong ones; and the first
 * "byline" on a page may belong to a teaser in the navigation. So the byline and the date
 * closest after the headline win, found by their names (byline, author, date, timestamp…)
 * and, for dates, read from what is printed ("March 18 at 3:57 PM", the year from the URL).
 */
import { nameMatcher, namesOf, textOf } from './signals'
import { normaliseDate } from './metadata'
import type { Dom, DomElement } from './dom'

const BYLINE_NAMES = nameMatcher('by-?line|bylines?|author|authors|author-?name|writer|article-?author|post-?author|contributor|c-byline')
const DATE_NAMES = nameMatcher('date|dates|datestamp|dateline|date-?time|time|timestamp|pub-?date|publish|published|publish-?date|posted|post-?date|article-?date')
/** How far after the headline (elements, document order) the header may reach. */
const WINDOW = 150
/** How far before the headline a printed date may sit. */
const BEFORE = 15

/** Elements in document order and where the headline (the h1 most like the title) is among them. */
export function headerScope(doc: Dom, headline: string | null): { all: DomElement[]; start: number } {
  const all = [...(doc.body?.querySelectorAll('*') ?? [])]
  const headings = all.map((el, i) => [el, i] as const).filter(([el]) => /^H[1-3]$/.test(el.tagName))
  const want = simplify(headline ?? '')
  const same = ([el]: readonly [DomElement, number]): boolean => {
    const got = simplify(textOf(el))
    return !!want && got.length > 3 && (got === want || want.startsWith(got))
  }
  // The heading that is the headline (an <h1> first); else the first <h1>.
  const match = headings.find((h) => h[0].tagName === 'H1' && same(h)) ?? headings.find(same) ?? headings.find(([el]) => el.tagName === 'H1')
  return { all, start: match?.[1] ?? -1 }
}

/** The byline printed nearest after the headline ("By Richard (R.J.) Eskow"), or null. */
export function visibleByline(doc: Dom, headline: string | null): string | null {
  const { all, start } = headerScope(doc, headline)
  if (start < 0) return null
  for (let i = start + 1; i < Math.min(all.length, start + WINDOW); i++) {
    const el = all[i]
    const text = textOf(el)
    if (!text || text.length > 120 || el.closest('nav, aside, footer')) continue
    const named = el.getAttribute('rel') === 'author' || /(?:^|\s)author(?:\s|$)/.test(el.getAttribute('itemprop') ?? '') || BYLINE_NAMES.test(namesOf(el))
    if (named) return text
  }
  return null
}

/** The publication date printed nearest after the headline, as ISO 8601 (UTC), or null. */
export function visibleDate(doc: Dom, headline: string | null, url: string | null): string | null {
  const { all, start } = headerScope(doc, headline)
  if (start < 0) return null
  const year = yearFromUrl(url)
  // After the headline first; then the few elements just before it (blogs print the date above the title).
  const after = Array.from({ length: Math.max(0, Math.min(all.length, start + WINDOW) - start - 1) }, (_, k) => start + 1 + k)
  const before = Array.from({ length: Math.min(start, BEFORE) }, (_, k) => start - 1 - k)
  for (const i of [...after, ...before]) {
    const el = all[i]
    if (el.closest('nav, aside, footer') || !(el.tagName === 'TIME' || DATE_NAMES.test(namesOf(el)))) continue
    const text = textOf(el)
    if (text.length > 100) continue
    const declared = ['datetime', 'content', 'title'].map((a) => normaliseDate(el.getAttribute(a))).find(Boolean)
    const date = declared ?? parsePrintedDate(text, year)
    if (date) return date
  }
  return null
}

const MONTHS: Record<string, number> = {}
const MONTH_NAMES = [
  ['jan', 'january', 'janvier', 'enero', 'januar', 'janeiro', 'gennaio', 'janv'],
  ['feb', 'february', 'février', 'fevrier', 'febrero', 'februar', 'fevereiro', 'febbraio', 'févr', 'fev'],
  ['mar', 'march', 'mars', 'marzo', 'märz', 'março'],
  ['apr', 'april', 'avril', 'abril', 'aprile', 'avr'],
  ['may', 'mai', 'mayo', 'maio', 'maggio'],
  ['jun', 'june', 'juin', 'junio', 'juni', 'junho', 'giugno'],
  ['jul', 'july', 'juillet', 'julio', 'juli', 'julho', 'luglio', 'juil'],
  ['aug', 'august', 'août', 'aout', 'agosto'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'setembro', 'settembre'],
  ['oct', 'october', 'octobre', 'octubre', 'oktober', 'outubro', 'ottobre'],
  ['nov', 'november', 'novembre', 'noviembre', 'novembro'],
  ['dec', 'december', 'décembre', 'decembre', 'diciembre', 'dezember', 'dezembro', 'dicembre', 'déc']
]
MONTH_NAMES.forEach((names, i) => names.forEach((n) => (MONTHS[n] = i)))

/**
 * A printed date: "March 13, 2015 9:00PM", "16 November 2017 • 2:15pm", "Dec 28 Sat 2013
 * 00:28", "March 18 at 3:57 PM" (the year from `year`). Read as UTC, like every zoneless
 * time here; null when there is no month, day and year.
 */
export function parsePrintedDate(text: string, year: number | null = null): string | null {
  const t = text.toLowerCase()
  const month = /\b(\p{L}{3,9})\.?(?=[\s,\d])/gu
  let m: RegExpExecArray | null
  while ((m = month.exec(t)) !== null) {
    const mo = MONTHS[m[1]]
    if (mo === undefined) continue
    const after = t.slice(m.index + m[0].length)
    const before = t.slice(0, m.index)
    const day = Number(/^\s*(\d{1,2})(?:st|nd|rd|th)?\b/.exec(after)?.[1] ?? /(\d{1,2})\.?\s*(?:de\s+)?$/.exec(before)?.[1] ?? NaN)
    const y = Number(/\b((?:19|20)\d{2})\b/.exec(t)?.[1] ?? year ?? NaN)
    if (!(day >= 1 && day <= 31) || !Number.isFinite(y)) continue
    const time = /\b(\d{1,2})[:h.](\d{2})\s*([ap])?\.?m?\.?/i.exec(after.replace(/^\s*\d{1,2}(?:st|nd|rd|th)?,?\s*(?:(?:19|20)\d{2})?/, ''))
    let hour = time ? Number(time[1]) : 0
    if (time?.[3] === 'p' && hour < 12) hour += 12
    if (time?.[3] === 'a' && hour === 12) hour = 0
    const d = new Date(Date.UTC(y, mo, day, hour, time ? Number(time[2]) : 0))
    if (d.getUTCDate() !== day || hour > 23) continue
    return d.toISOString()
  }
  return null
}

/** "/2015/03/18/" or "/2015-03-18/" in the article's URL: the year, for dates printed without one. */
function yearFromUrl(url: string | null): number | null {
  const m = /\/((?:19|20)\d{2})[/-](?:0?[1-9]|1[0-2])[/-]/.exec(url ?? '')
  return m ? Number(m[1]) : null
}

const simplify = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
