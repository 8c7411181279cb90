/**
 * Importing real pages when the image servers do not answer (a network that is down in the
 * slow way: connections hang instead of failing at once). Every image of the corpus pages is
 * pointed at one of 19 loopback "tarpit" hosts that accept connections and never reply, so
 * each image download can only end by its timeout. Before reachability.ts every image waited
 * out its own timeout; now a host that timed out is skipped, and after three such hosts the
 * network is taken as down. Reports pages/s through `importItems` (no real network involved).
 */
import { createServer, type Server } from 'node:http'
import type { Socket } from 'node:net'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { openApp } from '../src/main/app'
import { DATA_DIR } from './build'
import { REAL_PAGES_DIR } from './measure'

export interface OfflineImagesResult {
  pages: number
  seconds: number
  perSecond: number
  imported: number
  imagesMissing: number | null
}

const HOSTS = 19

export async function offlineImagesBench(limit: number, log: (s: string) => void): Promise<OfflineImagesResult | null> {
  if (!existsSync(REAL_PAGES_DIR)) {
    log(`  offline images: ${REAL_PAGES_DIR} is absent, skipped.`)
    return null
  }
  const sockets = new Set<Socket>()
  const servers: Server[] = []
  let port = 0
  for (let i = 0; i < HOSTS; i++) {
    const s = createServer(() => {}) // accepts, never answers
    s.on('connection', (c) => {
      sockets.add(c)
      c.on('close', () => sockets.delete(c))
    })
    await new Promise<void>((r) => s.listen(port, `127.0.0.${i + 2}`, () => r()))
    port ||= (s.address() as { port: number }).port
    servers.push(s)
  }
  const tarpit = (host: string): string => `http://127.0.0.${(hash(host) % HOSTS) + 2}:${port}`
  const dirs = readdirSync(REAL_PAGES_DIR).filter((d) => existsSync(join(REAL_PAGES_DIR, d, 'source.html'))).sort().slice(0, limit)
  const items = dirs.map((d) => {
    const html = readFileSync(join(REAL_PAGES_DIR, d, 'source.html'), 'utf8')
    // Every absolute URL inside <img>/<source> goes to a tarpit; relative ones resolve against the page's tarpit host.
    const pointed = html.replace(/<(?:img|source)\b[^>]*>/gi, (tag) => tag.replace(/(?:https?:)?\/\/([a-z0-9.-]+\.[a-z]{2,})(?=[/"'\s])/gi, (_m, host: string) => tarpit(host)))
    return { kind: 'html' as const, html: pointed, url: `${tarpit(d)}/${d}/page.html` }
  })
  const path = `${DATA_DIR}import-offline-images.db`
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true })
  const app = openApp(path)
  try {
    const t0 = performance.now()
    const r = await app.api.importItems({ items })
    const seconds = (performance.now() - t0) / 1000
    if (!r.ok) throw new Error(r.error.message)
    const missing = (r.value as { imagesMissing?: number }).imagesMissing
    log(`  offline images: ${items.length} real pages in ${seconds.toFixed(1)} s, ${r.value.created} imported`)
    return { pages: items.length, seconds, perSecond: items.length / seconds, imported: r.value.created, imagesMissing: missing ?? null }
  } finally {
    app.close()
    for (const c of sockets) c.destroy()
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true })
  }
}

function hash(s: string): number {
  let h = 0
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return h
}
