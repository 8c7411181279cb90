import type { DB } from './db/connection'
import type { EventBus } from './events'
import type { Preparer } from './import/prepare'
import type { Rechecker } from './versions/recheck'

/** What the services of one open archive share: every host builds one (see app.ts). */
export interface AppContext {
  db: DB
  dbPath: string
  events: EventBus
  /** Turns a page into an article (in a worker thread where possible). */
  prepare: Preparer
  /** Re-checks articles at their address; its schedule runs only where a host starts it (the app, serve). */
  rechecks: Rechecker
}
