/**
 * Applying pulled changes to the archive: one page in one transaction with the new cursor,
 * the outbox triggers quiet (what came from the team does not go back to it).
 *
 * A field with a local change still waiting in the outbox is not overwritten: the local
 * change goes out at the next push and the server decides (last writer by sequence). Team
 * articles go through storeArticle, the archive's one storage step, so highlights re-anchor
 * and quotes are stored as for any import.
 */
import type { ArticleChange, Change, HighlightChange, SyncVersion } from '../../shared/sync'
import type { DB } from '../db/connection'
import * as team from '../db/team'
import { deleteArticles } from '../db/articles'
import { unpackBytes } from '../db/codec'
import { deleteHighlightRow, insertHighlight, setHighlightOrigin, setHighlightTags } from '../db/highlights'
import { ensureTags, pruneTags, setArticleTags } from '../db/tags'
import { storeArticle } from '../import/store'
import { directionOf } from '../../shared/vocabulary'
import { anchor } from '../annotate/anchor'
import { articleText } from '../db/articles'
import { versionContent } from '../db/versions'
import { looseQuote } from '../annotate/normalize'
import { findQuotes } from '../quotes/detect'
import { localVersions } from './versions'

export interface Applied {
  articles: number
  highlights: number
  deleted: number
}

/** Team versions fetched for a page (the ones the page did not carry), by UUID. */
export type FetchedVersions = Map<string, SyncVersion>

/** Applies one page and moves the cursor to `next`, atomically. */
export function applyPage(db: DB, changes: Change[], next: number, me: string | null, fetched: FetchedVersions = new Map()): Applied {
  const out: Applied = { articles: 0, highlights: 0, deleted: 0 }
  db.transaction(() =>
    team.whileApplying(db, () => {
      // Articles first: a page may carry a highlight before (in sequence) its article's latest change.
      for (const c of changes) if (c.kind === 'article') applyArticle(db, c, fetched, out)
      for (const c of changes) if (c.kind === 'highlight') applyHighlight(db, c, me, out)
      pruneTags(db)
      team.setConfig(db, 'cursor', String(next))
    })
  ).immediate()
  return out
}

const pendingKinds = (db: DB, uuid: string) => new Set(team.pendingFor(db, uuid).map((r) => r.kind))

function applyArticle(db: DB, c: ArticleChange, fetched: FetchedVersions, out: Applied): void {
  const local = team.articleByUuid(db, c.uuid)
  if (c.deleted) {
    if (local) {
      deleteArticles(db, [local.id])
      out.deleted++
    }
    return
  }
  const pending = local ? pendingKinds(db, c.uuid) : new Set<string>()
  const plan = versionsToStore(db, c, local?.id ?? null, pending)
  let id = local?.id ?? null
  let stored = 0
  // Oldest first, each through the one storage step: each becomes the next local version.
  for (const uuid of plan.store) {
    const v = c.content?.uuid === uuid ? c.content : fetched.get(uuid)
    if (!v) break
    id = storeArticle(db, { ...toNewArticle(v, c.savedAt), ...(id !== null ? { into: id } : {}) }).id
    plan.last = uuid
    stored++
  }
  if (stored) out.articles++
  if (id === null) return
  // Another local copy (same URL or text) may have been found: it becomes the team's.
  team.setArticleTeam(db, id, { uuid: c.uuid, team: local?.team ?? 'pulled', addedBy: c.addedBy, ...(plan.last ? { version: plan.last } : {}) })
  if (!pending.has('article-tags')) setArticleTags(db, id, c.tags)
}

interface VersionPlan {
  /** Team versions to store, oldest first. */
  store: string[]
  /** The newest team version this archive has (before storing), if any. */
  last: string | null
}

/**
 * The team versions an archive takes: those after the newest team version it already has,
 * in the team's order (a new member: all of them). An older one it lacks cannot go in the
 * middle of its history and is left; none while a local change of the text waits to be
 * pushed (the push goes first, and the team decides).
 */
function versionsToStore(db: DB, c: ArticleChange, localId: number | null, pending: Set<string>): VersionPlan {
  const list = c.versions.length ? c.versions : c.version ? [c.version] : []
  if (localId === null) return { store: list.map((v) => v.uuid), last: null }
  const have = new Set(localVersions(db, localId, c.uuid).map((v) => v.uuid))
  let at = -1
  list.forEach((v, i) => {
    if (have.has(v.uuid)) at = i
  })
  const last = at >= 0 ? list[at].uuid : null
  return { store: pending.has('article') ? [] : list.slice(at + 1).map((v) => v.uuid), last }
}

