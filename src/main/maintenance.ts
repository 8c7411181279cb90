import { existsSync, statSync } from 'node:fs'
import { UserError } from '../shared/result'
import type { DB } from './db/connection'
import { countArticles } from './db/articles'
import { countsOutOfStep, recountLibrary } from './db/counts'

export interface BackupInfo {
  path: string
  bytes: number
  articles: number
}

/**
 * Writes a consistent copy of the archive with SQLite's online backup, so it is safe while
 * the app (or an import) keeps writing.
 */
export async function backupTo(db: DB, path: string, o: { overwrite?: boolean } = {}): Promise<BackupInfo> {
  if (existsSync(path) && !o.overwrite) {
    throw new UserError('conflict', `${path} exists already; choose another file or pass --force to replace it.`)
  }
  try {
    await db.backup(path)
  } catch (e) {
    throw new UserError('internal', `Could not write the backup to ${path}: ${(e as Error).message}`)
  }
  return { path, bytes: statSync(path).size, articles: countArticles(db) }
}

export interface CheckReport {
  ok: boolean
  problems: string[]
  summary: string
}

/** SQLite's integrity check, foreign keys, the search indexes, and the app's own invariants. */
export function runChecks(db: DB): CheckReport {
  const problems: string[] = []
  const integrity = db.pragma('integrity_check') as { integrity_check: string }[]
  for (const r of integrity) if (r.integrity_check !== 'ok') problems.push(`database: ${r.integrity_check}`)
  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]
  for (const r of fk.slice(0, 20)) problems.push(`${r.table} row ${r.rowid} points at a missing ${r.parent} row`)
  for (const table of ['articles_fts', 'highlights_fts', 'articles_cjk']) {
    try {
      db.prepare(`INSERT INTO ${table}(${table}, rank) VALUES ('integrity-check', 1)`).run()
    } catch (e) {
      problems.push(`search index ${table} is out of step with the archive (${(e as Error).message}); 'clipfile check --repair' rebuilds it`)
    }
  }
  const noContent = db
    .prepare('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_content c WHERE c.article_id = a.id)')
    .get() as { n: number }
  if (noContent.n > 0) problems.push(`${noContent.n} article(s) have no stored content`)
  const badRanges = db
    .prepare(
      `SELECT count(*) AS n FROM highlights h JOIN article_content c ON c.article_id = h.article_id
       WHERE h.orphan = 0 AND h.end_pos > length(c.text)`
    )
    .get() as { n: number }
  if (badRanges.n > 0) problems.push(`${badRanges.n} highlight(s) point past the end of their article's text`)
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n
  const noVersion = count(
    `SELECT count(*) AS n FROM articles a WHERE NOT EXISTS
       (SELECT 1 FROM article_versions v WHERE v.article_id = a.id AND v.number = a.current_version)`
  )
  if (noVersion > 0) problems.push(`${noVersion} article(s) have no row for their current version`)
  const lost = count(
    `SELECT count(*) AS n FROM article_versions v JOIN articles a ON a.id = v.article_id
     WHERE v.number <> a.current_version AND (v.text IS NULL OR v.doc IS NULL)`
  )
  if (lost > 0) problems.push(`${lost} older version(s) have no stored content`)
  problems.push(...countsOutOfStep(db))
  const articles = countArticles(db)
  return { ok: problems.length === 0, problems, summary: `${articles} articles checked.` }
}

/**
 * Rebuilds the search indexes and the library's kept counts from the archive's own rows: the
 * cure for an index or a count that `check` reports out of step. Articles, highlights and tags
 * are not touched.
 */
export function repairIndexes(db: DB): { articles: number; highlights: number } {
  return db.transaction(() => {
    db.prepare("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')").run()
    // The library's kept counts (migration 015).
    recountLibrary(db)
    // The substring index of Chinese and Japanese articles (migration 011): the same rows again.
    db.prepare('DELETE FROM articles_cjk').run()
    db.prepare(
      `INSERT INTO articles_cjk(rowid, title, text) SELECT a.id, a.title, c.text FROM articles a JOIN article_content c ON c.article_id = a.id
       WHERE a.title GLOB '*[一-鿿㐀-䶿ぁ-ヿ]*' OR c.text GLOB '*[一-鿿㐀-䶿ぁ-ヿ]*'`
    ).run()
    db.prepare('DELETE FROM highlights_fts').run()
    const highlights = db
      .prepare(
        `INSERT INTO highlights_fts(rowid, quote, note, tags)
         SELECT h.id, h.exact, h.note, coalesce((SELECT group_concat(t.name, ' ') FROM highlight_tags ht
                JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = h.id), '')
         FROM highlights h`
      )
      .run().changes
    return { articles: countArticles(db), highlights }
  }).immediate()
}
