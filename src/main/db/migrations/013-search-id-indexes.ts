import type { Migration } from './types'

/**
 * Narrow indexes by id (a few dozen bytes a row), for search once it has narrowed the archive
 * to some ids (a tag, a speaker, a word):
 * - each article's publication date: `after:`/`before:` are tested on these ids here instead
 *   of on each article's row (hundreds of bytes, scattered over the table: disk-bound once
 *   the archive outgrows memory), and a tag's articles in a date range are counted and paged
 *   from indexes alone;
 * - each highlight's article: a tag given to highlights finds their articles without reading
 *   the highlights' rows.
 * Search names them with INDEXED BY (search/compile.ts: dateSet, tagSet): for `id = ?` SQLite
 * would otherwise read the table's row.
 */
export const migration013: Migration = {
  version: 13,
  name: 'search-id-indexes',
  up(db) {
    db.exec(`
      CREATE INDEX articles_id_published ON articles(id, published_at);
      CREATE INDEX highlights_id_article ON highlights(id, article_id);
    `)
  }
}
