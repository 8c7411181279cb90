/**
 * The team server: a newsroom's shared archive over HTTP, backed by PostgreSQL.
 *
 *   GET  /health               no token: is the server up, can it reach its database, which schema
 *   GET  /whoami               the token's user and role
 *   POST /sync/push            editors and admins: operations from an archive's outbox
 *   POST /sync/pull            everything after a sequence number
 *   GET  /sync/version/<uuid>  one article version in full
 *   POST /sync/versions        several (a new member's pull of articles' histories), by UUID
 *   GET  /asset/<sha256>       an image of an article
 *   POST /api/<method>         the contract's read methods (search, getArticle, …), validated by its schemas
 *   GET|POST /admin/users, POST /admin/users/revoke   admins: users and tokens
 *
 * Every request but /health needs `Authorization: Bearer <token>`; each token has its own
 * request-rate budget; bodies are capped. Every request is logged as one JSON line with its
 * id (the caller's X-Request-Id when sane, else a new one), echoed in the response.
 * TLS is the reverse proxy's job (docs/team.md).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes } from 'node:crypto'
import type { AddressInfo, Socket } from 'node:net'
import { schemas } from '../shared/api'
import { UserError } from '../shared/result'
import { TEAM_ROLES, pullRequestSchema, pushRequestSchema, uuid as uuidSchema, versionsRequestSchema, type TeamRole } from '../shared/sync'
import type { ZodError } from 'zod'
import { VERSION } from '../main/version'
import { applyPush } from './push'
import { loadVersions, pullChanges } from './pull'
import { TEAM_METHODS, teamHandlers, type TeamMethod } from './read'
import { RateLimiter } from './limits'
import { createLogger, type Logger } from './log'
import { TEAM_SCHEMA_VERSION, teamSchemaVersion } from './store/migrations'
import type { Pool } from './store/pool'
import { addUser, authenticate, listUsers, revokeUser, touchToken, type TeamUser } from './store/users'

export interface TeamServerOptions {
  pool: Pool
  host?: string
  port?: number
  /** Largest request body, bytes (default 64 MB: a push of articles with their images). */
  maxBody?: number
  /** Requests per second per token, sustained (default 50), and the burst allowed (default 200). */
  rate?: number
  burst?: number
  logger?: Logger
}

export interface RunningTeamServer {
  url: string
  port: number
  server: Server
  close(): Promise<void>
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
  }
}

interface Request {
  req: IncomingMessage
  res: ServerResponse
  url: URL
  user?: TeamUser
}

