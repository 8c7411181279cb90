import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { test, expect, snap } from './support/serve'
import { LibraryPage } from './support/library-page'
import { newsPage, newsSite, SYRIA_PARAGRAPHS } from './support/site'

test('a new archive shows how to add articles, without console errors', async ({ page, served, consoleErrors }) => {
  await page.goto(served.url)
  await expect(page.getByRole('heading', { name: 'Your archive is empty' })).toBeVisible()
  await expect(page.getByText('Drag saved pages')).toBeVisible()
  // The page carries its own CSP (a file:// page in Electron gets no headers).
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /script-src 'self'/)
  await snap(page, 'library-empty')
  await page.emulateMedia({ colorScheme: 'dark' })
  await snap(page, 'library-empty-dark')
  expect(consoleErrors).toEqual([])
})

test('the API refuses a call without the token', async ({ served, request }) => {
  const base = served.url.split('#')[0]
  const res = await request.post(`${base}api/listArticles`, { data: {} })
  expect(res.status()).toBe(401)
})

test('add links, watch the import, read the article', async ({ page, served, consoleErrors }) => {
  const site = await newsSite(
    {
      '/world/tillerson-iran-syria': newsPage('Tillerson tells Iran to withdraw from Syria', 'The Daily Ledger', 'Julian Borger', '2017-10-22T09:00:00Z', SYRIA_PARAGRAPHS),
      '/world/velayati': newsPage('Velayati rejects US demand as ridiculous', 'Gulf Observer', 'Sara Haddad', '2017-10-23T14:30:00Z', SYRIA_PARAGRAPHS.slice(1).reverse())
    },
    150
  )
  try {
    await page.goto(served.url)
    const library = new LibraryPage(page)
    await library.addButton().click()
    await expect(page.getByRole('dialog', { name: 'Add articles' })).toBeVisible()
    await page.getByLabel('Article links').fill([site.url('/world/tillerson-iran-syria'), site.url('/world/velayati'), site.url('/gone')].join('\n'))
    await page.getByRole('textbox', { name: /^Tags/ }).fill('Syria, Iran')
    await snap(page, 'add-dialog')
    await page.getByRole('button', { name: 'Add 3 items' }).click()
    await expect(library.progress()).toBeVisible()
    await expect(library.progress()).toContainText('Import finished')
    await expect(library.progress()).toContainText('2 saved · 0 updated · 1 failed')
    await expect(library.progress().getByRole('list', { name: 'Failed items' })).toContainText('HTTP 404')
    await expect(library.rows()).toHaveCount(2)
    await snap(page, 'import-summary')
    const row = library.row('Tillerson tells Iran')
    await expect(row).toContainText('The Daily Ledger')
    await expect(row).toContainText('Syria')
    await row.click()
    await expect(page.getByRole('heading', { level: 1, name: 'Tillerson tells Iran to withdraw from Syria' })).toBeVisible()
    await expect(page.getByRole('article', { name: 'Article text' })).toContainText('Iran needs to withdraw its military')
    await expect(page.getByRole('article', { name: 'Article text' })).not.toContainText('Most popular')
    await snap(page, 'reader')
    await page.goBack()
    await expect(library.rows()).toHaveCount(2)
    await page.getByRole('link', { name: /Iran/ }).first().click()
    expect(consoleErrors).toEqual([])
  } finally {
    await site.close()
  }
})

test('a bulk import shows its progress while it runs', async ({ page, served }) => {
  const pages: Record<string, string> = {}
  for (let i = 0; i < 12; i++) {
    pages[`/story-${i}`] = newsPage(`Council story number ${i + 1}`, 'Coastal Herald', 'Ana Lima', `2024-0${(i % 9) + 1}-11T08:00:00Z`, SYRIA_PARAGRAPHS.map((p) => `${p} (${i})`))
  }
  const site = await newsSite(pages, 700)
  try {
    await page.goto(served.url)
    const library = new LibraryPage(page)
    await library.addLinks([...Object.keys(pages).map((p) => site.url(p)), site.url('/missing-page')])
    await expect(library.progress()).toContainText(/Importing ([4-9]|1[0-2]) of 13/, { timeout: 20_000 })
    await expect(library.progress().getByRole('progressbar')).toBeVisible()
    await expect(library.rows().first()).toBeVisible()
    await snap(page, 'import-progress')
    await expect(library.progress()).toContainText('Import finished', { timeout: 30_000 })
    await expect(library.progress()).toContainText('12 saved · 0 updated · 1 failed')
    await expect(library.rows()).toHaveCount(12)
  } finally {
    await site.close()
  }
})

