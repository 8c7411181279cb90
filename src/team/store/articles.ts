/** Team articles: rows, immutable versions, assets, aliases, the search vector. */
import { gzipSync } from 'node:zlib'
import type { SyncVersion, Uuid } from '../../shared/sync'
import type { Tx } from './pool'

export interface ArticleRow {
  id: number
  uuid: Uuid
  added_by: number
  deleted_at: Date | null
  content_hash: string | null
  current_version: Uuid | null
  tags: string[]
}

/** The article a UUID names, directly or through an alias left by a merge. */
export async function resolveArticle(c: Tx, uuid: Uuid): Promise<ArticleRow | null> {
  const r = await c.query<ArticleRow>(
    `SELECT id, uuid, added_by, deleted_at, content_hash, current_version, tags FROM articles WHERE uuid = $1
     UNION ALL
     SELECT a.id, a.uuid, a.added_by, a.deleted_at, a.content_hash, a.current_version, a.tags FROM article_aliases x JOIN articles a ON a.id = x.article_id WHERE x.alias = $1
     LIMIT 1`,
    [uuid]
  )
  return r.rows[0] ?? null
}

/** A live article the team already has with the same canonical URL or the same text. */
export async function findDuplicate(c: Tx, v: SyncVersion): Promise<ArticleRow | null> {
  const r = await c.query<ArticleRow>(
    `SELECT id, uuid, added_by, deleted_at, content_hash, current_version, tags FROM articles
     WHERE deleted_at IS NULL AND ((canonical_url IS NOT NULL AND canonical_url = $1) OR content_hash = $2) LIMIT 1`,
    [v.meta.canonicalUrl, v.contentHash]
  )
  return r.rows[0] ?? null
}

export async function addAlias(c: Tx, alias: Uuid, articleId: number): Promise<void> {
  await c.query('INSERT INTO article_aliases(alias, article_id) VALUES ($1, $2) ON CONFLICT (alias) DO NOTHING', [alias, articleId])
}

/** The reversed host with a leading dot (`moc.semityn.www.`): `site:` filters become indexed prefix matches. */
export function reversedHost(url: string): string {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(url)
  const host = (m?.[1] ?? '').toLowerCase().replace(/^www\./, '')
  return host ? [...`.${host}`].reverse().join('') : ''
}

const lower = (tags: string[]) => tags.map((t) => t.toLowerCase())

const TOKEN = /[\p{L}\p{N}\p{Co}]+/gu
const countTokens = (s: string | null) => (s ? (s.match(TOKEN)?.length ?? 0) : 0)

/** Words of the article as the local index's tokenizer (unicode61) counts them, over its five columns. */
export function tokenCount(m: Pick<SyncVersion['meta'], 'title' | 'byline' | 'site'>, text: string, tags: string[]): number {
  return countTokens(m.title) + countTokens(m.byline) + countTokens(m.site) + countTokens(text) + countTokens(tags.join(' '))
}

/** The search vector's SQL: title A, byline and outlet B, tags C, text D (see reindexArticle). */
const searchVector = (title: string, byline: string, site: string, tags: string, text: string) =>
  `setweight(to_tsvector('clipfile', ${title}), 'A') || setweight(to_tsvector('clipfile', coalesce(${byline}, '') || ' ' || coalesce(${site}, '')), 'B')
   || setweight(to_tsvector('clipfile', array_to_string(${tags}, ' ')), 'C') || setweight(to_tsvector('clipfile', coalesce(${text}, '')), 'D')`

/** A new article with its current version and search vector, in one statement; answers its id and sequence number. */
export async function insertArticle(c: Tx, o: { uuid: Uuid; userId: number; savedAt: string; tags: string[]; v: SyncVersion }): Promise<{ id: number; seq: number }> {
  const m = o.v.meta
  const r = await c.query<{ id: number; seq: number }>(
    `INSERT INTO articles(uuid, seq, content_seq, added_by, saved_at, url, canonical_url, rhost, title, byline, site,
       published_at, modified_at, language, excerpt, word_count, content_hash, tags, tags_lc, current_version, byline_tsv)
     VALUES ($1, nextval('change_seq'), currval('change_seq'), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18,
       to_tsvector('clipfile', coalesce($8::text, '')))
     RETURNING id, seq`,
    [o.uuid, o.userId, o.savedAt, m.url, m.canonicalUrl, reversedHost(m.url), m.title, m.byline, m.site, m.publishedAt,
      m.modifiedAt, m.language, m.excerpt, m.wordCount, o.v.contentHash, o.tags, lower(o.tags), o.v.uuid]
  )
  const { id } = r.rows[0]
  await c.query(
    `INSERT INTO article_search(article_id, tokens, search) VALUES ($1, $2, ${searchVector('$3::text', '$4::text', '$5::text', '$6::text[]', '$7::text')})`,
    [id, tokenCount(m, o.v.text, o.tags), m.title, m.byline, m.site, o.tags, o.v.text]
  )
  return r.rows[0]
}

/** Who is quoted in a version (detected quotes, not scare quotes), for speaker: filters. */
export async function setSpeakers(c: Tx, articleId: number, v: SyncVersion, replace: boolean): Promise<void> {
  if (replace) await c.query('DELETE FROM article_speakers WHERE article_id = $1', [articleId])
  const keys = [...new Set(v.quotes.filter((q) => q.kind !== 'scare' && q.speakerKey).map((q) => q.speakerKey as string))]
  if (keys.length) {
    await c.query('INSERT INTO article_speakers(article_id, speaker_key) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING', [articleId, keys])
  }
}

