/**
 * Applying a push: every operation in one transaction (writers serialised, see lockWrites),
 * each in its own savepoint so that one refused operation does not undo the others, each
 * recorded by its id so that a retried push is applied once.
 *
 * Rights: readers cannot push at all (refused before this); editors add articles and
 * highlights, and change or delete only what they added; admins change anything.
 */
import { conflictingFields, type HighlightField, type PushOp, type PushRequest, type PushResponse, type PushResult, type SyncVersion } from '../shared/sync'
import { placeVersions } from './order'
import { lockWrites, nextSeq, tx, type Pool, type Tx } from './store/pool'
import * as articles from './store/articles'
import * as highlights from './store/highlights'
import type { TeamUser } from './store/users'

type Op<K extends PushOp['op']> = Extract<PushOp, { op: K }>

interface OpContext {
  c: Tx
  user: TeamUser
  client: string
}

export async function applyPush(pool: Pool, user: TeamUser, req: PushRequest): Promise<PushResponse> {
  return tx(pool, async (c) => {
    await lockWrites(c)
    const ctx: OpContext = { c, user, client: req.client }
    const done = await c.query<{ op_id: string; result: PushResult }>('SELECT op_id, result FROM applied_ops WHERE op_id = ANY($1::uuid[])', [req.ops.map((o) => o.opId)])
    const before = new Map(done.rows.map((r) => [r.op_id, r.result]))
    const results: PushResult[] = []
    for (const op of req.ops) {
      const prior = before.get(op.opId)
      results.push(prior ? (prior.status === 'applied' ? { ...prior, status: 'duplicate' } : prior) : await applyOnce(ctx, op))
    }
    const fresh = results.filter((r, i) => !before.has(req.ops[i].opId))
    if (fresh.length) {
      // ON CONFLICT: the same operation twice in one push is applied once.
      await c.query('INSERT INTO applied_ops(op_id, result) SELECT * FROM unnest($1::uuid[], $2::jsonb[]) ON CONFLICT DO NOTHING', [fresh.map((r) => r.opId), fresh.map((r) => JSON.stringify(r))])
    }
    const head = (await c.query<{ n: number }>('SELECT last_value AS n FROM change_seq')).rows[0].n
    return { results, head }
  })
}

async function applyOnce(ctx: OpContext, op: PushOp): Promise<PushResult> {
  const { c } = ctx
  await c.query('SAVEPOINT op')
  let result: PushResult
  try {
    result = await applyOp(ctx, op)
    await c.query('RELEASE SAVEPOINT op')
  } catch (e) {
    const code = (e as { code?: string }).code
    // A constraint the operation breaks (SQLSTATE class 23) refuses that operation only.
    if (!code?.startsWith('23')) throw e
    await c.query('ROLLBACK TO SAVEPOINT op')
    result = { opId: op.opId, status: 'rejected', reason: `the team archive refused it: ${(e as Error).message}` }
  }
  return result
}

function applyOp(ctx: OpContext, op: PushOp): Promise<PushResult> {
  switch (op.op) {
    case 'article':
      return pushArticle(ctx, op)
    case 'article-delete':
      return deleteArticle(ctx, op)
    case 'highlight':
      return pushHighlight(ctx, op)
    case 'highlight-delete':
      return deleteHighlight(ctx, op)
  }
}

const rejected = (op: PushOp, reason: string): PushResult => ({ opId: op.opId, status: 'rejected', reason })
const mayChange = (user: TeamUser, ownerId: number) => user.role === 'admin' || user.id === ownerId

async function pushArticle({ c, user }: OpContext, op: Op<'article'>): Promise<PushResult> {
  const found = await articles.resolveArticle(c, op.uuid)
  const pushed = uniqueVersions(op)
  if (!found) {
    if (!op.version) return rejected(op, 'the team does not have this article (its content was never pushed)')
    const dup = await articles.findDuplicate(c, op.version)
    if (dup) {
      // The team has it already under another UUID: the pusher re-keys its copy to that one.
      await articles.addAlias(c, op.uuid, dup.id)
      return { opId: op.opId, status: 'merged', uuid: dup.uuid }
    }
    // A new article: its history is the pusher's, the current version last.
    const { id, seq } = await articles.insertArticle(c, { uuid: op.uuid, userId: user.id, savedAt: op.savedAt, tags: op.tags ?? [], v: op.version })
    for (const [i, v] of pushed.entries()) await articles.insertVersion(c, id, seq, user.id, v, i + 1)
    await articles.setSpeakers(c, id, op.version, false)
    return { opId: op.opId, status: 'applied', seq }
  }
  if (found.deleted_at) return rejected(op, 'the article was deleted from the team archive')
  const merged = found.uuid !== op.uuid ? { uuid: found.uuid } : {}
  const history = await articles.versionOrder(c, found.id)
  const known = new Set(history.map((v) => v.uuid))
  const fresh = pushed.filter((v) => !known.has(v.uuid))
  // The same tags again are no change: a re-sent article (an answer lost, a re-share) changes nothing.
  const tags = op.tags !== undefined && JSON.stringify(op.tags) !== JSON.stringify(found.tags) ? op.tags : undefined
  if (fresh.length === 0 && tags === undefined) return { opId: op.opId, status: 'unchanged', ...merged }
  if (!mayChange(user, found.added_by)) return { ...rejected(op, 'only the person who added this article, or an admin, can change it'), ...merged }
  const seq = await nextSeq(c)
  let currentChanged = false
  if (fresh.length) {
    // Versions take their place by when they were obtained; the last is current.
    const order = placeVersions(history, fresh)
    for (const v of fresh) await articles.insertVersion(c, found.id, seq, user.id, v, order.indexOf(v.uuid) + 1)
    await articles.renumberVersions(c, found.id, order)
    const current = fresh.find((v) => v.uuid === order[order.length - 1])
    if (current && current.uuid !== found.current_version) {
      await articles.setCurrentVersion(c, found.id, seq, current)
      currentChanged = true
    } else await articles.touchArticle(c, found.id, seq)
  }
  if (tags !== undefined) await articles.setTags(c, found.id, seq, tags)
  if (currentChanged || tags !== undefined) await articles.reindexArticle(c, found.id)
  return { opId: op.opId, status: 'applied', seq, ...merged }
}

