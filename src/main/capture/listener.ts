/**
 * The capture listener: the loopback port the "Save to Clipfile" extension talks to. Its
 * own job is only to let the extension in — pairing and authentication; a capture then goes
 * to the contract's `importItems` like any import, and the badge's question to `findSavedUrl`.
 *
 * Any web page in the browser can aim requests at this port, so every request must pass,
 * in this order, before anything is read or written: a loopback Host with this port (DNS
 * rebinding), the extension's Origin (no web page can send one), POST, a known route,
 * `Content-Type: application/json` (which no form or no-cors request can send), a bearer
 * token, and a body under the route's cap. A refusal is a 4xx with a sentence and changes
 * nothing. CORS headers name the extension's own origin, never `*`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { closerOf } from '../server-close'
import {
  CAPTURE_ROUTES,
  CHROMIUM_EXTENSION_ID,
  DEFAULT_CAPTURE_PORT,
  MAX_CAPTURE_BODY_BYTES,
  MAX_SMALL_BODY_BYTES,
  type CaptureRequest,
  type CaptureResponse,
  type LookupResponse,
  type PairingStatus
} from '../../shared/capture'
import type { ImportItem, ImportSummary, SavedUrl } from '../../shared/api'
import { UserError } from '../../shared/result'
import { dispatch, type Handlers } from '../api'
import type { AppContext } from '../context'
import { articleExists } from '../db/articles'
import { VERSION } from '../version'
import { formatBytes } from '../page/fetch'
import { NO_ARTICLE_REASON } from '../page/extract'
import * as pairing from './pairing'

export interface CaptureListenerOptions {
  ctx: Pick<AppContext, 'db' | 'events'>
  handlers: Handlers
  /** 0 picks a free port (tests). */
  port?: number
}

export interface CaptureListener {
  port: number
  server: Server
  close(): Promise<void>
}

type Route = (typeof CAPTURE_ROUTES)[keyof typeof CAPTURE_ROUTES]
const ROUTES = new Set<string>(Object.values(CAPTURE_ROUTES))
const MOZ_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
const CHROMIUM_ORIGIN = `chrome-extension://${CHROMIUM_EXTENSION_ID}`
const TOKEN = /^Bearer ([A-Za-z0-9_-]{32,128})$/

/** A refusal: its status and the sentence the extension shows. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

/** Whether this Origin is the Clipfile extension (Chromium's fixed id, or a Firefox install's own origin). */
export function isExtensionOrigin(origin: string | undefined): origin is string {
  return origin === CHROMIUM_ORIGIN || (origin !== undefined && MOZ_ORIGIN.test(origin))
}

/** Starts listening on 127.0.0.1; rejects (EADDRINUSE…) when the port cannot be had. */
export async function startCaptureListener(o: CaptureListenerOptions): Promise<CaptureListener> {
  const seen = new Map<number, string>()
  const hosts = new Set<string>()
  const server = createServer((req, res) => {
    handle(req, res, o, hosts, seen).catch((e: unknown) => {
      const refusal = e instanceof Refusal ? e : null
      if (!refusal) console.error('[clipfile] capture listener error:', e)
      if (res.headersSent) return void res.end()
      // A refused body is not read any further: the connection closes once the answer is out.
      if (!req.complete) {
        res.setHeader('Connection', 'close')
        res.once('finish', () => req.destroy())
      }
      send(res, refusal?.status ?? 500, { error: refusal?.message ?? 'Something went wrong inside Clipfile; the details are in its log.' })
    })
  })
  server.requestTimeout = 5 * 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port ?? DEFAULT_CAPTURE_PORT, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const port = (server.address() as AddressInfo).port
  for (const h of ['127.0.0.1', 'localhost', '[::1]']) hosts.add(`${h}:${port}`)
  const close = closerOf(server)
  return {
    port,
    server,
    close
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, o: CaptureListenerOptions, hosts: Set<string>, seen: Map<number, string>) {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Cache-Control', 'no-store')
  if (!hosts.has(req.headers.host ?? '')) throw new Refusal(403, 'Foreign Host header refused.')
  const origin = req.headers.origin
  if (!isExtensionOrigin(origin)) throw new Refusal(403, 'Only the Save to Clipfile extension may use this port.')
  // From here on the answer may be read by the extension's own origin, and only by it.
  res.setHeader('Access-Control-Allow-Origin', origin)
  res.setHeader('Vary', 'Origin')
  if (req.method === 'OPTIONS') return preflight(res)
  if (req.method !== 'POST') throw new Refusal(405, 'Requests to Clipfile are POSTs.')
  const path = new URL(req.url ?? '/', 'http://localhost').pathname
  if (!ROUTES.has(path)) throw new Refusal(404, `Unknown request ${path}.`)
  const route = path as Route
  if (mimeOf(req.headers['content-type']) !== 'application/json') throw new Refusal(415, 'Requests to Clipfile carry JSON (Content-Type: application/json).')
  const token = TOKEN.exec(req.headers.authorization ?? '')?.[1]
  if (!token) throw new Refusal(401, 'The request has no pairing token.')
  const body = await readJson(req, route === CAPTURE_ROUTES.capture ? MAX_CAPTURE_BODY_BYTES : MAX_SMALL_BODY_BYTES)
  const { db, events } = o.ctx
  if (route === CAPTURE_ROUTES.pair) return send(res, 200, pair(o, token, origin, body))
  if (route === CAPTURE_ROUTES.status) {
    const state = pairing.pairingState(db, token, origin)
    // An approval or refusal made by another process (`clipfile pairing approve`) shows here first.
    if (state.id !== undefined && seen.get(state.id) !== state.state) {
      if (seen.has(state.id)) events.emit('pairingsChanged', { pending: pairing.countPending(db) })
      seen.set(state.id, state.state)
    }
    return send(res, 200, { state: state.state, code: state.code, version: VERSION } satisfies PairingStatus)
  }
  if (pairing.authorize(db, token, origin) === null) {
    throw new Refusal(401, 'This browser is not paired with Clipfile, or its pairing was revoked: pair it again from the extension.')
  }
  if (route === CAPTURE_ROUTES.capture) return send(res, 200, await capture(o.handlers, body))
  if (route === CAPTURE_ROUTES.lookup) return send(res, 200, await lookup(o.handlers, body))
  return send(res, 200, open(o.ctx, body))
}

function preflight(res: ServerResponse): void {
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'POST',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type',
    'Access-Control-Max-Age': '600'
  })
  res.end()
}

