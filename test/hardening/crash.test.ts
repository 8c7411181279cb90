/**
 * A crash must never cost a saved article: kill `clipfile import` (SIGKILL, no cleanup)
 * in the middle of a 200-page folder, then prove that every article it reported saved is
 * there with its text, nothing is half-written, and the archive checks out.
 */
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { openDatabase } from '../../src/main/db/connection'
import { startImport, writeArticleFolder } from '../support/cli-import'
import { CLI_BUNDLE } from '../../scripts/build-cli.js'
import { tempDir } from '../support/tmp'

const PAGES = 200
const KILL_AFTER = 50

describe('crash safety', () => {
  it('SIGKILL during a 200-page import loses no reported article and leaves a consistent archive', async () => {
    const dir = tempDir()
    const folder = writeArticleFolder(join(dir, 'pages'), PAGES)
    const dbPath = join(dir, 'archive.db')
    const run = startImport(dbPath, [folder])
    await run.okLines(KILL_AFTER)
    // Still importing when killed: the crash really happens mid-import.
    expect(run.child.exitCode).toBeNull()
    run.child.kill('SIGKILL')
    const { signal } = await run.exited
    expect(signal).toBe('SIGKILL')

    // Everything it printed as saved, including lines that were in the pipe at the kill.
    const saved = run.lines.filter((l) => l.ok)
    expect(saved.length).toBeGreaterThanOrEqual(KILL_AFTER)
    expect(saved.length).toBeLessThan(PAGES)
    expect(run.lines.filter((l) => !l.ok)).toEqual([])

    const db = openDatabase(dbPath)
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(db.pragma('foreign_key_check')).toEqual([])
      expect(() => db.prepare("INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow()
      expect(() => db.prepare("INSERT INTO highlights_fts(highlights_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow()
      const content = db.prepare('SELECT a.title, c.text FROM articles a JOIN article_content c ON c.article_id = a.id WHERE a.id = ?')
      for (const line of saved) {
        const row = content.get(line.id) as { title: string; text: string } | undefined
        expect(row, `article #${line.id} (${line.source}) was reported saved`).toBeDefined()
        expect(row!.title).toBe(line.title)
        expect(row!.text.trim().length).toBeGreaterThan(100)
        // The text is that page's own (not another article's, not cut short).
        const n = /article-0*(\d+)\.html$/.exec(line.source)![1]
        expect(row!.text).toContain(`Report ${n}, part 5:`)
      }
      const headless = db.prepare('SELECT count(*) AS n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM article_content c WHERE c.article_id = a.id)').get()
      expect(headless).toEqual({ n: 0 })
      const orphanContent = db.prepare('SELECT count(*) AS n FROM article_content c WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = c.article_id)').get()
      expect(orphanContent).toEqual({ n: 0 })
      // Search finds a saved article by words only in its text.
      const first = saved[0]
      const n = /article-0*(\d+)\.html$/.exec(first.source)![1]
      const hits = db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?').all(`"item ${Number(n) * 31 + 5}"`)
      expect(hits.map((h) => (h as { rowid: number }).rowid)).toContain(first.id)
    } finally {
      db.close()
    }

    const check = spawnSync(process.execPath, [CLI_BUNDLE, '--db', dbPath, 'check', '--json'], { encoding: 'utf8' })
    expect(check.status, check.stderr).toBe(0)
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, problems: [] })

    // And the archive carries on: importing the folder again completes it.
    const again = startImport(dbPath, [folder])
    const end = await again.exited
    expect(end.code, end.stderr).toBe(0)
    const db2 = openDatabase(dbPath)
    expect(db2.prepare('SELECT count(*) AS n FROM articles').get()).toEqual({ n: PAGES })
    db2.close()
  }, 120_000)
})
