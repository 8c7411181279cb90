import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { request } from 'node:http'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openApp, type App } from './app'
import { startServer, type RunningServer } from './server'
import { tempDbPath, tempDir } from '../../test/support/tmp'

let app: App
let server: RunningServer
let ui: string
beforeEach(async () => {
  app = openApp(tempDbPath())
  ui = tempDir()
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>Clipfile UI</title>')
  server = await startServer({ handlers: app.handlers, events: app.ctx.events, db: app.ctx.db, rendererDir: ui })
})
afterEach(async () => {
  await server.close()
  app.close()
})

/** A raw request, so tests can send the Host and Origin headers an attacker would. */
function raw(path: string, o: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method: o.method ?? 'GET', headers: o.headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), headers: res.headers }))
    })
    req.on('error', reject)
    req.end(o.body)
  })
}
const auth = () => ({ Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' })

describe('serve mode', () => {
  it('binds loopback and prints a URL with the token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/)
    expect(server.openUrl).toBe(`${server.url}#token=${server.token}`)
    expect(server.token.length).toBeGreaterThanOrEqual(32)
  })

  it('refuses API calls without the token, or with a wrong one (401)', async () => {
    expect((await raw('/api/info', { method: 'POST', body: '{}' })).status).toBe(401)
    const wrong = await raw('/api/info', { method: 'POST', body: '{}', headers: { Authorization: 'Bearer nope' } })
    expect(wrong.status).toBe(401)
    expect(JSON.parse(wrong.body).error.message).toMatch(/token/)
    expect((await raw('/api/events')).status).toBe(401)
    expect((await raw('/asset/1')).status).toBe(401)
  })

  it('answers API calls with the token', async () => {
    const r = await raw('/api/info', { method: 'POST', body: '{}', headers: auth() })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { articles: 0 } })
  })

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (403), even with the token', async () => {
    const host = await raw('/api/info', { method: 'POST', body: '{}', headers: { ...auth(), Host: `evil.example:${server.port}` } })
    expect(host.status).toBe(403)
    const origin = await raw('/api/info', { method: 'POST', body: '{}', headers: { ...auth(), Origin: 'http://evil.example' } })
    expect(origin.status).toBe(403)
    const page = await raw('/', { headers: { Host: 'evil.example' } })
    expect(page.status).toBe(403)
    const ok = await raw('/api/info', { method: 'POST', body: '{}', headers: { ...auth(), Origin: `http://localhost:${server.port}` } })
    expect(ok.status).toBe(200)
  })

  it('serves the UI with a strict CSP, and never files outside it', async () => {
    const page = await raw('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('Clipfile UI')
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'")
    const escape = await raw('/../../../etc/passwd')
    expect(escape.body).not.toContain('root:')
  })

  it('refuses a body that is not JSON with a clear message', async () => {
    const r = await raw('/api/listArticles', { method: 'POST', body: '{nope', headers: auth() })
    expect(r.status).toBe(400)
    expect(JSON.parse(r.body).error.message).toBe('The request body is not valid JSON.')
  })

  it('streams events over SSE to a client with the token', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` }, (res) => {
        let text = ''
        res.on('data', (c) => {
          text += c
          if (text.includes(': connected')) app.ctx.events.emit('libraryChanged', { reason: 'tags' })
          if (text.includes('event: libraryChanged')) {
            req.destroy()
            resolve(text)
          }
        })
      })
      req.on('error', reject)
      req.end()
    })
    expect(received).toContain('data: {"reason":"tags"}')
  })
})
