/**
 * Fetches the images an article holds as placeholders (they could not be saved when it was
 * imported: offline, 404, refused, too big) and stores the article again through
 * storeArticle with them in place. The text does not change, so highlights stay where they
 * are. When the network cannot be reached the retry stops at once and says so.
 */
import type { ImageRetrySummary } from '../../shared/api'
import { UserError } from '../../shared/result'
import type { AppContext } from '../context'
import * as articles from '../db/articles'
import { imageLoader } from '../page/fetch'
import { loadOne, type LoadImage } from '../page/images'
import { Reachability } from '../page/reachability'
import { storeArticle } from './store'

export interface RetryOptions {
  /** One article; otherwise every article with placeholders (or those of `ids`). */
  id?: number
  ids?: number[]
  /** At most this many articles (the automatic retry works in small rounds). */
  limit?: number
  /** For tests: the loader and its reachability (a fresh pair by default, so an explicit retry asks every server again). */
  loadImage?: LoadImage
  reach?: Reachability
}

interface DocNode {
  type: string
  attrs?: Record<string, unknown>
  content?: DocNode[]
}

export async function retryMissingImages(ctx: AppContext, o: RetryOptions = {}): Promise<ImageRetrySummary> {
  if (o.id !== undefined && !articles.articleExists(ctx.db, o.id)) throw new UserError('not_found', `No article with id ${o.id}.`)
  const ids = o.id !== undefined ? [o.id] : (o.ids ?? articles.articlesWithMissingImages(ctx.db, o.limit))
  const reach = o.reach ?? new Reachability()
  const load = o.loadImage ?? imageLoader({ timeoutMs: 15_000 }, reach)
  const summary: ImageRetrySummary = { articles: 0, saved: 0, missing: 0, offline: false }
  for (const id of ids) {
    const stored = articles.storedArticle(ctx.db, id)
    if (!stored) continue
    const placeholders = collect(stored.doc as DocNode)
    if (placeholders.length === 0) continue
    summary.articles++
    const fetched = new Map<string, Awaited<ReturnType<typeof loadOne>>>()
    for (const src of new Set(placeholders.map((p) => String(p.attrs?.source ?? '')).filter(Boolean))) {
      if (reach.offline) break
      fetched.set(src, await loadOne(src, load))
    }
    const newAssets: typeof stored.assets = []
    const doc = replace(stored.doc as DocNode, (node) => {
      const src = String(node.attrs?.source ?? '')
      const got = fetched.get(src)
      if (!got || 'reason' in got) return got && 'reason' in got ? { ...node, attrs: { ...node.attrs, reason: got.reason } } : node
      let asset = newAssets.find((a) => a.sourceUrl === src)
      if (!asset) newAssets.push((asset = { key: `n${newAssets.length}`, mime: got.mime, bytes: got.bytes, sourceUrl: src }))
      return { type: 'image', attrs: { src: `asset:${asset.key}`, alt: node.attrs?.alt ?? '', title: '' } }
    })
    const stillMissing = collect(doc).length
    summary.saved += placeholders.length - stillMissing
    summary.missing += stillMissing
    if (newAssets.length || fetched.size) {
      storeArticle(ctx.db, { ...stored, doc, assets: [...stored.assets, ...newAssets], imagesMissing: stillMissing, into: id, how: 'reextract', refresh: true })
      if (newAssets.length) ctx.events.emit('libraryChanged', { reason: 'images', articleId: id })
    }
    if (reach.offline) {
      summary.offline = true
      break
    }
  }
  return summary
}

function collect(node: DocNode, out: DocNode[] = []): DocNode[] {
  if (node.type === 'image_missing') out.push(node)
  for (const c of node.content ?? []) collect(c, out)
  return out
}

function replace(node: DocNode, fn: (placeholder: DocNode) => DocNode): DocNode {
  if (node.type === 'image_missing') return fn(node)
  return node.content ? { ...node, content: node.content.map((c) => replace(c, fn)) } : node
}
