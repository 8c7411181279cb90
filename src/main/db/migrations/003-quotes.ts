import type { Migration } from './types'
import { detectQuotes } from '../../quotes/detect'
import { speakerKey } from '../../quotes/aliases'

/**
 * Detected quotations and their speakers, per article, and the user's speaker merges.
 * Existing articles are analysed here, once.
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
    `)
    const insert = db.prepare(
      `INSERT INTO quotes(article_id, start_pos, end_pos, text, speaker, speaker_key, confidence, kind)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    // In pages (a connection cannot write while it iterates a read).
    const page = db.prepare('SELECT article_id, text FROM article_content WHERE article_id > ? ORDER BY article_id LIMIT 500')
    for (let last = 0; ; ) {
      const rows = page.all(last) as { article_id: number; text: string }[]
      if (rows.length === 0) break
      for (const row of rows) {
        for (const q of detectQuotes(row.text)) {
          insert.run(row.article_id, q.start, q.end, q.text, q.speaker, q.speaker ? speakerKey(q.speaker) : null, q.confidence, q.kind)
        }
      }
      last = rows[rows.length - 1].article_id
    }
  }
}
