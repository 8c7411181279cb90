import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A loopback "news site" for URL imports: never a real website. */
export async function newsSite(pages: Record<string, string>, delayMs = 0): Promise<{ url: (p: string) => string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const body = pages[req.url ?? '']
    setTimeout(() => {
      if (body === undefined) {
        res.writeHead(404, { 'Content-Type': 'text/html' })
        res.end('<h1>Not found</h1>')
      } else {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        res.end(body)
      }
    }, delayMs)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const port = (server.address() as AddressInfo).port
  return {
    url: (p) => `http://127.0.0.1:${port}${p}`,
    close: () => new Promise((r) => {
      server.closeAllConnections()
      server.close(() => r())
    })
  }
}

export function newsPage(title: string, site: string, byline: string, date: string, paragraphs: string[]): string {
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: title, datePublished: date, author: { '@type': 'Person', name: byline }, publisher: { '@type': 'Organization', name: site } })
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | ${site}</title>
<meta property="og:site_name" content="${site}"><script type="application/ld+json">${ld}</script></head>
<body><nav><a href="/">Home</a><a href="/world">World</a></nav><article><h1>${title}</h1><p class="byline">By ${byline}</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article><aside><h2>Most popular</h2><a href="/x">Other</a></aside></body></html>`
}

export const SYRIA_PARAGRAPHS = [
  'Secretary of State Rex Tillerson said on Sunday that Iran needs to withdraw its military forces from Syria, in the sharpest warning yet from Washington about Tehran’s role in the war.',
  '“Iran needs to withdraw its military and the militias it supports from Syria,” Tillerson told reporters travelling with him, adding that the United States would keep troops in the country for now.',
  'Ali Akbar Velayati, a senior adviser to Iran’s supreme leader, rejected the demand as “ridiculous” and said Iranian forces were in Syria at the invitation of its government.',
  'Analysts said the exchange showed how little room remained for diplomacy, with both sides digging in after a year of fighting that had redrawn the map of the country’s east.'
]
