/**
 * Citations, shared by the exporters and the UI's "copy quote with citation": one place
 * decides how an outlet, author, date and URL are written.
 */
import type { ExportArticle, Highlight } from './types'

type Citable = Pick<ExportArticle, 'url' | 'canonicalUrl' | 'site' | 'byline' | 'publishedAt'>

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December'
]

/**
 * `9 April 2017` from an ISO date or date-time. The calendar date is read as written, not
 * converted to local time: "2017-04-09T23:30:00-04:00" was published on 9 April where it
 * was published. Other input is returned trimmed, not guessed at; empty input gives null.
 */
export function humanDate(iso: string | null): string | null {
  const s = iso?.trim()
  if (!s) return null
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s)
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31) return `${day} ${MONTHS[month - 1]} ${year}`
  }
  // Not guessed at: Date.parse would turn "Spring 2017" into 1 January 2017.
  return s
}

/**
 * A full ISO 8601 date-time (UTC, with Z) for machine formats. SQLite's
 * "YYYY-MM-DD HH:MM:SS" (no zone) is read as UTC. Unparseable input is returned as is.
 */
export function isoDateTime(value: string): string {
  const s = value.trim()
  const noZone = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$/.test(s)
  const t = Date.parse(noZone ? `${s.replace(' ', 'T')}${s.length > 10 ? 'Z' : ''}` : s)
  return Number.isNaN(t) ? value : new Date(t).toISOString()
}

/** The URL to cite: the publisher's canonical one when known. */
export const citeUrl = (a: Citable): string => a.canonicalUrl ?? a.url

/** The outlet: the site name, or else the URL's host without "www.". */
export function outlet(a: Citable): string | null {
  if (a.site?.trim()) return a.site.trim()
  try {
    return new URL(citeUrl(a)).hostname.replace(/^www\./, '') || null
  } catch {
    return null
  }
}

export interface CitationParts {
  outlet: string | null
  author: string | null
  date: string | null
  url: string
}

export function citationParts(a: Citable): CitationParts {
  return { outlet: outlet(a), author: a.byline?.trim() || null, date: humanDate(a.publishedAt), url: citeUrl(a) }
}

/** `The Guardian, Julian Borger, 9 April 2017, https://…` — missing parts left out. */
export function citation(a: Citable): string {
  const p = citationParts(a)
  return [p.outlet, p.author, p.date, p.url].filter((x): x is string => !!x).join(', ')
}

/**
 * `“quote” — Outlet, Author, 9 April 2017, URL`. The quote is put on one line (it is
 * quoted inline) and its own double quotes become single ones, as nested quotes are.
 */
export function quoteWithCitation(highlight: Pick<Highlight, 'exact'>, a: Citable): string {
  const quote = highlight.exact.replace(/\s+/g, ' ').trim().replace(/“/g, '‘').replace(/”/g, '’')
  return `“${quote}” — ${citation(a)}`
}
