/**
 * The renderer talks only to `window.clipfile`. In Electron the preload puts it there; in a
 * browser (`clipfile serve`) this module builds the same bridge over fetch + SSE, with the
 * per-run token taken from the URL fragment (never sent to the server in a URL).
 *
 * The token is kept in the origin's localStorage, so a link opened in a new tab (or a
 * bookmark of a view, while the server runs) finds it. Not in a cookie: cookies are not
 * isolated by port (RFC 6265 §8.5), so every other server on 127.0.0.1 the browser visits
 * would be sent it; localStorage belongs to this origin — scheme, host and port — alone.
 * Every run has a new token, so one left behind by an old run opens nothing; a refused one is
 * forgotten.
 */
import type { ClipfileBridge, EventMap, EventName } from '../../shared/api'
import { createClient } from '../../shared/client'
import { eventNames } from '../../shared/methods'

declare global {
  interface Window {
    clipfile?: ClipfileBridge
  }
}

const TOKEN_KEY = 'clipfile.token'

function takeToken(): string {
  const m = location.hash.match(/[#?&]token=([A-Za-z0-9_-]+)/)
  if (m) {
    localStorage.setItem(TOKEN_KEY, m[1])
    // Keep the route (#/article/1?token=…) but not the token, out of history and screenshots.
    const rest = location.hash.replace(m[0], m[0].startsWith('#') ? '#' : '').replace(/^#$/, '')
    history.replaceState(null, '', location.pathname + location.search + rest)
    return m[1]
  }
  return localStorage.getItem(TOKEN_KEY) ?? ''
}

/** Calls that only read: safe to send again when the connection failed before any answer. */
const READS = /^(info|list|get|search|articleQuotes|speakerQuotes|export)/

function httpBridge(): ClipfileBridge {
  const token = takeToken()
  const api = createClient(async (method, payload) => {
    const body = JSON.stringify(payload)
    const send = () =>
      fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body,
        // A delete whose Undo time runs out as the tab closes still reaches the server.
        // (Only this call: the browser allows 64 KB of such bodies in flight, in all.)
        keepalive: method === 'deleteArticles' && body.length < 60_000
      })
    // A connection can fail under a request (a busy machine, a connection the server had just
    // closed); a read is sent once more, a write never (it may have arrived).
    const res = await send().catch((e: unknown) => (READS.test(method) ? send() : Promise.reject(e)))
    if (res.status === 401) {
      if (localStorage.getItem(TOKEN_KEY) === token) localStorage.removeItem(TOKEN_KEY)
      return { ok: false, error: { code: 'unsupported', message: 'This page needs the link printed by `clipfile serve` (with its token).' } }
    }
    return res.json()
  })
  const listeners = new Map<string, Set<(p: unknown) => void>>()
  let source: EventSource | null = null
  const connect = () => {
    if (source || !token) return
    source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`)
    for (const name of eventNames) {
      source.addEventListener(name, (e) => {
        const payload = JSON.parse((e as MessageEvent).data)
        listeners.get(name)?.forEach((fn) => fn(payload))
      })
    }
  }
  return {
    ...api,
    host: 'browser',
    on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void) {
      connect()
      const set = listeners.get(event) ?? new Set()
      set.add(listener as (p: unknown) => void)
      listeners.set(event, set)
      return () => void set.delete(listener as (p: unknown) => void)
    },
    assetUrl: (id: number) => `/asset/${Math.trunc(id)}?token=${encodeURIComponent(token)}`
  }
}

/** The bridge of whichever host the UI runs in. */
export const clipfile: ClipfileBridge = window.clipfile ?? httpBridge()
