import type { Migration } from './types'

/**
 * The archive: articles (metadata in `articles`, bulky content in `article_content` so
 * listing never reads text), their assets, highlights with W3C selectors, tags, and the
 * FTS5 indexes kept in sync by triggers.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        canonical_url TEXT,
        title TEXT NOT NULL,
        byline TEXT,
        site TEXT,
        published_at TEXT,
        modified_at TEXT,
        saved_at TEXT NOT NULL,
        language TEXT,
        excerpt TEXT,
        word_count INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX articles_canonical_url ON articles(canonical_url) WHERE canonical_url IS NOT NULL;
      CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash);
      CREATE INDEX articles_saved_at ON articles(saved_at);
      CREATE INDEX articles_published_at ON articles(published_at);

      CREATE TABLE article_content (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        doc BLOB NOT NULL,
        raw BLOB,
        raw_type TEXT
      ) STRICT;

      CREATE TABLE assets (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        source_url TEXT,
        mime TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        bytes BLOB NOT NULL
      ) STRICT;
      CREATE INDEX assets_article ON assets(article_id);

      CREATE TABLE highlights (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        color TEXT NOT NULL DEFAULT 'yellow',
        note TEXT NOT NULL DEFAULT '',
        exact TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        start_pos INTEGER NOT NULL,
        end_pos INTEGER NOT NULL,
        orphan INTEGER NOT NULL DEFAULT 0 CHECK (orphan IN (0, 1)),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (start_pos >= 0 AND end_pos >= start_pos)
      ) STRICT;
      CREATE INDEX highlights_article ON highlights(article_id, start_pos);

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL COLLATE NOCASE UNIQUE
      ) STRICT;
      CREATE TABLE article_tags (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (article_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX article_tags_tag ON article_tags(tag_id);
      CREATE TABLE highlight_tags (
        highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        PRIMARY KEY (highlight_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX highlight_tags_tag ON highlight_tags(tag_id);

      -- Article search: external content over a view, so the text is stored once.
      CREATE VIEW article_search_source AS
        SELECT a.id AS id, a.title AS title, a.byline AS byline, a.site AS site, c.text AS text
        FROM articles a JOIN article_content c ON c.article_id = a.id;
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, byline, site, text,
        content = 'article_search_source', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      -- The content row is written after the article row, so the index follows article_content.
      CREATE TRIGGER article_content_ai AFTER INSERT ON article_content BEGIN
        INSERT INTO articles_fts(rowid, title, byline, site, text)
          SELECT a.id, a.title, a.byline, a.site, NEW.text FROM articles a WHERE a.id = NEW.article_id;
      END;
      CREATE TRIGGER article_content_bd BEFORE DELETE ON article_content BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, byline, site, text)
          SELECT 'delete', a.id, a.title, a.byline, a.site, OLD.text FROM articles a WHERE a.id = OLD.article_id;
      END;
      CREATE TRIGGER article_content_bu BEFORE UPDATE OF text ON article_content BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, byline, site, text)
          SELECT 'delete', a.id, a.title, a.byline, a.site, OLD.text FROM articles a WHERE a.id = OLD.article_id;
      END;
      CREATE TRIGGER article_content_au AFTER UPDATE OF text ON article_content BEGIN
        INSERT INTO articles_fts(rowid, title, byline, site, text)
          SELECT a.id, a.title, a.byline, a.site, NEW.text FROM articles a WHERE a.id = NEW.article_id;
      END;
      CREATE TRIGGER articles_bu_fts BEFORE UPDATE OF title, byline, site ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, byline, site, text)
          SELECT 'delete', OLD.id, OLD.title, OLD.byline, OLD.site, c.text FROM article_content c WHERE c.article_id = OLD.id;
      END;
      CREATE TRIGGER articles_au_fts AFTER UPDATE OF title, byline, site ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, byline, site, text)
          SELECT NEW.id, NEW.title, NEW.byline, NEW.site, c.text FROM article_content c WHERE c.article_id = NEW.id;
      END;
      -- Deleting an article cascades to article_content, whose trigger needs the article row:
      -- remove the index entry first, while both rows exist.
      CREATE TRIGGER articles_bd_fts BEFORE DELETE ON articles BEGIN
        DELETE FROM article_content WHERE article_id = OLD.id;
      END;

      -- Highlight search: small, so a regular FTS table holding quote, note and tag names.
      CREATE VIRTUAL TABLE highlights_fts USING fts5(
        quote, note, tags,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER highlights_ai_fts AFTER INSERT ON highlights BEGIN
        INSERT INTO highlights_fts(rowid, quote, note, tags) VALUES (NEW.id, NEW.exact, NEW.note, '');
      END;
      CREATE TRIGGER highlights_au_fts AFTER UPDATE OF exact, note ON highlights BEGIN
        DELETE FROM highlights_fts WHERE rowid = OLD.id;
        INSERT INTO highlights_fts(rowid, quote, note, tags)
          SELECT NEW.id, NEW.exact, NEW.note,
                 coalesce((SELECT group_concat(t.name, ' ') FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id
                           WHERE ht.highlight_id = NEW.id), '');
      END;
      CREATE TRIGGER highlights_ad_fts AFTER DELETE ON highlights BEGIN
        DELETE FROM highlights_fts WHERE rowid = OLD.id;
      END;
      CREATE TRIGGER highlight_tags_ai_fts AFTER INSERT ON highlight_tags BEGIN
        UPDATE highlights_fts SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM highlight_tags ht
          JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = NEW.highlight_id), '')
          WHERE rowid = NEW.highlight_id;
      END;
      CREATE TRIGGER highlight_tags_ad_fts AFTER DELETE ON highlight_tags BEGIN
        UPDATE highlights_fts SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM highlight_tags ht
          JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = OLD.highlight_id), '')
          WHERE rowid = OLD.highlight_id;
      END;
      CREATE TRIGGER tags_au_fts AFTER UPDATE OF name ON tags BEGIN
        UPDATE highlights_fts SET tags = coalesce((SELECT group_concat(t.name, ' ') FROM highlight_tags ht
          JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = highlights_fts.rowid), '')
          WHERE rowid IN (SELECT highlight_id FROM highlight_tags WHERE tag_id = NEW.id);
      END;
    `)
  }
}
