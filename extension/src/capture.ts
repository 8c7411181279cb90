/**
 * One save, as the toolbar button, the menu, the shortcut and self.clipfile.capture all do
 * it: is the app there and paired → read the page in the tab → fetch its images here (with
 * the reader's cookies) within the budget → send it all in one request. Anything that fails
 * before the last step leaves the archive untouched; the app stores a page in one transaction.
 */
import { MAX_CAPTURE_HTML_CHARS, MAX_CAPTURE_IMAGE_BYTES, type CapturedImage } from '../../src/shared/capture'
import { AppNotRunning, AppRefused, appState, uploadCapture } from './app-client'
import type { PageCapture } from './in-page'
import type { CaptureOptions, CaptureOutcome } from './messages'

/** One image larger than this is not worth a page's budget. */
const MAX_ONE_IMAGE = 15 * 1024 * 1024
const IMAGE_TIMEOUT_MS = 20_000
const PARALLEL = 4

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

interface Fetched {
  url: string
  mime: string
  bytes: Uint8Array
}

/**
 * Fetches the page's images with the reader's cookies, a few at a time, then keeps them in
 * the page's order (the article's first) until the budget is spent; the rest are left out
 * with a note. An image that cannot be fetched is left out too (the article still saves).
 */
export async function fetchImages(urls: string[], budget = MAX_CAPTURE_IMAGE_BYTES): Promise<{ images: CapturedImage[]; notes: string[] }> {
  const fetched = new Map<string, Fetched | null>()
  let next = 0
  const lane = async () => {
    while (next < urls.length) {
      const url = urls[next++]
      fetched.set(url, await fetchImage(url))
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, urls.length) }, lane))
  const images: CapturedImage[] = []
  let spent = 0
  let overBudget = 0
  let failed = 0
  for (const url of urls) {
    const image = fetched.get(url)
    if (!image) {
      failed++
      continue
    }
    if (spent + image.bytes.length > budget) {
      overBudget++
      continue
    }
    spent += image.bytes.length
    images.push({ url, mime: image.mime, base64: toBase64(image.bytes) })
  }
  const notes: string[] = []
  if (overBudget) notes.push(`${plural(overBudget, 'image')} left out: a page may bring ${budget / 1024 / 1024} MB of images.`)
  if (failed) notes.push(`${plural(failed, 'image')} could not be downloaded and ${failed === 1 ? 'is' : 'are'} not kept.`)
  return { images, notes }
}

async function fetchImage(url: string): Promise<Fetched | null> {
  try {
    const res = await fetch(url, { credentials: 'include', cache: 'force-cache', signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS) })
    const mime = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
    if (!res.ok || !(mime.startsWith('image/') || mime === 'application/octet-stream' || mime === '')) return null
    if (Number(res.headers.get('content-length')) > MAX_ONE_IMAGE) return null
    const bytes = new Uint8Array(await res.arrayBuffer())
    return bytes.length > MAX_ONE_IMAGE ? null : { url, mime: mime || 'application/octet-stream', bytes }
  } catch {
    return null
  }
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`
