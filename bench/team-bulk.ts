/**
 * Loads a whole local archive into a team database with set-based SQL, 1,000 articles per
 * statement: the rows push writes (articles with their current version and search vector,
 * versions, highlights with one revision each), without a round trip per record. Used by
 * bench/team.ts for the 100,000-article measurement, where pushing article by article over
 * HTTP would take most of an hour on this machine; push itself is measured on a sample.
 */
import { gzipSync } from 'node:zlib'
import type { DB } from '../src/main/db/connection'
import { unpackDoc } from '../src/main/db/codec'
import { versionUuid } from '../src/main/sync/ids'
import { reversedHost, tokenCount } from '../src/team/store/articles'
import type { Pool } from '../src/team/store/pool'
import type { ArticleMetaColumns } from '../src/main/db/articles'

interface Row extends ArticleMetaColumns {
  id: number
  uuid: string
  saved_at: string
  content_hash: string
  text: string
  doc: Buffer
  tags: string | null
}

const VECTOR = `setweight(to_tsvector('clipfile', r.title), 'A') || setweight(to_tsvector('clipfile', coalesce(r.byline, '') || ' ' || coalesce(r.site, '')), 'B')
  || setweight(to_tsvector('clipfile', array_to_string(r.tags, ' ')), 'C') || setweight(to_tsvector('clipfile', coalesce(r.text, '')), 'D')`

export async function bulkLoad(db: DB, pool: Pool, userId: number, log: (s: string) => void): Promise<number> {
  const total = db.prepare('SELECT count(*) FROM articles').pluck().get() as number
  const started = performance.now()
  const page = db.prepare(
    `SELECT a.id, a.uuid, a.saved_at, a.url, a.canonical_url, a.title, a.byline, a.site, a.published_at, a.modified_at, a.language, a.excerpt,
       a.word_count, a.content_hash, c.text, c.doc,
       (SELECT json_group_array(t.name) FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id) AS tags
     FROM articles a JOIN article_content c ON c.article_id = a.id WHERE a.id > ? ORDER BY a.id LIMIT 1000`
  )
  let last = 0
  let done = 0
  for (;;) {
    const rows = page.all(last) as Row[]
    if (rows.length === 0) break
    last = rows[rows.length - 1].id
    const recs = rows.map((r, k) => {
      const tags = r.tags ? (JSON.parse(r.tags) as string[]) : []
      return {
        ord: r.id, n: k + 1, uuid: r.uuid, vuuid: versionUuid(r.uuid, r.content_hash), saved_at: r.saved_at, url: r.url, canonical_url: r.canonical_url,
        rhost: reversedHost(r.url), title: r.title, byline: r.byline, site: r.site, published_at: r.published_at, modified_at: r.modified_at,
        language: r.language, excerpt: r.excerpt, word_count: r.word_count, tokens: tokenCount(r, r.text, tags), content_hash: r.content_hash, tags, tags_lc: tags.map((t) => t.toLowerCase()), text: r.text,
        meta: { url: r.url, canonicalUrl: r.canonical_url, title: r.title, byline: r.byline, site: r.site, publishedAt: r.published_at, modifiedAt: r.modified_at, language: r.language, excerpt: r.excerpt, wordCount: r.word_count }
      }
    })
    const docs = rows.map((r) => gzipSync(JSON.stringify(unpackDoc(r.doc, r.text))))
    const c = await pool.connect()
    try {
      await c.query('BEGIN')
      await c.query(
        `INSERT INTO articles(uuid, seq, content_seq, added_by, saved_at, url, canonical_url, rhost, title, byline, site, published_at, modified_at,
           language, excerpt, word_count, content_hash, tags, tags_lc, current_version, byline_tsv)
         SELECT r.uuid, nextval('change_seq'), currval('change_seq'), $2, r.saved_at, r.url, r.canonical_url, r.rhost, r.title, r.byline, r.site,
           r.published_at, r.modified_at, r.language, r.excerpt, r.word_count, r.content_hash, r.tags, r.tags_lc, r.vuuid,
           to_tsvector('clipfile', coalesce(r.byline, ''))
         FROM jsonb_to_recordset($1::jsonb) AS r(ord bigint, uuid uuid, vuuid uuid, saved_at text, url text, canonical_url text, rhost text, title text,
           byline text, site text, published_at text, modified_at text, language text, excerpt text, word_count int, tokens int, content_hash text, tags text[], tags_lc text[], text text)
         ORDER BY r.ord`,
        [JSON.stringify(recs), userId]
      )
      await c.query(
        `INSERT INTO article_versions(uuid, article_id, seq, created_by, created_at, content_hash, meta, text, doc, number)
         SELECT r.vuuid, a.id, a.seq, $2, r.saved_at, r.content_hash, r.meta, r.text, d.doc, 1
         FROM jsonb_to_recordset($1::jsonb) AS r(n bigint, vuuid uuid, uuid uuid, saved_at text, content_hash text, meta jsonb, text text)
         JOIN articles a ON a.uuid = r.uuid JOIN unnest($3::bytea[]) WITH ORDINALITY AS d(doc, n) ON d.n = r.n`,
        [JSON.stringify(recs), userId, docs]
      )
      await c.query(
        `INSERT INTO article_search(article_id, tokens, search)
         SELECT a.id, r.tokens, ${VECTOR}
         FROM jsonb_to_recordset($1::jsonb) AS r(ord bigint, uuid uuid, title text, byline text, site text, tags text[], text text, tokens int)
         JOIN articles a ON a.uuid = r.uuid ORDER BY r.ord`,
        [JSON.stringify(recs)]
      )
      await c.query('COMMIT')
    } finally {
      c.release()
    }
    done += rows.length
    if (done % 10_000 === 0) log(`  loaded ${done}/${total} (${(done / ((performance.now() - started) / 1000)).toFixed(0)}/s)`)
  }
  await loadHighlights(db, pool, userId)
  return (performance.now() - started) / 1000
}

