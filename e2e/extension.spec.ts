/**
 * "Save to Clipfile", end to end: Debian's Chromium with the unpacked extension, a real
 * `clipfile serve` listening for it, and a loopback news site whose article is rendered by
 * script from an API that needs the reader's login cookie, with cookie-only images. The tests
 * share one browser and one archive and run in order, as a person would go: refused before
 * pairing, pair, save, save again, stay safe from other pages, revoke, and the app closed.
 */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import { CHROMIUM_EXTENSION_ID, launchWithExtension, serveWithCapture, tabIdOf, type ExtensionBrowser, type ServeWithCapture } from './support/extension'
import { SCREENSHOTS } from './support/serve'
import { ARTICLE_PATH, ARTICLE_TITLE, BRIEF_PATH, BRIEF_TITLE, IMAGES, SYRIA_PARAGRAPHS, paywallSite, type PaywallSite } from './support/paywall-site'

test.describe.configure({ mode: 'serial' })

const SHOTS = join(import.meta.dirname, '../test-results/screenshots')
const QUOTE = 'Iran needs to withdraw its military and the militias it supports from Syria'

interface Outcome {
  ok: boolean
  id?: number
  status?: 'created' | 'updated'
  error?: string
  reason?: string
  notes?: string[]
}
interface ShownArticle {
  id: number
  text: string
  tags: string[]
  highlights: { exact: string; note: string; start: number; orphan: boolean }[]
}

let ext: ExtensionBrowser
let app: ServeWithCapture
let site: PaywallSite
let articlePage: Page

test.beforeAll(async () => {
  ;[ext, app, site] = await Promise.all([launchWithExtension(), serveWithCapture(), paywallSite()])
  // As a user would in the options page: the port this Clipfile listens on.
  await ext.worker.evaluate((port) => chrome.storage.local.set({ port }), app.capturePort)
  mkdirSync(SHOTS, { recursive: true })
})
test.afterAll(async () => {
  await ext?.close()
  await app?.stop()
  await site?.close()
})

/** self.clipfile in the extension's background worker. */
const clipfile = {
  pair: () => ext.worker.evaluate(() => (self as unknown as { clipfile: { pair(): Promise<{ code: string | null; paired: boolean }> } }).clipfile.pair()),
  status: () => ext.worker.evaluate(() => (self as unknown as { clipfile: { status(): Promise<{ paired: boolean; appRunning: boolean; pending: boolean }> } }).clipfile.status()),
  capture: (tabId: number, options: { tags?: string[]; note?: string } = {}) =>
    ext.worker.evaluate(
      ([id, o]) => (self as unknown as { clipfile: { capture(id: number, o: object): Promise<Outcome> } }).clipfile.capture(id, o),
      [tabId, options] as const
    )
}

/** The archive, through the served app's own API (quicker than a CLI process per look). */
async function api<T>(method: string, payload: object = {}): Promise<T> {
  const [base, fragment] = app.url.split('#')
  const res = await fetch(`${base}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${fragment.replace('token=', '')}` },
    body: JSON.stringify(payload)
  })
  const r = (await res.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!r.ok) throw new Error(`${method}: ${r.error?.message}`)
  return r.value
}
const articles = () => api<{ items: { id: number; title: string }[] }>('listArticles').then((l) => l.items)
const show = (id: number) => api<ShownArticle>('getArticle', { id })
const pairings = () => api<{ id: number; status: string; code: string | null }[]>('listPairings')

/** The logged-in reader's tab, with the article rendered by the site's script. */
async function openArticle(): Promise<Page> {
  const page = await ext.context.newPage()
  await page.goto(site.url('/login'))
  await expect(page).toHaveURL(site.url(ARTICLE_PATH))
  await page.locator('body[data-rendered="yes"]').waitFor()
  return page
}

