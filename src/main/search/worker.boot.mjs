// The search worker run from sources (CLI through tsx, tests): worker threads do not inherit
// tsx's loader, so register it before loading the TypeScript worker. The built app runs
// search-worker.js, bundled beside main.
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
