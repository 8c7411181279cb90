/**
 * From the outbox to push operations, and back: what the server answered is recorded in
 * one transaction (outbox rows removed, revisions and versions noted, merges re-keyed).
 *
 * Outbox rows say what changed; consecutive rows about one record become one operation
 * whose values are read now. An operation's id is the id of its newest row, so a push that
 * is retried unchanged is recognised by the server, and one that gained rows is new.
 */
import type { HighlightField, PushOp, PushResult, SyncAsset, SyncVersion } from '../../shared/sync'
import type { DB } from '../db/connection'
import * as team from '../db/team'
import { getAsset } from '../db/articles'
import { unpackDoc } from '../db/codec'
import { tagsForArticles } from '../db/tags'
import { articleQuotes } from '../db/quotes'
import { speakerKey } from '../quotes/aliases'
import { ASSET_PREFIX } from '../../shared/reader/schema'
import { versionUuid } from './ids'

interface Group {
  family: 'article' | 'highlight'
  uuid: string
  rows: team.OutboxRow[]
}

export interface OutgoingBatch {
  ops: PushOp[]
  /** The outbox rows behind each operation, by operation id. */
  rows: Map<string, { ids: number[]; kind: PushOp['op']; uuid: string; version?: string }>
  /** Rows that need no operation (a highlight made and deleted before it was ever pushed). */
  dropped: number[]
}

/** Up to `maxRows` outbox rows as operations, about `maxBytes` at most (at least one operation). */
export function buildBatch(db: DB, maxRows = 500, maxBytes = 8 * 1024 * 1024): OutgoingBatch {
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
    const built = g.family === 'article' ? articleOp(db, g) : highlightOp(db, g)
    const ids = g.rows.map((r) => r.id)
    if (!built) {
      batch.dropped.push(...ids)
      continue
    }
    const size = built.op.op === 'article' && built.op.version ? versionBytes(built.op.version) : 500
    if (batch.ops.length > 0 && bytes + size > maxBytes) break
    bytes += size
    batch.ops.push(built.op)
    batch.rows.set(built.op.opId, { ids, kind: built.op.op, uuid: g.uuid, version: built.version })
  }
  return batch
}

const versionBytes = (v: SyncVersion) => v.text.length * 2 + (v.raw?.length ?? 0) + v.assets.reduce((n, a) => n + a.data.length, 0)
const lastOpId = (g: Group) => g.rows[g.rows.length - 1].op_id

function articleOp(db: DB, g: Group): { op: PushOp; version?: string } | null {
  if (g.rows.some((r) => r.kind === 'article-delete')) return { op: { opId: lastOpId(g), op: 'article-delete', uuid: g.uuid } }
  const a = team.articleByUuid(db, g.uuid)
  if (!a) return null
  const vid = versionUuid(a.uuid, a.content_hash)
  const neverPushed = a.team_version === null
  const wantVersion = neverPushed || (g.rows.some((r) => r.kind === 'article') && vid !== a.team_version)
  const wantTags = neverPushed || g.rows.some((r) => r.kind === 'article-tags')
  const op: PushOp = {
    opId: lastOpId(g),
    op: 'article',
    uuid: a.uuid,
    savedAt: a.saved_at,
    ...(wantVersion ? { version: readVersion(db, a.id, vid) } : {}),
    ...(wantTags ? { tags: tagsForArticles(db, [a.id]).get(a.id) ?? [] } : {})
  }
  return { op, version: wantVersion ? vid : undefined }
}

interface ContentRow {
  url: string
  canonical_url: string | null
  title: string
  byline: string | null
  site: string | null
  published_at: string | null
  modified_at: string | null
  language: string | null
  excerpt: string | null
  word_count: number
  content_hash: string
  saved_at: string
  text: string
  doc: Buffer
  raw: Buffer | null
  raw_type: string | null
}

/** The article as a version: images become `asset:<sha256>` so any archive can store them under its own ids. */
function readVersion(db: DB, id: number, uuid: string): SyncVersion {
  const r = db
    .prepare(
      `SELECT a.url, a.canonical_url, a.title, a.byline, a.site, a.published_at, a.modified_at, a.language, a.excerpt, a.word_count,
         a.content_hash, a.saved_at, c.text, c.doc, c.raw, c.raw_type FROM articles a JOIN article_content c ON c.article_id = a.id WHERE a.id = ?`
    )
    .get(id) as ContentRow
  const assets: SyncAsset[] = []
  const shaOf = new Map<number, string>()
  for (const row of db.prepare('SELECT id, sha256, source_url FROM assets WHERE article_id = ? ORDER BY id').all(id) as { id: number; sha256: string; source_url: string | null }[]) {
    const a = getAsset(db, row.id)
    if (!a) continue
    shaOf.set(row.id, row.sha256)
    assets.push({ sha256: row.sha256, mime: a.mime, sourceUrl: row.source_url, data: a.bytes.toString('base64') })
  }
  const quotes = articleQuotes(db, id).map((q) => ({
    start: q.start, end: q.end, text: q.text, speaker: q.speaker, speakerKey: q.speaker ? speakerKey(q.speaker) || null : null, confidence: q.confidence, kind: q.kind
  }))
  return {
    uuid,
    contentHash: r.content_hash,
    createdAt: new Date().toISOString(),
    meta: {
      url: r.url, canonicalUrl: r.canonical_url, title: r.title, byline: r.byline, site: r.site, publishedAt: r.published_at,
      modifiedAt: r.modified_at, language: r.language, excerpt: r.excerpt, wordCount: r.word_count
    },
    text: r.text,
    doc: rewriteAssets(unpackDoc(r.doc, r.text), shaOf),
    // As stored (gzip or brotli, told apart by their first bytes): no need to unpack it to send it.
    raw: r.raw ? r.raw.toString('base64') : null,
    rawType: r.raw_type,
    assets,
    quotes
  }
}

function rewriteAssets(doc: unknown, shaOf: Map<number, string>): unknown {
  const walk = (node: unknown): unknown => {
    if (!node || typeof node !== 'object') return node
    const n = node as { type?: string; attrs?: Record<string, unknown>; content?: unknown[] }
    if (n.type === 'image' && typeof n.attrs?.src === 'string') {
      const sha = shaOf.get(Number(n.attrs.src.slice(ASSET_PREFIX.length)))
      return sha ? { ...n, attrs: { ...n.attrs, src: `${ASSET_PREFIX}${sha}` } } : n
    }
    return Array.isArray(n.content) ? { ...n, content: n.content.map(walk) } : n
  }
  return walk(doc)
}

function highlightOp(db: DB, g: Group): { op: PushOp; version?: string } | null {
  const h = team.highlightByUuid(db, g.uuid)
  const first = g.rows[0]
  const created = g.rows.some((r) => r.fields?.includes('"create"'))
  if (g.rows.some((r) => r.kind === 'highlight-delete') || !h) {
    // Made and deleted between two pushes: the team never has to know.
    if (created && first.fields?.includes('"create"')) return null
    return { op: { opId: lastOpId(g), op: 'highlight-delete', uuid: g.uuid, baseRev: first.base_rev } }
  }
  const article = db.prepare('SELECT uuid, team_version FROM articles WHERE id = ?').get(h.article_id) as { uuid: string; team_version: string | null }
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
      ? { create: { createdAt: h.created_at, selectors: { start: h.start_pos, end: h.end_pos, exact: h.exact, prefix: h.prefix, suffix: h.suffix }, versionUuid: article.team_version } }
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
        if (local && sent.version && r.status !== 'merged') team.setArticleTeam(db, local.id, { version: sent.version })
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
