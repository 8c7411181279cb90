/**
 * Every search result of the current code against the previous code's, on a benchmark archive:
 *
 *   npx tsx bench/compare-previous.ts [--ref <git ref>] [--db <archive>] [--size N]
 *
 * The previous search (src/main/search at `--ref`, by default the commit before this
 * branch's first change to it) is copied out of git into bench/.data/previous-search/ and
 * run side by side with the current one on the same connection: the same query, sort, page
 * size and offset must give the same result — ids, order, scores, snippets, tags,
 * highlights, total, facets and timeline. Prints the combinations checked and every
 * difference (exit 1 if any).
 */
import { execFileSync } from 'node:child_process'
import { parseArgs } from 'node:util'
import { isDeepStrictEqual } from 'node:util'
import { openApp } from '../src/main/app'
import { searchArticles, type SearchInput } from '../src/main/search/search'
import type { SearchResult } from '../src/shared/types'
import { archivePath } from './build'
import { loadPrevious } from './previous-search'
import { DEFAULT_SEED } from './corpus'
import { OUTLETS } from './words'

const ROOT = new URL('..', import.meta.url).pathname
const { values } = parseArgs({ options: { ref: { type: 'string' }, db: { type: 'string' }, size: { type: 'string', default: '10000' } } })
const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim()

/** The commit before this branch first changed src/main/search/search.ts. */
function defaultRef(): string {
  const first = git('log', '--reverse', '--format=%H', 'main..HEAD', '--', 'src/main/search/search.ts').split('\n')[0]
  return first ? `${first}~1` : 'main'
}

/** Queries whose results change on purpose, and why. */
const DELIBERATE: Record<string, string> = {
  'co*': 'a two-letter prefix is searched as the word (compile.ts MIN_PREFIX)'
}

function queries(db: Parameters<typeof searchArticles>[0]): string[] {
  const one = <T>(sql: string) => db.prepare(sql).pluck().get() as T
  const speaker = one<string>("SELECT speaker_key FROM quotes WHERE kind <> 'scare' AND speaker_key LIKE '% %' GROUP BY speaker_key ORDER BY count(*) DESC LIMIT 1")
  const surname = speaker.split(' ').pop() as string
  const d = OUTLETS[0].domain
  return [
    'according', 'government', 'ceasefire', 'zeppelin', 'government ceasefire', '"climate summit"', 'econom*', 'zeppelin OR ceasefire',
    'ceasefire -government', 'ceasefire tag:Syria after:2018', `site:${d}`, 'tag:Syria', 'after:2019-01 before:2019-07', 'is:highlight minister',
    `speaker:${surname}`, `speaker:"${speaker}"`, `speaker:${surname} government`, `site:${d} tag:Iran`, `site:${OUTLETS[1].domain} climate`,
    'tag:Syria after:2020', 'is:highlight', 'has:note', 'has:note tag:Syria', '-tag:Syria ceasefire', 'tag:Syria OR tag:Iran', '(ceasefire -government) OR zeppelin',
    'site:ledger', 'site:"Morning Post"', 'author:smith', 'lang:en-GB zeppelin', 'co*', '-according', '',
    // Prefixes rewritten as their words for listing and counting (prefixes.ts), or left as they are.
    'negotiat*', 'clim* summit', '"climate sum"*', 'minist* OR zeppelin', 'econom* ceasefire', 'hous*', 'govern*', 'econom* tag:Syria',
    // A word within one set: the set read by SQLite inside the doclist's statement (match.ts textWithinSet).
    'government tag:Syria', 'minister tag:Iran', `zeppelin speaker:${surname}`, `according site:${d}`, `zeppelin site:${d}`, 'author:smith government', 'angle tag:Syria'
  ]
}

async function main() {
  const ref = values.ref ?? defaultRef()
  const path = values.db ?? archivePath(Number(values.size), DEFAULT_SEED, 'full')
  const previous = await loadPrevious(ref, ROOT)
  const app = openApp(path)
  const db = app.ctx.db
  const qs = queries(db)
  process.stderr.write(`Comparing the current search with ${ref} (${git('rev-parse', '--short', ref)}) on ${path}: ${qs.length} queries…\n`)
  let checked = 0
  const diffs: string[] = []
  const deliberate = new Map<string, number>()
  for (const query of qs) {
    for (const sort of ['relevance', 'newest', 'oldest'] as const) {
      for (const limit of [1, 20, 200]) {
        for (const offset of [0, 20, 1990, 2000, 2010, 5820]) {
          const input: SearchInput = { query, sort, limit, offset, includeFacets: offset === 0, includeTimeline: offset === 0 }
          const a = previous(db, input)
          const b = searchArticles(db, input)
          checked++
          // totalApproximate is new (issue 17): false wherever the previous code had no field (an estimate is a difference).
          if (!('totalApproximate' in a) && b.totalApproximate === false) Reflect.deleteProperty(b, 'totalApproximate')
          if (isDeepStrictEqual(a, b)) continue
          if (DELIBERATE[query]) deliberate.set(query, (deliberate.get(query) ?? 0) + 1)
          else diffs.push(`${JSON.stringify(input)}: ${describe(a, b)}`)
        }
      }
    }
  }
  app.close()
  process.stdout.write(`${checked} combinations (${qs.length} queries × 3 sorts × 3 page sizes × 6 offsets, facets and timeline at offset 0): ${diffs.length} differ\n`)
  for (const [q, n] of deliberate) process.stdout.write(`  on purpose: ${q} (${n} combinations): ${DELIBERATE[q]}\n`)
  for (const d of diffs.slice(0, 30)) process.stdout.write(`  ${d}\n`)
  process.exitCode = diffs.length ? 1 : 0
}

function describe(a: SearchResult, b: SearchResult): string {
  if (a.total !== b.total) return `total ${a.total} → ${b.total}`
  const ia = a.results.map((r) => r.id).join(',')
  const ib = b.results.map((r) => r.id).join(',')
  if (ia !== ib) return `ids ${ia.slice(0, 80)} → ${ib.slice(0, 80)}`
  for (const k of ['facets', 'timeline', 'facetsSampled', 'error'] as const) if (!isDeepStrictEqual(a[k], b[k])) return `${k} differ`
  const r = a.results.findIndex((x, i) => !isDeepStrictEqual(x, b.results[i]))
  return `result ${r}: ${JSON.stringify(a.results[r]).slice(0, 200)} → ${JSON.stringify(b.results[r]).slice(0, 200)}`
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
