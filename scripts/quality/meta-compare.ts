/**
 * How the metadata Clipfile found compares with what a page shows (the gold set's
 * meta/<page>.json): per field, agree or not, with the rules a careful reader would use.
 */

/** What the page shows (gold), and what Clipfile stored, in the same shape. */
export interface PageMeta {
  title: string | null
  authors: string[]
  agency: string | null
  outlet: string | null
  published: string | null
  lang: string | null
  dir: string | null
}

export type Field = keyof PageMeta
export const FIELDS: Field[] = ['title', 'authors', 'agency', 'outlet', 'published', 'lang', 'dir']

const norm = (s: string | null | undefined): string =>
  (s ?? '').normalize('NFKC').toLowerCase().replace(/[“”"'’‘`]/g, "'").replace(/\s+/g, ' ').trim()

/**
 * Dates: a gold date with a zone must be the same instant (±1 min); a wall-clock time
 * without a zone (what the page prints) agrees with any instant less than 14 hours from it
 * read as UTC (some zone shows it so); a bare date agrees within a day either side.
 */
export function sameDate(gold: string | null, got: string | null): boolean {
  if (gold === null || got === null) return gold === got
  const g = gold.trim()
  const at = Date.parse(got)
  if (Number.isNaN(at)) return false
  if (/^\d{4}-\d{2}-\d{2}$/.test(g)) return Math.abs(at - Date.parse(`${g}T12:00:00Z`)) <= 36 * 3600_000
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(g)
  const want = Date.parse(zoned ? g : `${g}Z`)
  return Math.abs(at - want) <= (zoned ? 60_000 : 14 * 3600_000)
}

export function agrees(field: Field, gold: PageMeta, got: PageMeta): boolean {
  switch (field) {
    case 'authors': {
      const a = new Set(gold.authors.map(norm))
      const b = new Set(got.authors.map(norm))
      return a.size === b.size && [...a].every((x) => b.has(x))
    }
    case 'published':
      return sameDate(gold.published, got.published)
    case 'lang':
      return norm(gold.lang).split('-')[0] === norm(got.lang).split('-')[0]
    default:
      return norm(gold[field] as string | null) === norm(got[field] as string | null)
  }
}
