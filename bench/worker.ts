/**
 * Archive-build worker. Full mode: generates pages and runs them through the import
 * worker's own `prepareWithQuotes` (decode → Readability → images → reader document → text
 * → quotes). Fast mode: generates the articles directly in the reader schema (fast.ts).
 * Either way the main thread only has to store them. Receives chunks of page indices,
 * answers with the articles in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { generatePage } from './corpus'
import { fastArticle, type FastArticle } from './fast'
import { prepareWithQuotes, type PreparedWithQuotes } from '../src/main/import/prepare'
import type { BuildMode } from './build'

export interface BuildChunk {
  from: number
  to: number
}

export interface BuiltPage {
  index: number
  url: string
  /** Full mode: the page, its tags and highlights, and what the import worker made of it. */
  html?: string
  tags: string[]
  highlights: ReturnType<typeof generatePage>['highlights']
  prepared?: PreparedWithQuotes | null
  /** Fast mode: the article as stored. */
  fast?: FastArticle
  error?: string
}

const { seed, mode } = workerData as { seed: number; mode: BuildMode }
// Generated pages carry their images inline (data: URIs): nothing to load.
const loadImage = async () => null

async function one(i: number): Promise<BuiltPage> {
  if (mode === 'fast') {
    const fast = fastArticle(seed, i)
    return { index: i, url: fast.article.url, tags: [], highlights: [], fast }
  }
  const page = generatePage(seed, i)
  try {
    const prepared = await prepareWithQuotes({ html: page.html, url: page.url, contentType: 'text/html; charset=utf-8' }, loadImage)
    return { index: i, url: page.url, html: page.html, tags: page.tags, highlights: page.highlights, prepared }
  } catch (e) {
    return { index: i, url: page.url, html: page.html, tags: [], highlights: [], prepared: null, error: String((e as Error).message) }
  }
}

parentPort?.on('message', async (chunk: BuildChunk | null) => {
  if (chunk === null) return process.exit(0)
  const out: BuiltPage[] = []
  for (let i = chunk.from; i < chunk.to; i++) out.push(await one(i))
  parentPort?.postMessage({ chunk, pages: out })
})
