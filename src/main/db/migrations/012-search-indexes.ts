import type { Migration } from './types'

/**
 * The host of an article's URL, lower-cased: what lies between "://" and the next "/".
 * `site:` matches on it; the index below is on exactly this expression, so a query must
 * spell it the same way (any table alias) for SQLite to use the index.
 */
export function urlHostSql(url: string): string {
  const rest = `substr(${url}, instr(${url}, '://') + 3)`
  return `lower(CASE WHEN instr(${rest}, '/') > 0 THEN substr(${rest}, 1, instr(${rest}, '/') - 1) ELSE ${rest} END)`
}

/**
 * The last word of a speaker key ('rex tillerson' → 'tillerson'; a one-word key is itself):
 * rtrim() strips every non-space character from the right, so what is left ends at the last
 * space. `speaker:Tillerson` finds full names by it.
 */
export function lastWordSql(key: string): string {
  return `substr(${key}, length(rtrim(${key}, replace(${key}, ' ', ''))) + 1)`
}

/**
 * Indexes that let search answer filters from indexes instead of reading every article:
 * - `site:` — the URL's host (an expression index: no new column) and the outlet name;
 * - `speaker:` — quotes by speaker key and by its last word, with their kind and article id,
 *   so that finding a speaker's articles never reads the quotes table. The first replaces
 *   the plain speaker_key index of 003, which it begins with.
 */
export const migration012: Migration = {
  version: 12,
  name: 'search-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX articles_host ON articles(${urlHostSql('url')});
      CREATE INDEX articles_site ON articles(site);
      DROP INDEX quotes_speaker;
      CREATE INDEX quotes_speaker_article ON quotes(speaker_key, kind, article_id);
      CREATE INDEX quotes_surname_article ON quotes(${lastWordSql('speaker_key')}, kind, article_id);
    `)
  }
}
