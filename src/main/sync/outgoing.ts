/**
 * From the outbox to push operations, and back: what the server answered is recorded in
 * one transaction (outbox rows removed, revisions and versions noted, merges re-keyed).
 *
 * Outbox rows say what changed; consecutive rows about one record become one operation
 * whose values are read now. An operation's id is the id of its newest row, so a push that
 * is retried unchanged is recognised by the server, and one that gained rows is new.
 */
import type { HighlightField, PushOp, PushResult, SyncVersion } from '../../shared/sync'
import type { DB } from '../db/connection'
import * as team from '../db/team'
import { tagsForArticles } from '../db/tags'
import { versionHash } from '../db/versions'
import { versionUuid } from './ids'
import { earlierVersions, readCurrentVersion } from './versions'

interface Group {
  family: 'article' | 'highlight'
  uuid: string
  rows: team.OutboxRow[]
}

interface Sent {
  ids: number[]
  kind: PushOp['op']
  uuid: string
  /** The newest version the operation carries. */
  version?: string
  /** Older versions than the current one were left for the next batch (the operation's size). */
  more?: boolean
}

/** An operation and what recording its answer needs. */
type Built = Pick<Sent, 'version' | 'more'> & { op: PushOp }

export interface OutgoingBatch {
  ops: PushOp[]
  /** The outbox rows behind each operation, by operation id. */
  rows: Map<string, Sent>
  /** Rows that need no operation (a highlight made and deleted before it was ever pushed). */
  dropped: number[]
}

/**
 * Up to `maxRows` outbox rows as operations, about `maxBytes` at most (at least one operation).
 * One article's versions go in operations of about `maxOpBytes` (at least one version each),
 * oldest first, so a long history never makes a request the server refuses for its size.
 */
export function buildBatch(db: DB, maxRows = 500, maxBytes = 8 * 1024 * 1024, maxOpBytes = 3 * maxBytes): OutgoingBatch {
  const groups = new Map<string, Group>()
  for (const row of team.outbox(db, maxRows)) {
    const family = row.kind.startsWith('article') ? 'article' : 'highlight'
    const key = `${family}:${row.uuid}`
    const g = groups.get(key) ?? { family, uuid: row.uuid, rows: [] }
    g.rows.push(row)
    groups.set(key, g)
  }
  // Articles first: a highlight needs its article on the server.
  const ordered = [...groups.values()].sort((a, b) => (a.family === b.family ? a.rows[0].id - b.rows[0].id : a.family === 'article' ? -1 : 1))
  const batch: OutgoingBatch = { ops: [], rows: new Map(), dropped: [] }
  let bytes = 0
  for (const g of ordered) {
    const built = g.family === 'article' ? articleOp(db, g, maxOpBytes) : highlightOp(db, g)
    const ids = g.rows.map((r) => r.id)
    if (!built) {
      batch.dropped.push(...ids)
      continue
    }
    const size = built.op.op === 'article' ? [built.op.version, ...(built.op.earlier ?? [])].reduce((n, v) => n + (v ? versionBytes(v) : 0), 500) : 500
    if (batch.ops.length > 0 && bytes + size > maxBytes) break
    bytes += size
    batch.ops.push(built.op)
    batch.rows.set(built.op.opId, { ids, kind: built.op.op, uuid: g.uuid, version: built.version, more: built.more })
  }
  return batch
}

const versionBytes = (v: SyncVersion) => v.text.length * 2 + (v.raw?.length ?? 0) + v.assets.reduce((n, a) => n + a.data.length, 0)
const lastOpId = (g: Group) => g.rows[g.rows.length - 1].op_id

function articleOp(db: DB, g: Group, maxOpBytes: number): Built | null {
  if (g.rows.some((r) => r.kind === 'article-delete')) return { op: { opId: lastOpId(g), op: 'article-delete', uuid: g.uuid } }
  const a = team.articleByUuid(db, g.uuid)
  if (!a) return null
  const vid = versionUuid(a.uuid, a.content_hash)
  const neverPushed = a.team_version === null
  const wantVersion = neverPushed || (g.rows.some((r) => r.kind === 'article') && vid !== a.team_version)
  const wantTags = neverPushed || g.rows.some((r) => r.kind === 'article-tags')
  // With the current version go the earlier ones the team does not have yet, oldest first,
  // as many as fit in one operation (the rest follow in the next batch).
  const versions = wantVersion ? [...earlierVersions(db, a.id, a.uuid, a.team_version), readCurrentVersion(db, a.id, vid)] : []
  const sent = fitting(versions, maxOpBytes)
  const newest = sent.pop()
  const op: PushOp = {
    opId: lastOpId(g),
    op: 'article',
    uuid: a.uuid,
    savedAt: a.saved_at,
    ...(newest ? { version: newest, earlier: sent } : {}),
    ...(wantTags ? { tags: tagsForArticles(db, [a.id]).get(a.id) ?? [] } : {})
  }
  return { op, version: newest?.uuid, more: newest !== undefined && newest.uuid !== vid }
}