async function select(page: Page, words: string, within: string): Promise<void> {
  await page.evaluate(
    ([w, inside]) => {
      const p = [...document.querySelectorAll('article p')].find((el) => el.textContent!.includes(inside))!
      const text = p.firstChild as Text
      const at = text.data.indexOf(inside) + inside.indexOf(w)
      const range = document.createRange()
      range.setStart(text, at)
      range.setEnd(text, at + w.length)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
    },
    [words, within] as const
  )
}

/** The popup, opened as a page on the given tab (the toolbar's popup cannot be driven headless). */
async function popup(tabId: number): Promise<Page> {
  const p = await ext.context.newPage()
  await p.setViewportSize({ width: 360, height: 560 })
  await p.goto(`chrome-extension://${ext.id}/popup.html?tab=${tabId}`)
  return p
}
const snapPopup = async (p: Page, name: string) => {
  if (SCREENSHOTS) await p.locator('body').screenshot({ path: join(SHOTS, `${name}.png`) })
}

test('loads with its fixed id; before pairing the popup offers pairing and a capture is refused, saving nothing', async () => {
  expect(ext.id).toBe(CHROMIUM_EXTENSION_ID)
  expect(await clipfile.status()).toEqual({ paired: false, appRunning: true, pending: false, code: null })
  articlePage = await openArticle()
  const tabId = await tabIdOf(ext.worker, articlePage)
  const refused = await clipfile.capture(tabId)
  expect(refused).toMatchObject({ ok: false, reason: 'not-paired' })
  expect(await articles()).toEqual([])

  const p = await popup(tabId)
  await expect(p.getByRole('heading', { name: 'Pair this browser with Clipfile' })).toBeVisible()
  await expect(p.getByRole('button', { name: 'Pair with Clipfile' })).toBeFocused()
  await snapPopup(p, 'extension-popup-not-paired')
  await p.close()
})

test('pairing: the app shows the code the extension shows, and the person allows it', async () => {
  const tabId = await tabIdOf(ext.worker, articlePage)
  const p = await popup(tabId)
  await p.getByRole('button', { name: 'Pair with Clipfile' }).click()
  await expect(p.getByRole('heading', { name: 'Approve this browser in Clipfile' })).toBeVisible()
  const code = (await p.locator('.code').textContent())!.trim()
  expect(code).toMatch(/^\d{4}$/)
  expect(await clipfile.status()).toMatchObject({ paired: false, pending: true })
  await snapPopup(p, 'extension-popup-pairing')

  const ui = await ext.context.newPage()
  await ui.goto(app.url)
  const prompt = ui.getByRole('alertdialog', { name: 'Allow this browser to save to Clipfile?' })
  await expect(prompt).toBeVisible()
  await expect(prompt).toContainText(`code ${code}`)
  await expect(prompt).toContainText(/Chromium \d+ on Linux/)
  if (SCREENSHOTS) await ui.screenshot({ path: join(SHOTS, 'pairing-prompt.png') })
  await prompt.getByRole('button', { name: 'Allow', exact: true }).click()
  await expect(prompt).toBeHidden()
  await ui.close()

  // The waiting popup notices the approval by itself and offers to save.
  await expect(p.getByRole('button', { name: 'Save page' })).toBeVisible()
  expect(await clipfile.status()).toMatchObject({ paired: true, appRunning: true })
  expect(await pairings()).toMatchObject([{ status: 'approved', code: null }])
  await p.close()
})

