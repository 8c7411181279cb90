/**
 * One save, as the toolbar button, the menu, the shortcut and self.clipfile.capture all do
 * it: is the app there and paired → read the page in the tab → fetch its images here (with
 * the reader's cookies) within the budget → send it all in one request. Anything that fails
 * before the last step leaves the archive untouched; the app stores a page in one transaction.
 */
import { MAX_CAPTURE_HTML_CHARS } from '../../src/shared/capture'
import { AppNotRunning, AppRefused, appState, uploadCapture } from './app-client'
import type { PageCapture } from './in-page'
import type { CaptureOptions, CaptureOutcome } from './messages'
import { fetchImages } from './images'

export async function captureTab(tabId: number, options: CaptureOptions = {}): Promise<CaptureOutcome> {
  const state = await appState()
  if (!state.appRunning) return fail('not-running', new AppNotRunning(state.port).message)
  if (!state.paired) {
    return fail('not-paired', 'This browser is not paired with Clipfile yet: open Save to Clipfile and choose “Pair with Clipfile”.')
  }
  let page: PageCapture
  try {
    page = await readPage(tabId)
  } catch (e) {
    return fail('page', (e as Error).message)
  }
  if (options.note?.trim() && !page.selection) {
    return fail('page', 'A note goes on the passage you select: select some text on the page first, or leave the note empty.')
  }
  if (page.html.length > MAX_CAPTURE_HTML_CHARS) {
    return fail('page', `This page is too large to save (${Math.round(page.html.length / 1_000_000)} million characters; Clipfile takes up to ${MAX_CAPTURE_HTML_CHARS / 1_000_000} million).`)
  }
  const { images, notes } = await fetchImages(page.images)
  try {
    const r = await uploadCapture({
      html: page.html,
      url: page.url,
      canonicalUrl: page.canonicalUrl,
      title: page.title,
      images,
      selection: page.selection,
      note: options.note?.trim() || undefined,
      tags: (options.tags ?? []).map((t) => t.trim()).filter(Boolean),
      force: options.force === true
    })
    if (!r.ok) return { ...fail('refused', r.error ?? 'Clipfile could not save this page.'), notes, noArticle: r.noArticle }
    return { ok: true, id: r.id, status: r.status, title: r.title, notes }
  } catch (e) {
    if (e instanceof AppNotRunning) return fail('not-running', 'Clipfile stopped before the page was sent; nothing was saved. Open it and try again.')
    if (e instanceof AppRefused && e.status === 401) return fail('not-paired', 'Clipfile no longer knows this browser (its pairing was revoked): pair it again.')
    return fail('refused', (e as Error).message)
  }
}

const fail = (reason: CaptureOutcome['reason'], error: string): CaptureOutcome => ({ ok: false, reason, error })

/** Runs the capture in the tab's page (its top frame). */
async function readPage(tabId: number): Promise<PageCapture> {
  try {
    await chrome.scripting.executeScript({ target: { tabId }, files: ['in-page.js'] })
    const [result] = await chrome.scripting.executeScript({
      target: { tabId },
      func: () => (globalThis as unknown as { __clipfileCapture: () => unknown }).__clipfileCapture()
    })
    if (!result?.result) throw new Error('no answer')
    return result.result as PageCapture
  } catch (e) {
    const why = (e as Error).message ?? ''
    if (/cannot (be )?(scripted|access)|chrome:\/\/|extensions gallery|Missing host permission|cannot be scripted/i.test(why)) {
      throw new Error('Clipfile cannot read this page: browsers keep their own pages, the extension stores and PDFs out of reach of extensions.', { cause: e })
    }
    throw new Error(`Clipfile could not read this page (${why || 'the tab closed or changed'}).`, { cause: e })
  }
}
