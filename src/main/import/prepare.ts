/**
 * The CPU-heavy part of importing one page: the page pipeline (decode, extract, images,
 * reader document) and quote detection. Runs in an import worker (prepare-worker.ts), or in
 * the main thread when workers are not available; main keeps every database write.
 */
import { prepareArticle, type PrepareInput, type PreparedArticle } from '../page/prepare'
import { findQuotes } from '../quotes/detect'
import type { FoundQuote } from '../db/quotes'
import type { ErrorCode } from '../../shared/result'
import { withLocalImages, type ImageLoader } from './local-images'

export type { PrepareInput } from '../page/prepare'
export type PreparedWithQuotes = PreparedArticle & { quotes: FoundQuote[] }
export type Preparer = (input: PrepareInput) => Promise<PreparedWithQuotes>

/** A job sent to an import worker, and its answer. */
export interface PrepareRequest {
  id: number
  input: PrepareInput
}
export type PrepareResponse =
  | { id: number; ok: true; prepared: PreparedWithQuotes }
  | { id: number; ok: false; code: ErrorCode | null; message: string }

/** One page → an article with its quotations, speakers and their keys. */
export async function prepareWithQuotes(input: PrepareInput, loadImage: ImageLoader): Promise<PreparedWithQuotes> {
  const article = await prepareArticle(input, { loadImage: withLocalImages(input.url, loadImage) })
  return { ...article, quotes: findQuotes(article.text) }
}
