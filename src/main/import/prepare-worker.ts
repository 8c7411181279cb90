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
import { withLocalImages, type ImageLoader } from './local-images'
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
    const prepared = await prepareWithQuotes(input, loadImage)
    parentPort!.postMessage({ id, ok: true, prepared } satisfies PrepareResponse)
  } catch (e) {
    const user = e instanceof UserError
    parentPort!.postMessage({ id, ok: false, code: user ? e.code : null, message: (e as Error)?.message ?? String(e) } satisfies PrepareResponse)
  }
})

/**
 * One page → an article with its quotations and speakers: what a worker does, and what the
 * pool does in its own thread when workers are not available.
 */
export async function prepareWithQuotes(input: PrepareInput, loadImage: ImageLoader): Promise<PreparedWithQuotes> {
  const article = await prepareArticle(input, { loadImage: withLocalImages(input.url, loadImage) })
  const quotes = detectQuotes(article.text).map(({ start, end, text, speaker, confidence, kind }) => ({ start, end, text, speaker, confidence, kind }))
  return { ...article, quotes }
}
