/**
 * The sync protocol between a desktop archive and a team server (src/team), in one place.
 *
 * - Every shared record has a UUID made by the archive that created it; the server never
 *   renumbers (an article the team already has under another UUID is *merged*: the server
 *   answers with the UUID to use, and the archive re-keys its copy).
 * - The server stamps every change with a sequence number from one counter, assigned in
 *   commit order. A client pulls "everything after N" and keeps N (its cursor) in the same
 *   transaction as the changes it applied, so a pull is resumable and never skips a change.
 * - Articles are a list of immutable versions, content-addressed: a version's UUID is derived
 *   from the article's UUID and its text's hash (src/main/sync/ids.ts), so the same version
 *   pushed from two archives is one. The team orders an article's versions by when each was
 *   obtained (`createdAt`; within one push, by the pusher's own order) and numbers them 1…n;
 *   the current one is the last. An archive pushes its earlier versions along with the
 *   current one, and an older version arriving late takes its place in the history without
 *   becoming current.
 * - Highlights are append-only: every edit is a new revision naming the revision it was
 *   based on. Concurrent revisions setting the same field resolve by the server sequence
 *   (the later one wins); the earlier one stays in the history, never lost.
 * - Deletes are tombstones: the record stays, marked deleted, and is pulled like any change.
 * - Every push operation carries an id made once, when the change was queued: a push that is
 *   retried after a lost answer is applied once.
 *
 * Zod schemas validate both directions (the server checks pushes, the client checks pulls).
 */
import { z } from 'zod'
import { HIGHLIGHT_COLORS, QUOTE_KINDS, VERSION_HOWS } from './vocabulary'

export const SYNC_PROTOCOL = 1

export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'a UUID')
export type Uuid = string

/** Team roles: readers search and read; editors add and change their own; admins everything and users. */
export const TEAM_ROLES = ['reader', 'editor', 'admin'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

/** What a user pushes: everything, articles with one of some tags, or the articles they pick. */
export const SHARE_POLICIES = ['all', 'tags', 'selection'] as const
export type SharePolicy = (typeof SHARE_POLICIES)[number]

/** The fields of a highlight that revisions change. */
export const HIGHLIGHT_FIELDS = ['color', 'note', 'tags'] as const
export type HighlightField = (typeof HIGHLIGHT_FIELDS)[number]

const tag = z.string().trim().min(1).max(100)
const iso = z.string().min(1).max(40)
const nullableText = (max: number) => z.string().max(max).nullable()

export const selectorsSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  exact: z.string().max(20_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200)
})
export type SyncSelectors = z.infer<typeof selectorsSchema>

export const metaSchema = z.object({
  url: z.string().min(1).max(8192),
  canonicalUrl: nullableText(8192),
  title: z.string().max(2000),
  byline: nullableText(2000),
  site: nullableText(500),
  publishedAt: nullableText(40),
  modifiedAt: nullableText(40),
  language: nullableText(40),
  excerpt: nullableText(5000),
  wordCount: z.number().int().min(0)
})
export type ArticleMeta = z.infer<typeof metaSchema>

export const assetSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mime: z.string().min(1).max(200),
  sourceUrl: nullableText(8192),
  /** The bytes, base64. */
  data: z.string().max(60_000_000)
})
export type SyncAsset = z.infer<typeof assetSchema>

export const quoteSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string().max(20_000),
  speaker: nullableText(200),
  speakerKey: nullableText(200),
  confidence: z.number().min(0).max(1),
  kind: z.enum(QUOTE_KINDS)
})
export type SyncQuote = z.infer<typeof quoteSchema>

/** One immutable version of an article: its text, reader document (images as `asset:<sha256>`), raw page, assets, quotes. */
export const versionSchema = z.object({
  uuid,
  contentHash: z.string().min(1).max(200),
  createdAt: iso,
  meta: metaSchema,
  text: z.string().max(20_000_000),
  doc: z.unknown(),
  /** The page as fetched (base64), when the archive kept it. */
  raw: z.string().max(80_000_000).nullable(),
  rawType: nullableText(200),
  assets: z.array(assetSchema).max(2000),
  quotes: z.array(quoteSchema).max(20_000),
  /** How the archive that made it obtained it (import, capture, re-check, re-extraction). */
  how: z.enum(VERSION_HOWS).optional(),
  /** Its place in the pusher's history (the local version number); the team numbers versions itself. */
  number: z.number().int().min(1).optional()
})
export type SyncVersion = z.infer<typeof versionSchema>

const opBase = { opId: uuid }

export const pushOpSchema = z.discriminatedUnion('op', [
  /**
   * An article, new or changed: its current version (content changed) with the earlier ones
   * the team may not have yet (`earlier`, oldest first), its tags (tags changed), or both.
   */
  z.object({
    ...opBase,
    op: z.literal('article'),
    uuid,
    savedAt: iso,
    version: versionSchema.optional(),
    earlier: z.array(versionSchema).max(1000).optional(),
    tags: z.array(tag).max(200).optional()
  }),
  z.object({ ...opBase, op: z.literal('article-delete'), uuid }),
  /** A highlight revision: `create` with its selectors, or an edit of some fields based on `baseRev`. */
  z.object({
    ...opBase,
    op: z.literal('highlight'),
    uuid,
    articleUuid: uuid,
    rev: uuid,
    baseRev: uuid.nullable(),
    madeAt: iso,
    /** `versionUuid`: the version it was made on; `originalExact`: its words on that version (the selectors are on the current one). */
    create: z.object({ createdAt: iso, selectors: selectorsSchema, versionUuid: uuid.nullable(), originalExact: z.string().max(20_000).optional() }).optional(),
    color: z.enum(HIGHLIGHT_COLORS).optional(),
    note: z.string().max(20_000).optional(),
    tags: z.array(tag).max(50).optional()
  }),
  z.object({ ...opBase, op: z.literal('highlight-delete'), uuid, baseRev: uuid.nullable() })
])
export type PushOp = z.infer<typeof pushOpSchema>

