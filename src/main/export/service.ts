/** Gathers what an export covers from the archive and hands it to the right writer. */
import type { ExportArticle, ExportFile } from '../../shared/types'
import { UserError } from '../../shared/result'
import type { DB } from '../db/connection'
import { articleRefs, getArticle, getAsset } from '../db/articles'
import { queryHighlights } from '../db/highlights'
import { toMarkdown } from './markdown'
import { toWebAnnotations } from './annotation-json'
import { toCsv } from './csv'
import { articleToHtml, type AssetMap } from './html'

export interface ExportRequest {
  format: 'md' | 'json' | 'csv' | 'html'
  articleId?: number
  /** Articles chosen in the library: each is exported, with its highlights or none. */
  articleIds?: number[]
  tag?: string
  /** Highlight ids (e.g. those a search found). */
  ids?: number[]
  /** Words for the file name and the document title. */
  label?: string
}

/** The highlights the request covers, grouped by article (newest article first). */
export function exportArticles(db: DB, r: ExportRequest): ExportArticle[] {
  const { items } = queryHighlights(db, { articleId: r.articleId, articleIds: r.articleIds, tag: r.tag, ids: r.ids, limit: 1_000_000, offset: 0 })
  const refs = articleRefs(db, [...new Set([...items.map((h) => h.articleId), ...(r.articleIds ?? [])])])
  const byArticle = new Map<number, ExportArticle>()
  for (const h of items) {
    const ref = refs.get(h.articleId)!
    const a = byArticle.get(h.articleId) ?? { ...ref, highlights: [] }
    a.highlights.push(h)
    byArticle.set(h.articleId, a)
  }
  // Chosen articles without highlights are still part of what was asked for (a reading list).
  for (const id of r.articleIds ?? []) {
    const ref = refs.get(id)
    if (ref && !byArticle.has(id)) byArticle.set(id, { ...ref, highlights: [] })
  }
  return [...byArticle.values()]
}

const slug = (s: string): string =>
  s.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').toLowerCase().slice(0, 60) || 'clipfile'

export function exportHighlights(db: DB, r: ExportRequest): ExportFile {
  if (r.format === 'html') return exportArticleHtml(db, r.articleId!)
  const articles = exportArticles(db, r)
  const count = articles.reduce((n, a) => n + a.highlights.length, 0)
  const label =
    r.label ??
    (r.tag
      ? `Highlights tagged ${r.tag}`
      : r.articleId
        ? (articles[0]?.title ?? 'Article')
        : r.articleIds
          ? `${r.articleIds.length} ${r.articleIds.length === 1 ? 'article' : 'articles'}`
          : 'All highlights')
  const base = `clipfile-${slug(label)}`
  if (r.format === 'md') return { filename: `${base}.md`, mime: 'text/markdown; charset=utf-8', content: toMarkdown(articles, { title: label }), count }
  if (r.format === 'csv') return { filename: `${base}.csv`, mime: 'text/csv; charset=utf-8', content: toCsv(articles), count }
  const json = JSON.stringify(toWebAnnotations(articles, { label }), null, 2)
  return { filename: `${base}.jsonld`, mime: 'application/ld+json; charset=utf-8', content: json, count }
}

function exportArticleHtml(db: DB, id: number): ExportFile {
  const a = getArticle(db, id)
  if (!a) throw new UserError('not_found', `No article with id ${id}.`)
  const assets: AssetMap = new Map()
  for (const ref of a.assets) {
    const asset = getAsset(db, ref.id)
    if (asset) assets.set(ref.id, asset)
  }
  const content = articleToHtml({ ...a, doc: a.doc, text: a.text }, assets)
  return { filename: `${slug(a.title)}.html`, mime: 'text/html; charset=utf-8', content, count: 1 }
}
