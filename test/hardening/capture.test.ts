/**
 * The capture listener is a door into the archive on a fixed port that every web page in the
 * browser can aim at (Zotero's and Joplin's connectors were both hit there). Each check is
 * proved on its own: the request is right in every way but one, and must get its 4xx with a
 * sentence, while no handler runs and no row changes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { openApp, type App } from '../../src/main/app'
import { startCaptureListener, type CaptureListener } from '../../src/main/capture/listener'
import { CAPTURE_ROUTES, CHROMIUM_EXTENSION_ID, MAX_CAPTURE_BODY_BYTES, type CaptureRequest } from '../../src/shared/capture'
import { articlePage } from '../support/pages'
import { countedHandlers } from '../support/counted'
import { tempDbPath } from '../support/tmp'

const ORIGIN = `chrome-extension://${CHROMIUM_EXTENSION_ID}`
const TOKEN = 'tok_'.padEnd(43, 'a')

let app: App
let listener: CaptureListener
/** Methods that ran: a refused request must never reach a handler. */
let calls: string[]

beforeEach(async () => {
  app = openApp(tempDbPath())
  calls = []
  const counted = countedHandlers(app.handlers, (name) => calls.push(name))
  listener = await startCaptureListener({ ctx: app.ctx, handlers: counted, port: 0 })
})
afterEach(async () => {
  await listener.close()
  app.close()
})

interface Sent {
  method?: string
  headers?: Record<string, string>
  body?: string | Buffer
}

function raw(path: string, o: Sent = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: listener.port, path, method: o.method ?? 'POST', headers: o.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }))
    })
    // The server may stop reading a refused body; what it answered is what counts.
    req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)))
    req.end(o.body)
  })
}

const good = (token = TOKEN): Record<string, string> => ({
  Host: `127.0.0.1:${listener.port}`,
  Origin: ORIGIN,
  'Content-Type': 'application/json',
  Authorization: `Bearer ${token}`
})

const capture = (over: Partial<CaptureRequest> = {}): string =>
  JSON.stringify({
    html: articlePage({ title: 'Ministers meet over the port', canonical: 'https://news.example/port' }),
    url: 'https://news.example/port',
    images: [],
    tags: ['Port'],
    ...over
  } satisfies CaptureRequest)

