/**
 * "Did you mean …": when a query finds nothing, each of its words that the archive has never
 * seen is replaced by the closest word that it has — taken from the archive's own search
 * index (an `fts5vocab` view of articles_fts), so a suggestion always finds something.
 *
 * The index holds Porter stems, so a typed word is first stemmed by the same tokenizer (a
 * one-row FTS5 table in the connection's temp schema) and compared with the stems by edit
 * distance (transpositions count once). The stem is then shown as a word the archive uses:
 * one of the words a prefix search for it marks in the text.
 */
import type { DB } from '../db/connection'
import { parseQueryLenient, type QueryNode } from './parse'
import type { SearchSuggestion } from '../../shared/types'
import { prep } from './statements'

/** The first term after every term that starts with `prefix` (the exclusive end of a range scan). */
const upperBound = (prefix: string) => prefix.slice(0, -1) + String.fromCodePoint(prefix.codePointAt(prefix.length - 1)! + 1)

const prepared = new WeakSet<DB>()
function ensureTempTables(db: DB): void {
  if (prepared.has(db)) return
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.clipfile_vocab USING fts5vocab(main, articles_fts, 'row');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.clipfile_stemmer USING fts5(w, tokenize = 'porter unicode61 remove_diacritics 2');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.clipfile_stems USING fts5vocab(temp, clipfile_stemmer, 'row');
  `)
  prepared.add(db)
}

/** The index terms of `word` as the article index would store them (one for a plain word). */
export function stemsOf(db: DB, word: string): string[] {
  ensureTempTables(db)
  db.prepare('INSERT INTO temp.clipfile_stemmer(w) VALUES (?)').run(word)
  try {
    return prep(db, 'SELECT term FROM temp.clipfile_stems', true).all() as string[]
  } finally {
    db.prepare('DELETE FROM temp.clipfile_stemmer').run()
  }
}

/** Edit distance with adjacent transpositions (optimal string alignment), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1)
      row.push(d)
      best = Math.min(best, d)
    }
    if (best > max) return max + 1
    prev2 = prev
    prev = row
  }
  return prev[b.length]
}

/** How far a word of this length may be from the one meant: one edit for short words, two for long ones. */
const allowedEdits = (length: number) => (length <= 4 ? 1 : 2)

/** The most used index term within reach of `stem` (same first letters), or null. */
export function closestTerm(db: DB, stem: string): string | null {
  ensureTempTables(db)
  const max = allowedEdits(stem.length)
  // Typos rarely touch the first letters; scanning only terms that share them keeps this
  // cheap (each term's doclist is read to count it). Three letters first, then two.
  for (const prefixLength of [3, 2]) {
    if (stem.length <= prefixLength) continue
    const prefix = stem.slice(0, prefixLength)
    const rows = prep(db, 'SELECT term, doc FROM temp.clipfile_vocab WHERE term >= ? AND term < ?')
      .raw(true)
      .all(prefix, upperBound(prefix)) as [string, number][]
    let best: { term: string; distance: number; docs: number } | null = null
    for (const [term, docs] of rows) {
      if (term === stem || Math.abs(term.length - stem.length) > max) continue
      const distance = editDistance(stem, term, max)
      if (distance > max) continue
      if (!best || distance < best.distance || (distance === best.distance && docs > best.docs)) best = { term, distance, docs }
    }
    if (best) return best.term
  }
  return null
}

/** A word of the archive's text that has this stem (what a person would type), else the stem itself. */
export function wordFor(db: DB, stem: string): string {
  const snippets = prep(
    db,
    `SELECT snippet(articles_fts, -1, char(2), char(3), '', 8) FROM articles_fts WHERE articles_fts MATCH ? LIMIT 5`,
    true
  ).all(`"${stem.replace(/"/g, '""')}"*`) as string[]
  const counts = new Map<string, number>()
  for (const s of snippets) {
    // eslint-disable-next-line no-control-regex -- snippet() marks the matched words with these two characters
    for (const m of s.matchAll(/\u0002([^\u0003]*)\u0003/gu)) {
      const w = m[1].toLowerCase()
      counts.set(w, (counts.get(w) ?? 0) + 1)
    }
  }
  const words = [...counts].sort((a, b) => b[1] - a[1] || a[0].length - b[0].length).map(([w]) => w)
  return words.find((w) => stemsOf(db, w).join(' ') === stem) ?? words[0] ?? stem
}

/** Plain words of the query (not excluded, not prefixes, not phrases, not filters), with where they are. */
function plainWords(node: QueryNode, out: { text: string; position: number }[] = []): { text: string; position: number }[] {
  if (node.kind === 'term' && !node.prefix) out.push({ text: node.text, position: node.position })
  else if (node.kind === 'and' || node.kind === 'or') for (const c of node.children) plainWords(c, out)
  return out
}

/**
 * The query with its unknown words replaced by close known ones, when that finds something;
 * `count` runs a query and says how many articles it finds.
 */
export function suggestQuery(db: DB, query: string, count: (q: string) => number): SearchSuggestion | undefined {
  const words = plainWords(parseQueryLenient(query).ast)
  let suggested = query
  let changed = false
  // Right to left, so the positions of the words not yet replaced stay valid.
  for (const w of [...words].sort((a, b) => b.position - a.position)) {
    if (w.text.length < 3 || !/\p{L}/u.test(w.text)) continue
    const stems = stemsOf(db, w.text)
    if (stems.length !== 1) continue
    const known = prep(db, 'SELECT 1 FROM temp.clipfile_vocab WHERE term = ?', true).get(stems[0])
    if (known) continue
    const term = closestTerm(db, stems[0])
    if (!term) continue
    suggested = suggested.slice(0, w.position) + wordFor(db, term) + suggested.slice(w.position + w.text.length)
    changed = true
  }
  if (!changed) return undefined
  const total = count(suggested)
  return total > 0 ? { query: suggested, total } : undefined
}
