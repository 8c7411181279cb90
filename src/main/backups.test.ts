import { describe, expect, it } from 'vitest'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openApp } from './app'
import { openDatabase } from './db/connection'
import { LATEST_VERSION } from './db/migrations'
import { autoBackup, restoreBackup, verifyBackup } from './backups'
import { tempDir } from '../../test/support/tmp'
import { articlePage } from '../../test/support/pages'

async function archiveWith(dir: string, titles: string[]): Promise<string> {
  const path = join(dir, 'clipfile.db')
  const app = openApp(path)
  await app.api.importItems({ items: titles.map((t, i) => ({ kind: 'html', html: articlePage({ title: t, canonical: `https://x.example/${i}-${t.length}` }) })) })
  app.close()
  return path
}

describe('automatic backups', () => {
  it('writes one backup a day and keeps the newest seven, leaving other files alone', async () => {
    const dir = tempDir()
    const path = join(dir, 'clipfile.db')
    const db = openDatabase(path)
    const backups = join(dir, 'backups')
    let r = await autoBackup(db, path, new Date('2026-11-01T08:00:00Z'))
    expect(r.written).toBe(join(backups, 'clipfile-2026-11-01.db'))
    r = await autoBackup(db, path, new Date('2026-11-01T20:00:00Z'))
    expect(r.written).toBeNull()
    writeFileSync(join(backups, 'unrelated.db'), 'keep me')
    for (let d = 2; d <= 10; d++) await autoBackup(db, path, new Date(`2026-11-${String(d).padStart(2, '0')}T09:00:00Z`))
    const files = readdirSync(backups).sort()
    expect(files).toEqual(['clipfile-2026-11-04.db', 'clipfile-2026-11-05.db', 'clipfile-2026-11-06.db', 'clipfile-2026-11-07.db', 'clipfile-2026-11-08.db', 'clipfile-2026-11-09.db', 'clipfile-2026-11-10.db', 'unrelated.db'])
    expect(verifyBackup(join(backups, 'clipfile-2026-11-10.db')).schemaVersion).toBe(LATEST_VERSION)
    db.close()
  })

  it('names each backup after its archive, so two archives in one folder each get their own', async () => {
    const dir = tempDir()
    const work = openApp(join(dir, 'work.db'))
    const home = openApp(join(dir, 'home.db'))
    await work.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Work story about the budget', canonical: 'https://x.example/work' }) }] })
    const day = new Date('2026-11-01T08:00:00Z')
    const a = await autoBackup(work.ctx.db, work.ctx.dbPath, day)
    const b = await autoBackup(home.ctx.db, home.ctx.dbPath, day)
    expect(a.written).toBe(join(dir, 'backups', 'work-2026-11-01.db'))
    expect(b.written).toBe(join(dir, 'backups', 'home-2026-11-01.db'))
    expect(verifyBackup(a.written!).articles).toBe(1)
    expect(verifyBackup(b.written!).articles).toBe(0)
    // A week of one archive's backups never rotates the other's away.
    for (let d = 2; d <= 12; d++) await autoBackup(work.ctx.db, work.ctx.dbPath, new Date(`2026-11-${String(d).padStart(2, '0')}T09:00:00Z`))
    const files = readdirSync(join(dir, 'backups'))
    expect(files.filter((f) => /^work-\d{4}-\d{2}-\d{2}\.db$/.test(f))).toHaveLength(7)
    expect(files).toContain('home-2026-11-01.db')
    work.close()
    home.close()
  })
})

describe('restore', () => {
  it('replaces the archive with a backup and keeps the replaced archive beside it', async () => {
    const dir = tempDir()
    const path = await archiveWith(dir, ['First story about the harbour'])
    const db = openDatabase(path)
    const backup = join(dir, 'backup.db')
    await db.backup(backup)
    db.close()
    // After the backup, the archive changes.
    const app = openApp(path)
    await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Second story after the backup', canonical: 'https://x.example/late' }) }] })
    app.close()
    const r = restoreBackup(backup, path, new Date('2026-11-25T10:00:00Z'))
    expect(r.articles).toBe(1)
    const restored = openApp(path)
    const list = await restored.api.listArticles({})
    expect(list.ok && list.value.items.map((a) => a.title)).toEqual(['First story about the harbour'])
    restored.close()
    const kept = new Database(r.previous!, { readonly: true })
    expect((kept.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n).toBe(2)
    kept.close()
  })

  it('refuses what is not a usable backup, and changes nothing', async () => {
    const dir = tempDir()
    const path = await archiveWith(dir, ['Kept story'])
    const junk = join(dir, 'junk.db')
    writeFileSync(junk, 'not a database at all '.repeat(50))
    expect(() => restoreBackup(junk, path)).toThrow(/cannot be opened|not a Clipfile archive/)
    const future = join(dir, 'future.db')
    const f = new Database(future)
    f.exec('CREATE TABLE articles(id INTEGER PRIMARY KEY)')
    f.pragma(`user_version = ${LATEST_VERSION + 1}`)
    f.close()
    expect(() => restoreBackup(future, path)).toThrow(/newer version of Clipfile/)
    expect(() => restoreBackup(join(dir, 'missing.db'), path)).toThrow(/No such file/)
    const app = openApp(path)
    const list = await app.api.listArticles({})
    expect(list.ok && list.value.total).toBe(1)
    app.close()
  })
})
