/**
 * Re-extraction throughput: every article of the benchmark archive made again from its kept
 * page through the api (`reextractArticles`, what `clipfile reextract --all --again` runs):
 * import workers prepare, the main thread stores through storeArticle, one transaction per
 * article. Runs on a copy, so the cached archive stays as it was built.
 */
import { copyFileSync, existsSync, rmSync } from 'node:fs'
import { openApp } from '../src/main/app'
import { DATA_DIR } from './build'

export interface ReextractResult {
  articles: number
  seconds: number
  perSecond: number
  changed: number
  unchanged: number
  failed: number
  skipped: number
  cpuSeconds: number
}

export async function reextractBench(archivePath: string, log: (s: string) => void, limit?: number): Promise<ReextractResult> {
  const copy = `${DATA_DIR}reextract-copy.db`
  for (const s of ['', '-wal', '-shm']) rmSync(copy + s, { force: true })
  copyFileSync(archivePath, copy)
  if (existsSync(`${archivePath}-wal`)) copyFileSync(`${archivePath}-wal`, `${copy}-wal`)
  const app = openApp(copy)
  try {
    const ids = limit ? (app.ctx.db.prepare('SELECT id FROM articles ORDER BY id LIMIT ?').pluck().all(limit) as number[]) : undefined
    // Warm the import worker (it compiles its code on first use), as the import bench does.
    await app.api.reextractArticles({ ids: [1] })
    let last = 0
    const off = app.ctx.events.on('reextractProgress', (p) => {
      if (p.done - last >= 2000 || p.finished) {
        last = p.done
        log(`  re-extracted ${p.done}/${p.total}`)
      }
    })
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    const r = await app.api.reextractArticles(ids ? { ids } : { all: true, again: true })
    const seconds = (performance.now() - t0) / 1000
    const cpu = process.cpuUsage(cpu0)
    off()
    if (!r.ok) throw new Error(r.error.message)
    const s = r.value
    return { articles: s.total, seconds, perSecond: s.total / seconds, changed: s.changed, unchanged: s.unchanged, failed: s.failed, skipped: s.skipped, cpuSeconds: (cpu.user + cpu.system) / 1e6 }
  } finally {
    app.close()
    for (const s of ['', '-wal', '-shm']) rmSync(copy + s, { force: true })
  }
}
