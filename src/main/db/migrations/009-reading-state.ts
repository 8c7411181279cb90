import type { Migration } from './types'

/**
 * The reading workflow. Each article is in the inbox (to read) or the archive (read and
 * kept), may be starred, and remembers how far it has been read (`progress`, the furthest
 * point reached, 0..1), where the reader left off (`position`, an offset in its plain text)
 * and when it was first opened (`read_at`; NULL: unread).
 *
 * New saves land in the inbox (the column default). Articles already in the archive when it
 * is upgraded were saved before there was an inbox to triage: they go to the archive, so an
 * upgrade does not greet anyone with thousands of "new" articles; `is:unread` still finds the
 * ones never opened.
 *
 * None of these columns is in the search index: the FTS triggers fire only on title, byline
 * and site, so changing state or progress never touches it.
 */
export const migration009: Migration = {
  version: 9,
  name: 'reading-state',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN state TEXT NOT NULL DEFAULT 'inbox' CHECK (state IN ('inbox', 'archive'));
      ALTER TABLE articles ADD COLUMN starred INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1));
      ALTER TABLE articles ADD COLUMN progress REAL NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1);
      ALTER TABLE articles ADD COLUMN position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0);
      ALTER TABLE articles ADD COLUMN read_at TEXT;
      UPDATE articles SET state = 'archive';
      CREATE INDEX articles_state_saved ON articles(state, saved_at);
      CREATE INDEX articles_starred_saved ON articles(saved_at) WHERE starred = 1;
      -- The library pages through 100,000 articles in title order too: without this index
      -- every page of that order sorted the whole table (4 s at 100,000).
      CREATE INDEX articles_title ON articles(title COLLATE NOCASE);
    `)
  }
}
