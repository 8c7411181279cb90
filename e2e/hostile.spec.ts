/**
 * Archived pages are written by strangers. Each hostile page under e2e/fixtures/hostile is
 * served from one loopback server and refers, every way a page can, to a second one: the
 * canary, which counts every request it receives. The page is imported with the CLI, then
 * opened in the reader in Chromium. The reader must make no request to the canary (or to
 * anything but the app itself), open no dialog, run none of the page's script, keep its
 * CSP, and the stored document must hold none of it.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect, type Served } from './support/serve'
import { newsSite } from './support/site'

const FIXTURES = join(import.meta.dirname, 'fixtures/hostile')
const PNG = readFileSync(join(FIXTURES, 'photo.png'))

interface Hit {
  path: string
  userAgent: string
}

/** 127.0.0.1 only. Answers everything with something a browser would act on, and remembers it. */
async function startCanary(): Promise<{ origin: string; hits: Hit[]; close: () => Promise<void> }> {
  const hits: Hit[] = []
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = req.url ?? ''
    hits.push({ path, userAgent: String(req.headers['user-agent'] ?? '') })
    const pwn = "window.__pwned='canary';document.title='PWNED';alert('PWNED canary')"
    if (/\.(png|gif|webp)$|\/img\/|beacon/.test(path)) {
      res.writeHead(200, { 'Content-Type': 'image/png' })
      res.end(PNG)
    } else if (path.endsWith('.js')) {
      res.writeHead(200, { 'Content-Type': 'text/javascript' })
      res.end(pwn)
    } else if (path.endsWith('.css')) {
      res.writeHead(200, { 'Content-Type': 'text/css' })
      res.end(`body{background:url(/css-bg.png)} @import url(/nested.css);`)
    } else if (path.endsWith('.svg')) {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' })
      res.end(`<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><script>${pwn}</script><rect width="300" height="200"/></svg>`)
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end(`<script>parent.${pwn.replace(/;/g, ';parent.')}</script>`)
    }
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () => new Promise((r) => {
      server.closeAllConnections()
      server.close(() => r())
    })
  }
}

/** Paths only a browser rendering the page would request: the importer never may. */
const BROWSER_ONLY = /refresh|\.js$|inline-fetch|style\.css|import\.css|font|body-bg|before\.png|inline-style|behavior|frame|srcdoc|object|param|embed|svg-image|svg-data|poster|video|audio|ping|table-bg|body-attr|phish|formaction|preload|prefetch|favicon|template|isindex/

