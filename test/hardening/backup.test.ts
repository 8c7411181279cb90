/**
 * `clipfile backup` while another process is importing into the same archive: the copy
 * must open, pass SQLite's and Clipfile's checks, and hold whole articles only.
 */
import { describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { backupTo, runChecks } from '../../src/main/maintenance'
import { startImport, writeArticleFolder } from '../support/cli-import'
import { tempDir } from '../support/tmp'

describe('backup during an import', () => {
  it('takes a consistent copy while another process keeps importing', async () => {
    const dir = tempDir()
    const folder = writeArticleFolder(join(dir, 'pages'), 400)
    const dbPath = join(dir, 'archive.db')
    const run = startImport(dbPath, [folder])
    await run.okLines(20)

    const backupPath = join(dir, 'backup.db')
    const db = openDatabase(dbPath)
    let importRunningAfterBackup: boolean
    try {
      expect(run.child.exitCode).toBeNull()
      const info = await backupTo(db, backupPath)
      // The backup finished while the other process was still writing.
      importRunningAfterBackup = run.child.exitCode === null
      expect(info.articles).toBeGreaterThanOrEqual(20)
      expect(info.bytes).toBeGreaterThan(0)
    } finally {
      db.close()
    }
    const end = await run.exited
    expect(end.code, end.stderr).toBe(0)
    expect(importRunningAfterBackup).toBe(true)

    // The copy is an archive in its own right.
    const raw = new Database(backupPath, { readonly: true })
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok')
    raw.close()
    const copy = openDatabase(backupPath)
    try {
      const report = runChecks(copy)
      expect(report.problems).toEqual([])
      const articles = (copy.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
      const contents = (copy.prepare('SELECT count(*) AS n FROM article_content').get() as { n: number }).n
      expect(articles).toBeGreaterThanOrEqual(20)
      expect(contents).toBe(articles)
      // A snapshot in the middle of the import: fewer than all, and every one whole.
      expect(articles).toBeLessThan(400)
      const empty = copy.prepare("SELECT count(*) AS n FROM article_content WHERE length(trim(text)) = 0").get()
      expect(empty).toEqual({ n: 0 })
      expect(() => copy.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow()
      // Tags that came with the articles came with their links (none here), and no dangling rows.
      expect(copy.pragma('foreign_key_check')).toEqual([])
    } finally {
      copy.close()
    }
    // The archive itself finished the import untouched by the backup.
    const after = openDatabase(dbPath)
    expect(after.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: 400 })
    expect(runChecks(after).ok).toBe(true)
    after.close()
  }, 120_000)
})
