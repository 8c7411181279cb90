/** What every export writer takes: an article's metadata with its highlights. */
import type { Highlight } from '../../shared/types'
export type { ExportArticle } from '../../shared/types'

/** Highlights in reading order; orphans (no longer in the text) last. */
export function readingOrder(highlights: Highlight[]): Highlight[] {
  return [...highlights].sort((a, b) => Number(a.orphan) - Number(b.orphan) || a.start - b.start || a.end - b.end)
}
