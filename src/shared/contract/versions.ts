/** Versions of an article: listing and reading them, diffs, following updates, re-checks. */
import { z } from 'zod'
import { DIFF_EXPORT_FORMATS, FOLLOW_NEW_FOR } from '../vocabulary'
import type { ArticleVersion, ChangeList, ExportFile, FollowSettings, FollowState, RecheckSummary, VersionDiff, VersionInfo } from '../types'
import { id, offset } from './common'

const versionNumber = z.number().int().min(1)

/** from/to default to the last two versions; both must exist and differ. */
const pair = { articleId: id, from: versionNumber.optional(), to: versionNumber.optional() }

export const versionSchemas = {
  /** Every version of an article, oldest first. */
  listVersions: z.object({ articleId: id }).strict(),
  /** One version as it was: text, reader document, headline, byline. */
  getVersion: z.object({ articleId: id, number: versionNumber }).strict(),
  /** A word-level diff of two versions (title, byline and text) with a summary and the highlights it affects. */
  diffVersions: z.object(pair).strict(),
  /** A diff as a self-contained HTML page or as Markdown. */
  exportDiff: z.object({ ...pair, format: z.enum(DIFF_EXPORT_FORMATS) }).strict(),
  /** Recently changed articles, newest change first, each with what changed. */
  listChanges: z.object({ limit: z.number().int().min(1).max(500).default(100), offset: offset.default(0) }).strict(),
  /** Whether an article is followed, its next check and its latest checks. */
  getFollow: z.object({ articleId: id }).strict(),
  /** Follow an article's updates (checked on a decaying schedule), or stop. */
  setFollow: z.object({ articleId: id, follow: z.boolean() }).strict(),
  /** Check articles at their address now (the given ones, or every one that is due). */
  recheck: z
    .object({ ids: z.array(id).min(1).max(1000).optional(), due: z.boolean().default(false) })
    .strict()
    .refine((v) => (v.ids !== undefined) !== v.due, { message: 'give either ids or due: true' }),
  /** The settings of following. */
  getFollowSettings: z.object({}).strict(),
  /** Change how long new saves are followed. */
  setFollowSettings: z.object({ followNewFor: z.enum(FOLLOW_NEW_FOR) }).strict()
}

export interface VersionOutputs {
  listVersions: VersionInfo[]
  getVersion: ArticleVersion
  diffVersions: VersionDiff
  exportDiff: ExportFile
  listChanges: ChangeList
  getFollow: FollowState
  setFollow: FollowState
  recheck: RecheckSummary
  getFollowSettings: FollowSettings
  setFollowSettings: FollowSettings
}
