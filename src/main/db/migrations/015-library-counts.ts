import type { Migration } from './types'

/**
 * The library's counts kept, not counted: opening the app asks how many articles there are,
 * in the inbox, archived and starred, how many highlights, and how many articles and
 * highlights each tag has. Counted with `count(*)` those read whole indexes — a million
 * articles and three million tag rows, 14.6 s on the first screen of a cold million-article
 * archive (docs/benchmarks.md). Kept by triggers they are one row each.
 *
 * - `library_counts`: one row per key — `articles`, `inbox`, `archive`, `starred`,
 *   `highlights`.
 * - `tags.article_count`, `tags.highlight_count`: each tag's rows in `article_tags` and
 *   `highlight_tags`.
 *
 * Triggers fire for every write, the foreign keys' cascades included (a deleted article takes
 * its highlights and tags with it; a deleted tag its rows). No code writes these tables with
 * REPLACE, whose implicit delete would fire no trigger. `db/counts.test.ts` checks the kept
 * counts against `count(*)` after every kind of change.
 */
const bump = (key: string, by: string) => `UPDATE library_counts SET n = n + (${by}) WHERE key = ${key};`

/** A tag's count of its rows in `table`, kept in `column` of `tags`. */
const tagCountTriggers = (table: string, column: string) => {
  const add = (tag: string, by: string) => `UPDATE tags SET ${column} = ${column} + (${by}) WHERE id = ${tag};`
  return `
      CREATE TRIGGER ${table}_ai_count AFTER INSERT ON ${table} BEGIN ${add('NEW.tag_id', '1')} END;
      CREATE TRIGGER ${table}_ad_count AFTER DELETE ON ${table} BEGIN ${add('OLD.tag_id', '-1')} END;
      CREATE TRIGGER ${table}_au_count AFTER UPDATE OF tag_id ON ${table} WHEN OLD.tag_id IS NOT NEW.tag_id BEGIN
        ${add('OLD.tag_id', '-1')}
        ${add('NEW.tag_id', '1')}
      END;`
}

export const migration015: Migration = {
  version: 15,
  name: 'library-counts',
  up(db) {
    db.exec(`
      CREATE TABLE library_counts (
        key TEXT PRIMARY KEY,
        n INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT INTO library_counts(key, n)
        SELECT 'articles', count(*) FROM articles
        UNION ALL SELECT 'inbox', count(*) FROM articles WHERE state = 'inbox'
        UNION ALL SELECT 'archive', count(*) FROM articles WHERE state = 'archive'
        UNION ALL SELECT 'starred', count(*) FROM articles WHERE starred = 1
        UNION ALL SELECT 'highlights', count(*) FROM highlights;

      CREATE TRIGGER articles_ai_counts AFTER INSERT ON articles BEGIN
        ${bump("'articles'", '1')}
        ${bump('NEW.state', '1')}
        ${bump("'starred'", 'NEW.starred')}
      END;
      CREATE TRIGGER articles_ad_counts AFTER DELETE ON articles BEGIN
        ${bump("'articles'", '-1')}
        ${bump('OLD.state', '-1')}
        ${bump("'starred'", '-OLD.starred')}
      END;
      CREATE TRIGGER articles_au_counts AFTER UPDATE OF state, starred ON articles
        WHEN OLD.state IS NOT NEW.state OR OLD.starred IS NOT NEW.starred BEGIN
        ${bump('OLD.state', '-1')}
        ${bump('NEW.state', '1')}
        ${bump("'starred'", 'NEW.starred - OLD.starred')}
      END;
      CREATE TRIGGER highlights_ai_counts AFTER INSERT ON highlights BEGIN ${bump("'highlights'", '1')} END;
      CREATE TRIGGER highlights_ad_counts AFTER DELETE ON highlights BEGIN ${bump("'highlights'", '-1')} END;

      ALTER TABLE tags ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE tags ADD COLUMN highlight_count INTEGER NOT NULL DEFAULT 0;
      UPDATE tags SET
        article_count = (SELECT count(*) FROM article_tags WHERE tag_id = tags.id),
        highlight_count = (SELECT count(*) FROM highlight_tags WHERE tag_id = tags.id);

      ${tagCountTriggers('article_tags', 'article_count')}
      ${tagCountTriggers('highlight_tags', 'highlight_count')}
    `)
  }
}
