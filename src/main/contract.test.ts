/**
 * The contract test: every ClipfileApi method is bound in all three hosts (direct api for
 * the CLI, HTTP for serve mode, IPC for Electron) and each rejects a malformed payload with
 * a clear message before touching the database.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { methodNames, schemas, type ClipfileBridge } from '../shared/api'
import { openApp, type App } from './app'
import { startServer, type RunningServer } from './server'
import { tempDbPath, tempDir } from '../../test/support/tmp'
import { channelFor } from '../shared/channels'
import { LATEST_VERSION } from './db/migrations'

const handlersByChannel = new Map<string, (event: unknown, payload: unknown) => unknown>()
const exposed = new Map<string, unknown>()
const invoked: [string, unknown][] = []

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (e: unknown, p: unknown) => unknown) => {
      if (handlersByChannel.has(channel)) throw new Error(`second handler for ${channel}`)
      handlersByChannel.set(channel, fn)
    },
    removeHandler: (channel: string) => handlersByChannel.delete(channel)
  },
  webContents: { getAllWebContents: () => [] },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, payload: unknown) => {
      invoked.push([channel, payload])
      const fn = handlersByChannel.get(channel)
      if (!fn) throw new Error(`nothing handles ${channel}`)
      const frame = {}
      return fn({ sender: { mainFrame: frame }, senderFrame: frame }, payload)
    },
    on: () => undefined,
    off: () => undefined
  }
}))

/** A payload no schema accepts: every method's input is an object. */
const MALFORMED = 'not an object'

let app: App
let server: RunningServer
beforeEach(async () => {
  app = openApp(tempDbPath())
  server = await startServer({ handlers: app.handlers, events: app.ctx.events, db: app.ctx.db, rendererDir: tempDir() })
})
afterEach(async () => {
  await server.close()
  app.close()
})

const callHttp = async (method: string, payload: unknown, token = server.token) => {
  const res = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify(payload)
  })
  return { status: res.status, body: (await res.json()) as { ok: boolean; error?: { code: string; message: string } } }
}

describe('the contract', () => {
  it('declares a schema for exactly the listed methods', () => {
    expect(Object.keys(schemas).sort()).toEqual([...methodNames].sort())
  })

  it('is bound by the direct api (CLI host) and validates there', async () => {
    for (const name of methodNames) {
      const call = app.api[name] as (input: unknown) => Promise<{ ok: boolean; error?: { code: string; message: string } }>
      expect(typeof call, name).toBe('function')
      const r = await call(MALFORMED)
      expect(r.ok, name).toBe(false)
      expect(r.error?.code, name).toBe('invalid_input')
      expect(r.error?.message, name).toMatch(new RegExp(`^Invalid input for ${name}: `))
    }
  })

  it('is bound by the HTTP host and validates there', async () => {
    for (const name of methodNames) {
      const { status, body } = await callHttp(name, MALFORMED)
      expect(status, name).toBe(200)
      expect(body.ok, name).toBe(false)
      expect(body.error?.code, name).toBe('invalid_input')
    }
    const unknown = await callHttp('dropDatabase', {})
    expect(unknown.status).toBe(404)
  })

  it('is bound by the IPC host (one handler per method) and exposed by the preload', async () => {
    const { bindIpc } = await import('./ipc')
    const unbind = bindIpc(app.handlers)
    try {
      expect([...handlersByChannel.keys()].sort()).toEqual(methodNames.map(channelFor).sort())
      expect(() => bindIpc(app.handlers)).toThrow(/second handler/)
      await import('../preload/index')
      const bridge = exposed.get('clipfile') as ClipfileBridge
      expect(bridge.host).toBe('electron')
      for (const name of methodNames) {
        const call = bridge[name] as (input: unknown) => Promise<{ ok: boolean; error?: { code: string } }>
        const r = await call(MALFORMED)
        expect(r.ok, name).toBe(false)
        expect(r.error?.code, name).toBe('invalid_input')
        expect(invoked.at(-1)?.[0]).toBe(channelFor(name))
      }
      // A well-formed call goes all the way through.
      const info = await bridge.info({})
      expect(info).toMatchObject({ ok: true, value: { articles: 0, schemaVersion: LATEST_VERSION } })
    } finally {
      unbind()
      handlersByChannel.clear()
    }
  })

  it('answers the same through every host for a valid call', async () => {
    const direct = await app.api.listArticles({})
    const http = await callHttp('listArticles', {})
    expect(http.body).toEqual(direct)
    expect(direct).toEqual({ ok: true, value: { total: 0, items: [] } })
  })

  it('explains what is wrong, field by field', async () => {
    const r = await app.api.listArticles({ limit: 0, sort: 'random' as 'saved' })
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.error.message).toContain('limit:')
      expect(r.error.message).toContain('sort:')
      expect(r.error.message).not.toMatch(/at .*\.ts|SQLITE/)
    }
    const extra = await app.api.getArticle({ id: 1, drop: true } as unknown as { id: number })
    expect(extra.ok).toBe(false)
    const missing = await app.api.getArticle({ id: 999 })
    expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: 'No article with id 999.' } })
  })
})
