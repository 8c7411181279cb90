import { randomUUID } from 'node:crypto'
import type { ImportProgress, ParsedInput } from '../../shared/api'
import type { ImportItemResult, ImportSummary } from '../../shared/types'
import { UserError } from '../../shared/result'
import type { AppContext } from '../context'
import { expandItems } from './sources'
import type { ImportTask } from './tasks'
import { storeArticle } from './store'
import { slimRawPage } from './raw'
import { NO_ARTICLE_REASON } from '../page/guards'

type ImportInput = ParsedInput<'importItems'>

/** Loads at most this many pages at once: network-bound, so overlap them. */
const CONCURRENCY = 4

/**
 * Imports every item, each article in its own transaction, reporting progress as it goes.
 * Never throws for one bad item: its reason goes into the summary.
 */
export async function runImport(ctx: AppContext, input: ImportInput): Promise<ImportSummary> {
  const jobId = input.jobId ?? randomUUID()
  const progress: ImportProgress = { jobId, done: 0, total: input.items.length, failed: 0, current: null, finished: false }
  const emit = (lastResult?: ImportItemResult) => ctx.events.emit('importProgress', { ...progress, lastResult })
  emit()
  // Results keep the order of the sources (sources that could not be read come first).
  const results: { order: number; result: ImportItemResult }[] = []
  // The library shows new articles while a long import runs, at most twice a second.
  let lastRefresh = 0
  const record = (r: ImportItemResult, order = -1) => {
    results.push({ order, result: r })
    if (r.ok && Date.now() - lastRefresh > 500) {
      lastRefresh = Date.now()
      ctx.events.emit('libraryChanged', { reason: 'import' })
    }
    progress.done++
    if (!r.ok) {
      progress.failed++
      progress.lastError = { source: r.source, message: r.error ?? 'failed' }
    }
    emit(r)
  }
  const tasks = await expandItems(input.items, (source, error) => {
    // A source that could not even be read (a missing file) counts as one failed item.
    record({ source, ok: false, error })
  })
  progress.total = tasks.length + progress.failed
  emit()
  await runPool(tasks, CONCURRENCY, async (task, index) => {
    progress.current = task.source
    emit()
    record(await importOne(ctx, task, input.tags, input.force), index)
  })
  progress.current = null
  progress.finished = true
  emit()
  const ordered = results.sort((a, b) => a.order - b.order).map((r) => r.result)
  const created = ordered.filter((r) => r.status === 'created').length
  const updated = ordered.filter((r) => r.status === 'updated').length
  const imagesMissing = ordered.reduce((n, r) => n + (r.images?.missing ?? 0), 0)
  if (created + updated > 0) ctx.events.emit('libraryChanged', { reason: 'import' })
  return { jobId, created, updated, failed: progress.failed, imagesMissing, results: ordered }
}

async function importOne(ctx: AppContext, task: ImportTask, tags: string[], force: boolean): Promise<ImportItemResult> {
  try {
    const page = await task.load()
    const prepared = await ctx.prepare({ html: page.body, url: page.url, contentType: page.contentType, force, images: page.images })
    const title = prepared.title || task.title || page.url || task.source
    const outcome = storeArticle(ctx.db, {
      ...prepared,
      canonicalUrl: prepared.canonicalUrl ?? page.canonicalUrl ?? null,
      // A page from disk is known by its canonical address when it names one.
      url: prepared.url ?? prepared.canonicalUrl ?? page.url ?? task.source,
      title,
      raw: page.keepRaw === false ? null : slimRawPage(page.body),
      rawType: page.contentType ?? 'text/html',
      savedAt: task.savedAt,
      tags: [...tags, ...(task.tags ?? [])],
      highlights: task.highlights,
      how: task.how,
      imagesMissing: prepared.images.missing
    })
    return { source: task.source, ok: true, status: outcome.status, changed: outcome.changed, version: outcome.version, id: outcome.id, title, images: prepared.images }
  } catch (e) {
    const error = reason(e)
    // The page was read and has text, just no article: saving its whole text is a choice to offer.
    return { source: task.source, ok: false, error, ...(error === NO_ARTICLE_REASON ? { forceable: true } : {}) }
  }
}


function reason(e: unknown): string {
  if (e instanceof UserError) return e.message
  console.error('[clipfile] import error:', e)
  return `unexpected error: ${(e as Error)?.message ?? String(e)}`.split('\n')[0]
}

/** Runs `work` over `items` with at most `limit` in flight, in order of start. */
async function runPool<T>(items: T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++
      await work(items[index], index)
      // Let the host answer requests between articles.
      await new Promise((r) => setImmediate(r))
    }
  })
  await Promise.all(lanes)
}
