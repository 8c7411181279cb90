/**
 * The library's first screen as the app asks for it, on a bench archive (built in the fast mode
 * when it does not exist yet, as `npm run bench` would):
 *
 *   npx tsx bench/first-screen.ts [--size 100000 | --db PATH] [--seed N] [--runs N] [--cold] [--json]
 *
 * Each run opens the archive with the app and makes the requests the window makes on start
 * (App.tsx and the Library view): `info` (the counts beside Inbox, Archive, Starred), `listTags`,
 * `listSavedSearches`, `listChanges` (one row: is there any?), and `listArticles` (the inbox's
 * first 100, newest saved first). Each request is timed, and the whole from the open.
 *
 * --cold: before each run the operating system's page cache is emptied (`sync`, then 3 into
 * /proc/sys/vm/drop_caches: root only; the run says so and stops otherwise), as after a reboot.
 * Without it the runs after the first are warm.
 */
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { openApp } from '../src/main/app'
import { DEFAULT_SEED } from './corpus'
import { ensureArchive } from './build'
import { stats } from './measure'

const { values } = parseArgs({
  options: {
    size: { type: 'string' },
    db: { type: 'string' },
    seed: { type: 'string' },
    runs: { type: 'string', default: '11' },
    cold: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false }
  }
})
const log = (s: string) => process.stderr.write(`${s}\n`)
const runs = Number(values.runs)
const path = values.db ?? (await ensureArchive(Number(values.size ?? 100_000), values.seed ? Number(values.seed) : DEFAULT_SEED, { mode: 'fast', log })).path

function dropCaches(): void {
  execFileSync('sync')
  try {
    writeFileSync('/proc/sys/vm/drop_caches', '3')
  } catch (e) {
    log(`--cold needs to empty the page cache (root, /proc/sys/vm/drop_caches): ${(e as Error).message}`)
    process.exit(2)
  }
}

const STEPS = ['open', 'info', 'listTags', 'listSavedSearches', 'listChanges', 'listArticles'] as const
type Step = (typeof STEPS)[number]
const samples: Record<Step | 'total', number[]> = { open: [], info: [], listTags: [], listSavedSearches: [], listChanges: [], listArticles: [], total: [] }

/** The value of an API answer, or the answer thrown as an error. */
const ok = <T,>(r: { ok: boolean; value?: T }) => {
  if (!r.ok) throw new Error(JSON.stringify(r))
  return r.value as T
}

// Opened once first, so that a migration (an older archive) is not timed as a first screen.
openApp(path).close()
for (let i = 0; i < runs; i++) {
  if (values.cold) dropCaches()
  const t0 = performance.now()
  let t = t0
  const lap = (step: Step) => {
    const now = performance.now()
    samples[step].push(now - t)
    t = now
  }
  const app = openApp(path)
  lap('open')
  ok(await app.api.info({}))
  lap('info')
  ok(await app.api.listTags({}))
  lap('listTags')
  ok(await app.api.listSavedSearches({}))
  lap('listSavedSearches')
  ok(await app.api.listChanges({ limit: 1 }))
  lap('listChanges')
  const list = ok<{ items: unknown[] }>(await app.api.listArticles({ state: 'inbox', sort: 'saved', offset: 0, limit: 100 }))
  lap('listArticles')
  samples.total.push(performance.now() - t0)
  if (!list.items.length) throw new Error('the inbox is empty')
  app.close()
}

const rows = (['total', ...STEPS] as const).map((step) => {
  const s = samples[step]
  const later = stats(values.cold ? s : s.slice(1))
  return { step, first: s[0], p50: later.p50, p95: later.p95, max: later.max }
})
if (values.json) process.stdout.write(`${JSON.stringify({ path, cold: values.cold, runs, rows }, null, 1)}\n`)
else {
  process.stdout.write(`${path}: ${runs} runs, ${values.cold ? 'cold (page cache emptied before each)' : 'the first cold or not, the rest warm'}; ms\n`)
  process.stdout.write(`| request | first | ${values.cold ? '' : 'later '}p50 | p95 | max |\n|---|---:|---:|---:|---:|\n`)
  for (const r of rows) process.stdout.write(`| ${r.step} | ${r.first.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |\n`)
}
