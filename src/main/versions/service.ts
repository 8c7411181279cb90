/** Versions as the api offers them: listed, read as they were, compared word by word, exported. */
import type { AffectedHighlight, ArticleVersion, ChangeList, ExportFile, VersionDiff, VersionInfo } from '../../shared/types'
import type { DiffExportFormat } from '../../shared/vocabulary'
import { UserError } from '../../shared/result'
import type { DB } from '../db/connection'
import * as versions from '../db/versions'
import { articleExists, articleRefs } from '../db/articles'
import { listHighlights } from '../db/highlights'
import { findQuotes } from '../quotes/detect'
import { diffTexts } from './diff'
import { summarize } from './summary'
import { diffToHtml, diffToMarkdown, diffFileName } from '../export/diff'

/** How long the word-level diff of one text may take before the rest is shown coarsely. */
export const DIFF_TIMEOUT_MS = 2000

const noArticle = (id: number) => new UserError('not_found', `No article with id ${id}.`)

/** Every version of an article, oldest first. */
export function listVersionsOf(db: DB, articleId: number): VersionInfo[] {
  const list = versions.listVersions(db, articleId)
  if (list.length === 0) throw noArticle(articleId)
  return list
}

/** One version as it was. */
export function getVersion(db: DB, articleId: number, number: number): ArticleVersion {
  const list = listVersionsOf(db, articleId)
  const info = list.find((v) => v.number === number)
  if (!info) throw new UserError('not_found', `Article ${articleId} has no version ${number} (it has ${list.length}).`)
  const content = versions.versionContent(db, articleId, number)!
  const m = versions.versionMetadata(db, articleId, number)
  return { ...info, articleId, of: list.length, doc: JSON.parse(content.docJson), text: content.text, site: m.site ?? null, publishedAt: m.publishedAt ?? null }
}

/** Which two versions a request means: by default the last two. */
function pickPair(list: VersionInfo[], articleId: number, from?: number, to?: number): { from: VersionInfo; to: VersionInfo } {
  if (from === undefined && to === undefined && list.length < 2) {
    throw new UserError('conflict', `Article ${articleId} has one version so far: there is nothing to compare yet.`)
  }
  const toN = to ?? list.length
  const fromN = from ?? toN - 1
  const find = (n: number) => {
    const v = list.find((x) => x.number === n)
    if (!v) throw new UserError('not_found', `Article ${articleId} has no version ${n} (it has ${list.length}).`)
    return v
  }
  if (fromN === toN) throw new UserError('invalid_input', `Compare two different versions (both are ${fromN}).`)
  return { from: find(fromN), to: find(toN) }
}

/** A word-level diff of two versions (title, byline and text) with its summary and the highlights it affects. */
export function diffVersions(db: DB, input: { articleId: number; from?: number; to?: number }): VersionDiff {
  const list = listVersionsOf(db, input.articleId)
  const { from, to } = pickPair(list, input.articleId, input.from, input.to)
  const before = versions.versionContent(db, input.articleId, from.number)!.text
  const after = versions.versionContent(db, input.articleId, to.number)!.text
  const text = diffTexts(before, after, { timeoutMs: DIFF_TIMEOUT_MS })
  const title = diffTexts(from.title, to.title)
  const byline = diffTexts(from.byline ?? '', to.byline ?? '')
  const summary = summarize(
    text,
    { before: from.title, after: to.title },
    { before: from.byline, after: to.byline },
    { before: findQuotes(before), after: findQuotes(after) }
  )
  return {
    articleId: input.articleId,
    from,
    to,
    of: list.length,
    title: { before: from.title, after: to.title, changes: title.changes },
    byline: { before: from.byline, after: to.byline, changes: byline.changes },
    changes: text.changes,
    summary,
    highlights: affectedHighlights(db, input.articleId, from.number, to.number),
    coarse: text.coarse
  }
}

/**
 * Highlights made on or before the earlier version whose words changed or vanished by the
 * later one (as recorded when each version arrived).
 */
function affectedHighlights(db: DB, articleId: number, from: number, to: number): AffectedHighlight[] {
  const [lo, hi] = from < to ? [from, to] : [to, from]
  return listHighlights(db, { articleId })
    .filter((h) => h.changedIn !== null && h.version <= lo && h.changedIn > lo && h.changedIn <= hi)
    .map((h) => ({ id: h.id, color: h.color, note: h.note, before: h.originalExact, after: h.orphan ? null : h.exact, changedIn: h.changedIn! }))
}

/** A diff as a file: a self-contained HTML page or Markdown. */
export function exportDiff(db: DB, input: { articleId: number; from?: number; to?: number; format: DiffExportFormat }): ExportFile {
  const diff = diffVersions(db, input)
  const ref = articleRefs(db, [input.articleId]).get(input.articleId)!
  const filename = diffFileName(ref.title, diff, input.format)
  if (input.format === 'md') return { filename, mime: 'text/markdown; charset=utf-8', content: diffToMarkdown(diff, ref), count: 1 }
  return { filename, mime: 'text/html; charset=utf-8', content: diffToHtml(diff, ref), count: 1 }
}

/** Changed articles, newest change first, each with its latest change's summary. */
export function listChanges(db: DB, limit: number, offset: number): ChangeList {
  const { total, items } = versions.listChangeRows(db, limit, offset)
  const refs = articleRefs(db, items.map((r) => r.articleId))
  return {
    total,
    items: items.map((r) => ({ article: refs.get(r.articleId)!, version: r.version, of: r.of, changedAt: r.changedAt, how: r.how, summary: r.summary }))
  }
}

export function requireArticle(db: DB, id: number): void {
  if (!articleExists(db, id)) throw noArticle(id)
}
