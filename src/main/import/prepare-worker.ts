/**
 * The import worker: the CPU-heavy part of an import (charset decoding, extraction,
 * building the reader document) and image downloads, off the main process's thread.
 * Main keeps the database writes, so every article is still stored in its own transaction.
 */
import { parentPort } from 'node:worker_threads'
import { prepareArticle, type PrepareInput } from '../ingest/prepare'
import { imageLoader } from '../ingest/fetch'
import { UserError } from '../../shared/result'
import { detectQuotes } from '../quotes/detect'
import { withLocalImages } from './local-images'
import type { PreparedWithQuotes } from './pool'

export interface PrepareRequest {
  id: number
  input: PrepareInput
}
export type PrepareResponse =
  | { id: number; ok: true; prepared: PreparedWithQuotes }
  | { id: number; ok: false; code: UserError['code'] | null; message: string }

const loadImage = imageLoader()

parentPort?.on('message', async ({ id, input }: PrepareRequest) => {
  try {
    const article = await prepareArticle(input, { loadImage: withLocalImages(input.url, loadImage) })
    const prepared: PreparedWithQuotes = { ...article, quotes: findQuotes(article.text) }
    parentPort!.postMessage({ id, ok: true, prepared } satisfies PrepareResponse)
  } catch (e) {
    const user = e instanceof UserError
    parentPort!.postMessage({ id, ok: false, code: user ? e.code : null, message: (e as Error)?.message ?? String(e) } satisfies PrepareResponse)
  }
})

/** Quotations and speakers, found where the article is prepared (off the main thread). */
export function findQuotes(text: string): PreparedWithQuotes['quotes'] {
  return detectQuotes(text).map(({ start, end, text: t, speaker, confidence, kind }) => ({ start, end, text: t, speaker, confidence, kind }))
}
