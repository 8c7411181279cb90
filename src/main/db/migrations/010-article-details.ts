import type { Migration } from './types'

/**
 * What a faithful copy needs besides its text: every author (a JSON array; the byline column
 * stays as their names joined, for lists and search), the news agency of wire copy, the
 * writing direction, how many images are placeholders awaiting a retry, and the metadata as
 * extracted (JSON) so a user's correction can be undone, and which version of the extraction
 * rules made the copy (so `clipfile reextract --all` resumes where an interrupted run stopped).
 *
 * Corrections live in their own table, keyed by article: every import and re-extraction
 * applies them over what the page says, so they survive both (and, later, every version).
 * A NULL column is "not corrected"; `published_set` tells "corrected to no date" from that.
 * Existing articles keep their byline; their authors are read from it until re-extracted.
 */
export const migration010: Migration = {
  version: 10,
  name: 'article-details',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN authors TEXT;
      ALTER TABLE articles ADD COLUMN agency TEXT;
      ALTER TABLE articles ADD COLUMN dir TEXT NOT NULL DEFAULT 'ltr' CHECK (dir IN ('ltr', 'rtl'));
      ALTER TABLE articles ADD COLUMN images_missing INTEGER NOT NULL DEFAULT 0 CHECK (images_missing >= 0);
      ALTER TABLE articles ADD COLUMN extracted TEXT;
      ALTER TABLE articles ADD COLUMN extractor_version INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX articles_images_missing ON articles(id) WHERE images_missing > 0;
      UPDATE articles SET dir = 'rtl'
        WHERE lower(language) GLOB 'ar*' OR lower(language) GLOB 'he*' OR lower(language) GLOB 'fa*' OR lower(language) GLOB 'ur*'
           OR lower(language) GLOB 'ps*' OR lower(language) GLOB 'yi*' OR lower(language) GLOB 'dv*' OR lower(language) GLOB 'ckb*';

      CREATE TABLE article_corrections (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        title TEXT CHECK (title IS NULL OR length(trim(title)) > 0),
        authors TEXT,
        site TEXT CHECK (site IS NULL OR length(trim(site)) > 0),
        published_at TEXT,
        published_set INTEGER NOT NULL DEFAULT 0 CHECK (published_set IN (0, 1)),
        corrected_at TEXT NOT NULL
      ) STRICT;
    `)
  }
}