function tokenOf(served: Served): string {
  return new URL(served.url).hash.replace(/^#token=/, '')
}

async function api<T>(served: Served, method: string, input: unknown): Promise<T> {
  const origin = new URL(served.url).origin
  const res = await fetch(`${origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${tokenOf(served)}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input)
  })
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } }
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`)
  return body.value
}

const PAGES = [
  { file: 'scripts-and-handlers.html', mustKeep: 'The harbour council approved next year' },
  { file: 'remote-loads.html', mustKeep: 'Water restrictions came into force' },
  { file: 'embedded-documents.html', mustKeep: 'The high court ruled on Thursday' }
]

for (const { file, mustKeep } of PAGES) {
  test(`hostile page ${file}: the reader loads nothing remote, runs nothing, opens no dialog`, async ({ page, served, consoleErrors }) => {
    const canary = await startCanary()
    const html = readFileSync(join(FIXTURES, file), 'utf8').replaceAll('__CANARY__', canary.origin)
    const site = await newsSite({ [`/${file}`]: html })
    try {
      // Import: the importer may fetch the page's images (and only images) from the canary.
      const r = await served.cli(['import', site.url(`/${file}`), '--json'])
      expect(r.code, r.stderr).toBe(0)
      const imported = JSON.parse(r.stdout) as { ok: boolean; id: number; title: string }
      expect(imported.ok).toBe(true)
      const importHits = [...canary.hits]
      expect(importHits.filter((h) => BROWSER_ONLY.test(h.path)), 'browser-only URLs fetched by the importer').toEqual([])
      for (const h of importHits) expect(h.userAgent, `import-time request ${h.path}`).toContain('Clipfile/')
      canary.hits.length = 0

      // The stored document holds none of the page's active content.
      const article = await api<{ doc: unknown; text: string; assets: unknown[] }>(served, 'getArticle', { id: imported.id })
      const doc = JSON.stringify(article.doc)
      expect(article.text).toContain(mustKeep)
      expect(article.text).not.toMatch(/PWNED|__pwned|alert\(/)
      expect(doc).not.toMatch(/<script|javascript:|vbscript:|data:text|\bon[a-z]+=|"on[a-z]+"|iframe|srcdoc|<object|<embed|__pwned|PWNED|alert\(|behavior|@import/i)
      // An image that could not be saved keeps where it was as text (a placeholder's "source",
      // shown as a link, never loaded); nothing else in the document may name the page's server.
      const placeholders = [...doc.matchAll(/"type":"image_missing","attrs":\{"source":"([^"]*)"/g)].map((m) => m[1])
      for (const source of placeholders) expect(source).toMatch(/^https?:\/\//)
      expect(doc.replace(/"type":"image_missing","attrs":\{"source":"[^"]*"/g, '')).not.toContain(canary.origin)
      // Every image in the document is a stored asset, never a URL.
      for (const m of doc.matchAll(/"src":"([^"]*)"/g)) expect(m[1]).toMatch(/^asset:\d+$/)
      for (const m of doc.matchAll(/"href":"([^"]*)"/g)) expect(m[1]).toMatch(/^(https?:|mailto:)/)
      // The self-contained HTML export is opened in browsers too.
      const exported = await api<{ content: string }>(served, 'exportHighlights', { format: 'html', articleId: imported.id })
      expect(exported.content).not.toMatch(/<script(?![^>]*application\/ld\+json)|javascript:|\son[a-z]+=|<iframe|<object|<embed|PWNED/i)
      // Again, only a placeholder names where an image that could not be saved was (a link, never loaded).
      expect(exported.content.replace(/<div class="image-missing"[^>]*>[\s\S]*?<\/div>/g, '')).not.toContain(canary.origin)
      expect(exported.content).not.toMatch(new RegExp(`src="${canary.origin}`))

      // Read it.
      const dialogs: string[] = []
      page.on('dialog', (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`)
        void d.dismiss()
      })
      const appOrigin = new URL(served.url).origin
      const foreignRequests: string[] = []
      page.on('request', (req) => {
        const u = req.url()
        if (!u.startsWith(`${appOrigin}/`) && !/^(data|blob):/.test(u)) foreignRequests.push(u)
      })
      const popups: string[] = []
      page.on('popup', (p) => popups.push(p.url()))
      const articleUrl = served.url.replace('#', `#/article/${imported.id}?`)
      const response = await page.goto(articleUrl)
      const csp = response?.headers()['content-security-policy'] ?? ''
      expect(csp).toContain("default-src 'none'")
      expect(csp).toContain("script-src 'self'")
      expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/)
      expect(csp).toContain("img-src 'self' data: blob:")

      const body = page.getByRole('article', { name: 'Article text' })
      await expect(body).toContainText(mustKeep)
      // Give anything the page might have smuggled in time to fire: refresh after 1 s,
      // onload, autofocus, lazy images. Then poke it the way a reader would.
      await page.waitForTimeout(1500)
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await body.hover()
      await page.mouse.wheel(0, 2000)
      await page.waitForTimeout(500)

      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
        title: document.title,
        iframes: document.querySelectorAll('iframe, object, embed, frame').length,
        scripts: [...document.scripts].map((s) => s.src || 'inline'),
        handlers: [...document.querySelectorAll('.reader *')].flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on')),
        images: [...document.querySelectorAll('.reader img')].map((i) => (i as HTMLImageElement).src),
        links: [...document.querySelectorAll('.reader a[href]')].map((a) => a.getAttribute('href') ?? '')
      }))
      expect(state.pwned, 'a hostile script ran').toBeNull()
      expect(state.title).not.toContain('PWNED')
      expect(state.iframes).toBe(0)
      expect(state.handlers).toEqual([])
      // Only the app's own bundle is a script on the page.
      for (const s of state.scripts) expect(s.startsWith(`${appOrigin}/`), s).toBe(true)
      for (const src of state.images) expect(src.startsWith(`${appOrigin}/asset/`), src).toBe(true)
      for (const href of state.links) expect(href).toMatch(/^(https?:|mailto:)/)
      // Still on the article (the app drops the token from the address bar): no refresh, no navigation.
      expect(page.url()).toBe(`${appOrigin}/#/article/${imported.id}`)

      expect(dialogs, 'dialogs opened').toEqual([])
      expect(popups, 'windows opened').toEqual([])
      expect(foreignRequests, 'requests to anything but the app').toEqual([])
      expect(canary.hits.map((h) => h.path), 'canary requests made by the reader').toEqual([])
      expect(consoleErrors).toEqual([])
    } finally {
      await site.close()
      await canary.close()
    }
  })
}

test('the remote-loads page keeps its real photo, stored locally', async ({ page, served }) => {
  const canary = await startCanary()
  const html = readFileSync(join(FIXTURES, 'remote-loads.html'), 'utf8').replaceAll('__CANARY__', canary.origin)
  const site = await newsSite({ '/remote-loads.html': html })
  try {
    const r = await served.cli(['import', site.url('/remote-loads.html'), '--json'])
    const { id } = JSON.parse(r.stdout) as { id: number }
    // The canary really served images to the importer: the test above is not vacuous.
    expect(canary.hits.some((h) => h.path === '/img/photo.png')).toBe(true)
    canary.hits.length = 0
    await page.goto(served.url.replace('#', `#/article/${id}?`))
    const photo = page.getByRole('img', { name: 'The reservoir at low water' })
    await expect(photo).toBeVisible()
    expect(await photo.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBe(40)
    expect(await photo.getAttribute('src')).toMatch(/\/asset\/\d+/)
    expect(canary.hits).toEqual([])
  } finally {
    await site.close()
    await canary.close()
  }
})

/**
 * The control: the same pages opened as themselves in the same Chromium do reach the
 * canary, run their script and open dialogs. So the fixtures really are hostile, and
 * the checks above would fail if the reader ever rendered archived HTML as it came.
 */
test('control: opened directly, the hostile pages do trip every detector', async ({ page, context }) => {
  const canary = await startCanary()
  const pages = Object.fromEntries(PAGES.map(({ file }) => [`/${file}`, readFileSync(join(FIXTURES, file), 'utf8').replaceAll('__CANARY__', canary.origin)]))
  const site = await newsSite(pages)
  try {
    const dialogs: string[] = []
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(site.url('/scripts-and-handlers.html'))
    await expect.poll(() => page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).not.toBeNull()
    expect(dialogs.length).toBeGreaterThan(0)
    // A page of its own: the first page's meta refresh (after 1 s) may fire at any moment and
    // would abort a navigation started in the same tab.
    const second = await context.newPage()
    await second.goto(site.url('/remote-loads.html'))
    await expect.poll(() => canary.hits.filter((h) => BROWSER_ONLY.test(h.path)).length).toBeGreaterThan(0)
    expect(canary.hits.some((h) => !h.userAgent.includes('Clipfile/'))).toBe(true)
  } finally {
    await site.close()
    await canary.close()
  }
})