export const pushRequestSchema = z.object({
  protocol: z.literal(SYNC_PROTOCOL),
  /** The archive pushing (made once per archive): a user's two machines are two clients. */
  client: uuid,
  ops: z.array(pushOpSchema).min(1).max(5000)
})
export type PushRequest = z.infer<typeof pushRequestSchema>

export interface PushResult {
  opId: Uuid
  /** applied: done now; duplicate: done before (a retried push); merged: the team had it under `uuid`; rejected: see reason. */
  status: 'applied' | 'duplicate' | 'merged' | 'rejected' | 'unchanged'
  seq?: number
  /** For `merged`: the UUID the team knows this article by. */
  uuid?: Uuid
  reason?: string
  /** Fields of a highlight revision that overwrote a concurrent edit (the other one is in the history). */
  conflicts?: HighlightField[]
}

export interface PushResponse {
  results: PushResult[]
  /** The server's newest sequence number after this push. */
  head: number
}

export const pullRequestSchema = z.object({
  protocol: z.literal(SYNC_PROTOCOL),
  since: z.number().int().min(0),
  limit: z.number().int().min(1).max(1000).default(200)
})
export type PullRequest = z.input<typeof pullRequestSchema>

/** Several versions in full, by UUID (POST /sync/versions); unknown ones are left out of the answer. */
export const versionsRequestSchema = z.object({ uuids: z.array(uuid).min(1).max(100) })
export const VERSIONS_PER_REQUEST = 50

/** A version in an article's team history; `number`: its place, 1 = oldest. */
export const versionRefSchema = z.object({ uuid, contentHash: z.string(), createdAt: iso, createdBy: z.string(), number: z.number().int().optional() })

export const articleChangeSchema = z.object({
  kind: z.literal('article'),
  seq: z.number().int(),
  uuid,
  deleted: z.boolean(),
  addedBy: z.string(),
  addedAt: iso,
  savedAt: iso,
  tags: z.array(z.string()),
  /** The current version; `content` only when it changed after the pull's `since`. */
  version: versionRefSchema.nullable(),
  content: versionSchema.nullable(),
  /** Every version, oldest first (the others' content is fetched by UUID, GET /sync/version/<uuid>). */
  versions: z.array(versionRefSchema)
})
export type ArticleChange = z.infer<typeof articleChangeSchema>

export const revisionSchema = z.object({
  rev: uuid,
  baseRev: uuid.nullable(),
  seq: z.number().int(),
  author: z.string(),
  client: uuid,
  madeAt: iso,
  color: z.string().nullable(),
  note: z.string().nullable(),
  tags: z.array(z.string()).nullable(),
  /** Fields this revision overwrote although they had changed since its base (it won: it came later). */
  conflicts: z.array(z.enum(HIGHLIGHT_FIELDS))
})
export type Revision = z.infer<typeof revisionSchema>

export const highlightChangeSchema = z.object({
  kind: z.literal('highlight'),
  seq: z.number().int(),
  uuid,
  articleUuid: uuid,
  deleted: z.boolean(),
  createdBy: z.string(),
  createdAt: iso,
  rev: uuid,
  color: z.string(),
  note: z.string(),
  tags: z.array(z.string()),
  selectors: selectorsSchema,
  /** The version it was made on, and its words there (null: not known, pushed by an older client). */
  versionUuid: uuid.nullable(),
  originalExact: z.string().nullable().optional(),
  /** Every revision, oldest first: the history, losers included. */
  revisions: z.array(revisionSchema)
})
export type HighlightChange = z.infer<typeof highlightChangeSchema>

export const changeSchema = z.discriminatedUnion('kind', [articleChangeSchema, highlightChangeSchema])
export type Change = z.infer<typeof changeSchema>

export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  /** The cursor to keep: every change up to it has been sent. */
  next: z.number().int(),
  more: z.boolean(),
  head: z.number().int()
})
export type PullResponse = z.infer<typeof pullResponseSchema>

export interface FieldValues {
  color?: string
  note?: string
  tags?: string[]
}

/**
 * The state of a highlight from its revisions: each field is the value of the last revision
 * (by server sequence) that set it. Pure, so server and tests agree on what "resolved" means.
 */
export function resolveRevisions(revisions: Array<Pick<Revision, 'seq' | 'color' | 'note' | 'tags'>>): Required<FieldValues> {
  const state: Required<FieldValues> = { color: 'yellow', note: '', tags: [] }
  for (const r of [...revisions].sort((a, b) => a.seq - b.seq)) {
    if (r.color !== null) state.color = r.color
    if (r.note !== null) state.note = r.note
    if (r.tags !== null) state.tags = r.tags
  }
  return state
}

/**
 * The fields of a new revision that collide with concurrent ones: set by a revision of
 * another client that the new one did not see (sequence after its base).
 */
export function conflictingFields(
  revisions: Array<Pick<Revision, 'seq' | 'client' | 'color' | 'note' | 'tags'>>,
  baseSeq: number,
  client: Uuid,
  fields: HighlightField[]
): HighlightField[] {
  const concurrent = revisions.filter((r) => r.seq > baseSeq && r.client !== client)
  return fields.filter((f) => concurrent.some((r) => r[f] !== null))
}
