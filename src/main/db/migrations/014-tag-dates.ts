import type { Migration } from './types'

/**
 * A tag's articles by date, from the tags' own indexes: `tag:Syria after:2020` counted as a
 * range of one index instead of a date looked up for each of the tag's articles (120,000 seeks
 * at a million articles, ~1 µs each), and a tag given to highlights read without the highlights.
 *
 * - `article_tags.published_at`: a copy of the article's date, indexed with the tag;
 * - `highlight_tags.article_id` and `.published_at`: the highlight's article (a highlight never
 *   moves) and its date, indexed with the tag in article order.
 *
 * Triggers keep the copies exact: a tag added takes the article's date; a date changed (a
 * re-extraction, a correction) goes to every tag of the article and of its highlights. Search
 * reads them (search/filters.ts tagSet); nothing else does.
 */
export const migration014: Migration = {
  version: 14,
  name: 'tag-dates',
  up(db) {
    db.exec(`
      ALTER TABLE article_tags ADD COLUMN published_at TEXT;
      UPDATE article_tags SET published_at =
        (SELECT d.published_at FROM articles d INDEXED BY articles_id_published WHERE d.id = article_tags.article_id);
      CREATE INDEX article_tags_tag_published ON article_tags(tag_id, published_at);

      ALTER TABLE highlight_tags ADD COLUMN article_id INTEGER;
      ALTER TABLE highlight_tags ADD COLUMN published_at TEXT;
      UPDATE highlight_tags SET article_id =
        (SELECT h.article_id FROM highlights h INDEXED BY highlights_id_article WHERE h.id = highlight_tags.highlight_id);
      UPDATE highlight_tags SET published_at =
        (SELECT d.published_at FROM articles d INDEXED BY articles_id_published WHERE d.id = highlight_tags.article_id);
      CREATE INDEX highlight_tags_tag_article ON highlight_tags(tag_id, article_id, published_at);

      CREATE TRIGGER article_tags_ai_published AFTER INSERT ON article_tags BEGIN
        UPDATE article_tags SET published_at = (SELECT published_at FROM articles WHERE id = NEW.article_id)
          WHERE article_id = NEW.article_id AND tag_id = NEW.tag_id;
      END;
      CREATE TRIGGER highlight_tags_ai_article AFTER INSERT ON highlight_tags BEGIN
        UPDATE highlight_tags SET
          article_id = (SELECT article_id FROM highlights WHERE id = NEW.highlight_id),
          published_at = (SELECT a.published_at FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.id = NEW.highlight_id)
          WHERE highlight_id = NEW.highlight_id AND tag_id = NEW.tag_id;
      END;
      CREATE TRIGGER articles_au_tag_dates AFTER UPDATE OF published_at ON articles
        WHEN OLD.published_at IS NOT NEW.published_at BEGIN
        UPDATE article_tags SET published_at = NEW.published_at WHERE article_id = NEW.id;
        UPDATE highlight_tags SET published_at = NEW.published_at
          WHERE highlight_id IN (SELECT id FROM highlights WHERE article_id = NEW.id);
      END;
      CREATE TRIGGER highlights_au_tag_article AFTER UPDATE OF article_id ON highlights
        WHEN OLD.article_id IS NOT NEW.article_id BEGIN
        UPDATE highlight_tags SET article_id = NEW.article_id,
          published_at = (SELECT published_at FROM articles WHERE id = NEW.article_id)
          WHERE highlight_id = NEW.id;
      END;
    `)
  }
}