/** The versions an operation carries, earlier ones first, each once. */
function uniqueVersions(op: Op<'article'>): SyncVersion[] {
  const seen = new Set<string>()
  return [...(op.earlier ?? []), ...(op.version ? [op.version] : [])].filter((v) => !seen.has(v.uuid) && seen.add(v.uuid) !== undefined)
}

async function deleteArticle({ c, user }: OpContext, op: Op<'article-delete'>): Promise<PushResult> {
  const found = await articles.resolveArticle(c, op.uuid)
  if (!found || found.deleted_at) return { opId: op.opId, status: 'unchanged' }
  if (!mayChange(user, found.added_by)) return rejected(op, 'only the person who added this article, or an admin, can delete it from the team archive')
  const seq = await nextSeq(c)
  await articles.markDeleted(c, found.id, seq, user.id)
  return { opId: op.opId, status: 'applied', seq }
}

async function pushHighlight(ctx: OpContext, op: Op<'highlight'>): Promise<PushResult> {
  const { c, user } = ctx
  const found = await highlights.getHighlight(c, op.uuid)
  if (!found) return createHighlight(ctx, op)
  if (found.deleted_at) return rejected(op, 'the highlight was deleted from the team archive')
  if (!mayChange(user, found.created_by)) return rejected(op, 'only the person who made this highlight, or an admin, can change it')
  // Only fields whose value differs from the current one are a change.
  const values: { color?: string; note?: string; tags?: string[] } = {}
  if (op.color !== undefined && op.color !== found.color) values.color = op.color
  if (op.note !== undefined && op.note !== found.note) values.note = op.note
  if (op.tags !== undefined && JSON.stringify(op.tags) !== JSON.stringify(found.tags)) values.tags = op.tags
  const fields = Object.keys(values) as HighlightField[]
  if (fields.length === 0) return { opId: op.opId, status: 'unchanged' }
  const baseSeq = await highlights.revisionSeq(c, op.baseRev)
  const conflicts = conflictingFields(await highlights.revisionsOf(c, found.id), baseSeq, ctx.client, fields)
  const seq = await nextSeq(c)
  // Last writer by server sequence: this revision is the latest, so it wins; the ones it
  // overwrote stay in highlight_revisions.
  await highlights.insertRevision(c, { rev: op.rev, highlightId: found.id, seq, baseRev: op.baseRev, userId: user.id, client: ctx.client, madeAt: op.madeAt, values, conflicts })
  await highlights.applyFields(c, found.id, seq, op.rev, values)
  await highlights.reindexHighlight(c, found.id)
  return { opId: op.opId, status: 'applied', seq, ...(conflicts.length ? { conflicts } : {}) }
}

async function createHighlight(ctx: OpContext, op: Op<'highlight'>): Promise<PushResult> {
  const { c, user } = ctx
  if (!op.create) return rejected(op, 'the team does not have this highlight (it was never pushed)')
  const article = await articles.resolveArticle(c, op.articleUuid)
  if (!article) return rejected(op, 'the team does not have the article of this highlight')
  if (article.deleted_at) return rejected(op, 'the article of this highlight was deleted from the team archive')
  const seq = await nextSeq(c)
  const values = { color: op.color ?? 'yellow', note: op.note ?? '', tags: op.tags ?? [] }
  const id = await highlights.insertHighlight(c, {
    uuid: op.uuid, articleId: article.id, seq, userId: user.id, createdAt: op.create.createdAt, rev: op.rev, ...values,
    selectors: op.create.selectors, versionUuid: op.create.versionUuid, originalExact: op.create.originalExact ?? null
  })
  await highlights.insertRevision(c, { rev: op.rev, highlightId: id, seq, baseRev: null, userId: user.id, client: ctx.client, madeAt: op.madeAt, values })
  await highlights.reindexHighlight(c, id)
  return { opId: op.opId, status: 'applied', seq }
}

async function deleteHighlight(ctx: OpContext, op: Op<'highlight-delete'>): Promise<PushResult> {
  const { c, user } = ctx
  const found = await highlights.getHighlight(c, op.uuid)
  if (!found || found.deleted_at) return { opId: op.opId, status: 'unchanged' }
  if (!mayChange(user, found.created_by)) return rejected(op, 'only the person who made this highlight, or an admin, can delete it')
  const seq = await nextSeq(c)
  await highlights.insertRevision(c, { rev: op.opId, highlightId: found.id, seq, baseRev: op.baseRev, userId: user.id, client: ctx.client, madeAt: new Date().toISOString(), values: {}, deleted: true })
  await highlights.markHighlightDeleted(c, found.id, seq, user.id)
  return { opId: op.opId, status: 'applied', seq }
}
