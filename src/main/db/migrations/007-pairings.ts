import type { Migration } from './types'

/**
 * Browsers paired with the archive for "Save to Clipfile" (the extension). Each holds a
 * random token of its own; only its SHA-256 is stored, so a copy of the archive cannot be
 * used to save into it. A pending row carries the four-digit code the app shows and expires.
 * Pairing state lives here (not in a process) so that `clipfile pairing approve` works while
 * the app or `clipfile serve` is the one listening. The articles' URL index serves the
 * extension's "already saved" badge.
 */
export const migration007: Migration = {
  version: 7,
  name: 'pairings',
  up(db) {
    db.exec(`
      CREATE TABLE pairings (
        id INTEGER PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        origin TEXT NOT NULL,
        browser TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'approved')),
        code TEXT CHECK (code IS NULL OR length(code) = 4),
        created_at TEXT NOT NULL,
        expires_at TEXT,
        approved_at TEXT,
        last_used_at TEXT,
        CHECK ((status = 'pending') = (code IS NOT NULL))
      ) STRICT;
      CREATE UNIQUE INDEX pairings_pending_code ON pairings(code) WHERE code IS NOT NULL;
      CREATE INDEX articles_url ON articles(url);
    `)
  }
}
