/**
 * A/B in one process, page by page, so the machine's load falls on both sides alike: the
 * import's prepare step and its slimmed raw page as before (A) and after (B) a change meant
 * only to make them cheaper, Readability alone beside them. CPU time of this process.
 *
 * Today's A/B: linkedom's own `querySelectorAll`/`querySelector` (A) against the tag fast
 * path of `tag-selectors.ts` (B), and the raw page slimmed in five passes (A, the code before
 * `slimRawPage`'s single pass, kept here) against one (B). (The A/B of 1 December, matches and
 * closest, and the reader document packed against its text, is in docs/benchmarks.md.)
 *
 *   npx tsx bench/import-ab.ts [--rounds R]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { Element } from 'linkedom'
import { prepareArticle } from '../src/main/page/prepare'
import { linkedomSelectors } from '../src/main/page/tag-selectors'
import { slimRawPage } from '../src/main/import/raw'
import { readabilityAlone, REAL_PAGES_DIR } from './measure'

const i = process.argv.indexOf('--rounds')
const rounds = i >= 0 ? Number(process.argv[i + 1]) : 3
const pages = readdirSync(REAL_PAGES_DIR)
  .filter((d) => existsSync(join(REAL_PAGES_DIR, d, 'source.html')))
  .map((d) => readFileSync(join(REAL_PAGES_DIR, d, 'source.html'), 'utf8'))
const parentProto = Object.getPrototypeOf((Element as unknown as { prototype: object }).prototype) as Record<string, unknown>
const fast = { querySelectorAll: parentProto.querySelectorAll, querySelector: parentProto.querySelector }
const before = { querySelectorAll: linkedomSelectors.querySelectorAll, querySelector: linkedomSelectors.querySelector }
const use = (m: Record<string, unknown>) => Object.assign(parentProto, m)

/** slimRawPage before its single pass (5 passes, in this order). */
function slimInPasses(page: string): Buffer {
  const text = Buffer.from(page, 'utf8').toString('latin1')
  const slim = text
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<!--(?!\[if)[\s\S]*?-->/g, '')
    .replace(/<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi, '<svg></svg>')
    .replace(/\s(?:on[a-z]+|style)\s*=\s*(?:"[^"]*"|'[^']*')/gi, '')
  return Buffer.from(slim, 'latin1')
}

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
let differ = 0
for (let r = 0; r <= rounds; r++) {
  if (r === 1) for (const k of Object.keys(total)) delete total[k] // round 0 warms up
  for (const [n, html] of pages.entries()) {
    const order = (n + r) % 2 === 0 ? [before, fast] : [fast, before]
    const out: string[] = []
    for (const m of order) {
      use(m)
      const got = await cpuAsync(m === fast ? 'prepare, tag fast path (B)' : "prepare, linkedom's querySelectorAll (A)", () => prepareArticle({ html }, { loadImage: async () => null }))
      out.push(JSON.stringify(got))
    }
    if (out[0] !== out[1]) differ++
    use(fast)
    const slims = (n + r) % 2 === 0 ? [0, 1] : [1, 0]
    const raw: Buffer[] = []
    for (const s of slims) raw[s] = cpu(s === 0 ? 'raw page, five passes (A)' : 'raw page, one pass (B)', () => (s === 0 ? slimInPasses(html) : slimRawPage(html))) as Buffer
    if (!raw[0].equals(raw[1])) differ++
    cpu('readability alone', () => readabilityAlone(html))
  }
}
use(fast)
const per = (k: string) => total[k] / (pages.length * rounds)
console.log(`${pages.length} real pages × ${rounds} rounds; load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)}; CPU ms per page; outputs that differ between A and B: ${differ}`)
for (const k of Object.keys(total)) console.log(`${k.padEnd(40)} ${per(k).toFixed(2).padStart(7)}  ${(total[k] / total['readability alone']).toFixed(3)}× Readability`)
