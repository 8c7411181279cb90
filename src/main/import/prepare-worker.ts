/**
 * The import worker's thread shell: receives pages, runs prepare.ts on them, posts back the
 * result. Built as out/main/prepare-worker.js; run from sources through prepare-worker.boot.mjs.
 */
import { parentPort } from 'node:worker_threads'
import { UserError } from '../../shared/result'
import { imageLoader } from '../page/fetch'
import { prepareWithQuotes, type PrepareRequest, type PrepareResponse } from './prepare'

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
