/**
 * The serve-mode, first-screen and reader steps of `npm run bench` on an archive already
 * built, without the steps that read every row (the database-size step sums every article's
 * text: hours on a million-article archive whose file the page cache cannot hold).
 *
 *   npx tsx bench/large-serve.ts [--size 1000000] [--seed N]
 *
 * Used for the million-article figures in docs/benchmarks.md; prints one JSON object.
 */
import { statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { archivePath } from './build'
import { DEFAULT_SEED } from './corpus'
import { firstScreenSamples } from './measure'
import { ensureRendererBuilt, readerBench } from './reader'
import { serveBench } from './serve'

const { values } = parseArgs({ options: { size: { type: 'string' }, seed: { type: 'string' } } })
const size = Number(values.size ?? 1_000_000)
const path = archivePath(size, values.seed ? Number(values.seed) : DEFAULT_SEED, 'fast')
const log = (s: string) => process.stderr.write(`${s}\n`)
const ids = Array.from({ length: 20 }, (_, i) => Math.max(1, Math.round(((i + 0.5) / 20) * size)))
const out: Record<string, unknown> = { path, bytes: statSync(path).size }

log('First screen: open the archive and list the first 100 articles, 11 times…')
const samples = await firstScreenSamples(path)
out.firstScreen = { firstMs: samples[0], laterMs: samples.slice(1).sort((a, b) => a - b) }

ensureRendererBuilt(log)
log('Serve: first screen, getArticle over HTTP, searches, a listing during a slow search, memory…')
out.serve = await serveBench(path, {
  queries: ['zeppelin', 'site:dailyledger.example', 'speaker:Torres', '"climate summit"'],
  slowQuery: 'ceasefire -government',
  articleIds: ids,
  log
})
log('Reader: opening 20 articles of the archive in Chromium…')
try {
  out.reader = await readerBench(path, ids[0], 0, ids.length - 1, log, { articleIds: ids, addHighlights: false })
} catch (e) {
  out.reader = { error: (e as Error).message }
}
process.stdout.write(`${JSON.stringify(out, null, 1)}\n`)