async function loadHighlights(db: DB, pool: Pool, userId: number): Promise<void> {
  const rows = db
    .prepare(
      `SELECT h.uuid, a.uuid AS article_uuid, h.color, h.note, h.exact, h.prefix, h.suffix, h.start_pos, h.end_pos, h.created_at,
         (SELECT json_group_array(t.name) FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = h.id) AS tags
       FROM highlights h JOIN articles a ON a.id = h.article_id ORDER BY h.id`
    )
    .all() as { uuid: string; article_uuid: string; color: string; note: string; exact: string; prefix: string; suffix: string; start_pos: number; end_pos: number; created_at: string; tags: string }[]
  for (let i = 0; i < rows.length; i += 2000) {
    const recs = rows.slice(i, i + 2000).map((r, k) => {
      const tags = JSON.parse(r.tags) as string[]
      const tokens = (`${r.exact} ${r.note} ${tags.join(' ')}`.match(/[\p{L}\p{N}\p{Co}]+/gu) ?? []).length
      return { ...r, n: i + k, tokens, rev: crypto.randomUUID(), tags, tags_lc: tags.map((t) => t.toLowerCase()) }
    })
    await pool.query(
      `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(n int, uuid uuid, article_uuid uuid, rev uuid, color text, note text, exact text, prefix text, suffix text,
                    start_pos int, end_pos int, created_at text, tags text[], tags_lc text[], tokens int)),
            h AS (INSERT INTO highlights(uuid, article_id, seq, created_by, created_at, rev, color, note, tags, tags_lc, start_pos, end_pos, exact, prefix, suffix, tokens, search)
                  SELECT r.uuid, a.id, nextval('change_seq'), $2, r.created_at, r.rev, r.color, r.note, r.tags, r.tags_lc, r.start_pos, r.end_pos, r.exact, r.prefix, r.suffix, r.tokens,
                    setweight(to_tsvector('clipfile', r.exact), 'A') || setweight(to_tsvector('clipfile', r.note), 'B') || setweight(to_tsvector('clipfile', array_to_string(r.tags, ' ')), 'C')
                  FROM r JOIN articles a ON a.uuid = r.article_uuid ORDER BY r.n RETURNING id, seq, rev, color, note, tags, created_at)
       INSERT INTO highlight_revisions(rev, highlight_id, seq, author, client, made_at, color, note, tags)
       SELECT h.rev, h.id, h.seq, $2, '00000000-0000-4000-8000-000000000000', h.created_at, h.color, h.note, h.tags FROM h`,
      [JSON.stringify(recs), userId]
    )
  }
}
