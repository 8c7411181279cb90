import type { Migration } from './types'

/**
 * Versions: an article becomes a sequence of immutable versions, the article row pointing at
 * its current one (`articles.current_version`).
 *
 * Storage grows by the change, not by the article: the current version's text, reader
 * document and raw page stay where they were (`article_content`, which the search index and
 * the reader read), and its row in `article_versions` holds no content. When a newer version
 * arrives, the content of the one it replaces is written into that version's row as a delta
 * against its successor (RCS's reverse deltas): a small edit costs a few hundred bytes. The
 * content of a version never changes, only how it is stored.
 *
 * Every existing article becomes version 1 of itself, with nothing moved or rewritten.
 * Highlights name the version they were made on and keep the words as highlighted, so a
 * later change to them can be shown ("changed after you highlighted it").
 *
 * Also: checks (each re-check or re-import that found an article, changed or not), follows
 * (the re-check schedule of each followed article, with the page's validators for
 * conditional requests), settings (how long new saves are followed), and the content hash
 * no longer unique (two pages can turn into the same text, e.g. one "article removed" page).
 */
export const migration008: Migration = {
  version: 8,
  name: 'versions',
  up(db) {
    db.exec(`
      CREATE TABLE article_versions (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        number INTEGER NOT NULL CHECK (number >= 1),
        created_at TEXT NOT NULL,
        how TEXT NOT NULL CHECK (how IN ('import', 'capture', 'recheck', 'reextract')),
        url TEXT,
        title TEXT NOT NULL,
        byline TEXT,
        -- canonicalUrl, site, publishedAt, modifiedAt, language, excerpt as they were.
        metadata TEXT NOT NULL DEFAULT '{}',
        word_count INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT NOT NULL,
        -- NULL while this is the current version (its content is in article_content); then
        -- packed by db/codec.ts packVersionBlob: a delta against the next version, or whole.
        text BLOB,
        doc BLOB,
        raw BLOB,
        raw_type TEXT,
        -- What changed from the previous version (JSON ChangeSummary); NULL for the first.
        summary TEXT,
        UNIQUE (article_id, number)
      ) STRICT;
      -- The Changes view and the changed: filter: changes by date.
      CREATE INDEX article_versions_changes ON article_versions(created_at, article_id)
        WHERE number > 1 AND how <> 'reextract';

      INSERT INTO article_versions(article_id, number, created_at, how, url, title, byline, metadata, word_count, content_hash)
        SELECT id, 1, saved_at, 'import', url, title, byline,
               json_object('canonicalUrl', canonical_url, 'site', site, 'publishedAt', published_at,
                           'modifiedAt', modified_at, 'language', language, 'excerpt', excerpt),
               word_count, content_hash
        FROM articles;
      ALTER TABLE articles ADD COLUMN current_version INTEGER NOT NULL DEFAULT 1;

      ALTER TABLE highlights ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE highlights ADD COLUMN original_exact TEXT NOT NULL DEFAULT '';
      ALTER TABLE highlights ADD COLUMN changed_in INTEGER;
      UPDATE highlights SET original_exact = exact;

      DROP INDEX articles_content_hash;
      CREATE INDEX articles_content_hash ON articles(content_hash);

      CREATE TABLE article_checks (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        checked_at TEXT NOT NULL,
        how TEXT NOT NULL CHECK (how IN ('import', 'capture', 'recheck', 'reextract')),
        outcome TEXT NOT NULL CHECK (outcome IN ('changed', 'unchanged', 'gone', 'failed')),
        status INTEGER,
        url TEXT,
        version INTEGER,
        message TEXT
      ) STRICT;
      CREATE INDEX article_checks_article ON article_checks(article_id, checked_at);

      CREATE TABLE follows (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        -- Where to check: the article's address, moved on by permanent redirects.
        url TEXT NOT NULL,
        following INTEGER NOT NULL DEFAULT 1 CHECK (following IN (0, 1)),
        -- The schedule counts from here (when following started; reset by each change).
        since TEXT NOT NULL,
        follow_until TEXT,
        next_at TEXT,
        etag TEXT,
        last_modified TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_checked_at TEXT,
        gone_status INTEGER,
        gone_since TEXT
      ) STRICT;
      CREATE INDEX follows_due ON follows(next_at) WHERE following = 1;

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `)
  }
}
