/**
 * ClipfileApi implemented over the services: plain functions, no Electron. Every host
 * (ipc.ts, server.ts, cli.ts) goes through `dispatch`, which validates the payload with
 * the contract's schema and turns every failure into a message a person can read.
 */
import type { ZodError } from 'zod'
import { methodNames, isMethodName, schemas, type ClipfileApi, type MethodName } from '../shared/api'
import { UserError, type Result } from '../shared/result'
import type { AppContext } from './context'
import type { Handlers } from './handlers/types'
import { libraryHandlers } from './handlers/library'
import { highlightHandlers } from './handlers/highlights'
import { searchHandlers } from './handlers/search'
import { quoteHandlers } from './handlers/quotes'
import { teamHandlers } from './handlers/team'
import { captureHandlers } from './handlers/capture'
import { versionHandlers } from './handlers/versions'
import { articleHandlers } from './handlers/articles'
import { readingHandlers } from './handlers/reading'
import { settingsHandlers } from './handlers/settings'

export type { Handlers } from './handlers/types'

/** Every method's handler over one open archive, each area's from its own module. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...libraryHandlers(ctx),
    ...highlightHandlers(ctx),
    ...searchHandlers(ctx),
    ...quoteHandlers(ctx),
    ...teamHandlers(ctx),
    ...captureHandlers(ctx),
    ...versionHandlers(ctx),
    ...articleHandlers(ctx),
    ...readingHandlers(ctx),
    ...settingsHandlers(ctx)
  }
}

/** Formats zod's issues as one line: `items.0.url: Too small …; limit: …`. */
export function describeZodError(error: ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
    .join('; ')
}

/** Validates `payload` against the method's schema, runs it, and never throws. */
export async function dispatch(handlers: Handlers, name: string, payload: unknown): Promise<Result<unknown>> {
  if (!isMethodName(name)) {
    return { ok: false, error: { code: 'not_found', message: `Unknown method "${name}".` } }
  }
  const method = name as MethodName
  const parsed = schemas[method].safeParse(payload ?? {})
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: `Invalid input for ${method}: ${describeZodError(parsed.error)}` } }
  }
  try {
    const run = handlers[method] as (input: unknown) => unknown
    return { ok: true, value: await run(parsed.data) }
  } catch (e) {
    return { ok: false, error: toApiError(e) }
  }
}

function toApiError(e: unknown): { code: UserError['code']; message: string } {
  if (e instanceof UserError) return { code: e.code, message: e.message }
  const err = e as { code?: string; message?: string }
  if (err?.code === 'SQLITE_CORRUPT_VTAB') {
    console.error('[clipfile] search index error:', e)
    return { code: 'internal', message: "The search index is out of step with the archive. Run 'clipfile check --repair' to rebuild it; no articles are lost." }
  }
  if (typeof err?.code === 'string' && err.code.startsWith('SQLITE_BUSY')) {
    return { code: 'internal', message: 'The archive is busy (another Clipfile is writing). Try again in a moment.' }
  }
  // Unexpected: keep the details for the log, show the person a sentence.
  console.error('[clipfile] internal error:', e)
  return { code: 'internal', message: 'Something went wrong inside Clipfile; the details are in its log.' }
}

/** The api as direct function calls (CLI, tests): same validation as the other hosts. */
export function createApi(handlers: Handlers): ClipfileApi {
  const api = {} as Record<MethodName, (input: unknown) => Promise<Result<unknown>>>
  for (const name of methodNames) api[name] = (input) => dispatch(handlers, name, input)
  return api as ClipfileApi
}
