/** What every export writer takes: an article's metadata with its highlights. */
import type { Highlight } from '../../shared/types'

export interface ExportArticle {
  id: number
  title: string
  url: string
  canonicalUrl: string | null
  site: string | null
  byline: string | null
  /** ISO 8601 date or date-time, as stored. */
  publishedAt: string | null
  savedAt: string
  tags: string[]
  highlights: Highlight[]
}

/** Highlights in reading order; orphans (no longer in the text) last. */
export function readingOrder(highlights: Highlight[]): Highlight[] {
  return [...highlights].sort((a, b) => Number(a.orphan) - Number(b.orphan) || a.start - b.start || a.end - b.end)
}
