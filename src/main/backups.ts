/**
 * Automatic backups (a rotating set in the data folder) and restoring a backup. Backups use
 * SQLite's online backup, so they are consistent while the app or an import is writing.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import Database from 'better-sqlite3'
import { UserError } from '../shared/result'
import type { DB } from './db/connection'
import { LATEST_VERSION } from './db/migrations'

export const AUTO_BACKUP_KEEP = 7
const DAY_MS = 24 * 60 * 60 * 1000

export interface AutoBackupResult {
  /** The backup written now, or null when today's exists already. */
  written: string | null
  /** Old automatic backups removed to keep the last AUTO_BACKUP_KEEP. */
  removed: string[]
}

/** The folder automatic backups go to, beside the archive. */
export const backupDir = (dbPath: string): string => join(dirname(dbPath), 'backups')

/** What an archive's automatic backups are called: its file name without `.db` (`clipfile.db` → `clipfile`). */
export const backupName = (dbPath: string): string => basename(dbPath).replace(/\.db$/i, '') || 'clipfile'

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Once a day: writes `backups/<archive>-YYYY-MM-DD.db` beside the archive at `dbPath` and
 * keeps its newest seven. Each archive's backups carry its name, so two archives in one
 * folder each keep their own; files it did not write are never touched.
 */
export async function autoBackup(db: DB, dbPath: string, now = new Date(), keep = AUTO_BACKUP_KEEP): Promise<AutoBackupResult> {
  const dir = backupDir(dbPath)
  const name = backupName(dbPath)
  const pattern = new RegExp(`^${escapeRegExp(name)}-(\\d{4}-\\d{2}-\\d{2})\\.db$`)
  mkdirSync(dir, { recursive: true })
  const day = now.toISOString().slice(0, 10)
  const existing = readdirSync(dir).filter((f) => pattern.test(f)).sort()
  const newest = existing[existing.length - 1]
  const due = !newest || Date.parse(newest.match(pattern)![1]) + DAY_MS <= Date.parse(day)
  let written: string | null = null
  if (due) {
    const path = join(dir, `${name}-${day}.db`)
    const partial = `${path}.partial`
    rmSync(partial, { force: true })
    await db.backup(partial)
    renameSync(partial, path)
    written = path
    existing.push(basename(path))
  }
  const removed = existing.sort().slice(0, Math.max(0, existing.length - keep))
  for (const f of removed) rmSync(join(dir, f), { force: true })
  return { written, removed: removed.map((f) => join(dir, f)) }
}

/** Checks that `path` is a Clipfile archive this version can open, and is not damaged. */
export function verifyBackup(path: string): { articles: number; schemaVersion: number } {
  if (!existsSync(path)) throw new UserError('not_found', `No such file: ${path}`)
  let db: Database.Database
  try {
    db = new Database(path, { readonly: true, fileMustExist: true })
  } catch (e) {
    throw new UserError('unsupported', `${path} cannot be opened: ${(e as Error).message}`)
  }
  try {
    const version = db.pragma('user_version', { simple: true }) as number
    const hasArticles = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'articles'").get()
    if (!hasArticles || version < 1) throw new UserError('unsupported', `${path} is not a Clipfile archive.`)
    if (version > LATEST_VERSION) {
      throw new UserError('unsupported', `${path} was written by a newer version of Clipfile (schema ${version}); update Clipfile to restore it.`)
    }
    const check = db.pragma('integrity_check', { simple: true })
    if (check !== 'ok') throw new UserError('unsupported', `${path} is damaged (${String(check)}); choose another backup.`)
    const articles = (db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n
    return { articles, schemaVersion: version }
  } catch (e) {
    if (e instanceof UserError) throw e
    throw new UserError('unsupported', `${path} is not a Clipfile archive (${(e as Error).message}).`)
  } finally {
    db.close()
  }
}

export interface RestoreResult {
  restored: string
  /** Where the archive that was replaced now is (nothing is deleted). */
  previous: string | null
  articles: number
}

/**
 * Replaces the archive at `dbPath` with a verified copy of `backup`. The current archive is
 * kept beside it as `<name>.before-restore-<time>`. Clipfile must not be running on it.
 */
export function restoreBackup(backup: string, dbPath: string, now = new Date()): RestoreResult {
  const { articles } = verifyBackup(backup)
  mkdirSync(dirname(dbPath), { recursive: true })
  const staged = `${dbPath}.restoring`
  copyFileSync(backup, staged)
  let previous: string | null = null
  if (existsSync(dbPath)) {
    // Fold the old archive's WAL into it first, so the kept copy is complete on its own.
    const old = new Database(dbPath)
    try {
      old.pragma('wal_checkpoint(TRUNCATE)')
    } finally {
      old.close()
    }
    previous = `${dbPath}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
    renameSync(dbPath, previous)
  }
  for (const side of ['-wal', '-shm']) rmSync(dbPath + side, { force: true })
  renameSync(staged, dbPath)
  return { restored: dbPath, previous, articles }
}

export const fileSize = (p: string): number => (existsSync(p) ? statSync(p).size : 0)