export async function startTeamServer(o: TeamServerOptions): Promise<RunningTeamServer> {
  const logger = o.logger ?? createLogger()
  const limiter = new RateLimiter(o.rate ?? 50, o.burst ?? 200)
  const maxBody = o.maxBody ?? 64 * 1024 * 1024
  let baseUrl = ''
  const server = createServer((req, res) => {
    const started = performance.now()
    const given = req.headers['x-request-id']
    const id = typeof given === 'string' && /^[\w.-]{1,64}$/.test(given) ? given : randomBytes(8).toString('hex')
    res.setHeader('X-Request-Id', id)
    const ctx: Request = { req, res, url: new URL(req.url ?? '/', 'http://team') }
    route(ctx, o.pool, limiter, maxBody, baseUrl)
      .catch((e: unknown) => {
        const known = e instanceof HttpError ? e : toHttpError(e)
        if (known.status >= 500) logger.info('request failed', { id, error: (e as Error).stack ?? String(e) })
        if (!res.headersSent) send(res, known.status, { ok: false, error: { code: known.code, message: known.message } }, known.headers)
        else res.end()
      })
      .finally(() => {
        logger.request({ id, method: req.method ?? '', path: ctx.url.pathname, status: res.statusCode, ms: Math.round((performance.now() - started) * 10) / 10, ...(ctx.user ? { user: ctx.user.name } : {}) })
      })
  })
  server.requestTimeout = 10 * 60_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const host = o.host ?? '127.0.0.1'
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`
  const sockets = new Set<Socket>()
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  logger.info('team server listening', { url: baseUrl, schema: TEAM_SCHEMA_VERSION })
  return {
    url: baseUrl,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

function toHttpError(e: unknown): HttpError {
  if (e instanceof UserError) {
    const status = e.code === 'not_found' ? 404 : e.code === 'conflict' ? 409 : e.code === 'internal' ? 500 : 400
    return new HttpError(status, e.code, e.message)
  }
  const code = (e as { code?: string }).code
  if (code === 'ECONNREFUSED' || code === '57P01' || code === '57P03' || code === '08006') {
    return new HttpError(503, 'unavailable', 'The team database cannot be reached; try again shortly.')
  }
  return new HttpError(500, 'internal', 'Something went wrong inside the team server; the details are in its log.')
}

async function route(r: Request, pool: Pool, limiter: RateLimiter, maxBody: number, baseUrl: string): Promise<void> {
  const { req, res, url } = r
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Cache-Control', 'no-store')
  const path = url.pathname
  if (path === '/health' && req.method === 'GET') return health(res, pool)
  const token = req.headers.authorization?.match(/^Bearer (\S+)$/)?.[1]
  if (!token) throw new HttpError(401, 'unauthorized', 'A token is needed: Authorization: Bearer <token>.')
  const limit = limiter.take(token)
  if (!limit.ok) throw new HttpError(429, 'rate_limited', `Too many requests for this token; retry in ${limit.retryAfter} s.`, { 'Retry-After': String(limit.retryAfter) })
  const auth = await authenticate(pool, token)
  if (!auth.ok) {
    throw new HttpError(401, auth.reason === 'revoked' ? 'revoked' : 'unauthorized', auth.reason === 'revoked' ? 'This token was revoked. Ask a team admin for a new one.' : 'Unknown token.')
  }
  r.user = auth.user
  void touchToken(pool, token).catch(() => {})
  const user = auth.user
  if (path === '/whoami' && req.method === 'GET') return send(res, 200, { ok: true, value: { name: user.name, role: user.role, schema: TEAM_SCHEMA_VERSION, version: VERSION } })
  if (path.startsWith('/asset/') && req.method === 'GET') return serveAsset(res, pool, path.slice('/asset/'.length))
  if (path.startsWith('/sync/version/') && req.method === 'GET') return serveVersion(res, pool, path.slice('/sync/version/'.length))
  if (req.method !== 'POST' && !(path === '/admin/users' && req.method === 'GET')) throw new HttpError(405, 'method', 'Method not allowed.')
  if (path === '/admin/users') return adminUsers(r, pool, user, maxBody)
  const body = await readJson(req, maxBody)
  if (path === '/sync/push') {
    if (user.role === 'reader') throw new HttpError(403, 'forbidden', `${user.name} is a reader: readers search and read, they cannot add or change anything.`)
    const parsed = pushRequestSchema.safeParse(body)
    if (!parsed.success) throw new HttpError(400, 'invalid_input', `Invalid push: ${describeZodError(parsed.error)}`)
    return send(res, 200, { ok: true, value: await applyPush(pool, user, parsed.data) })
  }
  if (path === '/sync/pull') {
    const parsed = pullRequestSchema.safeParse(body)
    if (!parsed.success) throw new HttpError(400, 'invalid_input', `Invalid pull: ${describeZodError(parsed.error)}`)
    return send(res, 200, { ok: true, value: await pullChanges(pool, parsed.data.since, parsed.data.limit) })
  }
  if (path === '/sync/versions') {
    const parsed = versionsRequestSchema.safeParse(body)
    if (!parsed.success) throw new HttpError(400, 'invalid_input', `Invalid request: ${describeZodError(parsed.error)}`)
    const found = await loadVersions(pool, parsed.data.uuids)
    return send(res, 200, { ok: true, value: { versions: parsed.data.uuids.flatMap((u) => found.get(u) ?? []) } })
  }
  if (path === '/admin/users/revoke') {
    requireAdmin(user)
    const name = (body as { name?: unknown })?.name
    if (typeof name !== 'string' || !name) throw new HttpError(400, 'invalid_input', 'Give the name of the user whose tokens to revoke.')
    return send(res, 200, { ok: true, value: { revoked: await revokeUser(pool, name) } })
  }
  if (path.startsWith('/api/')) return serveMethod(r, pool, user, path.slice('/api/'.length), body, baseUrl)
  throw new HttpError(404, 'not_found', `No such endpoint: ${path}`)
}

async function health(res: ServerResponse, pool: Pool) {
  try {
    const schema = await teamSchemaVersion(pool)
    send(res, 200, { ok: true, status: 'up', database: 'up', schema, version: VERSION })
  } catch (e) {
    send(res, 503, { ok: false, status: 'degraded', database: 'down', error: (e as Error).message, version: VERSION })
  }
}

/** zod's first issues as one line (as the desktop's dispatch words them). */
function describeZodError(error: ZodError): string {
  return error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`).join('; ')
}

