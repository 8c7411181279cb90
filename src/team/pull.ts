/**
 * Pulling: every change after a sequence number, in sequence order, in pages that end on a
 * sequence boundary (so "after N" never skips part of a change), read from one snapshot.
 * An article's content travels only when its current version changed after `since`; a
 * highlight travels with its whole history. A highlight whose article changed again later
 * (and so sits in a later page) brings its article along, so a client never meets a
 * highlight of an article it does not have.
 */
import { gunzipSync } from 'node:zlib'
import type { ArticleChange, Change, HighlightChange, PullResponse, SyncQuote, SyncVersion } from '../shared/sync'
import type { Pool, Tx } from './store/pool'

/** About this much article content per page; a page always holds at least one change. */
const PAGE_BYTES = 16 * 1024 * 1024

export async function pullChanges(pool: Pool, since: number, limit: number): Promise<PullResponse> {
  const c = await pool.connect()
  try {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const page = await pageBounds(c, since, limit)
    const changes: Change[] = []
    if (page.last > since) {
      const rows = await c.query<{ k: 'a' | 'h'; id: number }>(
        `SELECT 'a' AS k, id, seq FROM articles WHERE seq > $1 AND seq <= $2
         UNION ALL SELECT 'h', id, seq FROM highlights WHERE seq > $1 AND seq <= $2 ORDER BY seq, k`,
        [since, page.last]
      )
      const articleIds = rows.rows.filter((r) => r.k === 'a').map((r) => r.id)
      const highlightIds = rows.rows.filter((r) => r.k === 'h').map((r) => r.id)
      const hl = await highlightChanges(c, highlightIds)
      const have = new Set(articleIds)
      const deps = await c.query<{ id: number }>(
        'SELECT DISTINCT a.id FROM highlights h JOIN articles a ON a.id = h.article_id WHERE h.id = ANY($1) AND a.seq > $2',
        [highlightIds, page.last]
      )
      const extra = deps.rows.map((r) => r.id).filter((id) => !have.has(id))
      changes.push(...(await articleChanges(c, [...extra, ...articleIds], since)), ...hl)
    }
    const more = (await c.query('SELECT 1 FROM articles WHERE seq > $1 UNION ALL SELECT 1 FROM highlights WHERE seq > $1 LIMIT 1', [page.last])).rowCount! > 0
    const head = (await c.query<{ n: number }>('SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM change_seq')).rows[0].n
    await c.query('COMMIT')
    return { changes, next: page.last, more, head: Math.max(head, page.last) }
  } catch (e) {
    await c.query('ROLLBACK').catch(() => {})
    throw e
  } finally {
    c.release()
  }
}

/** The last sequence number of the page: at most `limit` changes and about PAGE_BYTES of content. */
async function pageBounds(c: Tx, since: number, limit: number): Promise<{ last: number }> {
  const r = await c.query<{ seq: number; bytes: number }>(
    `SELECT seq, bytes FROM (
       SELECT a.seq, CASE WHEN a.content_seq > $1 THEN coalesce((SELECT octet_length(v.text) + coalesce(octet_length(v.raw), 0) * 2
         FROM article_versions v WHERE v.uuid = a.current_version), 0) ELSE 0 END AS bytes FROM articles a WHERE a.seq > $1
       UNION ALL SELECT seq, 0 FROM highlights WHERE seq > $1) x ORDER BY seq LIMIT $2`,
    [since, limit]
  )
  let bytes = 0
  let last = since
  for (const row of r.rows) {
    if (last > since && row.seq !== last && bytes + row.bytes > PAGE_BYTES) break
    bytes += row.bytes
    last = row.seq
  }
  return { last }
}

interface ArticleRowOut {
  id: number
  uuid: string
  seq: number
  content_seq: number
  deleted: boolean
  added_by: string
  added_at: Date
  saved_at: string
  tags: string[]
  current_version: string | null
}

async function articleChanges(c: Tx, ids: number[], since: number): Promise<ArticleChange[]> {
  if (ids.length === 0) return []
  const rows = await c.query<ArticleRowOut>(
    `SELECT a.id, a.uuid, a.seq, a.content_seq, a.deleted_at IS NOT NULL AS deleted, u.name AS added_by, a.added_at, a.saved_at, a.tags, a.current_version
     FROM articles a JOIN users u ON u.id = a.added_by WHERE a.id = ANY($1)`,
    [ids]
  )
  // Oldest first, in the team's order: a new member stores them in this order.
  const versions = await c.query<{ article_id: number; uuid: string; content_hash: string; created_at: string; created_by: string; number: number }>(
    `SELECT v.article_id, v.uuid, v.content_hash, v.created_at, u.name AS created_by, v.number FROM article_versions v JOIN users u ON u.id = v.created_by
     WHERE v.article_id = ANY($1) ORDER BY v.article_id, v.number, v.seq`,
    [ids]
  )
  const byArticle = new Map<number, ArticleChange['versions']>()
  for (const v of versions.rows) {
    const list = byArticle.get(v.article_id) ?? []
    list.push({ uuid: v.uuid, contentHash: v.content_hash, createdAt: v.created_at, createdBy: v.created_by, number: v.number })
    byArticle.set(v.article_id, list)
  }
  const wanted = rows.rows.filter((a) => !a.deleted && a.content_seq > since && a.current_version).map((a) => a.current_version as string)
  const contents = await loadVersions(c, wanted)
  const order = new Map(ids.map((id, i) => [id, i]))
  return rows.rows
    .sort((x, y) => order.get(x.id)! - order.get(y.id)!)
    .map((a) => {
      const list = byArticle.get(a.id) ?? []
      return {
        kind: 'article' as const,
        seq: a.seq,
        uuid: a.uuid,
        deleted: a.deleted,
        addedBy: a.added_by,
        addedAt: a.added_at.toISOString(),
        savedAt: a.saved_at,
        tags: a.tags,
        version: list.find((v) => v.uuid === a.current_version) ?? null,
        content: a.current_version ? contents.get(a.current_version) ?? null : null,
        versions: list
      }
    })
}

