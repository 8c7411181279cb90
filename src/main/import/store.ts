/**
 * Stores one article: its rows, its versions, the re-anchoring of the highlights it already
 * had, its quotations, the highlights and tags its source carried — all in ONE transaction,
 * so an article is in the archive whole or not at all.
 *
 * Every way in goes through here (imports, captures, re-checks, team sync), so this is
 * where versions are decided: an article seen again whose normalised text, headline or
 * byline changed gets a new version (the one it replaces is kept, stored as a delta); one
 * that did not change only gets a record that it was checked, and nothing is rewritten.
 */
import type { DB } from '../db/connection'
import * as articles from '../db/articles'
import * as versions from '../db/versions'
import { articleQuotes, storeQuotes, type FoundQuote } from '../db/quotes'
import { hasHighlightAt, insertHighlight, setHighlightTags } from '../db/highlights'
import { addArticleTags, ensureTags } from '../db/tags'
import { reanchorArticleHighlights } from '../annotate/service'
import { anchor, describeRange, findQuote, type Range } from '../annotate/anchor'
import { findQuotes } from '../quotes/detect'
import { diffTexts } from '../versions/diff'
import { summarize } from '../versions/summary'
import { followNewSave } from '../versions/follow'
import { UserError } from '../../shared/result'
import type { VersionHow } from '../../shared/vocabulary'
import type { ImportedHighlight } from './tasks'
import { collapseSpaces } from '../../shared/spaces'

export interface ArticleToStore extends articles.NewArticle {
  tags?: string[]
  /** Quotations found in the text, speaker keys computed. */
  quotes?: FoundQuote[]
  /** Highlights carried by the source (another app's export), anchored by their quotes. */
  highlights?: ImportedHighlight[]
  /**
   * Store it as a version of this article instead of looking for a duplicate by URL or text:
   * a re-check, the team's copy of an article you have (team sync).
   */
  into?: number
  /**
   * A new copy of the page the article was made from (re-extraction, images fetched later):
   * it becomes a new version when anything it shows differs — metadata, document, images —
   * even if its text, headline and byline do not.
   */
  refresh?: boolean
  /** How this content was obtained (default 'import'). */
  how?: VersionHow
  /** Where it was read from after redirects, when that differs from `url`. */
  fetchedUrl?: string
  /** When it was obtained (default: now). */
  obtainedAt?: string
}

export interface StoreOutcome {
  id: number
  status: 'created' | 'updated'
  /** The article's current version after storing. */
  version: number
  /** Whether a version was recorded (always when created). */
  changed: boolean
}

/** How long the diff behind a new version's summary may take inside the storing transaction. */
const SUMMARY_DIFF_MS = 1000

/** A new article, or (same canonical URL or same text as a stored one, or `into`) a new version or check of that one. */
export function storeArticle(db: DB, a: ArticleToStore): StoreOutcome {
  return db.transaction((): StoreOutcome => {
    if (a.into !== undefined && !articles.articleExists(db, a.into)) {
      throw new UserError('not_found', `No article with id ${a.into}.`)
    }
    const existing = a.into ?? articles.findDuplicate(db, a)
    const outcome = existing === null ? createArticle(db, a) : updateArticle(db, existing, a)
    if (existing !== null && a.tags?.length) addArticleTags(db, outcome.id, a.tags)
    // Unchanged means the same normalised text: the stored one is what selectors count in.
    if (a.highlights?.length) attachImportedHighlights(db, outcome.id, outcome.changed ? a.text : articles.articleText(db, outcome.id)!, a.highlights)
    return outcome
  }).immediate()
}

const when = (a: ArticleToStore): string => a.obtainedAt ?? new Date().toISOString()

const versionMetadata = (a: ArticleToStore) => ({
  canonicalUrl: a.canonicalUrl,
  authors: a.authors,
  agency: a.agency,
  dir: a.dir,
  site: a.site,
  publishedAt: a.publishedAt,
  modifiedAt: a.modifiedAt,
  language: a.language,
  excerpt: a.excerpt
})

function createArticle(db: DB, a: ArticleToStore): StoreOutcome {
  const id = articles.insertArticleRow(db, a)
  // A new article's tags go in before its text: its search entry (made when the text is
  // written, tags included) is then made once, not remade for every tag.
  if (a.tags?.length) addArticleTags(db, id, a.tags)
  articles.writeContent(db, id, a)
  const at = when(a)
  versions.insertVersion(db, {
    articleId: id,
    number: 1,
    createdAt: at,
    how: a.how ?? 'import',
    url: a.fetchedUrl ?? a.url,
    title: a.title,
    byline: a.byline,
    metadata: versionMetadata(a),
    wordCount: a.wordCount,
    contentHash: a.contentHash,
    summary: null
  })
  if (a.quotes) storeQuotes(db, id, a.quotes)
  followNewSave(db, id, a, Date.parse(at))
  return { id, status: 'created', version: 1, changed: true }
}

const norm = (s: string | null | undefined): string => collapseSpaces(s ?? '').trim()

function updateArticle(db: DB, id: number, a: ArticleToStore): StoreOutcome {
  const key = articles.versionKey(db, id)!
  const how = a.how ?? 'import'
  const at = when(a)
  const url = a.fetchedUrl ?? a.url
  // Compared as the article would show them: a corrected headline is no change of the page's.
  const shown = articles.shownTitleByline(db, id, a)
  const same =
    key.contentHash === a.contentHash && norm(key.title) === norm(shown.title) && norm(key.byline) === norm(shown.byline) && (!a.refresh || articles.sameCopy(db, id, a))
  if (same) {
    if (a.extractorVersion !== undefined) articles.setExtractorVersion(db, id, a.extractorVersion)
    versions.insertCheck(db, { articleId: id, checkedAt: at, how, outcome: 'unchanged', url, version: key.version })
    // A re-import keeps the original saved date unless the source says otherwise (an export's date).
    if (a.savedAt) articles.setSavedAt(db, id, a.savedAt)
    return { id, status: 'updated', version: key.version, changed: false }
  }
  const old = versions.currentContent(db, id, true)!
  const oldQuotes = articleQuotes(db, id)
  const oldTitle = { title: key.title, byline: key.byline }
  // Another article may own the new canonical URL (two addresses, one story): keep ours.
  const canonical = a.canonicalUrl && articles.canonicalOwner(db, a.canonicalUrl, id) !== null ? null : a.canonicalUrl
  articles.updateArticleRow(db, id, { ...a, canonicalUrl: canonical })
  const { docJson } = articles.writeContent(db, id, a)
  versions.storeSuperseded(db, id, key.version, old, { text: a.text, docJson, raw: a.raw ?? null, rawType: a.rawType ?? null })
  const number = key.version + 1
  const quotes = a.quotes ?? findQuotes(a.text)
  const summary = summarize(
    diffTexts(old.text, a.text, { timeoutMs: SUMMARY_DIFF_MS }),
    { before: oldTitle.title, after: shown.title },
    { before: oldTitle.byline, after: shown.byline },
    { before: oldQuotes, after: quotes }
  )
  versions.insertVersion(db, {
    articleId: id,
    number,
    createdAt: at,
    how,
    url,
    title: a.title,
    byline: a.byline,
    metadata: versionMetadata(a),
    wordCount: a.wordCount,
    contentHash: a.contentHash,
    summary
  })
  reanchorArticleHighlights(db, id, old.text, a.text, number)
  storeQuotes(db, id, quotes)
  versions.insertCheck(db, { articleId: id, checkedAt: at, how, outcome: 'changed', url, version: number })
  return { id, status: 'updated', version: number, changed: true }
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