function requireAdmin(user: TeamUser) {
  if (user.role !== 'admin') throw new HttpError(403, 'forbidden', `${user.name} is not an admin: only admins manage users.`)
}

async function adminUsers(r: Request, pool: Pool, user: TeamUser, maxBody: number) {
  requireAdmin(user)
  if (r.req.method === 'GET') return send(r.res, 200, { ok: true, value: await listUsers(pool) })
  const body = (await readJson(r.req, maxBody)) as { name?: unknown; role?: unknown }
  const name = typeof body?.name === 'string' ? body.name.trim() : ''
  const role = (body?.role ?? 'editor') as TeamRole
  if (!name || name.length > 100) throw new HttpError(400, 'invalid_input', 'Give the new user a name (1–100 characters).')
  if (!TEAM_ROLES.includes(role)) throw new HttpError(400, 'invalid_input', `A role is one of ${TEAM_ROLES.join(', ')}.`)
  const added = await addUser(pool, name, role)
  send(r.res, 200, { ok: true, value: { name, role, token: added.token } })
}

async function serveMethod(r: Request, pool: Pool, user: TeamUser, method: string, body: unknown, baseUrl: string) {
  if (!(TEAM_METHODS as readonly string[]).includes(method)) {
    throw new HttpError(404, 'unsupported', `The team server does not offer "${method}": pull the team's articles into your archive and use it there.`)
  }
  const name = method as TeamMethod
  const parsed = schemas[name].safeParse(body ?? {})
  if (!parsed.success) throw new HttpError(400, 'invalid_input', `Invalid input for ${name}: ${describeZodError(parsed.error)}`)
  const handlers = teamHandlers(pool, user, baseUrl)
  const run = handlers[name] as (input: unknown) => Promise<unknown>
  send(r.res, 200, { ok: true, value: await run(parsed.data) })
}

async function serveVersion(res: ServerResponse, pool: Pool, id: string) {
  if (!uuidSchema.safeParse(id).success) throw new HttpError(400, 'invalid_input', 'A version is named by its UUID.')
  const v = (await loadVersions(pool, [id])).get(id)
  if (!v) throw new HttpError(404, 'not_found', 'No such version.')
  send(res, 200, { ok: true, value: v })
}

async function serveAsset(res: ServerResponse, pool: Pool, sha: string) {
  if (!/^[0-9a-f]{64}$/.test(sha)) throw new HttpError(400, 'invalid_input', 'An asset is named by its SHA-256.')
  const r = await pool.query<{ mime: string; bytes: Buffer }>('SELECT mime, bytes FROM assets WHERE sha256 = $1', [sha])
  const a = r.rows[0]
  if (!a) throw new HttpError(404, 'not_found', 'No such asset.')
  res.writeHead(200, { 'Content-Type': a.mime, 'Content-Length': a.bytes.length, 'Content-Security-Policy': "default-src 'none'; sandbox", 'Cache-Control': 'private, max-age=31536000, immutable' })
  res.end(a.bytes)
}

function readJson(req: IncomingMessage, max: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > max) {
      req.resume()
      return reject(new HttpError(413, 'too_large', `The request body is over the server's limit of ${Math.round(max / 1024 / 1024)} MB.`))
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > max) {
        reject(new HttpError(413, 'too_large', `The request body is over the server's limit of ${Math.round(max / 1024 / 1024)} MB.`))
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => {
      try {
        resolve(size ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {})
      } catch {
        reject(new HttpError(400, 'invalid_input', 'The request body is not valid JSON.'))
      }
    })
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}
