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
import { deleteHighlightRow, insertHighlight, setHighlightTags } from '../db/highlights'
import { ensureTags, pruneTags, setArticleTags } from '../db/tags'
import { storeArticle } from '../import/store'
import { directionOf } from '../../shared/vocabulary'
import { anchor } from '../annotate/anchor'
import { articleText } from '../db/articles'

export interface Applied {
  articles: number
  highlights: number
  deleted: number
}

/** Applies one page and moves the cursor to `next`, atomically. */
export function applyPage(db: DB, changes: Change[], next: number, me: string | null): Applied {
  const out: Applied = { articles: 0, highlights: 0, deleted: 0 }
  db.transaction(() =>
    team.whileApplying(db, () => {
      // Articles first: a page may carry a highlight before (in sequence) its article's latest change.
      for (const c of changes) if (c.kind === 'article') applyArticle(db, c, out)
      for (const c of changes) if (c.kind === 'highlight') applyHighlight(db, c, me, out)
      pruneTags(db)
      team.setConfig(db, 'cursor', String(next))
    })
  ).immediate()
  return out
}

const pendingKinds = (db: DB, uuid: string) => new Set(team.pendingFor(db, uuid).map((r) => r.kind))

function applyArticle(db: DB, c: ArticleChange, out: Applied): void {
  const local = team.articleByUuid(db, c.uuid)
  if (c.deleted) {
    if (local) {
      deleteArticles(db, [local.id])
      out.deleted++
    }
    return
  }
  const pending = local ? pendingKinds(db, c.uuid) : new Set<string>()
  let id = local?.id ?? null
  if (c.content && local?.team_version !== c.content.uuid && !pending.has('article')) {
    id = storeArticle(db, { ...toNewArticle(c.content, c.savedAt), ...(local ? { into: local.id } : {}) }).id
    out.articles++
  }
  if (id === null) return
  // Another local copy (same URL or text) may have been found: it becomes the team's.
  team.setArticleTeam(db, id, { uuid: c.uuid, team: local?.team ?? 'pulled', addedBy: c.addedBy, ...(c.content ? { version: c.content.uuid } : {}) })
  if (!pending.has('article-tags')) setArticleTags(db, id, c.tags)
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
    assets: v.assets.map((a) => ({ key: a.sha256, mime: a.mime, sourceUrl: a.sourceUrl, bytes: Buffer.from(a.data, 'base64') })),
    raw: v.raw ? unpackBytes(Buffer.from(v.raw, 'base64')) : null,
    rawType: v.rawType,
    quotes: v.quotes
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

/** Article changes that need their content fetched: new to this archive, but their content not in the page. */
export function missingContent(db: DB, changes: Change[]): ArticleChange[] {
  return changes.filter((c): c is ArticleChange => c.kind === 'article' && !c.deleted && !c.content && c.version !== null && !team.articleByUuid(db, c.uuid))
}
