/**
 * Serve mode is a door into a private archive on a port any local web page can aim at.
 * Every API route must refuse a missing or wrong token (401) and a foreign Host or Origin
 * (403, even with the right token: DNS rebinding), without running the method.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { request, type IncomingHttpHeaders } from 'node:http'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { openApp, type App } from '../../src/main/app'
import { startServer, type RunningServer } from '../../src/main/server'
import { methodNames } from '../../src/shared/methods'
import { countedHandlers } from '../support/counted'
import { tempDbPath, tempDir } from '../support/tmp'

let app: App
let server: RunningServer
/** Methods the server actually ran: refused requests must never reach a handler. */
let calls: string[]

beforeEach(async () => {
  app = openApp(tempDbPath())
  calls = []
  const counted = countedHandlers(app.handlers, (name) => calls.push(name))
  const ui = tempDir()
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Clipfile UI</title>')
  server = await startServer({ handlers: counted, events: app.ctx.events, db: app.ctx.db, rendererDir: ui })
})
afterEach(async () => {
  await server.close()
  app.close()
})

function raw(path: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: IncomingHttpHeaders }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: o.method ?? 'POST', headers: o.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }))
      // The event stream never ends by itself: its first bytes are enough here.
      if (path.startsWith('/api/events') && res.statusCode === 200) res.once('data', () => { req.destroy(); resolve({ status: 200, body: '', headers: res.headers }) })
    })
    req.on('error', reject)
    req.end(o.body)
  })
}

const json = { 'Content-Type': 'application/json' }
const bearer = (t: string) => ({ ...json, Authorization: `Bearer ${t}` })

describe('serve mode: every API route', () => {
  it('binds 127.0.0.1 when no host is given', () => {
    const address = server.server.address() as AddressInfo
    expect(address.address).toBe('127.0.0.1')
    expect(address.family).toBe('IPv4')
    expect(address.port).toBe(server.port)
  })

  it('refuses a missing, wrong, truncated or misplaced token with 401 on every method, running none', async () => {
    const t = server.token
    const wrongTokens: Record<string, string>[] = [
      json,
      bearer('nope'),
      bearer(''),
      bearer(t.slice(0, -1)),
      bearer(`${t}x`),
      bearer(t.toUpperCase() === t ? t.toLowerCase() : t.toUpperCase()),
      { ...json, Authorization: t }, // not a Bearer header
      { ...json, Authorization: `Basic ${Buffer.from(`u:${t}`).toString('base64')}` },
      { ...json, Cookie: `token=${t}` }
    ]
    for (const name of methodNames) {
      for (const headers of wrongTokens) {
        const r = await raw(`/api/${name}`, { headers, body: '{}' })
        expect(r.status, `${name} with ${JSON.stringify(headers)}`).toBe(401)
        expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
      }
      expect((await raw(`/api/${name}?token=wrong`, { headers: json, body: '{}' })).status, `${name} ?token=wrong`).toBe(401)
    }
    // Events and assets are behind the same token.
    expect((await raw('/api/events', { method: 'GET' })).status).toBe(401)
    expect((await raw('/api/events?token=nope', { method: 'GET' })).status).toBe(401)
    expect((await raw('/asset/1', { method: 'GET' })).status).toBe(401)
    expect(calls).toEqual([])
  })

  it('refuses a foreign Host or Origin with 403 on every method, even with the right token, running none', async () => {
    const port = server.port
    const foreign: Record<string, string>[] = [
      { Host: `evil.example:${port}` },
      { Host: 'evil.example' },
      { Host: `127.0.0.1.evil.example:${port}` },
      { Host: `127.0.0.1:${port + 1}` },
      { Origin: 'http://evil.example' },
      { Origin: `http://evil.example:${port}` },
      { Origin: `http://127.0.0.1:${port}.evil.example` },
      { Origin: `http://127.0.0.1:${port + 1}` },
      { Origin: 'null' } // sandboxed iframes and file: pages
    ]
    for (const name of methodNames) {
      for (const h of foreign) {
        const r = await raw(`/api/${name}`, { headers: { ...bearer(server.token), ...h }, body: '{}' })
        expect(r.status, `${name} with ${JSON.stringify(h)}`).toBe(403)
        expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
      }
    }
    for (const h of foreign) {
      expect((await raw(`/api/events?token=${server.token}`, { method: 'GET', headers: h })).status).toBe(403)
      expect((await raw(`/asset/1?token=${server.token}`, { method: 'GET', headers: h })).status).toBe(403)
    }
    expect(calls).toEqual([])
  })

  it('answers every method with the right token and its own Host/Origin (so the refusals above are about the headers)', async () => {
    for (const name of methodNames) {
      const r = await raw(`/api/${name}`, {
        headers: { ...bearer(server.token), Origin: `http://127.0.0.1:${server.port}` },
        body: '{}'
      })
      // Some methods need input: a 200 with invalid_input still proves the call got through.
      expect(r.status, name).toBe(200)
      expect(JSON.parse(r.body)).toHaveProperty('ok')
    }
    expect(calls.length).toBeGreaterThan(0)
  })

  it('never sets a cookie, on any route: the token stays out of what other local servers would be sent', async () => {
    // Cookies are not isolated by port (RFC 6265 §8.5): one set here would go to every server
    // on 127.0.0.1 the browser visits. The page keeps the token in its own origin's storage.
    const auth = bearer(server.token)
    const responses = [
      await raw('/', { method: 'GET' }),
      await raw('/index.html', { method: 'GET' }),
      await raw('/api/info', { headers: auth, body: '{}' }),
      await raw('/api/info', { headers: json, body: '{}' }),
      await raw('/api/nope', { headers: auth, body: '{}' }),
      await raw(`/api/events?token=${server.token}`, { method: 'GET' }),
      await raw('/asset/1', { method: 'GET', headers: auth }),
      await raw('/api/info', { headers: { ...auth, Host: 'evil.example' }, body: '{}' })
    ]
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 401, 404, 200, 404, 403])
    for (const r of responses) expect(r.headers['set-cookie']).toBeUndefined()
    // And a cookie, however named, is never taken for the token.
    for (const name of ['token', 'clipfile', 'clipfile.token', 'session']) {
      expect((await raw('/api/info', { headers: { ...json, Cookie: `${name}=${server.token}` }, body: '{}' })).status).toBe(401)
    }
    expect(calls).toEqual(['info'])
  })

  it('keeps idle connections open longer than the browser does, so a reused one is never closed under a POST', () => {
    // Browsers do not retry a POST whose connection the server closed as it was sent.
    expect(server.server.keepAliveTimeout).toBeGreaterThan(5 * 60_000)
    expect(server.server.headersTimeout).toBeGreaterThan(server.server.keepAliveTimeout)
  })
})
