/**
 * Splits a batch of newly labelled articles between the tune and held-out halves, the way the
 * first split was made: the articles shuffled with a fixed seed, each given to the half with
 * fewer quotations so far. Decided before any rule sees the batch; prints the two lists.
 *
 *   npx tsx scripts/quality/quotes-split.ts <seed> <id>…
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { makeRng } from '../../test/support/prng'

export function splitBatch(seed: number, quotesOf: Map<string, number>): { tune: string[]; heldout: string[] } {
  const ids = [...quotesOf.keys()].sort()
  const rng = makeRng(seed)
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1))
    ;[ids[i], ids[j]] = [ids[j], ids[i]]
  }
  const out = { tune: [] as string[], heldout: [] as string[] }
  let tune = 0
  let held = 0
  for (const id of ids) {
    const n = quotesOf.get(id) ?? 0
    if (tune <= held) {
      out.tune.push(id)
      tune += n
    } else {
      out.heldout.push(id)
      held += n
    }
  }
  return out
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [seed, ...ids] = process.argv.slice(2)
  if (!seed || !ids.length) throw new Error('usage: quotes-split.ts <seed> <id>…')
  const labels = join(dirname(fileURLToPath(import.meta.url)), 'quotes', 'labels')
  const quotesOf = new Map(ids.map((id) => [id, (JSON.parse(readFileSync(join(labels, `${id}.json`), 'utf8')) as { quotes: unknown[] }).quotes.length]))
  const split = splitBatch(Number(seed), quotesOf)
  const count = (l: string[]) => l.reduce((n, id) => n + (quotesOf.get(id) ?? 0), 0)
  console.log(JSON.stringify({ seed: Number(seed), ...split, quotes: { tune: count(split.tune), heldout: count(split.heldout) } }, null, 1))
}