/** An article's versions in the team's order (oldest first). */
export async function versionOrder(c: Tx, articleId: number): Promise<{ uuid: Uuid; createdAt: string }[]> {
  const r = await c.query<{ uuid: Uuid; created_at: string }>('SELECT uuid, created_at FROM article_versions WHERE article_id = $1 ORDER BY number, seq', [articleId])
  return r.rows.map((x) => ({ uuid: x.uuid, createdAt: x.created_at }))
}

/** Gives the article's versions the numbers of their places in `order` (1 = first), changing only those that moved. */
export async function renumberVersions(c: Tx, articleId: number, order: Uuid[]): Promise<void> {
  await c.query(
    `UPDATE article_versions v SET number = o.n FROM unnest($2::uuid[]) WITH ORDINALITY o(uuid, n)
     WHERE v.article_id = $1 AND v.uuid = o.uuid AND v.number <> o.n`,
    [articleId, order]
  )
}

/** Stores a version as number `number` (a no-op when the team has it: versions are content-addressed) and its assets. */
export async function insertVersion(c: Tx, articleId: number, seq: number, userId: number, v: SyncVersion, number: number): Promise<boolean> {
  const r = await c.query(
    `INSERT INTO article_versions(uuid, article_id, seq, created_by, created_at, content_hash, meta, text, doc, raw, raw_type, quotes, number, how)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) ON CONFLICT (uuid) DO NOTHING`,
    [v.uuid, articleId, seq, userId, v.createdAt, v.contentHash, JSON.stringify(v.meta), v.text,
      gzipSync(Buffer.from(JSON.stringify(v.doc))), v.raw === null ? null : Buffer.from(v.raw, 'base64'), v.rawType, JSON.stringify(v.quotes),
      number, v.how ?? null]
  )
  if (r.rowCount === 0) return false
  for (const a of v.assets) {
    await c.query('INSERT INTO assets(sha256, mime, source_url, bytes) VALUES ($1, $2, $3, $4) ON CONFLICT (sha256) DO NOTHING', [
      a.sha256, a.mime, a.sourceUrl, Buffer.from(a.data, 'base64')
    ])
    await c.query('INSERT INTO version_assets(version_uuid, sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING', [v.uuid, a.sha256])
  }
  return true
}

/** Makes `v` the article's current version: its metadata, who is quoted, and (with the search vector) its text. */
export async function setCurrentVersion(c: Tx, articleId: number, seq: number, v: SyncVersion): Promise<void> {
  const m = v.meta
  await c.query(
    `UPDATE articles SET current_version = $2, content_seq = $3, seq = $3, url = $4, canonical_url = $5, rhost = $6, title = $7,
       byline = $8, site = $9, published_at = $10, modified_at = $11, language = $12, excerpt = $13, word_count = $14, content_hash = $15
     WHERE id = $1`,
    [articleId, v.uuid, seq, m.url, m.canonicalUrl, reversedHost(m.url), m.title, m.byline, m.site, m.publishedAt, m.modifiedAt,
      m.language, m.excerpt, m.wordCount, v.contentHash]
  )
  await setSpeakers(c, articleId, v, true)
}

/** The article changed without its current version changing (an older version joined its history): pulls must see it. */
export async function touchArticle(c: Tx, articleId: number, seq: number): Promise<void> {
  await c.query('UPDATE articles SET seq = $2 WHERE id = $1', [articleId, seq])
}

export async function setTags(c: Tx, articleId: number, seq: number, tags: string[]): Promise<void> {
  await c.query('UPDATE articles SET tags = $2, tags_lc = $3, seq = $4 WHERE id = $1', [articleId, tags, lower(tags), seq])
}

/**
 * Recomputes the article's search vector: title A, byline and outlet B, tags C, text D —
 * the local index's column weights (10, 2, 2, 5, 1) become ts_rank weights {0.1, 0.5, 0.2, 1}.
 */
export async function reindexArticle(c: Tx, articleId: number): Promise<void> {
  await c.query("UPDATE articles SET byline_tsv = to_tsvector('clipfile', coalesce(byline, '')) WHERE id = $1", [articleId])
  await c.query(
    `UPDATE article_search s SET search = ${searchVector('a.title', 'a.byline', 'a.site', 'a.tags', 'v.text')},
       tokens = (SELECT count(*) FROM regexp_matches(concat_ws(' ', a.title, a.byline, a.site, v.text, array_to_string(a.tags, ' ')), '[[:alnum:]]+', 'g'))
     FROM articles a JOIN article_versions v ON v.uuid = a.current_version WHERE s.article_id = $1 AND a.id = $1`,
    [articleId]
  )
}

/** A tombstone: the article stays (pulls must learn of the delete) but leaves the search index. */
export async function markDeleted(c: Tx, articleId: number, seq: number, userId: number): Promise<void> {
  await c.query('UPDATE articles SET deleted_at = now(), deleted_by = $3, seq = $2 WHERE id = $1', [articleId, seq, userId])
  await c.query('DELETE FROM article_search WHERE article_id = $1', [articleId])
  await c.query('UPDATE highlights SET deleted_at = now(), deleted_by = $3, seq = $2 WHERE article_id = $1 AND deleted_at IS NULL', [articleId, seq, userId])
}