test('a URL import gets the paywall; the extension saves the whole article with its images, selection, tags and note', async () => {
  const imported = await api<{ results: { ok: boolean; id?: number }[] }>('importItems', { items: [{ kind: 'url', url: site.url(ARTICLE_PATH) }] })
  const line = imported.results[0]
  if (line.ok) {
    // Clipfile's own download is the teaser: the article itself is not in it.
    const stub = await show(line.id!)
    expect(stub.text).not.toContain(SYRIA_PARAGRAPHS[2].slice(0, 60))
  }

  await select(articlePage, QUOTE, QUOTE)
  const tabId = await tabIdOf(ext.worker, articlePage)
  const saved = await clipfile.capture(tabId, { tags: ['Syria', 'Paywalled'], note: 'The key demand' })
  expect(saved, JSON.stringify(saved)).toMatchObject({ ok: true, status: line.ok ? 'updated' : 'created' })
  expect(saved.notes ?? []).toEqual([])

  const list = await articles()
  expect(list).toHaveLength(1)
  const article = await show(saved.id!)
  for (const p of SYRIA_PARAGRAPHS) expect(article.text).toContain(p.slice(0, 80))
  expect(article.tags.sort()).toEqual(['Paywalled', 'Syria'])
  expect(article.highlights).toHaveLength(1)
  expect(article.highlights[0]).toMatchObject({ exact: QUOTE, note: 'The key demand', orphan: false })

  // The images came from the extension, with the cookie; the app downloaded none itself.
  for (const path of Object.keys(IMAGES)) {
    const hits = site.hits.filter((h) => h.path === path)
    expect(hits.length, path).toBeGreaterThan(0)
    expect(hits.every((h) => h.cookie), `${path} always with the reader's cookie`).toBe(true)
  }

  // Shown offline: the reader loads both images from the archive and nothing from the site.
  const ui = await ext.context.newPage()
  const toSite: string[] = []
  ui.on('request', (r) => r.url().startsWith(site.origin) && toSite.push(r.url()))
  const [base, token] = app.url.split('#')
  await ui.goto(`${base}#/article/${saved.id}?${token}`)
  await expect(ui.getByRole('heading', { name: ARTICLE_TITLE })).toBeVisible()
  const body = ui.getByRole('article', { name: 'Article text' })
  const images = body.locator('img')
  await expect(images).toHaveCount(2)
  await expect.poll(() => images.evaluateAll((els) => els.map((i) => [(i as HTMLImageElement).naturalWidth, i.getAttribute('src')!.startsWith('/asset/')]))).toEqual([
    [64, true],
    [72, true]
  ])
  await expect(body.locator('mark.hl').first()).toContainText('Iran needs to withdraw')
  expect(toSite).toEqual([])
  if (SCREENSHOTS) await ui.screenshot({ path: join(SHOTS, 'extension-saved-article.png') })
  await ui.close()
})

