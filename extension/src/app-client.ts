/**
 * Requests to the Clipfile app on 127.0.0.1, made from the background worker only: a content
 * script's request would carry the page's origin, and the app accepts only the extension's.
 */
import { CAPTURE_ROUTES, type CaptureRequest, type CaptureResponse, type LookupResponse, type PairingStatus } from '../../src/shared/capture'
import { loadSettings, newToken, saveSettings } from './settings'
import type { AppState } from './messages'

/** The app did not answer: not running, or on another port. */
export class AppNotRunning extends Error {
  constructor(readonly port: number) {
    super(`Clipfile is not running (nothing answers on port ${port}). Open the Clipfile app, or run “clipfile serve”, then try again.`)
  }
}

/** The app answered with a refusal (4xx/5xx) and its reason. */
export class AppRefused extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

type Route = (typeof CAPTURE_ROUTES)[keyof typeof CAPTURE_ROUTES]

async function call<T>(route: Route, body: unknown, o: { token?: string; timeoutMs?: number } = {}): Promise<T> {
  const settings = await loadSettings()
  const token = o.token ?? settings.token
  if (!token) throw new AppRefused(401, 'This browser is not paired with Clipfile yet.')
  let res: Response
  try {
    res = await fetch(`http://127.0.0.1:${settings.port}${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      signal: AbortSignal.timeout(o.timeoutMs ?? 10_000)
    })
  } catch (e) {
    if ((e as Error).name === 'TimeoutError') throw new AppRefused(504, 'Clipfile took too long to answer; nothing was saved. Try again.')
    throw new AppNotRunning(settings.port)
  }
  const answer = (await res.json().catch(() => null)) as (T & { error?: string }) | null
  if (!res.ok || answer === null) throw new AppRefused(res.status, answer?.error ?? `Clipfile answered HTTP ${res.status}.`)
  return answer
}

/** Whether the app runs, and whether this browser is paired with it. */
export async function appState(): Promise<AppState> {
  const { port, token } = await loadSettings()
  const base = { port, appRunning: false, paired: false }
  if (!token) {
    // Not paired yet: still tell whether the app is there (any answer means it is).
    const probe = await call<PairingStatus>(CAPTURE_ROUTES.status, {}, { token: newToken(), timeoutMs: 3000 }).catch((e) => e)
    return { ...base, appRunning: !(probe instanceof AppNotRunning), pairing: probe instanceof AppNotRunning ? 'unreachable' : 'unknown' }
  }
  try {
    const s = await call<PairingStatus>(CAPTURE_ROUTES.status, {}, { timeoutMs: 3000 })
    return { ...base, appRunning: true, paired: s.state === 'approved', pairing: s.state, code: s.code, version: s.version }
  } catch (e) {
    if (e instanceof AppNotRunning) return { ...base, pairing: 'unreachable' }
    return { ...base, appRunning: true, pairing: 'unknown' }
  }
}

/** Asks the app to pair this browser; the app shows the code and the person approves. */
export async function requestPairing(): Promise<AppState> {
  const settings = await loadSettings()
  let token = settings.token
  const state = token ? await appState() : null
  // A token the app no longer knows (revoked, another archive) is replaced by a fresh one.
  if (!token || state?.pairing === 'unknown') {
    token = newToken()
    await saveSettings({ token })
  }
  const s = await call<PairingStatus>(CAPTURE_ROUTES.pair, { browser: browserName() }, { token })
  return { port: settings.port, appRunning: true, paired: s.state === 'approved', pairing: s.state, code: s.code, version: s.version }
}

/** Forgets this install's token (the app's list still shows it until revoked there). */
export async function forgetPairing(): Promise<void> {
  await saveSettings({ token: null })
}

export const uploadCapture = (request: CaptureRequest): Promise<CaptureResponse> =>
  call<CaptureResponse>(CAPTURE_ROUTES.capture, request, { timeoutMs: 180_000 })

export const lookupUrl = (url: string): Promise<LookupResponse> => call<LookupResponse>(CAPTURE_ROUTES.lookup, { url }, { timeoutMs: 3000 })

export const openInApp = (id: number): Promise<{ ok: boolean }> => call<{ ok: boolean }>(CAPTURE_ROUTES.open, { id })

/** "Chromium 156 on Linux", shown in the app's pairing prompt. */
function browserName(): string {
  const ua = navigator.userAgent
  const firefox = /Firefox\/(\d+)/.exec(ua)
  const edge = /Edg\/(\d+)/.exec(ua)
  const chrome = /Chrom(?:e|ium)\/(\d+)/.exec(ua)
  const name = firefox ? `Firefox ${firefox[1]}` : edge ? `Edge ${edge[1]}` : chrome ? `Chromium ${chrome[1]}` : 'A browser'
  const os = /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Android/.test(ua) ? 'Android' : /Linux|X11/.test(ua) ? 'Linux' : ''
  return os ? `${name} on ${os}` : name
}
