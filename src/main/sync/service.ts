/**
 * An archive as a member of a team: joining, choosing what to share, pushing the outbox,
 * pulling the team's changes, and the state the sync indicator shows.
 *
 * Sharing is chosen: `selection` (the default: nothing leaves the archive until you share
 * it), `tags` (articles carrying one of some tags, now and later) or `all`. Shared and
 * pulled articles are the team's; every other article stays private, and so do its
 * highlights. Reading state and per-article preferences are not synced.
 */
import { randomUUID } from 'node:crypto'
import { UserError } from '../../shared/result'
import { VERSIONS_PER_REQUEST, type SharePolicy, type TeamRole } from '../../shared/sync'
import type { TeamStatus } from '../../shared/types'
import type { DB } from '../db/connection'
import * as team from '../db/team'
import * as client from './client'
import { applyPage, versionsToFetch, type FetchedVersions } from './incoming'
import { buildBatch, recordResults, type Recorded } from './outgoing'

export type { TeamStatus } from '../../shared/types'

export function endpoint(db: DB): client.TeamEndpoint {
  const url = team.getConfig(db, 'url')
  const token = team.getConfig(db, 'token')
  if (!url || !token) throw new UserError('not_found', "This archive is not in a team. Join one with 'clipfile team join <url> --token <token>'.")
  return { url, token }
}

export function status(db: DB): TeamStatus {
  const url = team.getConfig(db, 'url')
  return {
    joined: url !== null,
    url,
    user: team.getConfig(db, 'user'),
    role: team.getConfig(db, 'role') as TeamRole | null,
    policy: (team.getConfig(db, 'policy') ?? 'selection') as SharePolicy,
    shareTags: JSON.parse(team.getConfig(db, 'shareTags') ?? '[]') as string[],
    pending: team.outboxCount(db),
    cursor: Number(team.getConfig(db, 'cursor') ?? 0),
    lastSync: team.getConfig(db, 'lastSync'),
    lastError: team.getConfig(db, 'lastError'),
    rejections: team.rejections(db)
  }
}

/** Joins a team: checks the token with the server, then remembers it (in this archive). */
export async function join(db: DB, url: string, token: string): Promise<TeamStatus> {
  let base: string
  try {
    base = new URL(url).toString()
  } catch {
    throw new UserError('invalid_input', `Not a URL: ${url}`)
  }
  const current = team.getConfig(db, 'url')
  if (current && current !== base) throw new UserError('conflict', `This archive is already in the team at ${current}. Leave it first ('clipfile team leave').`)
  const me = await client.whoami({ url: base, token })
  db.transaction(() => {
    team.setConfig(db, 'url', base)
    team.setConfig(db, 'token', token)
    team.setConfig(db, 'user', me.name)
    team.setConfig(db, 'role', me.role)
    if (!team.getConfig(db, 'client')) team.setConfig(db, 'client', randomUUID())
    if (!team.getConfig(db, 'cursor')) team.setConfig(db, 'cursor', '0')
    if (!team.getConfig(db, 'policy')) team.setConfig(db, 'policy', 'selection')
  }).immediate()
  return status(db)
}

/** Leaves the team: the articles stay in the archive (as private ones); nothing more is sent. */
export function leave(db: DB): void {
  db.transaction(() => {
    team.clearConfig(db)
    db.prepare('DELETE FROM team_outbox').run()
    db.prepare('UPDATE articles SET team = NULL, team_version = NULL').run()
  }).immediate()
}

/** Makes private articles the team's: their content and every highlight go to the outbox. */
export function shareArticles(db: DB, ids: number[]): number {
  let n = 0
  db.transaction(() => {
    for (const id of ids) {
      const a = team.articleById(db, id)
      if (!a) throw new UserError('not_found', `No article with id ${id}.`)
      if (a.team !== null) continue
      team.setArticleTeam(db, id, { team: 'shared' })
      team.enqueue(db, 'article', a.uuid)
      for (const h of team.highlightUuidsOf(db, id)) team.enqueue(db, 'highlight', h, ['create', 'color', 'note', 'tags'])
      n++
    }
  }).immediate()
  return n
}

/** Sets what is shared from now on; `all` and `tags` also share the matching articles now. */
export function setPolicy(db: DB, policy: SharePolicy, tags: string[] = []): number {
  if (policy === 'tags' && tags.length === 0) throw new UserError('invalid_input', 'Sharing by tag needs at least one tag.')
  db.transaction(() => {
    team.setConfig(db, 'policy', policy)
    team.setConfig(db, 'shareTags', JSON.stringify(policy === 'tags' ? tags : []))
  }).immediate()
  return applyPolicy(db)
}

