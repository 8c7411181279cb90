/**
 * The search thread's shell: its own read-only connection to the archive, answering the
 * read-heavy search calls so that a long search never holds up the thread that serves
 * everything else. Built as out/main/search-worker.js; run from sources through
 * worker.boot.mjs. See offload.ts.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { UserError } from '../../shared/result'
import { openReadConnection } from '../db/connection'
import { listSavedSearches, search } from './service'
import type { SearchCall, SearchReply } from './offload'

const { path, nativeBinding } = workerData as { path: string; nativeBinding?: string }
const db = openReadConnection(path, { nativeBinding })

parentPort?.on('message', (call: SearchCall | null) => {
  if (call === null) {
    db.close()
    return process.exit(0)
  }
  try {
    const value = call.method === 'search' ? search(db, call.input) : listSavedSearches(db)
    parentPort!.postMessage({ id: call.id, ok: true, value } satisfies SearchReply)
  } catch (e) {
    const err = e as { code?: unknown; message?: string }
    parentPort!.postMessage({
      id: call.id,
      ok: false,
      user: e instanceof UserError,
      code: typeof err?.code === 'string' ? err.code : null,
      message: err?.message ?? String(e)
    } satisfies SearchReply)
  }
})
