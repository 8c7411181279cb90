/**
 * Stores one imported article: its rows, the re-anchoring of the highlights it already had,
 * its quotations, the highlights and tags its source carried — all in ONE transaction, so
 * an article is in the archive whole or not at all.
 */
import type { DB } from '../db/connection'
import * as articles from '../db/articles'
import { storeQuotes, type FoundQuote } from '../db/quotes'
import { hasHighlightAt, insertHighlight, setHighlightTags } from '../db/highlights'
import { addArticleTags, ensureTags } from '../db/tags'
import { reanchorArticleHighlights } from '../annotate/service'
import { anchor, describeRange, findQuote, type Range } from '../annotate/anchor'
import type { ImportedHighlight } from './tasks'

export interface ArticleToStore extends articles.NewArticle {
  tags?: string[]
  /** Quotations found in the text, speaker keys computed. */
  quotes?: FoundQuote[]
  /** Highlights carried by the source (another app's export), anchored by their quotes. */
  highlights?: ImportedHighlight[]
  /** Update this article (team sync: the team's copy of an article you have), instead of looking for a duplicate. */
  into?: number
}

export interface StoreOutcome {
  id: number
  status: 'created' | 'updated'
}

/** A new article, or (same canonical URL or same text as a stored one) an update of that one. */
export function storeArticle(db: DB, a: ArticleToStore): StoreOutcome {
  return db.transaction((): StoreOutcome => {
    const existing = a.into ?? articles.findDuplicate(db, a)
    const oldText = existing === null ? null : articles.articleText(db, existing)
    const id = existing ?? articles.insertArticleRow(db, a)
    if (existing !== null) articles.updateArticleRow(db, existing, a)
    articles.writeContent(db, id, a)
    if (oldText !== null) reanchorArticleHighlights(db, id, oldText, a.text)
    if (a.tags?.length) addArticleTags(db, id, a.tags)
    if (a.quotes) storeQuotes(db, id, a.quotes)
    if (a.highlights?.length) attachImportedHighlights(db, id, a.text, a.highlights)
    return { id, status: existing === null ? 'created' : 'updated' }
  }).immediate()
}

/**
 * Highlights carried by another app's export, each anchored by its quote. A quote that is
 * not in the saved text is kept as an orphan (never dropped); re-imports do not duplicate
 * highlights that are already there. Runs in the caller's transaction.
 */
export function attachImportedHighlights(db: DB, articleId: number, text: string, highlights: ImportedHighlight[]): void {
  for (const h of highlights) {
    const found = place(text, h)
    const placed = found !== null
    if (placed && hasHighlightAt(db, articleId, found.start, found.end)) continue
    const sel = placed ? describeRange(text, found.start, found.end) : { start: 0, end: 0, exact: h.quote, prefix: h.prefix ?? '', suffix: h.suffix ?? '' }
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
}

/**
 * Where a carried highlight goes: with its context (a browser's TextQuoteSelector) the
 * occurrence the context points at, as any stored highlight is anchored; a bare quote only
 * where it occurs once.
 */
function place(text: string, h: ImportedHighlight): Range | null {
  if (h.prefix || h.suffix) {
    const found = anchor(text, { start: 0, end: 0, exact: h.quote, prefix: h.prefix ?? '', suffix: h.suffix ?? '' })
    return found && { start: found.start, end: found.end }
  }
  const found = findQuote(text, h.quote)
  return typeof found === 'object' ? found : null
}
