/**
 * Re-extraction: stored articles get a new copy from the original page the archive kept, by
 * today's page pipeline, so an archive benefits from better extraction rules. Each article
 * is stored through storeArticle in its own transaction (highlights re-anchored, corrections
 * kept), so an interrupted run loses nothing; `--all` only takes articles made by older
 * rules, so running it again resumes where it stopped.
 *
 * Images come from the archive (never downloaded again); an image the new copy shows that
 * was not saved before becomes a placeholder, fetched by `retryImages` (or, with
 * `fetchImages`, downloaded now).
 */
import { randomUUID } from 'node:crypto'
import type { ReextractProgress, ReextractSummary, ReextractItemResult } from '../../shared/api'
import { UserError } from '../../shared/result'
import type { AppContext } from '../context'
import * as articles from '../db/articles'
import { EXTRACTOR_VERSION } from '../page/prepare'
import { storeArticle } from './store'

export interface ReextractOptions {
  jobId?: string
  /** These articles, whatever rules made them. */
  ids?: number[]
  /** Every article made by older rules (`again`: every article). */
  all?: boolean
  again?: boolean
  /** Download images that were not saved before, instead of leaving placeholders. */
  fetchImages?: boolean
}

/** Prepares run in the import workers while the main thread stores: a few in flight keep both busy. */
const CONCURRENCY = 4

export async function reextractArticles(ctx: AppContext, o: ReextractOptions): Promise<ReextractSummary> {
  const jobId = o.jobId ?? randomUUID()
  const ids = o.ids?.length ? o.ids : articles.articleIdsToReextract(ctx.db, { all: !!o.all, olderThan: o.again ? null : EXTRACTOR_VERSION })
  const progress: ReextractProgress = { jobId, done: 0, total: ids.length, failed: 0, current: null, finished: false }
  const summary: ReextractSummary = { jobId, total: ids.length, changed: 0, unchanged: 0, failed: 0, skipped: 0, results: [] }
  const emit = (lastResult?: ReextractItemResult) => ctx.events.emit('reextractProgress', { ...progress, lastResult })
  emit()
  let next = 0
  let lastRefresh = 0
  const lane = async (): Promise<void> => {
    while (next < ids.length) {
      const id = ids[next++]
      progress.current = id
      const result = await reextractOne(ctx, id, o.fetchImages ?? false)
      summary.results.push(result)
      summary[result.outcome]++
      progress.done++
      if (result.outcome === 'failed') progress.failed++
      emit(result)
      if (result.outcome === 'changed' && Date.now() - lastRefresh > 500) {
        lastRefresh = Date.now()
        ctx.events.emit('libraryChanged', { reason: 'import' })
      }
      // Let the host answer requests between articles.
      await new Promise((r) => setImmediate(r))
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, ids.length) }, lane))
  progress.current = null
  progress.finished = true
  emit()
  summary.results.sort((a, b) => a.id - b.id)
  if (summary.changed > 0) ctx.events.emit('libraryChanged', { reason: 'import' })
  return summary
}

async function reextractOne(ctx: AppContext, id: number, fetchImages: boolean): Promise<ReextractItemResult> {
  const page = articles.storedPage(ctx.db, id)
  if (!page) return { id, outcome: 'failed', error: `No article with id ${id}.` }
  if (!page.raw) return { id, outcome: 'skipped', error: 'no original page was kept (imported from an export’s text)' }
  try {
    const prepared = await ctx.prepare({
      html: page.raw,
      url: /^(https?|file):/i.test(page.url) ? page.url : undefined,
      contentType: page.rawType,
      knownImages: page.assets,
      offline: !fetchImages
    })
    const before = articles.articleText(ctx.db, id)
    // The new copy may now read exactly like another article (or name its canonical URL): keep both as they are.
    const other = articles.findDuplicate(ctx.db, prepared)
    if (other !== null && other !== id) return { id, outcome: 'failed', error: `its new copy is the same article as #${other}; left as it was` }
    storeArticle(ctx.db, {
      ...prepared,
      into: id,
      how: 'reextract',
      refresh: true,
      url: page.url,
      // The page it was made from stays the article's kept page.
      raw: page.raw,
      rawType: page.rawType,
      imagesMissing: prepared.images.missing
    })
    const changed = before !== prepared.text
    return { id, outcome: changed ? 'changed' : 'unchanged', title: prepared.title, images: prepared.images }
  } catch (e) {
    return { id, outcome: 'failed', error: e instanceof UserError ? e.message : `unexpected error: ${(e as Error)?.message ?? e}`.split('\n')[0] }
  }
}
