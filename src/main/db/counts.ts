/**
 * The library's counts, kept by migration 015's triggers instead of counted: how many articles
 * there are (in all, in the inbox, archived, starred), how many highlights, and each tag's
 * articles and highlights. Opening the app reads these; `count(*)` read whole indexes (14.6 s
 * on the first screen of a cold million-article archive).
 *
 * `clipfile check` compares them with a count; `clipfile check --repair` counts them again.
 */
import type { DB } from './connection'
import type { ArticleState } from '../../shared/vocabulary'

export type CountKey = 'articles' | 'inbox' | 'archive' | 'starred' | 'highlights'

/** What each kept count is, counted. */
const COUNTED: Record<CountKey, string> = {
  articles: 'SELECT count(*) FROM articles',
  inbox: "SELECT count(*) FROM articles WHERE state = 'inbox'",
  archive: "SELECT count(*) FROM articles WHERE state = 'archive'",
  starred: 'SELECT count(*) FROM articles WHERE starred = 1',
  highlights: 'SELECT count(*) FROM highlights'
}
const KEYS = Object.keys(COUNTED) as CountKey[]

/** A tag's rows in `article_tags` and in `highlight_tags`, counted (`tag`: its id). */
const countedTagRows = (tag: string) =>
  `(SELECT count(*) FROM article_tags WHERE tag_id = ${tag}), (SELECT count(*) FROM highlight_tags WHERE tag_id = ${tag})`

/** The kept counts (0 for a key that has no row). */
export function libraryCounts(db: DB): Record<CountKey, number> {
  const counts = { articles: 0, inbox: 0, archive: 0, starred: 0, highlights: 0 }
  for (const [key, n] of db.prepare('SELECT key, n FROM library_counts').raw().all() as [string, number][]) {
    if (key in counts) counts[key as CountKey] = n
  }
  return counts
}

/**
 * A library list's total from the kept counts, when its filter is one they hold (everything,
 * one reading state, starred), before any articles it sets aside; null for any other filter,
 * which the caller counts.
 */
export function keptListTotal(db: DB, f: { state?: ArticleState; starred?: boolean; tag?: string }): number | null {
  if (f.tag || f.starred === false || (f.state && f.starred !== undefined)) return null
  const key: CountKey = f.state ?? (f.starred ? 'starred' : 'articles')
  return (db.prepare('SELECT n FROM library_counts WHERE key = ?').pluck().get(key) as number | undefined) ?? null
}

/** Every kept count that differs from a count, as a sentence for `clipfile check`. */
export function countsOutOfStep(db: DB): string[] {
  const kept = libraryCounts(db)
  const problems: string[] = []
  for (const key of KEYS) {
    const counted = db.prepare(COUNTED[key]).pluck().get() as number
    if (kept[key] !== counted) problems.push(`the library's count of ${key} says ${kept[key]}, the archive holds ${counted}`)
  }
  const tags = db
    .prepare(
      `SELECT t.name, t.article_count, t.highlight_count, ${countedTagRows('t.id')} FROM tags t`
    )
    .raw()
    .all() as [string, number, number, number, number][]
  const wrong = tags.filter(([, a, h, ca, ch]) => a !== ca || h !== ch)
  if (wrong.length) problems.push(`${wrong.length} tag(s) list the wrong number of articles or highlights (${wrong.slice(0, 3).map(([n]) => `“${n}”`).join(', ')})`)
  if (problems.length) problems[problems.length - 1] += "; 'clipfile check --repair' counts them again"
  return problems
}

/** Counts every kept count again (inside the caller's transaction). */
export function recountLibrary(db: DB): void {
  const put = db.prepare('INSERT INTO library_counts(key, n) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET n = excluded.n')
  for (const key of KEYS) put.run(key, db.prepare(COUNTED[key]).pluck().get() as number)
  db.prepare(`UPDATE tags SET (article_count, highlight_count) = (SELECT ${countedTagRows('tags.id')})`).run()
}
