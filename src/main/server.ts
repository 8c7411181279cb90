/**
 * Serve mode: the built renderer and the same ClipfileApi over loopback HTTP.
 *
 * Every API call needs the per-run token (Authorization: Bearer, or ?token= for
 * EventSource and images, which cannot send headers). Requests whose Host or Origin is not
 * this server's are refused, so a web page cannot reach the archive by DNS rebinding.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { AddressInfo } from 'node:net'
import { closerOf } from './server-close'
import { isMethodName } from '../shared/methods'
import { contentSecurityPolicy } from '../shared/csp'
import { dispatch, type Handlers } from './api'
import type { EventBus } from './events'
import { getAsset } from './db/articles'
import type { DB } from './db/connection'

export interface ServeOptions {
  handlers: Handlers
  events: EventBus
  db: DB
  /** Folder with the built renderer (index.html). */
  rendererDir: string
  host?: string
  port?: number
  token?: string
}

export interface RunningServer {
  url: string
  /** The URL to open: includes the token in the fragment, which browsers never send. */
  openUrl: string
  token: string
  port: number
  server: Server
  close(): Promise<void>
}

const MAX_BODY = 100 * 1024 * 1024
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

/** Starts serve mode; resolves once listening. */
export async function startServer(o: ServeOptions): Promise<RunningServer> {
  const token = o.token ?? randomBytes(24).toString('base64url')
  const host = o.host ?? '127.0.0.1'
  const state = { allowedHosts: new Set<string>() }
  const server = createServer((req, res) => {
    handle(req, res, o, token, state.allowedHosts).catch((e) => {
      console.error('[clipfile] server error:', e)
      if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'internal', message: 'Internal error.' } })
      else res.end()
    })
  })
  server.requestTimeout = 10 * 60_000
  // The browser reuses idle connections for the next API call; if the server closed one at
  // that moment the POST would fail ("Failed to fetch") and browsers do not retry a POST. So
  // the server keeps idle connections longer than Chromium does (5 minutes): the browser
  // closes them first. headersTimeout must stay above it.
  server.keepAliveTimeout = 6 * 60_000
  server.headersTimeout = 6 * 60_000 + 1000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port ?? 0, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  for (const h of ['127.0.0.1', 'localhost', '[::1]', host.includes(':') ? `[${host}]` : host]) {
    state.allowedHosts.add(`${h}:${port}`)
  }
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host
  const url = `http://${shownHost}:${port}/`
  const close = closerOf(server)
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    port,
    server,
    close
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, o: ServeOptions, token: string, hosts: Set<string>) {
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
  if (!hosts.has(req.headers.host ?? '')) return send(res, 403, err('forbidden', 'Foreign Host header refused.'))
  const origin = req.headers.origin
  if (origin && !hosts.has(origin.replace(/^https?:\/\//, ''))) {
    return send(res, 403, err('forbidden', 'Cross-origin request refused.'))
  }
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/asset/')) {
    if (!hasToken(req, url, token)) return send(res, 401, err('unauthorized', 'Missing or wrong token.'))
    if (url.pathname === '/api/events') return streamEvents(req, res, o.events)
    if (url.pathname.startsWith('/asset/')) return serveAsset(res, o.db, url.pathname.slice('/asset/'.length))
    return serveApi(req, res, o.handlers, url.pathname.slice('/api/'.length))
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, err('method', 'Method not allowed.'))
  return serveStatic(res, o.rendererDir, url.pathname)
}

const err = (code: string, message: string) => ({ ok: false, error: { code, message } })

function hasToken(req: IncomingMessage, url: URL, token: string): boolean {
  const header = req.headers.authorization?.match(/^Bearer (.+)$/)?.[1]
  const given = header ?? url.searchParams.get('token') ?? ''
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

async function serveApi(req: IncomingMessage, res: ServerResponse, handlers: Handlers, method: string) {
  if (req.method !== 'POST') return send(res, 405, err('method', 'API calls are POST requests with a JSON body.'))
  if (!isMethodName(method)) return send(res, 404, err('not_found', `Unknown method "${method}".`))
  let payload: unknown
  try {
    const body = await readBody(req)
    payload = body.length ? JSON.parse(body.toString('utf8')) : {}
  } catch (e) {
    return send(res, 400, err('invalid_input', (e as Error).message.startsWith('body') ? (e as Error).message : 'The request body is not valid JSON.'))
  }
  send(res, 200, await dispatch(handlers, method, payload))
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_BODY) {
        reject(new Error(`body larger than ${MAX_BODY / 1024 / 1024} MB`))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

function streamEvents(req: IncomingMessage, res: ServerResponse, events: EventBus) {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
  res.write(': connected\n\n')
  const off = events.onAny((event, payload) => res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`))
  const ping = setInterval(() => res.write(': ping\n\n'), 25_000)
  req.on('close', () => {
    off()
    clearInterval(ping)
  })
}

function serveAsset(res: ServerResponse, db: DB, idText: string) {
  const id = Number(idText)
  const asset = Number.isInteger(id) && id > 0 ? getAsset(db, id) : null
  if (!asset) return send(res, 404, err('not_found', 'No such asset.'))
  res.writeHead(200, {
    'Content-Type': asset.mime,
    'Content-Length': asset.bytes.length,
    'Cache-Control': 'private, max-age=31536000, immutable',
    'Content-Security-Policy': "default-src 'none'; sandbox"
  })
  res.end(asset.bytes)
}

async function serveStatic(res: ServerResponse, root: string, pathname: string) {
  const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '')
  let file = join(root, rel)
  if (!file.startsWith(root + sep) && file !== root) return send(res, 403, err('forbidden', 'Outside the app.'))
  const info = await stat(file).catch(() => null)
  // Unknown paths get the app (client-side routes).
  if (!info || info.isDirectory()) file = join(root, 'index.html')
  const body = await readFile(file).catch(() => null)
  if (!body) return send(res, 404, err('not_found', 'The UI is not built: run `npm run build`.'))
  res.writeHead(200, {
    'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': contentSecurityPolicy()
  })
  res.end(body)
}

function send(res: ServerResponse, status: number, body: unknown) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(text)
}
