import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import http from 'node:http'
import zlib from 'node:zlib'
import type { AddressInfo } from 'node:net'
import { fetchAsset, fetchPage, imageLoader } from './fetch'
import { UserError } from '../../shared/result'

// A loopback server with one route per scenario; never a real website.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000100806000000', 'hex')
let server: http.Server
let base: string
const pending = new Set<http.ServerResponse>()

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', base)
  const p = url.pathname
  if (p === '/page') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end('<html><body><p>hello</p></body></html>')
  } else if (p === '/missing') {
    res.writeHead(404, { 'content-type': 'text/html' })
    res.end('nope')
  } else if (p.startsWith('/hop/')) {
    const n = Number(p.slice(5))
    res.writeHead(302, { location: n > 1 ? `/hop/${n - 1}` : '../page' })
    res.end()
  } else if (p === '/loop-a' || p === '/loop-b') {
    res.writeHead(301, { location: p === '/loop-a' ? 'loop-b' : `${base}/loop-a` })
    res.end()
  } else if (p === '/slow') {
    pending.add(res) // never answered; the client's timeout must fire
  } else if (p === '/pdf') {
    res.writeHead(200, { 'content-type': 'application/pdf' })
    res.end('%PDF-1.4')
  } else if (p === '/big') {
    res.writeHead(200, { 'content-type': 'text/html' }) // no content-length: streamed
    const chunk = Buffer.alloc(64 * 1024, 'a')
    let sent = 0
    const pump = (): void => {
      while (sent < 100 && res.write(chunk)) sent++
      if (sent < 100) res.once('drain', pump)
      else res.end()
    }
    res.on('close', () => (sent = 100))
    pump()
  } else if (p === '/gzip') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
    res.end(zlib.gzipSync('<p>compressed page</p>'))
  } else if (p === '/cookie-check') {
    if ((req.headers.cookie ?? '').includes('seen=1')) {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<p>welcome back</p>')
    } else {
      res.writeHead(302, { location: '/cookie-check', 'set-cookie': 'seen=1; Path=/' })
      res.end()
    }
  } else if (p === '/img.png') {
    res.writeHead(200, { 'content-type': 'image/png' })
    res.end(PNG)
  } else if (p === '/to-ftp') {
    res.writeHead(302, { location: 'ftp://example.com/file' })
    res.end()
  } else {
    res.writeHead(500)
    res.end()
  }
}

beforeAll(async () => {
  server = http.createServer(route)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  for (const res of pending) res.destroy()
  server.closeAllConnections()
  await new Promise((r) => server.close(r))
})

async function reason(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => null,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(UserError)
  expect((err as UserError).code).toBe('import_failed')
  return (err as UserError).message
}

