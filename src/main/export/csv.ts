/**
 * CSV export, RFC 4180: CRLF line ends, fields with a comma, double quote, CR or LF are
 * quoted and their quotes doubled. One row per highlight.
 *
 * Formula injection: spreadsheets run a cell beginning with = + - @ (or tab / CR) as a
 * formula — `=HYPERLINK(…)` in an archived page would become a live link or worse. Such
 * cells get a leading apostrophe, which spreadsheets show as text. The cost: a quote
 * that really begins with "-" reads "'-…" to a program parsing the file.
 */
import { citeUrl } from '../../shared/cite'
import { readingOrder, type ExportArticle } from './types'

export const CSV_HEADER = ['quote', 'note', 'tags', 'color', 'article title', 'site', 'byline', 'published', 'url', 'created']

const FORMULA_START = /^[=+\-@\t\r]/

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

const row = (fields: string[]): string => fields.map(csvField).join(',')

/** `bom` prepends U+FEFF so that Excel reads the file as UTF-8 (off by default). */
export function toCsv(articles: ExportArticle[], opts: { bom?: boolean } = {}): string {
  const rows = [row(CSV_HEADER)]
  for (const a of articles) {
    for (const h of readingOrder(a.highlights)) {
      rows.push(
        row([h.exact, h.note, h.tags.join('; '), h.color, a.title, a.site ?? '', a.byline ?? '', a.publishedAt ?? '', citeUrl(a), h.createdAt])
      )
    }
  }
  return (opts.bom ? '\uFEFF' : '') + rows.join('\r\n') + '\r\n'
}
