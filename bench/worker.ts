/**
 * Archive-build worker: generates pages and runs them through the app's own
 * `prepareArticle` (decode → Readability → images → reader document → text), so the main
 * thread only has to store them. Receives chunks of page indices, answers with prepared
 * articles in the same order.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { generatePage } from './corpus'
import { prepareArticle, type PreparedArticle } from '../src/main/page/prepare'

export interface BuildChunk {
  from: number
  to: number
}

export interface BuiltPage {
  index: number
  url: string
  html: string
  tags: string[]
  highlights: ReturnType<typeof generatePage>['highlights']
  prepared: PreparedArticle | null
  error?: string
}

const { seed } = workerData as { seed: number }
// Generated pages carry their images inline (data: URIs): nothing to load.
const loadImage = async () => null

parentPort?.on('message', async (chunk: BuildChunk | null) => {
  if (chunk === null) return process.exit(0)
  const out: BuiltPage[] = []
  for (let i = chunk.from; i < chunk.to; i++) {
    const page = generatePage(seed, i)
    try {
      const prepared = await prepareArticle({ html: page.html, url: page.url, contentType: 'text/html; charset=utf-8' }, { loadImage })
      out.push({ index: i, url: page.url, html: page.html, tags: page.tags, highlights: page.highlights, prepared })
    } catch (e) {
      out.push({ index: i, url: page.url, html: page.html, tags: [], highlights: [], prepared: null, error: String((e as Error).message) })
    }
  }
  parentPort?.postMessage({ chunk, pages: out })
})
