import type { DB } from '../db/connection'
import { hasHighlightAt, insertHighlight, setHighlightTags } from '../db/highlights'
import { ensureTags } from '../db/tags'
import { articleText } from '../db/articles'
import { describeRange, findQuote } from '../annotate/anchor'
import type { ImportedHighlight } from './tasks'

/**
 * Attaches highlights carried by another app's export, anchoring each by its quote. A quote
 * that is not in the saved text is kept as an orphan (never dropped); re-imports do not
 * duplicate highlights that are already there.
 */
export function attachImportedHighlights(db: DB, articleId: number, highlights: ImportedHighlight[]): void {
  const text = articleText(db, articleId) ?? ''
  db.transaction(() => {
    for (const h of highlights) {
      const found = findQuote(text, h.quote)
      const placed = typeof found === 'object'
      if (placed && hasHighlightAt(db, articleId, found.start, found.end)) continue
      const sel = placed
        ? describeRange(text, found.start, found.end)
        : { start: 0, end: 0, exact: h.quote, prefix: '', suffix: '' }
      const id = insertHighlight(db, {
        articleId,
        ...sel,
        color: h.color ?? 'yellow',
        note: h.note ?? '',
        orphan: !placed,
        createdAt: h.createdAt
      })
      if (h.tags?.length) setHighlightTags(db, id, ensureTags(db, h.tags))
    }
  }).immediate()
}
