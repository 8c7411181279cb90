/**
 * A/B in one process, page by page, so the machine's load falls on both sides alike:
 * prepareArticle with linkedom's own matches/closest (A, as before tag-selectors.ts) and with
 * the tag fast path (B), Readability alone beside them, and the reader document packed
 * with gzip (before) and against its text (after). CPU time of this process.
 *
 *   npx tsx bench/import-ab.ts [--rounds R]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { Element } from 'linkedom'
import { prepareArticle } from '../src/main/page/prepare'
import { linkedomSelectors } from '../src/main/page/tag-selectors'
import { packDocText, packJsonText } from '../src/main/db/codec'
import { readabilityAlone, REAL_PAGES_DIR } from './measure'

const i = process.argv.indexOf('--rounds')
const rounds = i >= 0 ? Number(process.argv[i + 1]) : 3
const pages = readdirSync(REAL_PAGES_DIR)
  .filter((d) => existsSync(join(REAL_PAGES_DIR, d, 'source.html')))
  .map((d) => readFileSync(join(REAL_PAGES_DIR, d, 'source.html'), 'utf8'))
const proto = (Element as unknown as { prototype: Record<string, unknown> }).prototype
const fast = { matches: proto.matches, closest: proto.closest }
const use = (m: Record<string, unknown>) => Object.assign(proto, m)

const total: Record<string, number> = {}
const cpu = (k: string, f: () => unknown): unknown => {
  const c = process.cpuUsage()
  const r = f()
  const d = process.cpuUsage(c)
  total[k] = (total[k] ?? 0) + (d.user + d.system) / 1000
  return r
}
const cpuAsync = async (k: string, f: () => Promise<unknown>): Promise<unknown> => {
  const c = process.cpuUsage()
  const r = await f().catch(() => null)
  const d = process.cpuUsage(c)
  total[k] = (total[k] ?? 0) + (d.user + d.system) / 1000
  return r
}
const load0 = loadavg()[0]
for (let r = 0; r <= rounds; r++) {
  if (r === 1) for (const k of Object.keys(total)) delete total[k] // round 0 warms up
  for (const [n, html] of pages.entries()) {
    const order = (n + r) % 2 === 0 ? [linkedomSelectors, fast] : [fast, linkedomSelectors]
    type Prepared = { doc: unknown; text: string } | null
    let prepared: Prepared = null
    for (const m of order) {
      use(m)
      prepared = (await cpuAsync(m === fast ? 'prepare, tag fast path (B)' : 'prepare, linkedom selectors (A)', () => prepareArticle({ html }, { loadImage: async () => null }))) as Prepared
    }
    use(fast)
    cpu('readability alone', () => readabilityAlone(html))
    const got = prepared as Prepared
    if (got) {
      const json = JSON.stringify(got.doc)
      cpu('doc gzip (before)', () => packJsonText(json))
      cpu('doc against text (after)', () => packDocText(json, got.text))
    }
  }
}
use(fast)
const per = (k: string) => total[k] / (pages.length * rounds)
console.log(`${pages.length} real pages × ${rounds} rounds; load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}; CPU ms per page`)
for (const k of Object.keys(total)) console.log(`${k.padEnd(34)} ${per(k).toFixed(2).padStart(7)}  ${(total[k] / total['readability alone']).toFixed(3)}× Readability`)
