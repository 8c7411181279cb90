import type { Migration } from './types'

/** A random version-4 UUID in SQL (for rows made by any code path, old archives included). */
export const SQL_UUID = `lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))`

/** Queues an outbox operation (kind, record uuid, fields as JSON, base revision). */
const enqueue = (kind: string, uuid: string, fields: string, base: string) => `
  INSERT INTO team_outbox(op_id, kind, uuid, fields, base_rev, created_at)
  VALUES (${SQL_UUID}, '${kind}', ${uuid}, ${fields}, ${base}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));`

/** True while sync applies pulled changes (they must not go back out), and for private articles. */
const shared = (articleId: string) =>
  `(SELECT team FROM articles WHERE id = ${articleId}) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM team_applying)`

/**
 * Team membership and sync (issue 19): UUIDs on articles and highlights, who made a pulled
 * record, the team configuration and pull cursor, and the outbox.
 *
 * The outbox is filled by triggers, so every way of changing an archive (the app, the CLI,
 * imports, quotes turned into highlights) is covered without each of them knowing about
 * teams. Only articles in the team (`team` not null: shared by you, or pulled) queue
 * anything; private articles never leave the archive. A row says *what* changed (which
 * fields, from which revision); the values are read when the push is made.
 */
export const migration006: Migration = {
  version: 6,
  name: 'team',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN uuid TEXT;
      -- NULL: private. 'shared': you chose to share it. 'pulled': it came from the team.
      ALTER TABLE articles ADD COLUMN team TEXT CHECK (team IN ('shared', 'pulled'));
      ALTER TABLE articles ADD COLUMN added_by TEXT;
      -- The team version its content is (pushed or pulled), so an unchanged text is not sent again.
      ALTER TABLE articles ADD COLUMN team_version TEXT;
      UPDATE articles SET uuid = ${SQL_UUID};
      CREATE UNIQUE INDEX articles_uuid ON articles(uuid);
      CREATE TRIGGER articles_uuid_ai AFTER INSERT ON articles WHEN NEW.uuid IS NULL BEGIN
        UPDATE articles SET uuid = ${SQL_UUID} WHERE id = NEW.id;
      END;

      ALTER TABLE highlights ADD COLUMN uuid TEXT;
      -- The revision the team knows this highlight at (NULL until it was pushed or pulled).
      ALTER TABLE highlights ADD COLUMN rev TEXT;
      ALTER TABLE highlights ADD COLUMN author TEXT;
      UPDATE highlights SET uuid = ${SQL_UUID};
      CREATE UNIQUE INDEX highlights_uuid ON highlights(uuid);
      CREATE TRIGGER highlights_uuid_ai AFTER INSERT ON highlights WHEN NEW.uuid IS NULL BEGIN
        UPDATE highlights SET uuid = ${SQL_UUID} WHERE id = NEW.id;
      END;

      CREATE TABLE team_config (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID;
      CREATE TABLE team_outbox (
        id INTEGER PRIMARY KEY,
        op_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('article', 'article-tags', 'article-delete', 'highlight', 'highlight-delete')),
        uuid TEXT NOT NULL,
        fields TEXT,
        base_rev TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX team_outbox_uuid ON team_outbox(uuid);
      -- Highlight revisions pulled from the team: the history, the losers of concurrent edits included.
      CREATE TABLE team_history (
        rev TEXT PRIMARY KEY,
        highlight_uuid TEXT NOT NULL,
        seq INTEGER NOT NULL,
        author TEXT NOT NULL,
        made_at TEXT NOT NULL,
        fields TEXT NOT NULL,
        conflicts TEXT NOT NULL DEFAULT '[]'
      ) STRICT;
      CREATE INDEX team_history_highlight ON team_history(highlight_uuid, seq);
      -- What the team refused, with why (shown by 'team status'); nothing refused is silently dropped.
      CREATE TABLE team_rejections (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL,
        uuid TEXT NOT NULL,
        reason TEXT NOT NULL,
        at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE team_applying (x INTEGER) STRICT;

      -- The db layer gives new rows their UUID; the triggers above are the net for any other writer.
      CREATE TRIGGER team_highlights_ai AFTER INSERT ON highlights WHEN NEW.uuid IS NOT NULL AND ${shared('NEW.article_id')} BEGIN
        ${enqueue('highlight', 'NEW.uuid', `'["create","color","note","tags"]'`, 'NULL')}
      END;
      CREATE TRIGGER team_highlights_au AFTER UPDATE OF color, note ON highlights
        WHEN (OLD.color IS NOT NEW.color OR OLD.note IS NOT NEW.note) AND ${shared('NEW.article_id')} BEGIN
        ${enqueue('highlight', 'NEW.uuid', `json_array(CASE WHEN OLD.color IS NOT NEW.color THEN 'color' END, CASE WHEN OLD.note IS NOT NEW.note THEN 'note' END)`, 'NEW.rev')}
      END;
      CREATE TRIGGER team_highlight_tags_ai AFTER INSERT ON highlight_tags
        WHEN ${shared('(SELECT article_id FROM highlights WHERE id = NEW.highlight_id)')} BEGIN
        ${enqueue('highlight', '(SELECT uuid FROM highlights WHERE id = NEW.highlight_id)', `'["tags"]'`, '(SELECT rev FROM highlights WHERE id = NEW.highlight_id)')}
      END;
      CREATE TRIGGER team_highlight_tags_ad AFTER DELETE ON highlight_tags
        WHEN ${shared('(SELECT article_id FROM highlights WHERE id = OLD.highlight_id)')} BEGIN
        ${enqueue('highlight', '(SELECT uuid FROM highlights WHERE id = OLD.highlight_id)', `'["tags"]'`, '(SELECT rev FROM highlights WHERE id = OLD.highlight_id)')}
      END;
      CREATE TRIGGER team_highlights_ad AFTER DELETE ON highlights WHEN ${shared('OLD.article_id')} BEGIN
        ${enqueue('highlight-delete', 'OLD.uuid', 'NULL', 'OLD.rev')}
      END;
      CREATE TRIGGER team_article_tags_ai AFTER INSERT ON article_tags WHEN ${shared('NEW.article_id')} BEGIN
        ${enqueue('article-tags', '(SELECT uuid FROM articles WHERE id = NEW.article_id)', 'NULL', 'NULL')}
      END;
      CREATE TRIGGER team_article_tags_ad AFTER DELETE ON article_tags WHEN ${shared('OLD.article_id')} BEGIN
        ${enqueue('article-tags', '(SELECT uuid FROM articles WHERE id = OLD.article_id)', 'NULL', 'NULL')}
      END;
      CREATE TRIGGER team_tags_au AFTER UPDATE OF name ON tags WHEN NOT EXISTS (SELECT 1 FROM team_applying) BEGIN
        INSERT INTO team_outbox(op_id, kind, uuid, fields, base_rev, created_at)
          SELECT ${SQL_UUID}, 'article-tags', a.uuid, NULL, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          FROM article_tags at JOIN articles a ON a.id = at.article_id WHERE at.tag_id = NEW.id AND a.team IS NOT NULL;
        INSERT INTO team_outbox(op_id, kind, uuid, fields, base_rev, created_at)
          SELECT ${SQL_UUID}, 'highlight', h.uuid, '["tags"]', h.rev, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
          FROM highlight_tags ht JOIN highlights h ON h.id = ht.highlight_id JOIN articles a ON a.id = h.article_id
          WHERE ht.tag_id = NEW.id AND a.team IS NOT NULL;
      END;
      CREATE TRIGGER team_article_content_au AFTER UPDATE OF text ON article_content WHEN ${shared('NEW.article_id')} BEGIN
        ${enqueue('article', '(SELECT uuid FROM articles WHERE id = NEW.article_id)', 'NULL', 'NULL')}
      END;
      CREATE TRIGGER team_articles_au AFTER UPDATE OF title, byline, site, published_at, url, canonical_url ON articles
        WHEN ${shared('NEW.id')} BEGIN
        ${enqueue('article', 'NEW.uuid', 'NULL', 'NULL')}
      END;
      CREATE TRIGGER team_articles_ad AFTER DELETE ON articles WHEN OLD.team IS NOT NULL AND NOT EXISTS (SELECT 1 FROM team_applying) BEGIN
        ${enqueue('article-delete', 'OLD.uuid', 'NULL', 'NULL')}
      END;
    `)
  }
}