const rows = () => ({
  articles: (app.ctx.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n,
  pairings: (app.ctx.db.prepare('SELECT count(*) AS n FROM pairings').get() as { n: number }).n
})

async function pairAndApprove(token = TOKEN): Promise<void> {
  const r = await raw(CAPTURE_ROUTES.pair, { headers: good(token), body: JSON.stringify({ browser: 'Chromium 156 on Linux' }) })
  expect(r.status).toBe(200)
  const { code } = JSON.parse(r.body) as { code: string }
  expect(await app.api.approvePairing({ code })).toMatchObject({ ok: true })
  calls = []
}

describe('the capture listener', () => {
  it('binds 127.0.0.1 only', () => {
    expect(listener.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' })
  })

  it('saves a capture from the paired extension (so every refusal below is about the one thing wrong)', async () => {
    await pairAndApprove()
    const r = await raw(CAPTURE_ROUTES.capture, { headers: good(), body: capture() })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, status: 'created', id: 1 })
    // CORS names the extension itself, never a wildcard.
    expect(r.headers['access-control-allow-origin']).toBe(ORIGIN)
    expect(calls).toEqual(['importItems'])
  })

  it('refuses a foreign Host (DNS rebinding) with 403, even from the paired extension', async () => {
    await pairAndApprove()
    const p = listener.port
    for (const host of [`evil.example:${p}`, 'evil.example', `127.0.0.1.evil.example:${p}`, `127.0.0.1:${p + 1}`, `localhost.:${p}`]) {
      const r = await raw(CAPTURE_ROUTES.capture, { headers: { ...good(), Host: host }, body: capture() })
      expect(r.status, host).toBe(403)
      expect(JSON.parse(r.body).error).toMatch(/Host/)
      expect(r.headers['access-control-allow-origin']).toBeUndefined()
    }
    expect(calls).toEqual([])
    expect(rows().articles).toBe(0)
  })

  it('refuses any Origin but the extension’s with 403 and no CORS header, even with a valid token', async () => {
    await pairAndApprove()
    const foreign = [
      'http://evil.example',
      `http://127.0.0.1:${listener.port}`,
      'null',
      'chrome-extension://abcdefghijklmnopabcdefghijklmnop',
      `chrome-extension://${CHROMIUM_EXTENSION_ID}.evil.example`,
      'moz-extension://not-a-uuid',
      `https://${CHROMIUM_EXTENSION_ID}`
    ]
    for (const origin of foreign) {
      for (const route of Object.values(CAPTURE_ROUTES)) {
        const r = await raw(route, { headers: { ...good(), Origin: origin }, body: capture() })
        expect(r.status, `${route} from ${origin}`).toBe(403)
        expect(r.headers['access-control-allow-origin']).toBeUndefined()
      }
    }
    const { Origin: _none, ...noOrigin } = good()
    expect((await raw(CAPTURE_ROUTES.capture, { headers: noOrigin, body: capture() })).status).toBe(403)
    // A preflight from a web page is refused too: the browser then never sends the request.
    const pre = await raw(CAPTURE_ROUTES.capture, { method: 'OPTIONS', headers: { Host: `127.0.0.1:${listener.port}`, Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' } })
    expect(pre.status).toBe(403)
    expect(pre.headers['access-control-allow-origin']).toBeUndefined()
    expect(calls).toEqual([])
    expect(rows().articles).toBe(0)
  })

  it('refuses what a web page can send without a preflight: text/plain, a form, no Content-Type (415)', async () => {
    await pairAndApprove()
    for (const type of ['text/plain', 'text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const headers = { ...good(), 'Content-Type': type }
      if (!type) delete (headers as Record<string, string>)['Content-Type']
      const r = await raw(CAPTURE_ROUTES.capture, { headers, body: capture() })
      expect(r.status, type).toBe(415)
    }
    expect(calls).toEqual([])
    expect(rows().articles).toBe(0)
  })

  it('refuses a missing, malformed, unknown, pending or other-origin token with 401', async () => {
    const mozOrigin = 'moz-extension://0f3a1c2e-1111-4a4a-8b8b-123456789abc'
    // A pending pairing may not save yet.
    await raw(CAPTURE_ROUTES.pair, { headers: good(), body: JSON.stringify({ browser: 'Chromium' }) })
    const cases: Record<string, string>[] = [
      { ...good(), Authorization: '' },
      { ...good(), Authorization: TOKEN },
      { ...good(), Authorization: 'Bearer short' },
      { ...good(), Authorization: `Bearer ${'b'.repeat(43)}` },
      good(),
      { ...good(), Origin: mozOrigin }
    ]
    for (const headers of cases) {
      const r = await raw(CAPTURE_ROUTES.capture, { headers, body: capture() })
      expect(r.status, JSON.stringify(headers)).toBe(401)
    }
    // Approved for Chromium's origin, the token still does not work from another extension.
    const { code } = (await app.api.listPairings({}).then((r) => (r.ok ? r.value[0] : null)))!
    await app.api.approvePairing({ code: code! })
    expect((await raw(CAPTURE_ROUTES.capture, { headers: { ...good(), Origin: mozOrigin }, body: capture() })).status).toBe(401)
    expect(calls).toEqual([])
    expect(rows().articles).toBe(0)
  })

  it('refuses a body over the cap with 413 and a reason, before reading it all', async () => {
    await pairAndApprove()
    const huge = Buffer.alloc(MAX_CAPTURE_BODY_BYTES + 1024, 0x61)
    const r = await raw(CAPTURE_ROUTES.capture, { headers: good(), body: huge })
    expect(r.status).toBe(413)
    expect(JSON.parse(r.body).error).toMatch(/larger than 48 MB/)
    // Without a Content-Length (chunked), the cap applies as the bytes arrive.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: listener.port, path: CAPTURE_ROUTES.capture, method: 'POST', headers: { ...good(), 'Transfer-Encoding': 'chunked' } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'EPIPE' || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)))
      const piece = Buffer.alloc(1024 * 1024, 0x61)
      for (let i = 0; i < 50; i++) req.write(piece)
      req.end()
    })
    expect(chunked).toBe(413)
    // Pairing requests have a small cap of their own.
    const big = await raw(CAPTURE_ROUTES.pair, { headers: good('c'.repeat(43)), body: JSON.stringify({ browser: 'x'.repeat(100_000) }) })
    expect(big.status).toBe(413)
    expect(calls).toEqual([])
    expect(rows()).toEqual({ articles: 0, pairings: 1 })
  })

  it('refuses other methods, unknown routes and bad JSON with a 4xx, changing nothing', async () => {
    await pairAndApprove()
    expect((await raw(CAPTURE_ROUTES.capture, { method: 'GET', headers: good() })).status).toBe(405)
    expect((await raw(CAPTURE_ROUTES.capture, { method: 'PUT', headers: good(), body: capture() })).status).toBe(405)
    expect((await raw('/api/importItems', { headers: good(), body: capture() })).status).toBe(404)
    expect((await raw(CAPTURE_ROUTES.capture, { headers: good(), body: '{"html": ' })).status).toBe(400)
    const invalid = await raw(CAPTURE_ROUTES.capture, { headers: good(), body: capture({ url: 'javascript:alert(1)' }) })
    expect(invalid.status).toBe(400)
    expect(JSON.parse(invalid.body).error).toMatch(/url/)
    expect(rows().articles).toBe(0)
  })

  it('answers the extension’s preflight with its own origin only', async () => {
    const r = await raw(CAPTURE_ROUTES.capture, { method: 'OPTIONS', headers: { Host: `localhost:${listener.port}`, Origin: ORIGIN, 'Access-Control-Request-Method': 'POST' } })
    expect(r.status).toBe(204)
    expect(r.headers['access-control-allow-origin']).toBe(ORIGIN)
    expect(r.headers['access-control-allow-headers']).toMatch(/Authorization/)
    expect(r.headers.vary).toMatch(/Origin/)
  })
})

describe('pairing over the listener', () => {
  it('pending → approved → revoked, with the code shown on both sides and only the token’s hash stored', async () => {
    const first = await raw(CAPTURE_ROUTES.pair, { headers: good(), body: JSON.stringify({ browser: 'Chromium 156\non Linux' }) })
    const { state, code } = JSON.parse(first.body) as { state: string; code: string }
    expect(state).toBe('pending')
    expect(code).toMatch(/^\d{4}$/)
    // Asking again is the same request, not a new one.
    expect(JSON.parse((await raw(CAPTURE_ROUTES.pair, { headers: good(), body: '{}' })).body)).toMatchObject({ state: 'pending', code })
    const listed = await app.api.listPairings({})
    expect(listed).toMatchObject({ ok: true, value: [{ status: 'pending', code, browser: 'Chromium 156 on Linux', origin: ORIGIN }] })
    const stored = JSON.stringify(app.ctx.db.prepare('SELECT * FROM pairings').all())
    expect(stored).not.toContain(TOKEN)

    const status = () => raw(CAPTURE_ROUTES.status, { headers: good(), body: '{}' }).then((r) => JSON.parse(r.body).state as string)
    expect(await status()).toBe('pending')
    const id = (await app.api.approvePairing({ code })).ok ? 1 : 0
    expect(await status()).toBe('approved')
    expect((await raw(CAPTURE_ROUTES.capture, { headers: good(), body: capture() })).status).toBe(200)
    expect(await app.api.revokePairing({ id })).toMatchObject({ ok: true, value: { revoked: 1 } })
    expect(await status()).toBe('unknown')
    expect((await raw(CAPTURE_ROUTES.capture, { headers: good(), body: capture() })).status).toBe(401)
  })

  it('tells the app (an event) when a browser asks, and when another process approved it', async () => {
    const events: number[] = []
    app.ctx.events.on('pairingsChanged', (p) => events.push(p.pending))
    const r = await raw(CAPTURE_ROUTES.pair, { headers: good(), body: '{}' })
    expect(events).toEqual([1])
    await raw(CAPTURE_ROUTES.status, { headers: good(), body: '{}' })
    // `clipfile pairing approve` in another process: only the archive changes.
    app.ctx.db.prepare("UPDATE pairings SET status = 'approved', code = NULL WHERE code = ?").run(JSON.parse(r.body).code)
    await raw(CAPTURE_ROUTES.status, { headers: good(), body: '{}' })
    expect(events).toEqual([1, 0])
  })

  it('lets at most three browsers wait at once', async () => {
    for (const t of ['d', 'e', 'f']) expect((await raw(CAPTURE_ROUTES.pair, { headers: good(t.repeat(43)), body: '{}' })).status).toBe(200)
    const fourth = await raw(CAPTURE_ROUTES.pair, { headers: good('g'.repeat(43)), body: '{}' })
    expect(fourth.status).toBe(409)
    expect(JSON.parse(fourth.body).error).toMatch(/already waiting/)
    expect(rows().pairings).toBe(3)
  })
})
