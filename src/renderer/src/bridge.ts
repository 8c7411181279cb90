/**
 * The renderer talks only to `window.clipfile`. In Electron the preload puts it there; in a
 * browser (`clipfile serve`) this module builds the same bridge over fetch + SSE, with the
 * per-run token taken from the URL fragment (never sent to the server in a URL).
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
    sessionStorage.setItem(TOKEN_KEY, m[1])
    // Keep the route (#/article/1?token=…) but not the token, out of history and screenshots.
    const rest = location.hash.replace(m[0], m[0].startsWith('#') ? '#' : '').replace(/^#$/, '')
    history.replaceState(null, '', location.pathname + location.search + rest)
    return m[1]
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? ''
}

function httpBridge(): ClipfileBridge {
  const token = takeToken()
  const api = createClient(async (method, payload) => {
    const res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(payload)
    })
    if (res.status === 401) {
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
