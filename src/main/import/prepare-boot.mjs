// Run from sources (CLI via tsx, tests): worker threads do not inherit tsx's loader, so
// register it before loading the TypeScript worker. The built app uses import-worker.js.
import { register } from 'tsx/esm/api'

register()
await import('./prepare-worker.ts')
