import type { Migration } from './types'

/**
 * Detected quotations and their speakers, per article, and the user's speaker merges.
 * Existing articles are analysed once, after the migration, by the app's own detection
 * (the 'quotes' backfill, see src/main/backfills.ts).
 */
export const migration003: Migration = {
  version: 3,
  name: 'quotes',
  up(db) {
    db.exec(`
      CREATE TABLE quotes (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        start_pos INTEGER NOT NULL,
        end_pos INTEGER NOT NULL,
        text TEXT NOT NULL,
        speaker TEXT,
        speaker_key TEXT,
        confidence REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
        kind TEXT NOT NULL CHECK (kind IN ('direct', 'partial', 'scare')),
        corrected INTEGER NOT NULL DEFAULT 0 CHECK (corrected IN (0, 1)),
        highlight_id INTEGER REFERENCES highlights(id) ON DELETE SET NULL,
        CHECK (end_pos > start_pos)
      ) STRICT;
      CREATE INDEX quotes_article ON quotes(article_id, start_pos);
      CREATE INDEX quotes_speaker ON quotes(speaker_key);
      -- "Tillerson" → "rex tillerson": merges the user made, and the ones found across articles.
      CREATE TABLE speaker_aliases (
        alias_key TEXT PRIMARY KEY,
        speaker_key TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS backfills (name TEXT PRIMARY KEY) STRICT, WITHOUT ROWID;
      INSERT INTO backfills(name) SELECT 'quotes' WHERE EXISTS (SELECT 1 FROM article_content);
    `)
  }
}
