/**
 * The archive as serve mode answers it, over loopback HTTP (`clipfile serve`, its own
 * process): the library's first screen, opening articles, the search mix as the search
 * screen asks for it (facets and timeline), whether a slow search holds up a library listing
 * made while it runs, and the serve process's peak memory (VmHWM, every thread included).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase } from '../src/main/db/connection'
import { backupDir } from '../src/main/backups'
import { startServe } from './reader'
import { stats, type Stats } from './measure'

export interface ServeResult {
  firstScreen: Stats & { first: number }
  getArticle: Stats
  /** Each query of the mix once, with facets and timeline (the first search warms the thread). */
  searchUi: { query: string; ms: number }[]
  concurrent: {
    query: string
    search: Stats
    /** listArticles alone, and sent while the search above was running. */
    listAlone: Stats
    listDuring: Stats
    /** How often the listing came back before the search did. */
    listFirst: number
    rounds: number
  }
  peakRssMb: number
  rssMb: number
}

/**
 * Serve mode makes today's automatic backup on start (a copy of the whole archive, 20 GB at a
 * million articles), which is not what is measured: put a small one in its place first.
 */
function backupDone(dbPath: string): void {
  const dir = backupDir(dbPath)
  mkdirSync(dir, { recursive: true })
  const today = join(dir, `clipfile-${new Date().toISOString().slice(0, 10)}.db`)
  if (!existsSync(today)) openDatabase(today).close()
}

function procStatus(pid: number): { peak: number; rss: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(text)?.[1] ?? NaN)
  return { peak: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 }
}

export async function serveBench(
  dbPath: string,
  o: { queries: string[]; slowQuery: string; articleIds: number[]; log: (s: string) => void }
): Promise<ServeResult> {
  backupDone(dbPath)
  const { proc, url } = await startServe(dbPath)
  const base = url.replace(/#.*$/u, '')
  const token = /#token=(.+)$/u.exec(url)?.[1] ?? ''
  const call = async (method: string, body: unknown): Promise<number> => {
    const t0 = performance.now()
    const res = await fetch(`${base}api/${method}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body)
    })
    const json = (await res.json()) as { ok: boolean; error?: { message: string } }
    if (!json.ok) throw new Error(`${method}: ${json.error?.message}`)
    return performance.now() - t0
  }
  try {
    const list = () => call('listArticles', { limit: 100 })
    const screens: number[] = []
    for (let i = 0; i < 11; i++) screens.push(await list())
    const first = screens.shift() as number
    const opens: number[] = []
    for (const id of o.articleIds) opens.push(await call('getArticle', { id }))
    const search = (query: string) => call('search', { query, limit: 20, facets: true, timeline: true })
    const searchUi: ServeResult['searchUi'] = []
    for (const query of o.queries) searchUi.push({ query, ms: await search(query) })
    // A listing sent while a slow search runs: in its own thread, the search holds nothing up.
    const alone: number[] = []
    const during: number[] = []
    const searches: number[] = []
    let listFirst = 0
    const ROUNDS = 10
    for (let i = 0; i < ROUNDS; i++) {
      alone.push(await list())
      let searchDone = false
      const s = search(o.slowQuery).then((ms) => {
        searchDone = true
        return ms
      })
      await new Promise((r) => setTimeout(r, 5))
      const l = await list()
      if (!searchDone) listFirst++
      during.push(l)
      searches.push(await s)
    }
    const mem = procStatus(proc.pid as number)
    o.log(`  serve: first screen ${first.toFixed(0)} ms; listArticles during "${o.slowQuery}" (${stats(searches).p50.toFixed(0)} ms) ${stats(during).p50.toFixed(1)} ms vs ${stats(alone).p50.toFixed(1)} ms alone; peak RSS ${mem.peak.toFixed(0)} MB`)
    return {
      firstScreen: { ...stats(screens), first },
      getArticle: stats(opens),
      searchUi,
      concurrent: { query: o.slowQuery, search: stats(searches), listAlone: stats(alone), listDuring: stats(during), listFirst, rounds: ROUNDS },
      peakRssMb: mem.peak,
      rssMb: mem.rss
    }
  } finally {
    proc.kill('SIGTERM')
  }
}