/** Full versions (text, document, raw page, assets, quotes) by UUID. */
export async function loadVersions(c: Tx | Pool, uuids: string[]): Promise<Map<string, SyncVersion>> {
  const out = new Map<string, SyncVersion>()
  if (uuids.length === 0) return out
  const rows = await c.query<{ uuid: string; content_hash: string; created_at: string; meta: SyncVersion['meta']; text: string; doc: Buffer; raw: Buffer | null; raw_type: string | null; quotes: SyncQuote[]; how: SyncVersion['how'] | null; number: number }>(
    'SELECT uuid, content_hash, created_at, meta, text, doc, raw, raw_type, quotes, how, number FROM article_versions WHERE uuid = ANY($1)',
    [uuids]
  )
  const assets = await c.query<{ version_uuid: string; sha256: string; mime: string; source_url: string | null; bytes: Buffer }>(
    'SELECT va.version_uuid, a.sha256, a.mime, a.source_url, a.bytes FROM version_assets va JOIN assets a ON a.sha256 = va.sha256 WHERE va.version_uuid = ANY($1)',
    [uuids]
  )
  for (const v of rows.rows) {
    out.set(v.uuid, {
      uuid: v.uuid,
      contentHash: v.content_hash,
      createdAt: v.created_at,
      meta: v.meta,
      text: v.text,
      doc: JSON.parse(gunzipSync(v.doc).toString('utf8')),
      raw: v.raw ? v.raw.toString('base64') : null,
      rawType: v.raw_type,
      quotes: v.quotes,
      ...(v.how ? { how: v.how } : {}),
      number: v.number,
      assets: assets.rows
        .filter((a) => a.version_uuid === v.uuid)
        .map((a) => ({ sha256: a.sha256, mime: a.mime, sourceUrl: a.source_url, data: a.bytes.toString('base64') }))
    })
  }
  return out
}

async function highlightChanges(c: Tx, ids: number[]): Promise<HighlightChange[]> {
  if (ids.length === 0) return []
  const rows = await c.query<{ id: number; seq: number; uuid: string; article_uuid: string; deleted: boolean; created_by: string; created_at: string; rev: string; color: string; note: string; tags: string[]; start_pos: number; end_pos: number; exact: string; prefix: string; suffix: string; version_uuid: string | null; original_exact: string | null }>(
    `SELECT h.id, h.seq, h.uuid, a.uuid AS article_uuid, h.deleted_at IS NOT NULL AS deleted, u.name AS created_by, h.created_at, h.rev,
            h.color, h.note, h.tags, h.start_pos, h.end_pos, h.exact, h.prefix, h.suffix, h.version_uuid, h.original_exact
     FROM highlights h JOIN articles a ON a.id = h.article_id JOIN users u ON u.id = h.created_by WHERE h.id = ANY($1) ORDER BY h.seq`,
    [ids]
  )
  const revs = await c.query<{ highlight_id: number; rev: string; base_rev: string | null; seq: number; author: string; client: string; made_at: string; color: string | null; note: string | null; tags: string[] | null; conflicts: string[] }>(
    `SELECT r.highlight_id, r.rev, r.base_rev, r.seq, u.name AS author, r.client, r.made_at, r.color, r.note, r.tags, r.conflicts
     FROM highlight_revisions r JOIN users u ON u.id = r.author WHERE r.highlight_id = ANY($1) ORDER BY r.seq`,
    [ids]
  )
  return rows.rows.map((h) => ({
    kind: 'highlight' as const,
    seq: h.seq,
    uuid: h.uuid,
    articleUuid: h.article_uuid,
    deleted: h.deleted,
    createdBy: h.created_by,
    createdAt: h.created_at,
    rev: h.rev,
    color: h.color,
    note: h.note,
    tags: h.tags,
    selectors: { start: h.start_pos, end: h.end_pos, exact: h.exact, prefix: h.prefix, suffix: h.suffix },
    versionUuid: h.version_uuid,
    originalExact: h.original_exact,
    revisions: revs.rows
      .filter((r) => r.highlight_id === h.id)
      .map((r) => ({
        rev: r.rev,
        baseRev: r.base_rev,
        seq: r.seq,
        author: r.author,
        client: r.client,
        madeAt: r.made_at,
        color: r.color,
        note: r.note,
        tags: r.tags,
        conflicts: r.conflicts as HighlightChange['revisions'][number]['conflicts']
      }))
  }))
}