/** Shares what the policy covers and is still private (articles saved or tagged since). */
export function applyPolicy(db: DB): number {
  const policy = (team.getConfig(db, 'policy') ?? 'selection') as SharePolicy
  if (policy === 'selection') return 0
  const tags = policy === 'tags' ? (JSON.parse(team.getConfig(db, 'shareTags') ?? '[]') as string[]) : null
  return shareArticles(db, team.privateArticleIds(db, tags))
}

export interface PushSummary extends Recorded {
  batches: number
}

/** Pushes the whole outbox, batch after batch; each acknowledged batch leaves the outbox at once (`opBytes`: see buildBatch). */
export async function pushAll(db: DB, onBatch?: (done: number, left: number) => void | Promise<void>, batchRows = 500, opBytes?: number): Promise<PushSummary> {
  const e = endpoint(db)
  if (team.getConfig(db, 'role') === 'reader') {
    throw new UserError('unsupported', `${team.getConfig(db, 'user')} is a reader in this team: your changes stay in this archive.`)
  }
  applyPolicy(db)
  const clientId = team.getConfig(db, 'client') as string
  const total: PushSummary = { applied: 0, unchanged: 0, merged: 0, rejected: 0, conflicts: 0, batches: 0 }
  for (;;) {
    const batch = buildBatch(db, batchRows, undefined, opBytes)
    if (batch.ops.length === 0) {
      if (batch.dropped.length === 0) return total
      recordResults(db, batch, [])
      continue
    }
    const answer = await client.push(e, { protocol: 1, client: clientId, ops: batch.ops })
    const r = recordResults(db, batch, answer.results)
    for (const k of ['applied', 'unchanged', 'merged', 'rejected', 'conflicts'] as const) total[k] += r[k]
    total.batches++
    await onBatch?.(total.applied + total.unchanged + total.rejected, team.outboxCount(db))
  }
}

export interface PullSummary {
  articles: number
  highlights: number
  deleted: number
  cursor: number
}

/** Pulls every change after the cursor, page after page; each page is applied with its cursor. */
export async function pullAll(db: DB, onPage?: (cursor: number, head: number) => void): Promise<PullSummary> {
  const e = endpoint(db)
  const me = team.getConfig(db, 'user')
  const total: PullSummary = { articles: 0, highlights: 0, deleted: 0, cursor: Number(team.getConfig(db, 'cursor') ?? 0) }
  for (;;) {
    const page = await client.pull(e, total.cursor)
    // Versions the page names but does not carry (a new member's history, an article met through a highlight).
    const fetched: FetchedVersions = new Map()
    const wanted = versionsToFetch(db, page.changes)
    for (let i = 0; i < wanted.length; i += VERSIONS_PER_REQUEST) {
      for (const v of (await client.versions(e, wanted.slice(i, i + VERSIONS_PER_REQUEST))).versions) fetched.set(v.uuid, v)
    }
    const applied = applyPage(db, page.changes, page.next, me, fetched)
    total.articles += applied.articles
    total.highlights += applied.highlights
    total.deleted += applied.deleted
    total.cursor = page.next
    onPage?.(page.next, page.head)
    if (!page.more) return total
  }
}

export interface SyncSummary {
  pushed: PushSummary | null
  pulled: PullSummary
}

/** Push (unless a reader), then pull; the outcome is kept for the sync indicator. */
export async function syncNow(db: DB): Promise<SyncSummary> {
  team.setConfig(db, 'lastAttempt', new Date().toISOString())
  try {
    const pushed = team.getConfig(db, 'role') === 'reader' ? null : await pushAll(db)
    const pulled = await pullAll(db)
    team.setConfig(db, 'lastSync', new Date().toISOString())
    team.setConfig(db, 'lastError', null)
    return { pushed, pulled }
  } catch (e) {
    team.setConfig(db, 'lastError', (e as Error).message)
    throw e
  }
}

export interface HistoryEntry {
  rev: string
  seq: number
  author: string
  madeAt: string
  fields: { color?: string; note?: string; tags?: string[] }
  conflicts: string[]
}

/** A highlight's revisions as pulled from the team, oldest first (the losers of concurrent edits included). */
export function history(db: DB, highlightId: number): HistoryEntry[] {
  const uuid = db.prepare('SELECT uuid FROM highlights WHERE id = ?').pluck().get(highlightId) as string | undefined
  if (!uuid) throw new UserError('not_found', `No highlight with id ${highlightId}.`)
  return team.historyOf(db, uuid).map((r) => ({ rev: r.rev, seq: r.seq, author: r.author, madeAt: r.made_at, fields: JSON.parse(r.fields), conflicts: JSON.parse(r.conflicts) }))
}