describe('fetchPage', () => {
  it('returns an HTML page with its status, type and body', async () => {
    const page = await fetchPage(`${base}/page`)
    expect(page.status).toBe(200)
    expect(page.url).toBe(`${base}/page`)
    expect(page.contentType).toBe('text/html; charset=utf-8')
    expect(page.body.toString()).toContain('<p>hello</p>')
  })

  it('says which HTTP error the server gave', async () => {
    expect(await reason(fetchPage(`${base}/missing`))).toBe('HTTP 404 Not Found')
  })

  it('follows a chain of relative redirects and reports the final URL', async () => {
    const page = await fetchPage(`${base}/hop/3`)
    expect(page.url).toBe(`${base}/page`)
    expect(page.body.toString()).toContain('hello')
  })

  it('caps redirects', async () => {
    expect(await reason(fetchPage(`${base}/hop/12`))).toBe('too many redirects (more than 10)')
    expect(await reason(fetchPage(`${base}/hop/3`, { maxRedirects: 2 }))).toBe('too many redirects (more than 2)')
  })

  it('stops a redirect loop', async () => {
    expect(await reason(fetchPage(`${base}/loop-a`))).toBe('too many redirects (more than 10)')
  })

  it('keeps cookies along a redirect chain (cookie-check bounces)', async () => {
    const page = await fetchPage(`${base}/cookie-check`)
    expect(page.body.toString()).toContain('welcome back')
  })

  it('times out a server that does not answer', async () => {
    expect(await reason(fetchPage(`${base}/slow`, { timeoutMs: 200 }))).toBe('timed out after 0.2 s')
  })

  it('can be cancelled by the caller', async () => {
    const ac = new AbortController()
    const p = fetchPage(`${base}/slow`, { signal: ac.signal })
    setTimeout(() => ac.abort(), 20)
    expect(await reason(p)).toBe('download cancelled')
  })

  it('refuses what is not HTML', async () => {
    expect(await reason(fetchPage(`${base}/pdf`))).toBe('not an HTML page (application/pdf)')
  })

  it('stops reading a body once it passes the cap', async () => {
    expect(await reason(fetchPage(`${base}/big`, { maxBytes: 1024 * 1024 }))).toBe('page larger than 1 MB')
  })

  it('decompresses gzip bodies', async () => {
    expect((await fetchPage(`${base}/gzip`)).body.toString()).toBe('<p>compressed page</p>')
  })

  it('refuses non-http schemes, also when redirected to one', async () => {
    expect(await reason(fetchPage('file:///etc/passwd'))).toMatch(/only http and https/)
    expect(await reason(fetchPage(`${base}/to-ftp`))).toBe('only http and https addresses can be fetched (got ftp)')
    expect(await reason(fetchPage('not a url'))).toMatch(/not a valid URL/)
  })

  it('explains a refused connection', async () => {
    const closed = http.createServer()
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r))
    const port = (closed.address() as AddressInfo).port
    await new Promise((r) => closed.close(r))
    expect(await reason(fetchPage(`http://127.0.0.1:${port}/`))).toBe(`connection refused by 127.0.0.1:${port}`)
  })

  it('explains a host that does not resolve', async () => {
    // .invalid is reserved (RFC 2606) and never resolves; no request leaves the machine.
    expect(await reason(fetchPage('http://example.invalid/'))).toBe('could not resolve host example.invalid')
  })
})

describe('fetchAsset', () => {
  it('accepts images and refuses HTML', async () => {
    const img = await fetchAsset(`${base}/img.png`)
    expect(img.contentType).toBe('image/png')
    expect(img.body.equals(PNG)).toBe(true)
    expect(await reason(fetchAsset(`${base}/page`))).toBe('not an image (text/html)')
  })

  it('imageLoader answers with the image, or throws the reason it could not load it', async () => {
    const load = imageLoader()
    expect(await load(`${base}/img.png`)).toEqual({ mime: 'image/png', bytes: PNG })
    expect(await reason(load(`${base}/missing`))).toBe('HTTP 404 Not Found')
    expect(await reason(load('data:image/png;base64,AAAA'))).toBe('only http and https addresses can be fetched (got data)')
  })

  it('gives up on a server that accepts the connection but never answers, and counts it unreachable', async () => {
    expect(await reason(fetchAsset(`${base}/slow`, { answerTimeoutMs: 200 }))).toBe('the server did not answer within 0.2 s')
  })

  it('imageLoader does not ask a server again once it could not be reached', async () => {
    // A port with nothing listening: connection refused. Then something listens there.
    const probe = http.createServer()
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()))
    const port = (probe.address() as AddressInfo).port
    await new Promise<void>((r) => probe.close(() => r()))
    const load = imageLoader()
    const first = await reason(load(`http://127.0.0.1:${port}/a.png`))
    expect(first).toMatch(/^connection refused by 127\.0\.0\.1/)
    const hits: string[] = []
    const late = http.createServer((req, res) => {
      hits.push(req.url ?? '')
      res.writeHead(200, { 'content-type': 'image/png' })
      res.end(PNG)
    })
    await new Promise<void>((r) => late.listen(port, '127.0.0.1', () => r()))
    try {
      expect(await reason(load(`http://127.0.0.1:${port}/b.png`))).toBe(first)
      expect(hits).toEqual([])
      // A new loader (an explicit retry) asks again.
      expect(await imageLoader()(`http://127.0.0.1:${port}/b.png`)).toEqual({ mime: 'image/png', bytes: PNG })
    } finally {
      await new Promise<void>((r) => late.close(() => r()))
    }
  })
})
