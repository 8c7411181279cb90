/** What the popup and the options page ask the background worker, and what it answers. */
import type { LookupResponse, PairingState } from '../../src/shared/capture'

export interface AppState {
  /** The app answered on its port. */
  appRunning: boolean
  paired: boolean
  pairing: PairingState | 'unreachable'
  /** Shown while pending, to compare with the one the app shows. */
  code?: string
  port: number
  version?: string
  /** Why the last request (pairing) failed. */
  error?: string
}

export interface CaptureOptions {
  tags?: string[]
  note?: string
  /** Keep the page's whole text when no article is found in it. */
  force?: boolean
}

/** The answer of every save, however it was started (popup, menu, shortcut, self.clipfile). */
export interface CaptureOutcome {
  ok: boolean
  id?: number
  status?: 'created' | 'updated'
  title?: string
  error?: string
  /** Why it failed, for the popup to offer the right next step. */
  reason?: 'not-running' | 'not-paired' | 'page' | 'refused'
  /** Things the person should know (images left out…). */
  notes?: string[]
  /** No article was found; saving with `force` keeps the whole page. */
  noArticle?: boolean
}

export interface TabInfo {
  title: string
  url: string
  /** What is selected on the page now (becomes a highlight). */
  selection: string | null
  /** The page cannot be read by an extension (browser pages, the web store…). */
  restricted: boolean
  saved: LookupResponse | null
  /** The last save of this tab, so a popup opened after a shortcut shows how it went. */
  last: CaptureOutcome | null
}

export type Request =
  | { type: 'state' }
  | { type: 'pair' }
  | { type: 'forget' }
  | { type: 'tab'; tabId: number }
  | { type: 'capture'; tabId: number; options: CaptureOptions }
  | { type: 'open'; id: number }

export interface Answers {
  state: AppState
  pair: AppState
  forget: AppState
  tab: TabInfo
  capture: CaptureOutcome
  open: { ok: boolean; error?: string }
}

/** Sends a request to the background worker and answers with its typed reply. */
export function ask<R extends Request>(request: R): Promise<Answers[R['type']]> {
  return chrome.runtime.sendMessage(request) as Promise<Answers[R['type']]>
}