/** The team versions a page's changes need that the page does not carry: fetch them before applying it. */
export function versionsToFetch(db: DB, changes: Change[]): string[] {
  const out: string[] = []
  for (const c of changes) {
    if (c.kind !== 'article' || c.deleted) continue
    const local = team.articleByUuid(db, c.uuid)
    const pending = local ? pendingKinds(db, c.uuid) : new Set<string>()
    for (const uuid of versionsToStore(db, c, local?.id ?? null, pending).store) if (c.content?.uuid !== uuid) out.push(uuid)
  }
  return out
}

function toNewArticle(v: SyncVersion, savedAt: string) {
  return {
    ...v.meta,
    // The team carries the byline only: the authors are its names; agency and direction are not shared.
    authors: v.meta.byline ? v.meta.byline.split(/\s*,\s*/).filter(Boolean) : [],
    agency: null,
    dir: directionOf(v.meta.language),
    doc: v.doc,
    text: v.text,
    contentHash: v.contentHash,
    savedAt,
    // As the archive that made it obtained it: the local history reads like the team's.
    obtainedAt: v.createdAt,
    how: v.how ?? 'import',
    assets: v.assets.map((a) => ({ key: a.sha256, mime: a.mime, sourceUrl: a.sourceUrl, bytes: Buffer.from(a.data, 'base64') })),
    raw: v.raw ? unpackBytes(Buffer.from(v.raw, 'base64')) : null,
    rawType: v.rawType,
    // Older versions travel without their quotes (archives keep only the current one's): found
    // again here, so the change summaries compare quotes as the pushing archive's did.
    quotes: v.quotes.length ? v.quotes : findQuotes(v.text)
  }
}

function applyHighlight(db: DB, c: HighlightChange, me: string | null, out: Applied): void {
  for (const r of c.revisions) {
    const fields = Object.fromEntries((['color', 'note', 'tags'] as const).filter((f) => r[f] !== null).map((f) => [f, r[f]]))
    team.addHistory(db, { rev: r.rev, highlight_uuid: c.uuid, seq: r.seq, author: r.author, made_at: r.madeAt, fields: JSON.stringify(fields), conflicts: JSON.stringify(r.conflicts) })
  }
  const local = team.highlightByUuid(db, c.uuid)
  if (c.deleted) {
    if (local) {
      deleteHighlightRow(db, local.id)
      out.deleted++
    }
    return
  }
  const pending = team.pendingFor(db, c.uuid)
  if (pending.some((p) => p.kind === 'highlight-delete')) return
  const pendingFields = new Set(pending.flatMap((p) => JSON.parse(p.fields ?? '[]') as string[]))
  const author = c.createdBy === me ? null : c.createdBy
  if (!local) {
    const article = team.articleByUuid(db, c.articleUuid)
    if (!article) return
    const text = articleText(db, article.id) ?? ''
    const placed = anchor(text, c.selectors)
    const sel = placed
      ? { ...c.selectors, start: placed.start, end: placed.end, exact: text.slice(placed.start, placed.end) }
      : { ...c.selectors, start: 0, end: 0 }
    const id = insertHighlight(db, { articleId: article.id, ...sel, color: c.color, note: c.note, orphan: !placed, createdAt: c.createdAt, uuid: c.uuid })
    attachToVersion(db, id, article.id, c, placed ? sel.exact : null)
    if (c.tags.length) setHighlightTags(db, id, ensureTags(db, c.tags))
    team.setHighlightTeam(db, id, { rev: c.rev, author })
    out.highlights++
    return
  }
  team.setHighlightTeam(db, local.id, {
    rev: c.rev,
    author,
    ...(pendingFields.has('color') ? {} : { color: c.color }),
    ...(pendingFields.has('note') ? {} : { note: c.note })
  })
  if (!pendingFields.has('tags')) setHighlightTags(db, local.id, ensureTags(db, c.tags))
  out.highlights++
}

/**
 * A pulled highlight belongs to the version it was made on (found by its team UUID among the
 * local versions; the current one when this archive does not have it), with its words there;
 * when they read differently now, they changed in the first later version that no longer has
 * them — as this archive would have marked it had it been made here.
 */
function attachToVersion(db: DB, id: number, articleId: number, c: HighlightChange, placedWords: string | null): void {
  const versions = localVersions(db, articleId, c.articleUuid)
  const current = versions[versions.length - 1]
  if (!current) return
  const madeOn = versions.find((v) => v.uuid === c.versionUuid) ?? current
  const original = c.originalExact ?? c.selectors.exact
  const same = placedWords !== null && looseQuote(placedWords) === looseQuote(original)
  setHighlightOrigin(db, id, { version: madeOn.number, originalExact: original, changedIn: same ? null : changedIn(db, articleId, madeOn.number, current.number, original) })
}

function changedIn(db: DB, articleId: number, from: number, to: number, words: string): number {
  const wanted = looseQuote(words)
  for (let n = from + 1; n < to; n++) {
    const text = versionContent(db, articleId, n)?.text
    if (text !== undefined && !looseQuote(text).includes(wanted)) return n
  }
  return to
}