/** The first versions that fit in `maxBytes` (at least one). */
function fitting(versions: SyncVersion[], maxBytes: number): SyncVersion[] {
  let bytes = 0
  let n = 0
  while (n < versions.length && (n === 0 || bytes + versionBytes(versions[n]) <= maxBytes)) bytes += versionBytes(versions[n++])
  return versions.slice(0, n)
}

function highlightOp(db: DB, g: Group): Built | null {
  const h = team.highlightByUuid(db, g.uuid)
  const first = g.rows[0]
  const created = g.rows.some((r) => r.fields?.includes('"create"'))
  if (g.rows.some((r) => r.kind === 'highlight-delete') || !h) {
    // Made and deleted between two pushes: the team never has to know.
    if (created && first.fields?.includes('"create"')) return null
    return { op: { opId: lastOpId(g), op: 'highlight-delete', uuid: g.uuid, baseRev: first.base_rev } }
  }
  const article = db.prepare('SELECT uuid FROM articles WHERE id = ?').get(h.article_id) as { uuid: string }
  // The version it was made on, by the UUID every archive derives for it.
  const madeOn = versionHash(db, h.article_id, h.version)
  const fields = new Set<HighlightField>()
  for (const r of g.rows) for (const f of JSON.parse(r.fields ?? '[]') as (string | null)[]) if (f === 'color' || f === 'note' || f === 'tags') fields.add(f)
  const create = created || h.rev === null
  const tags = h.tags ? (JSON.parse(h.tags) as string[]) : []
  const op: PushOp = {
    opId: lastOpId(g),
    op: 'highlight',
    uuid: h.uuid,
    articleUuid: article.uuid,
    rev: lastOpId(g),
    baseRev: create ? null : first.base_rev,
    madeAt: new Date().toISOString(),
    ...(create
      ? { create: { createdAt: h.created_at, selectors: { start: h.start_pos, end: h.end_pos, exact: h.exact, prefix: h.prefix, suffix: h.suffix },
          versionUuid: madeOn ? versionUuid(article.uuid, madeOn) : null, originalExact: h.original_exact || h.exact } }
      : {}),
    ...(create || fields.has('color') ? { color: h.color as 'yellow' } : {}),
    ...(create || fields.has('note') ? { note: h.note } : {}),
    ...(create || fields.has('tags') ? { tags } : {})
  }
  return { op }
}

export interface Recorded {
  applied: number
  unchanged: number
  merged: number
  rejected: number
  conflicts: number
}

/** Records the server's answers: what was taken leaves the outbox; refusals are kept with their reasons. */
export function recordResults(db: DB, batch: OutgoingBatch, results: PushResult[]): Recorded {
  const out: Recorded = { applied: 0, unchanged: 0, merged: 0, rejected: 0, conflicts: 0 }
  db.transaction(() =>
    team.whileApplying(db, () => {
      team.deleteOutbox(db, batch.dropped)
      for (const r of results) {
        const sent = batch.rows.get(r.opId)
        if (!sent) continue
        team.deleteOutbox(db, sent.ids)
        if (r.status === 'rejected') {
          out.rejected++
          team.addRejection(db, sent.kind, sent.uuid, r.reason ?? 'refused')
          continue
        }
        if (r.status === 'unchanged') out.unchanged++
        else out.applied++
        if (r.conflicts?.length) out.conflicts++
        if (sent.kind === 'highlight' && r.status !== 'unchanged') team.setHighlightRev(db, sent.uuid, r.opId)
        const local = sent.kind === 'article' ? team.articleByUuid(db, sent.uuid) : null
        if (local && sent.version && r.status !== 'merged') {
          team.setArticleTeam(db, local.id, { version: sent.version })
          // The rest of its history goes in the next batch.
          if (sent.more) team.enqueue(db, 'article', sent.uuid)
        }
        if (local && r.uuid && r.uuid !== sent.uuid) {
          out.merged++
          mergeInto(db, local.id, sent.uuid, r.uuid)
        }
      }
    })
  ).immediate()
  return out
}

/** The team had this article under another UUID: ours takes that UUID (unless another local copy already has it). */
function mergeInto(db: DB, id: number, from: string, to: string): void {
  if (team.articleByUuid(db, to)) {
    team.addRejection(db, 'article', from, `the team already has this article, and so does this archive (as ${to}); this copy stays private`)
    team.setArticleTeam(db, id, {})
    db.prepare('UPDATE articles SET team = NULL WHERE id = ?').run(id)
    return
  }
  team.setArticleTeam(db, id, { uuid: to, team: 'pulled', version: null })
  team.rekeyOutbox(db, from, to)
}
