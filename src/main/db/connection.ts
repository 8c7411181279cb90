import Database from 'better-sqlite3'
import { existsSync, mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { UserError } from '../../shared/result'
import { LATEST_VERSION, migrations } from './migrations'
import type { Migration } from './migrations/types'

export type DB = Database.Database

export interface OpenOptions {
  /** Path of better-sqlite3's native module built for another runtime (Electron). */
  nativeBinding?: string
  /** Stop migrating at this version (tests of migrations). */
  targetVersion?: number
  /** Migrations to apply (tests). */
  migrations?: Migration[]
  /**
   * Told before each migration that upgrades an existing archive (not one being created): hosts
   * say so, since a large archive takes seconds to minutes (docs/benchmarks.md).
   */
  onUpgrade?: (step: UpgradeStep) => void
}

/** One migration of an upgrade: the `index`-th of `count`, from schema `from` to `to`. */
export interface UpgradeStep {
  from: number
  to: number
  version: number
  name: string
  index: number
  count: number
}

/**
 * Opens (creating if needed) the archive at `path` and migrates it to the latest schema.
 * A database written by a newer Clipfile is refused before anything in it is changed.
 */
export function openDatabase(path: string, options: OpenOptions = {}): DB {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  let db: DB
  try {
    db = new Database(path, { nativeBinding: options.nativeBinding })
    bindings.set(db, options.nativeBinding)
  } catch (e) {
    throw new UserError('internal', `Cannot open the archive at ${path}: ${(e as Error).message}`)
  }
  try {
    const list = options.migrations ?? migrations
    const latest = options.migrations ? list[list.length - 1]?.version ?? 0 : LATEST_VERSION
    // Read the version before any pragma that writes (journal_mode does).
    const version = readVersion(db, path)
    if (version > latest) {
      throw new UserError(
        'unsupported',
        `The archive at ${path} was written by a newer version of Clipfile (schema ${version}; ` +
          `this version knows up to ${latest}). It has not been changed. Update Clipfile to open it.`
      )
    }
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    migrate(db, list, options.targetVersion ?? latest, options.onUpgrade)
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

/**
 * The upgrade that opening the archive at `path` would run (schema `from` → `to`), or null: no
 * file yet, a current archive, or a file that is not one (openDatabase says why). Read-only.
 */
export function pendingUpgrade(path: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): { from: number; to: number } | null {
  if (path === ':memory:' || !existsSync(path)) return null
  let db: DB | undefined
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding })
    const version = db.pragma('user_version', { simple: true }) as number
    return version > 0 && version < LATEST_VERSION ? { from: version, to: LATEST_VERSION } : null
  } catch {
    return null
  } finally {
    db?.close()
  }
}

function readVersion(db: DB, path: string): number {
  try {
    return db.pragma('user_version', { simple: true }) as number
  } catch (e) {
    const msg = (e as Error).message
    if (/not a database|file is encrypted/i.test(msg)) {
      throw new UserError('unsupported', `${path} is not a Clipfile archive (not an SQLite database).`)
    }
    throw e
  }
}

/** Applies each pending migration in its own transaction, setting user_version with it. */
export function migrate(db: DB, list: Migration[], target: number, onUpgrade?: (step: UpgradeStep) => void): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const pending = list.filter((m) => m.version > current && m.version <= target)
  for (const [index, m] of pending.entries()) {
    if (current > 0) onUpgrade?.({ from: current, to: pending[pending.length - 1].version, version: m.version, name: m.name, index, count: pending.length })
    db.transaction(() => {
      m.up(db)
      db.pragma(`user_version = ${Math.trunc(m.version)}`)
    }).immediate()
  }
}

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * A second connection to an archive the app has already opened (and migrated), for reading
 * only: searches in their own thread read through it while the main connection writes (WAL).
 */
export function openReadConnection(path: string, options: Pick<OpenOptions, 'nativeBinding'> = {}): DB {
  const db = new Database(path, { nativeBinding: options.nativeBinding, fileMustExist: true })
  bindings.set(db, options.nativeBinding)
  try {
    db.pragma('busy_timeout = 5000')
    db.pragma('query_only = ON')
    return db
  } catch (e) {
    db.close()
    throw e
  }
}

/** The native module each connection was opened with, for the scratch database beside it. */
const bindings = new WeakMap<DB, string | undefined>()
const scratches = new WeakMap<DB, DB>()

/**
 * A private in-memory database beside `db` (one per connection, opened with the same native
 * module), for work that has to write where `db` itself is read-only (query_only).
 */
export function scratchBeside(db: DB): DB {
  let scratch = scratches.get(db)
  if (!scratch) {
    scratch = new Database(':memory:', { nativeBinding: bindings.get(db) })
    scratches.set(db, scratch)
  }
  return scratch
}
