/**
 * An article's local versions as the team knows them: each by the UUID every archive derives
 * from the article's UUID and the version's text hash (ids.ts), read out as protocol versions
 * for a push — the current one, and the earlier ones the team does not have yet.
 */
import type { SyncAsset, SyncVersion } from '../../shared/sync'
import type { VersionInfo } from '../../shared/types'
import type { DB } from '../db/connection'
import { getAsset, type ArticleMetaColumns } from '../db/articles'
import { packBytes, unpackDoc } from '../db/codec'
import { articleQuotes } from '../db/quotes'
import { currentVersion, listVersions, versionContent, versionMetadata } from '../db/versions'
import { speakerKey } from '../quotes/aliases'
import { ASSET_PREFIX } from '../../shared/reader/schema'
import { versionUuid } from './ids'

/** The article's local versions, oldest first, each with its team UUID. */
export function localVersions(db: DB, articleId: number, articleUuid: string): Array<VersionInfo & { uuid: string }> {
  return listVersions(db, articleId).map((v) => ({ ...v, uuid: versionUuid(articleUuid, v.hash) }))
}

/**
 * The versions before the current one that the team does not have yet, oldest first: those
 * after `teamVersion` (the last version the team acknowledged or sent), all of them when it
 * has none of ours. A version whose text is the current one's is that version (same UUID).
 */
export function earlierVersions(db: DB, articleId: number, articleUuid: string, teamVersion: string | null): SyncVersion[] {
  const list = localVersions(db, articleId, articleUuid)
  const current = list.pop()
  if (!current) return []
  const from = teamVersion === null ? -1 : list.map((v) => v.uuid).lastIndexOf(teamVersion)
  const seen = new Set([current.uuid])
  const wanted = list.slice(from + 1).filter((v) => !seen.has(v.uuid) && seen.add(v.uuid) !== undefined)
  if (wanted.length === 0) return []
  const assets = articleAssets(db, articleId)
  return wanted.map((v) => readEarlierVersion(db, articleId, v, assets))
}

interface ContentRow extends ArticleMetaColumns {
  content_hash: string
  text: string
  doc: Buffer
  raw: Buffer | null
  raw_type: string | null
}

/** The article's current version: images become `asset:<sha256>` so any archive can store them under its own ids. */
export function readCurrentVersion(db: DB, id: number, uuid: string): SyncVersion {
  const r = db
    .prepare(
      `SELECT a.url, a.canonical_url, a.title, a.byline, a.site, a.published_at, a.modified_at, a.language, a.excerpt, a.word_count,
         a.content_hash, c.text, c.doc, c.raw, c.raw_type FROM articles a JOIN article_content c ON c.article_id = a.id WHERE a.id = ?`
    )
    .get(id) as ContentRow
  const assets = articleAssets(db, id)
  const quotes = articleQuotes(db, id).map((q) => ({
    start: q.start, end: q.end, text: q.text, speaker: q.speaker, speakerKey: q.speaker ? speakerKey(q.speaker) || null : null, confidence: q.confidence, kind: q.kind
  }))
  const info = currentVersion(db, id)
  return {
    uuid,
    contentHash: r.content_hash,
    // When it was obtained: the team orders an article's versions by it.
    createdAt: info?.createdAt ?? new Date().toISOString(),
    ...(info ? { how: info.how, number: info.number } : {}),
    meta: {
      url: r.url, canonicalUrl: r.canonical_url, title: r.title, byline: r.byline, site: r.site, publishedAt: r.published_at,
      modifiedAt: r.modified_at, language: r.language, excerpt: r.excerpt, wordCount: r.word_count
    },
    text: r.text,
    doc: rewriteAssets(unpackDoc(r.doc, r.text), assets.sha),
    // As stored (gzip or brotli, told apart by their first bytes): no need to unpack it to send it.
    raw: r.raw ? r.raw.toString('base64') : null,
    rawType: r.raw_type,
    assets: assets.list,
    quotes
  }
}

/** An earlier version, rebuilt from its deltas; its detected quotes are not kept locally, so none travel. */
function readEarlierVersion(db: DB, id: number, v: VersionInfo & { uuid: string }, assets: ArticleAssets): SyncVersion {
  const content = versionContent(db, id, v.number, true)!
  const m = versionMetadata(db, id, v.number)
  const doc = rewriteAssets(JSON.parse(content.docJson), assets.sha)
  const used = JSON.stringify(doc)
  return {
    uuid: v.uuid,
    contentHash: v.hash,
    createdAt: v.createdAt,
    how: v.how,
    number: v.number,
    meta: {
      url: v.url ?? '', canonicalUrl: m.canonicalUrl ?? null, title: v.title, byline: v.byline, site: m.site ?? null,
      publishedAt: m.publishedAt ?? null, modifiedAt: m.modifiedAt ?? null, language: m.language ?? null, excerpt: m.excerpt ?? null, wordCount: v.words
    },
    text: content.text,
    doc,
    // Rebuilt, the raw page is plain bytes: packed again, as the protocol carries them.
    raw: content.raw ? packBytes(content.raw).toString('base64') : null,
    rawType: content.rawType,
    assets: assets.list.filter((a) => used.includes(`${ASSET_PREFIX}${a.sha256}`)),
    quotes: []
  }
}

interface ArticleAssets {
  list: SyncAsset[]
  /** Local asset id → SHA-256. */
  sha: Map<number, string>
}

function articleAssets(db: DB, id: number): ArticleAssets {
  const out: ArticleAssets = { list: [], sha: new Map() }
  for (const row of db.prepare('SELECT id, sha256, source_url FROM assets WHERE article_id = ? ORDER BY id').all(id) as { id: number; sha256: string; source_url: string | null }[]) {
    const a = getAsset(db, row.id)
    if (!a) continue
    out.sha.set(row.id, row.sha256)
    out.list.push({ sha256: row.sha256, mime: a.mime, sourceUrl: row.source_url, data: a.bytes.toString('base64') })
  }
  return out
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
