/** Team highlights: the current state of each, and its append-only revisions. */
import type { HighlightField, SyncSelectors, Uuid } from '../../shared/sync'
import type { Tx } from './pool'

export interface HighlightRow {
  id: number
  uuid: Uuid
  article_id: number
  created_by: number
  deleted_at: Date | null
  rev: Uuid
  color: string
  note: string
  tags: string[]
}

export interface RevisionRow {
  seq: number
  client: Uuid
  color: string | null
  note: string | null
  tags: string[] | null
}

export async function getHighlight(c: Tx, uuid: Uuid): Promise<HighlightRow | null> {
  const r = await c.query<HighlightRow>(
    'SELECT id, uuid, article_id, created_by, deleted_at, rev, color, note, tags FROM highlights WHERE uuid = $1 FOR UPDATE',
    [uuid]
  )
  return r.rows[0] ?? null
}

export async function revisionsOf(c: Tx, highlightId: number): Promise<RevisionRow[]> {
  return (await c.query<RevisionRow>('SELECT seq, client, color, note, tags FROM highlight_revisions WHERE highlight_id = $1 ORDER BY seq', [highlightId])).rows
}

/** The sequence number of a revision (0 when unknown: everything after it is concurrent). */
export async function revisionSeq(c: Tx, rev: Uuid | null): Promise<number> {
  if (!rev) return 0
  return (await c.query<{ seq: number }>('SELECT seq FROM highlight_revisions WHERE rev = $1', [rev])).rows[0]?.seq ?? 0
}

export async function insertHighlight(
  c: Tx,
  o: { uuid: Uuid; articleId: number; seq: number; userId: number; createdAt: string; rev: Uuid; color: string; note: string; tags: string[]; selectors: SyncSelectors; versionUuid: Uuid | null; originalExact?: string | null }
): Promise<number> {
  const s = o.selectors
  const r = await c.query<{ id: number }>(
    `INSERT INTO highlights(uuid, article_id, seq, created_by, created_at, rev, color, note, tags, tags_lc, start_pos, end_pos, exact, prefix, suffix, version_uuid, original_exact)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
    [o.uuid, o.articleId, o.seq, o.userId, o.createdAt, o.rev, o.color, o.note, o.tags, o.tags.map((t) => t.toLowerCase()), s.start, s.end, s.exact, s.prefix, s.suffix, o.versionUuid, o.originalExact ?? null]
  )
  return r.rows[0].id
}

export async function insertRevision(
  c: Tx,
  o: { rev: Uuid; highlightId: number; seq: number; baseRev: Uuid | null; userId: number; client: Uuid; madeAt: string; values: { color?: string; note?: string; tags?: string[] }; deleted?: boolean; conflicts?: HighlightField[] }
): Promise<void> {
  await c.query(
    `INSERT INTO highlight_revisions(rev, highlight_id, seq, base_rev, author, client, made_at, color, note, tags, deleted, conflicts)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [o.rev, o.highlightId, o.seq, o.baseRev, o.userId, o.client, o.madeAt, o.values.color ?? null, o.values.note ?? null, o.values.tags ?? null, o.deleted ?? false, o.conflicts ?? []]
  )
}

/** Applies a winning revision's fields to the highlight's current state. */
export async function applyFields(c: Tx, id: number, seq: number, rev: Uuid, v: { color?: string; note?: string; tags?: string[] }): Promise<void> {
  await c.query(
    `UPDATE highlights SET seq = $2, rev = $3, color = coalesce($4, color), note = coalesce($5, note),
       tags = coalesce($6, tags), tags_lc = coalesce($7, tags_lc) WHERE id = $1`,
    [id, seq, rev, v.color ?? null, v.note ?? null, v.tags ?? null, v.tags ? v.tags.map((t) => t.toLowerCase()) : null]
  )
}

/** The highlight's search vector: quote A, note B, tags C (the local index's weights 4, 2, 2). */
export async function reindexHighlight(c: Tx, id: number): Promise<void> {
  await c.query(
    `UPDATE highlights SET search = setweight(to_tsvector('clipfile', exact), 'A') || setweight(to_tsvector('clipfile', note), 'B')
       || setweight(to_tsvector('clipfile', array_to_string(tags, ' ')), 'C'),
       tokens = (SELECT count(*) FROM regexp_matches(concat_ws(' ', exact, note, array_to_string(tags, ' ')), '[[:alnum:]]+', 'g'))
     WHERE id = $1`,
    [id]
  )
}

export async function markHighlightDeleted(c: Tx, id: number, seq: number, userId: number): Promise<void> {
  await c.query('UPDATE highlights SET deleted_at = now(), deleted_by = $3, seq = $2 WHERE id = $1', [id, seq, userId])
}
