import { resolve } from 'node:path'
import { openDatabase, type OpenOptions } from './db/connection'
import { runBackfills } from './backfills'
import { createApi, createHandlers, type Handlers } from './api'
import type { AppContext } from './context'
import { EventBus } from './events'
import { PreparePool, importWorkers, inThreadPreparer } from './import/pool'
import { Rechecker, type RecheckOptions } from './versions/recheck'
import type { ClipfileApi } from '../shared/api'

export interface App {
  ctx: AppContext
  handlers: Handlers
  api: ClipfileApi
  close(): void
}

/** Opens the archive and builds the services over it: what every host starts from. */
export interface AppOptions extends OpenOptions {
  rechecks?: RecheckOptions
  /** Read pages in this thread rather than in import workers (tests that open many short-lived apps). */
  inThread?: boolean
}

export function openApp(dbPath: string, options: AppOptions = {}): App {
  const path = dbPath === ':memory:' ? dbPath : resolve(dbPath)
  const workers = importWorkers(process.env)
  const db = openDatabase(path, options)
  try {
    runBackfills(db)
  } catch (e) {
    db.close()
    throw e
  }
  // No pool when pages are read in this thread: it would only hold a second in-thread reader.
  const pool = options.inThread || workers === 0 ? null : new PreparePool(workers)
  const events = new EventBus()
  const prepare = pool?.prepare ?? inThreadPreparer()
  const rechecks = new Rechecker({ db, events, prepare }, options.rechecks)
  const ctx: AppContext = { db, dbPath: path, events, prepare, rechecks }
  const handlers = createHandlers(ctx)
  return {
    ctx,
    handlers,
    api: createApi(handlers),
    close: () => {
      void rechecks.stop()
      void pool?.close()
      if (db.open) {
        // Bounded: without a limit, the first optimize of a large archive runs ANALYZE over
        // whole indexes (a million-article archive: more than 6 minutes of reads on the bench
        // machine; with the limit 117 s the first time, then nothing until tables grow again).
        db.pragma('analysis_limit = 400')
        db.pragma('optimize')
        db.close()
      }
    }
  }
}
