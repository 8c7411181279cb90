import type { Migration } from './types'

/**
 * Article tags become words of the article search index (a fifth column), so `tillerson`
 * finds an article tagged "Tillerson" as well as one that mentions him.
 *
 * The index is external-content: deleting an entry needs exactly the values it was made
 * from. So every change to an article's tags is bracketed — BEFORE it the entry is removed
 * with the tag list as it still is, AFTER it the entry is added with the new list — and tag
 * lists are always concatenated in tag-id order, so "as it is" is reproducible.
 */
const TAG_LIST = (article: string) =>
  `(SELECT group_concat(name, ' ') FROM (SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
     WHERE at.article_id = ${article} ORDER BY t.id))`

const remove = (article: string) => `
  INSERT INTO articles_fts(articles_fts, rowid, title, byline, site, text, tags)
    SELECT 'delete', s.id, s.title, s.byline, s.site, s.text, s.tags FROM article_search_source s WHERE s.id = ${article};`
const add = (article: string) => `
  INSERT INTO articles_fts(rowid, title, byline, site, text, tags)
    SELECT s.id, s.title, s.byline, s.site, s.text, s.tags FROM article_search_source s WHERE s.id = ${article};`

export const migration004: Migration = {
  version: 4,
  name: 'article-tags-searchable',
  up(db) {
    db.exec(`
      DROP TRIGGER article_content_ai;
      DROP TRIGGER article_content_bd;
      DROP TRIGGER article_content_bu;
      DROP TRIGGER article_content_au;
      DROP TRIGGER articles_bu_fts;
      DROP TRIGGER articles_au_fts;
      DROP TABLE articles_fts;
      DROP VIEW article_search_source;

      CREATE VIEW article_search_source AS
        SELECT a.id AS id, a.title AS title, a.byline AS byline, a.site AS site, c.text AS text,
               coalesce(${TAG_LIST('a.id')}, '') AS tags
        FROM articles a JOIN article_content c ON c.article_id = a.id;
      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, byline, site, text, tags,
        content = 'article_search_source', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');

      -- The content row is written after the article row: the entry follows article_content.
      CREATE TRIGGER article_content_ai AFTER INSERT ON article_content BEGIN ${add('NEW.article_id')} END;
      CREATE TRIGGER article_content_bd BEFORE DELETE ON article_content BEGIN ${remove('OLD.article_id')} END;
      CREATE TRIGGER article_content_bu BEFORE UPDATE OF text ON article_content BEGIN ${remove('OLD.article_id')} END;
      CREATE TRIGGER article_content_au AFTER UPDATE OF text ON article_content BEGIN ${add('NEW.article_id')} END;
      CREATE TRIGGER articles_bu_fts BEFORE UPDATE OF title, byline, site ON articles BEGIN ${remove('OLD.id')} END;
      CREATE TRIGGER articles_au_fts AFTER UPDATE OF title, byline, site ON articles BEGIN ${add('NEW.id')} END;

      -- WHEN: an INSERT OR IGNORE of a pair that exists fires BEFORE but never AFTER, so the
      -- entry must only be removed when the row is really going to be added.
      CREATE TRIGGER article_tags_bi_fts BEFORE INSERT ON article_tags
        WHEN NOT EXISTS (SELECT 1 FROM article_tags WHERE article_id = NEW.article_id AND tag_id = NEW.tag_id)
        BEGIN ${remove('NEW.article_id')} END;
      CREATE TRIGGER article_tags_ai_fts AFTER INSERT ON article_tags BEGIN ${add('NEW.article_id')} END;
      CREATE TRIGGER article_tags_bd_fts BEFORE DELETE ON article_tags BEGIN ${remove('OLD.article_id')} END;
      CREATE TRIGGER article_tags_ad_fts AFTER DELETE ON article_tags BEGIN ${add('OLD.article_id')} END;
      CREATE TRIGGER tags_bu_articles_fts BEFORE UPDATE OF name ON tags BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, byline, site, text, tags)
          SELECT 'delete', s.id, s.title, s.byline, s.site, s.text, s.tags FROM article_search_source s
          WHERE s.id IN (SELECT article_id FROM article_tags WHERE tag_id = OLD.id);
      END;
      CREATE TRIGGER tags_au_articles_fts AFTER UPDATE OF name ON tags BEGIN
        INSERT INTO articles_fts(rowid, title, byline, site, text, tags)
          SELECT s.id, s.title, s.byline, s.site, s.text, s.tags FROM article_search_source s
          WHERE s.id IN (SELECT article_id FROM article_tags WHERE tag_id = NEW.id);
      END;
    `)
  }
}
