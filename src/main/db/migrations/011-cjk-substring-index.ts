import type { Migration } from './types'

/**
 * Chinese and Japanese write no spaces, so the word index (unicode61) holds a whole run of
 * characters as one "word" and a search for 宇航员 finds nothing inside 宇航员在太空中喝酒.
 * A trigram index beside it makes any substring of three characters or more findable (shorter
 * ones are looked up in the text of the articles it holds). Only articles with Han or kana
 * in their title or text are indexed: trigrams cost several times the text they index, and
 * every other script is served by the word index. Contentless (the text is stored once, in
 * article_content) with contentless_delete, so triggers can drop an entry by rowid alone.
 */
const CJK = (value: string) => `(${value} GLOB '*[一-鿿㐀-䶿ぁ-ヿ]*')`
const HAS_CJK = (title: string, text: string) => `(${CJK(title)} OR ${CJK(text)})`

export const migration011: Migration = {
  version: 11,
  name: 'cjk-substring-index',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE articles_cjk USING fts5(
        title, text,
        tokenize = 'trigram remove_diacritics 1',
        content = '', contentless_delete = 1
      );
      INSERT INTO articles_cjk(rowid, title, text)
        SELECT a.id, a.title, c.text FROM articles a JOIN article_content c ON c.article_id = a.id
        WHERE ${HAS_CJK('a.title', 'c.text')};

      CREATE TRIGGER article_content_ai_cjk AFTER INSERT ON article_content BEGIN
        INSERT INTO articles_cjk(rowid, title, text)
          SELECT a.id, a.title, NEW.text FROM articles a WHERE a.id = NEW.article_id AND ${HAS_CJK('a.title', 'NEW.text')};
      END;
      CREATE TRIGGER article_content_au_cjk AFTER UPDATE OF text ON article_content BEGIN
        DELETE FROM articles_cjk WHERE rowid = OLD.article_id;
        INSERT INTO articles_cjk(rowid, title, text)
          SELECT a.id, a.title, NEW.text FROM articles a WHERE a.id = NEW.article_id AND ${HAS_CJK('a.title', 'NEW.text')};
      END;
      CREATE TRIGGER article_content_ad_cjk AFTER DELETE ON article_content BEGIN
        DELETE FROM articles_cjk WHERE rowid = OLD.article_id;
      END;
      CREATE TRIGGER articles_au_cjk AFTER UPDATE OF title ON articles BEGIN
        DELETE FROM articles_cjk WHERE rowid = OLD.id;
        INSERT INTO articles_cjk(rowid, title, text)
          SELECT NEW.id, NEW.title, c.text FROM article_content c WHERE c.article_id = NEW.id AND ${HAS_CJK('NEW.title', 'c.text')};
      END;
    `)
  }
}
