/**
 * The CPU-heavy part of importing one page: the page pipeline (decode, extract, images,
 * reader document) and quote detection. Runs in an import worker (prepare-worker.ts), or in
 * the main thread when workers are not available; main keeps every database write.
 */
import { prepareArticle, type PrepareInput, type PreparedArticle } from '../page/prepare'
import { findQuotes } from '../quotes/detect'
import type { FoundQuote } from '../db/quotes'
import type { ErrorCode } from '../../shared/result'
import { withKnownImages, withLocalImages, type ImageLoader } from './local-images'
import { providedImages } from './provided-images'
import type { ProvidedImage } from './tasks'

/**
 * A page to prepare, with its images when its source already fetched them (the browser
 * extension); `noImages` leaves its images out (a re-check first only reads the text).
 */
export type ImportPrepareInput = PrepareInput & { images?: ProvidedImage[]; noImages?: boolean }
export type PreparedWithQuotes = PreparedArticle & { quotes: FoundQuote[] }
export type Preparer = (input: ImportPrepareInput) => Promise<PreparedWithQuotes>

/** A job sent to an import worker, and its answer. */
export interface PrepareRequest {
  id: number
  input: ImportPrepareInput
}
export type PrepareResponse =
  | { id: number; ok: true; prepared: PreparedWithQuotes }
  | { id: number; ok: false; code: ErrorCode | null; message: string }

const noImages: ImageLoader = async () => null

/** One page → an article with its quotations, speakers and their keys. */
export async function prepareWithQuotes({ noImages: skip, ...input }: ImportPrepareInput, loadImage: ImageLoader): Promise<PreparedWithQuotes> {
  // Images that came with the page are the only ones used: the app downloads none of its own.
  // Otherwise images the archive already holds (re-extraction) come first, then the page's folder, then the network.
  const loader = skip ? noImages : input.images ? providedImages(input.images) : withKnownImages(input.knownImages, input.offline ?? false, withLocalImages(input.url, loadImage))
  const article = await prepareArticle(input, { loadImage: loader })
  return { ...article, quotes: findQuotes(article.text, { furniture: article.furniture }) }
}