test('files dropped on the window and links pasted outside a text field are imported', async ({ page, served }) => {
  const site = await newsSite({ '/pasted': newsPage('Pasted link story about the port', 'Coastal Herald', 'Ana Lima', '2024-03-11T08:00:00Z', SYRIA_PARAGRAPHS.map((p) => `${p} (pasted)`)) })
  try {
    await page.goto(served.url)
    const library = new LibraryPage(page)
    await expect(page.getByRole('heading', { name: 'Your archive is empty' })).toBeVisible()
    const html = newsPage('Dropped file about the bridge', 'Coastal Herald', 'Tom Reyes', '2024-03-12T08:00:00Z', SYRIA_PARAGRAPHS)
    const dataTransfer = await page.evaluateHandle((content) => {
      const dt = new DataTransfer()
      dt.items.add(new File([content], 'bridge.html', { type: 'text/html' }))
      return dt
    }, html)
    await page.dispatchEvent('main', 'dragenter', { dataTransfer })
    await expect(page.getByText('Drop to add to your archive')).toBeVisible()
    await page.dispatchEvent('main', 'drop', { dataTransfer })
    await expect(library.row('Dropped file about the bridge')).toBeVisible()
    await page.evaluate((url) => {
      const data = new DataTransfer()
      data.setData('text/plain', url)
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
    }, site.url('/pasted'))
    await expect(library.row('Pasted link story about the port')).toBeVisible()
    await expect(library.rows()).toHaveCount(2)
  } finally {
    await site.close()
  }
})

test('the library lists articles imported by the CLI, with tags in the sidebar', async ({ page, served }) => {
  const site = await newsSite({ '/a': newsPage('Council approves the harbour budget', 'Coastal Herald', 'Ana Lima', '2024-03-11T08:00:00Z', SYRIA_PARAGRAPHS) })
  try {
    const r = await served.cli(['import', site.url('/a'), '--tag', 'Budget'])
    expect(r.code).toBe(0)
    await page.goto(served.url)
    await expect(new LibraryPage(page).rows()).toHaveCount(1)
    await page.getByRole('navigation', { name: 'Tags' }).getByRole('link', { name: /Budget/ }).click()
    await expect(page.getByRole('heading', { name: 'Tagged “Budget”' })).toBeVisible()
    await snap(page, 'library-list')
  } finally {
    await site.close()
  }
})

test('the import summary: a line that is not a link is reported, a failed page retried, a page without an article saved anyway', async ({ page, served }) => {
  // One page fails the first time it is asked for, one has no article in it.
  let flakyHits = 0
  const server = createServer((req, res) => {
    if (req.url === '/flaky' && ++flakyHits === 1) {
      res.writeHead(503, { 'Content-Type': 'text/html' })
      return res.end('<h1>Busy</h1>')
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    if (req.url === '/flaky') return res.end(newsPage('Flaky server finally answers', 'Coastal Herald', 'Ana Lima', '2024-03-11T08:00:00Z', SYRIA_PARAGRAPHS))
    res.end('<!doctype html><html><head><title>Members only</title></head><body><h1>Members only</h1><p>Sign in to read on.</p></body></html>')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  try {
    await page.goto(served.url)
    const library = new LibraryPage(page)
    await library.addButton().click()
    await page.getByLabel('Article links').fill([`${base}/flaky`, `${base}/login`, 'the council story from Tuesday'].join('\n'))
    await expect(page.getByRole('dialog', { name: 'Add articles' })).toContainText('One line is not a link')
    await expect(page.getByRole('dialog', { name: 'Add articles' })).toContainText('line 3: the council story from Tuesday')
    await page.getByRole('button', { name: 'Add 3 items' }).click()
    const panel = library.progress()
    await expect(panel).toContainText('Import finished')
    await expect(panel).toContainText('0 saved · 0 updated · 3 failed')
    const failures = panel.getByRole('list', { name: 'Failed items' })
    await expect(failures).toContainText('HTTP 503')
    await expect(failures).toContainText('not a URL: "the council story from Tuesday"')
    await expect(failures).toContainText('no readable article found on this page')
    // The app speaks to people, not to a command line.
    expect(await panel.textContent()).not.toMatch(/--\w/)
    await snap(page, 'import-summary-retry')
    // The page that was busy is tried again from the summary.
    await failures.getByRole('button', { name: `Retry ${base}/flaky` }).click()
    await expect(panel).toContainText('1 saved · 0 updated · 0 failed')
    await expect(library.row('Flaky server finally answers')).toBeVisible()
    // The page without an article: tried again, then saved anyway.
    await library.addLinks([`${base}/login`])
    await expect(panel).toContainText('0 saved · 0 updated · 1 failed')
    await failures.getByRole('button', { name: 'Save anyway' }).click()
    await expect(panel).toContainText('1 saved · 0 updated · 0 failed')
    await expect(library.row('Members only')).toBeVisible()
    await expect(library.rows()).toHaveCount(2)
  } finally {
    server.closeAllConnections()
    await new Promise((r) => server.close(r))
  }
})
