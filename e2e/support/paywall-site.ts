/**
 * A loopback "news site" with a paywall: the article is rendered in the browser by script,
 * from an API that answers only with the reader's login cookie, and its images (one of them
 * lazily loaded) are served only with that cookie too. Without it, the page is a teaser and a
 * "subscribe" box — what Clipfile's own download of the URL gets.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { deflateSync } from 'node:zlib'
import { crc32 } from 'node:zlib'
import { SYRIA_PARAGRAPHS, newsPage } from './site'

export const ARTICLE_PATH = '/world/2017/10/22/iran-syria-militias'
export const ARTICLE_TITLE = 'Tillerson tells Iran to pull its militias out of Syria'
export const COOKIE = 'reader_session=7f3a9c1e'
/** A free story, served as it is. */
export const BRIEF_PATH = '/world/2017/10/23/kirkuk-brief'
export const BRIEF_TITLE = 'Iraqi forces take control of Kirkuk oil fields'
const BRIEF = newsPage(BRIEF_TITLE, 'The Loopback Times', 'Omar Haddad', '2017-10-23', [
  'Iraqi government forces took control of the oil fields around Kirkuk on Tuesday, a day after Kurdish fighters withdrew from the city without a fight.',
  'The move ended three years of Kurdish control over the fields, which produce a large share of the region’s revenue, officials in Baghdad said.',
  'Kurdish leaders called the withdrawal a betrayal, while the prime minister urged calm and promised that all communities would be protected.'
])
export { SYRIA_PARAGRAPHS }

export interface Hit {
  path: string
  cookie: boolean
  origin: string | undefined
}

export interface PaywallSite {
  origin: string
  url(path: string): string
  hits: Hit[]
  close(): Promise<void>
}

/** A solid-colour RGB PNG, big enough to be an image (not a tracking pixel). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([len, body, crc])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr.set([8, 2, 0, 0, 0], 8)
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}

export const IMAGES: Record<string, Buffer> = {
  '/img/damascus.png': solidPng(64, 40, [40, 90, 160]),
  '/img/chart.png': solidPng(72, 48, [200, 120, 30])
}

const head = (origin: string) => `<meta charset="utf-8"><title>${ARTICLE_TITLE} | The Loopback Times</title>
<link rel="canonical" href="${origin}${ARTICLE_PATH}">
<meta property="og:site_name" content="The Loopback Times">
<script type="application/ld+json">${JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: ARTICLE_TITLE, datePublished: '2017-10-22T09:00:00Z', author: { '@type': 'Person', name: 'Dana Reyes' }, publisher: { '@type': 'Organization', name: 'The Loopback Times' } })}</script>`

const nav = '<header><a href="/">The Loopback Times</a> <nav><a href="/world">World</a> <a href="/politics">Politics</a></nav></header>'

/** What anyone gets without the cookie. */
const paywall = (origin: string) => `<!doctype html><html lang="en"><head>${head(origin)}</head><body>${nav}
<main><article><h1>${ARTICLE_TITLE}</h1><p class="byline">By Dana Reyes</p>
<p>${SYRIA_PARAGRAPHS[0]}</p>
<div class="paywall"><h2>Subscribe to keep reading</h2><p>Subscribers read every story, every day. Already a subscriber? <a href="/login">Log in</a>.</p></div>
</article></main></body></html>`

/** What a logged-in reader's browser gets: an empty shell that a script fills in. */
const shell = (origin: string) => `<!doctype html><html lang="en"><head>${head(origin)}</head><body>${nav}
<main id="app"><p class="loading">Loading…</p></main><aside><h2>Most read</h2><a href="/x">Another story</a></aside>
<script src="/static/app.js"></script></body></html>`

// The page's own script: fetches the story (the cookie goes along, same origin) and renders it.
// The chart below is lazy: its real address waits in data-src for a scroll that never comes.
const APP_JS = `
fetch('/api/story').then((r) => r.json()).then((story) => {
  const app = document.getElementById('app')
  const article = document.createElement('article')
  article.innerHTML = '<h1></h1><p class="byline"></p><figure><img src="/img/damascus.png" width="640" height="400" alt="Damascus at dusk"><figcaption>Damascus at dusk.</figcaption></figure>'
  article.querySelector('h1').textContent = story.title
  article.querySelector('.byline').textContent = 'By ' + story.byline
  for (const text of story.paragraphs) {
    const p = document.createElement('p')
    p.textContent = text
    article.append(p)
  }
  const lazy = document.createElement('figure')
  lazy.innerHTML = '<img class="lazy" src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==" data-src="/img/chart.png" width="720" height="480" alt="Militia positions"><figcaption>Militia positions in eastern Syria.</figcaption>'
  article.insertBefore(lazy, article.lastElementChild)
  app.replaceChildren(article)
  document.body.dataset.rendered = 'yes'
})
`

export async function paywallSite(): Promise<PaywallSite> {
  const hits: Hit[] = []
  let origin = ''
  const server: Server = createServer((req: IncomingMessage, res) => {
    const path = (req.url ?? '/').split('?')[0]
    const loggedIn = (req.headers.cookie ?? '').split(/;\s*/).includes(COOKIE)
    hits.push({ path, cookie: loggedIn, origin: req.headers.origin })
    const send = (status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra })
      res.end(body)
    }
    if (path === '/login') return send(302, 'text/plain', 'Logged in', { 'Set-Cookie': `${COOKIE}; Path=/; HttpOnly; SameSite=Lax`, Location: ARTICLE_PATH })
    if (path === ARTICLE_PATH) return send(200, 'text/html; charset=utf-8', loggedIn ? shell(origin) : paywall(origin))
    if (path === BRIEF_PATH) return send(200, 'text/html; charset=utf-8', BRIEF)
    if (path === '/static/app.js') return send(200, 'text/javascript', APP_JS)
    if (path === '/api/story') {
      if (!loggedIn) return send(401, 'application/json', '{"error":"subscribers only"}')
      return send(200, 'application/json', JSON.stringify({ title: ARTICLE_TITLE, byline: 'Dana Reyes', paragraphs: SYRIA_PARAGRAPHS }))
    }
    if (IMAGES[path]) return loggedIn ? send(200, 'image/png', IMAGES[path]) : send(403, 'text/plain', 'subscribers only')
    send(404, 'text/html', '<h1>Not found</h1>')
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    url: (p) => `${origin}${p}`,
    hits,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}