test('saving the same page again from the popup says “Updated” (no duplicate); a new selection is placed by its context; Open in Clipfile shows it', async () => {
  const ui = await ext.context.newPage()
  await ui.goto(app.url)
  // “Syria” occurs three times in the text: the selection's prefix and suffix say which one.
  await select(articlePage, 'Syria', 'were in Syria at the invitation')
  const tabId = await tabIdOf(ext.worker, articlePage)
  const p = await popup(tabId)
  await expect(p.getByText('Already in Clipfile')).toBeVisible()
  await expect(p.locator('.selection')).toContainText('Syria')
  await p.getByLabel('Tags').fill('Velayati')
  await p.getByLabel('Note').fill('Which Syria')
  await snapPopup(p, 'extension-popup-ready')
  await p.getByRole('button', { name: 'Save again' }).click()
  await expect(p.getByRole('heading', { name: 'Updated in Clipfile' })).toBeVisible()
  await snapPopup(p, 'extension-popup-updated')

  const list = await articles()
  expect(list).toHaveLength(1)
  const article = await show(list[0].id)
  expect(article.tags.sort()).toEqual(['Paywalled', 'Syria', 'Velayati'])
  const second = article.highlights.find((h) => h.note === 'Which Syria')!
  expect(second).toMatchObject({ exact: 'Syria', orphan: false })
  expect(second.start).toBe(article.text.indexOf('were in Syria at the invitation') + 'were in '.length)
  expect(article.highlights.filter((h) => h.exact === QUOTE)).toHaveLength(1)

  // The toolbar button shows that this page is in Clipfile.
  expect(await ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe('✓')
  await p.getByRole('button', { name: 'Open in Clipfile' }).click()
  await expect(ui).toHaveURL(new RegExp(`#/article/${list[0].id}`))
  await ui.close()
})

test('pages of other origins that POST to the capture port (no-cors, text/plain, a form, a beacon, JSON) save nothing', async () => {
  const before = { articles: (await articles()).length, pairings: (await pairings()).length }
  const target = `http://127.0.0.1:${app.capturePort}`
  const evil: Server = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' })
    res.end(`<!doctype html><iframe name="sink"></iframe><script>
const body = JSON.stringify({ html: '<article><p>' + 'Planted text. '.repeat(40) + '</p></article>', url: 'https://evil.example/planted', images: [], tags: ['planted'] })
const results = {}
async function run() {
  results.noCors = await fetch('${target}/v1/capture', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body }).then((r) => r.type, (e) => 'error ' + e)
  results.pair = await fetch('${target}/v1/pair', { method: 'POST', mode: 'no-cors', body: '{"browser":"evil"}' }).then((r) => r.type, (e) => 'error ' + e)
  results.json = await fetch('${target}/v1/capture', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + 'a'.repeat(43) }, body }).then((r) => 'answered ' + r.status, () => 'blocked')
  results.beacon = navigator.sendBeacon('${target}/v1/capture', new Blob([body], { type: 'text/plain' }))
  const form = document.createElement('form')
  form.method = 'POST'; form.action = '${target}/v1/capture'; form.enctype = 'text/plain'; form.target = 'sink'
  const input = document.createElement('input')
  input.name = body.slice(0, -1) + ',"x":"'; input.value = '"}'
  form.append(input); document.body.append(form)
  document.querySelector('iframe').onload = () => { results.form = 'answered'; window.__done = results }
  form.submit()
}
run()
</script>`)
  })
  await new Promise<void>((r) => evil.listen(0, '127.0.0.1', () => r()))
  const page = await ext.context.newPage()
  await page.goto(`http://localhost:${(evil.address() as AddressInfo).port}/`)
  const results = await page.waitForFunction(() => (window as unknown as { __done?: object }).__done).then((h) => h.jsonValue())
  // The requests reached the listener (answered, opaque to the page) — and were refused there.
  expect(results).toMatchObject({ noCors: 'opaque', pair: 'opaque', json: 'blocked', beacon: true, form: 'answered' })
  await page.close()
  evil.close()
  expect({ articles: (await articles()).length, pairings: (await pairings()).length }).toEqual(before)
  expect(await api<{ total: number }>('search', { query: 'planted' })).toMatchObject({ total: 0 })
})

test('revoked, the browser is refused; paired again from the command line while serve runs, it saves again', async () => {
  const [paired] = await pairings()
  expect((await app.cli(['pairing', 'revoke', String(paired.id)])).code).toBe(0)
  const tabId = await tabIdOf(ext.worker, articlePage)
  expect(await clipfile.capture(tabId)).toMatchObject({ ok: false, reason: 'not-paired' })
  expect(await clipfile.status()).toMatchObject({ paired: false, appRunning: true })

  const { code, paired: already } = await clipfile.pair()
  expect(already).toBe(false)
  const approved = await app.cli(['pairing', 'approve', code!])
  expect(approved.code, approved.stderr).toBe(0)
  expect(approved.stderr).toMatch(/Approved: Chromium \d+ on Linux/)
  expect(await clipfile.capture(tabId)).toMatchObject({ ok: true, status: 'updated' })
  expect(await articles()).toHaveLength(1)
})

