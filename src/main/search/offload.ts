/**
 * Search in its own thread, for the hosts that serve many calls at once (serve mode): a
 * search over a million articles takes a good fraction of a second, and run on the main
 * thread it would hold up every other call — the library list, an open article, an import —
 * until it finished. The worker reads through its own connection (WAL lets it read while the
 * main connection writes; it sees every committed write). When the worker cannot start or
 * dies, searches run in this thread as before, so search never fails for want of a thread.
 */
import { Worker } from 'node:worker_threads'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { UserError, type ErrorCode } from '../../shared/result'
import type { SavedSearch, SearchResult } from '../../shared/types'
import type { DB } from '../db/connection'
import { listSavedSearches, search, type SearchRequest } from './service'

type Call = { method: 'search'; input: SearchRequest } | { method: 'listSavedSearches' }
export type SearchCall = { id: number } & Call
export type SearchReply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; user: boolean; code: string | null; message: string }

/** The worker's entry: the bundled file beside the built main, or the TypeScript source through tsx. */
function workerEntry(): URL | null {
  const here = import.meta.url
  const url = here.endsWith('.ts') ? new URL('./worker.boot.mjs', here) : new URL('./search-worker.js', here)
  return existsSync(fileURLToPath(url)) ? url : null
}

export interface SearchThread {
  search(input: SearchRequest): Promise<SearchResult>
  listSavedSearches(): Promise<SavedSearch[]>
  /** Whether calls go to the worker (false: they run in this thread). */
  readonly threaded: boolean
  close(): Promise<void>
}

export function startSearchThread(db: DB, path: string, options: { nativeBinding?: string } = {}): SearchThread {
  const entry = path === ':memory:' ? null : workerEntry()
  let worker: Worker | null = entry ? new Worker(entry, { workerData: { path, nativeBinding: options.nativeBinding } }) : null
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>()
  let nextId = 1
  const fail = (e: Error) => {
    worker = null
    for (const job of pending.values()) job.reject(new UserError('internal', `the search thread stopped: ${e.message}`))
    pending.clear()
  }
  if (worker) {
    worker.unref()
    worker.on('message', (r: SearchReply) => {
      const job = pending.get(r.id)
      if (!job) return
      pending.delete(r.id)
      if (r.ok) job.resolve(r.value)
      else job.reject(revive(r))
    })
    worker.on('error', fail)
    worker.on('exit', (code) => code !== 0 && fail(new Error(`exit ${code}`)))
  }
  const call = <T>(c: Call, here: () => T): Promise<T> => {
    if (!worker) return Promise.resolve().then(here)
    const id = nextId++
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject })
      worker!.postMessage({ ...c, id } satisfies SearchCall)
    })
  }
  return {
    get threaded() {
      return worker !== null
    },
    search: (input) => call({ method: 'search', input }, () => search(db, input)),
    listSavedSearches: () => call({ method: 'listSavedSearches' }, () => listSavedSearches(db)),
    close: async () => {
      const w = worker
      worker = null
      if (!w) return
      w.postMessage(null)
      await new Promise<void>((resolve) => {
        w.once('exit', () => resolve())
        setTimeout(() => void w.terminate().then(() => resolve()), 2000).unref()
      })
    }
  }
}

/** The worker's error as the one the call would have thrown here (dispatch() words it for people). */
function revive(r: Extract<SearchReply, { ok: false }>): Error {
  if (r.user) return new UserError(r.code as ErrorCode, r.message)
  return Object.assign(new Error(r.message), r.code ? { code: r.code } : {})
}