function pair(o: CaptureListenerOptions, token: string, origin: string, body: unknown): PairingStatus {
  const browser = typeof field(body, 'browser') === 'string' ? (field(body, 'browser') as string) : ''
  try {
    const answer = pairing.requestPairing(o.ctx.db, { token, origin, browser })
    if (answer.state === 'pending') o.ctx.events.emit('pairingsChanged', { pending: pairing.countPending(o.ctx.db) })
    return { ...answer, version: VERSION }
  } catch (e) {
    if (e instanceof UserError) throw new Refusal(409, e.message)
    throw e
  }
}

/** The capture goes through the contract's importItems, validated by its schema like any import. */
async function capture(handlers: Handlers, body: unknown): Promise<CaptureResponse> {
  const b = (body ?? {}) as Partial<CaptureRequest>
  const item = {
    kind: 'capture',
    html: b.html,
    url: b.url,
    canonicalUrl: b.canonicalUrl || undefined,
    title: b.title,
    images: b.images,
    selection: b.selection,
    note: b.note || undefined
  } as ImportItem
  const r = await dispatch(handlers, 'importItems', { jobId: `capture-${randomUUID()}`, items: [item], tags: b.tags ?? [], force: b.force === true })
  if (!r.ok) throw new Refusal(r.error.code === 'invalid_input' ? 400 : 500, r.error.message)
  const result = (r.value as ImportSummary).results[0]
  if (result.ok) return { ok: true, id: result.id, status: result.status, title: result.title }
  // The command line's advice ("use --force") becomes the popup's "Save the whole page anyway".
  if (result.error === NO_ARTICLE_REASON) return { ok: false, noArticle: true, error: 'No article was found on this page: only menus, links or too little text.' }
  return { ok: false, error: result.error }
}

async function lookup(handlers: Handlers, body: unknown): Promise<LookupResponse> {
  const r = await dispatch(handlers, 'findSavedUrl', { url: field(body, 'url') })
  if (!r.ok) throw new Refusal(400, r.error.message)
  const found = r.value as SavedUrl | null
  return found ? { id: found.id, title: found.title } : { id: null }
}

function open(ctx: CaptureListenerOptions['ctx'], body: unknown): { ok: true } {
  const id = field(body, 'id')
  if (typeof id !== 'number' || !Number.isInteger(id) || id <= 0 || !articleExists(ctx.db, id)) {
    throw new Refusal(404, 'That article is not in the archive (any more).')
  }
  ctx.events.emit('openArticle', { id })
  return { ok: true }
}

const field = (body: unknown, key: string): unknown =>
  body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[key] : undefined

const mimeOf = (value: string | undefined): string => (value ?? '').split(';')[0].trim().toLowerCase()

/** Reads the body as JSON, refusing it (413) as soon as it passes `cap` bytes. */
async function readJson(req: IncomingMessage, cap: number): Promise<unknown> {
  const tooLarge = () => new Refusal(413, `The request is larger than ${formatBytes(cap)}, the most Clipfile accepts here.`)
  const declared = Number(req.headers['content-length'])
  if (Number.isFinite(declared) && declared > cap) throw tooLarge()
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > cap) throw tooLarge()
    chunks.push(chunk as Buffer)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new Refusal(400, 'The request body is not valid JSON.')
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

/** The port to listen on: `--capture-port`, else CLIPFILE_CAPTURE_PORT, else 27183. */
export function capturePort(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  const raw = flag ?? env.CLIPFILE_CAPTURE_PORT
  if (raw === undefined || raw === '') return DEFAULT_CAPTURE_PORT
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    throw new UserError('invalid_input', `The capture port must be a whole number from 0 to 65535, got "${raw}".`)
  }
  return n
}

/** Says why the listener could not start, in words. */
export function listenerFailure(e: unknown, port: number): string {
  const code = (e as { code?: string }).code
  if (code === 'EADDRINUSE') {
    return `Port ${port} is in use (another Clipfile?), so the browser extension cannot save to this one. Choose another with --capture-port or CLIPFILE_CAPTURE_PORT, and the same port in the extension's options.`
  }
  return `The browser extension's port ${port} could not be opened: ${(e as Error).message}`
}