test('with Clipfile not running the popup says so and what to do, and nothing is saved', async () => {
  const dead = await new Promise<number>((resolve) => {
    const s = createServer()
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as AddressInfo).port
      s.close(() => resolve(port))
    })
  })
  await ext.worker.evaluate((port) => chrome.storage.local.set({ port }), dead)
  try {
    const tabId = await tabIdOf(ext.worker, articlePage)
    expect(await clipfile.status()).toMatchObject({ appRunning: false })
    const r = await clipfile.capture(tabId, { tags: ['Lost'] })
    expect(r).toMatchObject({ ok: false, reason: 'not-running' })
    expect(r.error).toMatch(/Clipfile is not running/)
    const p = await popup(tabId)
    await expect(p.getByRole('heading', { name: 'Clipfile is not running' })).toBeVisible()
    await expect(p.getByText(`Looking on port ${dead}`)).toBeVisible()
    await snapPopup(p, 'extension-popup-not-running')
    await p.close()
  } finally {
    await ext.worker.evaluate((port) => chrome.storage.local.set({ port }), app.capturePort)
  }
  const [article] = await articles()
  expect((await show(article.id)).tags).not.toContain('Lost')
})

test('the popup says “Saved” for a new page and “Not saved” with the reason for a page without an article; the options page shows the connection', async () => {
  const brief = await ext.context.newPage()
  await brief.goto(site.url(BRIEF_PATH))
  let p = await popup(await tabIdOf(ext.worker, brief))
  await expect(p.locator('textarea#note')).toBeDisabled()
  await p.getByLabel('Tags').fill('Iraq, Kirkuk')
  await p.keyboard.press('Enter')
  await expect(p.getByRole('heading', { name: 'Saved to Clipfile' })).toBeVisible()
  await expect(p.getByText(BRIEF_TITLE)).toBeVisible()
  await snapPopup(p, 'extension-popup-saved')
  await p.close()
  const saved = (await articles()).find((a) => a.title === BRIEF_TITLE)!
  expect((await show(saved.id)).tags.sort()).toEqual(['Iraq', 'Kirkuk'])
  // Opened again in another tab (told apart by its #fragment), the page is known to be saved:
  // the button says ✓, and stops saying it when the tab moves on to a page that is not saved.
  const again = await ext.context.newPage()
  await again.goto(site.url(`${BRIEF_PATH}#again`))
  const againId = await tabIdOf(ext.worker, again)
  await expect.poll(() => ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), againId)).toBe('✓')
  await again.goto(site.url('/no-such-story#again'))
  await expect.poll(() => ext.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), againId)).toBe('')
  await again.close()

  await brief.goto(site.url('/no-such-story'))
  p = await popup(await tabIdOf(ext.worker, brief))
  await p.getByRole('button', { name: 'Save page' }).click()
  await expect(p.getByRole('heading', { name: 'Not saved' })).toBeVisible()
  await expect(p.getByRole('alert')).toContainText('No article was found on this page')
  await snapPopup(p, 'extension-popup-failed')
  expect(await articles()).toHaveLength(2)
  // The person decides to keep the page as it is.
  await p.getByRole('button', { name: 'Save the whole page anyway' }).click()
  await expect(p.getByRole('heading', { name: 'Saved to Clipfile' })).toBeVisible()
  await p.close()
  expect(await articles()).toHaveLength(3)

  const options = await ext.context.newPage()
  await options.setViewportSize({ width: 640, height: 560 })
  await options.goto(`chrome-extension://${ext.id}/options.html`)
  await expect(options.getByText(`answers on port ${app.capturePort}`)).toBeVisible()
  await expect(options.getByText('Paired: this browser can save to Clipfile.')).toBeVisible()
  await expect(options.getByLabel('Port')).toHaveValue(String(app.capturePort))
  await options.getByLabel('Port').fill('99999')
  await options.getByRole('button', { name: 'Save' }).click()
  await expect(options.getByText('A port is a whole number from 1 to 65535.')).toBeVisible()
  if (SCREENSHOTS) await options.screenshot({ path: join(SHOTS, 'extension-options.png') })
  await options.close()
  await brief.close()
})
