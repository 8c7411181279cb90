/**
 * The extension's background worker: the only part that talks to the app. It answers the
 * popup and the options page, runs saves started from the menu and the shortcut, keeps the
 * badge (is this page already in Clipfile?), and exposes `self.clipfile` for scripts and tests.
 */
import { appState, forgetPairing, lookupUrl, openInApp, requestPairing } from './app-client'
import { captureTab } from './capture'
import { loadSettings } from './settings'
import type { AppState, Answers, CaptureOptions, CaptureOutcome, Request, TabInfo } from './messages'

/** The scriptable surface: what the toolbar button does, callable from automation. */
export interface ClipfileScripting {
  /** Starts pairing (or answers that this browser is paired); the app shows the same code. */
  pair(): Promise<{ code: string | null; paired: boolean }>
  status(): Promise<{ paired: boolean; appRunning: boolean; pending: boolean; code: string | null }>
  /** Saves the tab as the toolbar button would; its selection becomes a highlight. */
  capture(tabId: number, options?: CaptureOptions): Promise<CaptureOutcome>
}

/** The last save of each tab started without the popup, shown once by the next popup (if recent). */
const lastOutcome = new Map<number, { outcome: CaptureOutcome; at: number }>()
const LAST_SHOWN_FOR_MS = 2 * 60_000

async function save(tabId: number, options: CaptureOptions = {}): Promise<CaptureOutcome> {
  await setBadge(tabId, 'busy')
  const outcome = await captureTab(tabId, options).catch((e: unknown): CaptureOutcome => ({ ok: false, reason: 'refused', error: String((e as Error)?.message ?? e) }))
  await setBadge(tabId, outcome.ok ? 'saved' : 'failed', outcome.error)
  return outcome
}

const scripting: ClipfileScripting = {
  pair: async () => {
    const s = await requestPairing()
    return { code: s.code ?? null, paired: s.paired }
  },
  status: async () => {
    const s = await appState()
    return { paired: s.paired, appRunning: s.appRunning, pending: s.pairing === 'pending', code: s.code ?? null }
  },
  capture: (tabId, options) => save(tabId, options)
}
;(globalThis as unknown as { clipfile: ClipfileScripting }).clipfile = scripting

// ---------------------------------------------------------------- the badge

type Badge = 'saved' | 'busy' | 'failed' | 'none'

async function setBadge(tabId: number, badge: Badge, title?: string): Promise<void> {
  const look: Record<Badge, { text: string; color: string; title: string }> = {
    saved: { text: '✓', color: '#2e7d32', title: 'In Clipfile' },
    busy: { text: '…', color: '#55524c', title: 'Saving to Clipfile…' },
    failed: { text: '!', color: '#b3261e', title: `Not saved: ${title ?? ''}` },
    none: { text: '', color: '#55524c', title: 'Save to Clipfile' }
  }
  const l = look[badge]
  try {
    await chrome.action.setBadgeText({ tabId, text: l.text })
    await chrome.action.setBadgeBackgroundColor({ tabId, color: l.color })
    await chrome.action.setTitle({ tabId, title: l.title })
  } catch {
    // The tab closed meanwhile.
  }
}

/** Asks the app whether the tab's page is already saved (only when paired and allowed in options). */
async function refreshBadge(tabId: number, url: string | undefined): Promise<void> {
  if (!url || !/^https?:/i.test(url)) return
  const { badge, token } = await loadSettings()
  if (!badge || !token) return
  const found = await lookupUrl(url.split('#')[0]).catch(() => null)
  // An answer about a page the tab has left since (a quick navigation) is not the tab's any more.
  const now = await chrome.tabs.get(tabId).catch(() => null)
  if (now?.url !== url) return
  await setBadge(tabId, found?.id ? 'saved' : 'none')
}

chrome.tabs.onActivated.addListener(({ tabId }) => {
  void chrome.tabs.get(tabId).then((t) => refreshBadge(tabId, t.url), () => undefined)
})
chrome.tabs.onUpdated.addListener((tabId, change, tab) => {
  if (change.status === 'complete' || change.url) void refreshBadge(tabId, tab.url)
})
chrome.tabs.onRemoved.addListener((tabId) => lastOutcome.delete(tabId))

// ---------------------------------------------------------------- menu and shortcut

const MENU = { page: 'clipfile-save-page', selection: 'clipfile-save-selection' }

function createMenus(): void {
  chrome.contextMenus.removeAll(() => {
    chrome.contextMenus.create({ id: MENU.page, title: 'Save page to Clipfile', contexts: ['page', 'image', 'link'] })
    chrome.contextMenus.create({ id: MENU.selection, title: 'Save selection as highlight', contexts: ['selection'] })
  })
}
chrome.runtime.onInstalled.addListener(createMenus)
chrome.runtime.onStartup.addListener(createMenus)

chrome.contextMenus.onClicked.addListener((info, tab) => {
  if (tab?.id !== undefined && (info.menuItemId === MENU.page || info.menuItemId === MENU.selection)) void saveAndShow(tab.id)
})

chrome.commands.onCommand.addListener((command, tab) => {
  if (command !== 'save-page') return
  const withTab = tab?.id !== undefined ? Promise.resolve(tab) : chrome.tabs.query({ active: true, currentWindow: true }).then(([t]) => t)
  void withTab.then((t) => (t?.id !== undefined ? saveAndShow(t.id) : undefined))
})

/** A save with no popup open: on failure the popup opens with the reason, where the browser allows it. */
async function saveAndShow(tabId: number): Promise<void> {
  const outcome = await save(tabId)
  lastOutcome.set(tabId, { outcome, at: Date.now() })
  if (!outcome.ok) await chrome.action.openPopup?.().catch(() => undefined)
}

// ---------------------------------------------------------------- the popup and options page

async function tabInfo(tabId: number): Promise<TabInfo> {
  const tab = await chrome.tabs.get(tabId)
  const url = tab.url ?? ''
  const restricted = !/^https?:/i.test(url)
  let selection: string | null = null
  if (!restricted) {
    const [r] = await chrome.scripting
      .executeScript({ target: { tabId }, func: () => getSelection()?.toString().trim() ?? '' })
      .catch(() => [{ result: '' }])
    selection = (r?.result as string) || null
  }
  const saved = restricted ? null : await lookupUrl(url.split('#')[0]).catch(() => null)
  const last = lastOutcome.get(tabId)
  lastOutcome.delete(tabId)
  const recent = last && Date.now() - last.at < LAST_SHOWN_FOR_MS ? last.outcome : null
  return { title: tab.title ?? url, url, selection, restricted, saved: saved?.id ? saved : null, last: recent }
}

async function answer(request: Request): Promise<Answers[Request['type']]> {
  switch (request.type) {
    case 'state':
      return appState()
    case 'pair':
      return requestPairing().catch(async (e: unknown): Promise<AppState> => ({ ...(await appState()), error: (e as Error).message }))
    case 'forget':
      await forgetPairing()
      return appState()
    case 'tab':
      return tabInfo(request.tabId)
    case 'capture':
      return save(request.tabId, request.options)
    case 'open':
      return openInApp(request.id).then(
        () => ({ ok: true }),
        (e: unknown) => ({ ok: false, error: (e as Error).message })
      )
  }
}

chrome.runtime.onMessage.addListener((request: Request, sender, reply) => {
  // Only the extension's own pages may ask (never a web page's content script).
  if (sender.id !== chrome.runtime.id || (sender.url && !sender.url.startsWith(chrome.runtime.getURL('')))) return false
  answer(request).then(reply, (e: unknown) => reply({ error: String((e as Error)?.message ?? e) }))
  return true
})
