/**
 * Following an article: whether it is re-checked at its address, until when, and when next.
 * New saves of web articles are followed for a while on their own (the `followNewFor`
 * setting, a week by default); the user follows or stops following any article.
 */
import type { FollowSettings, FollowState } from '../../shared/types'
import { FOLLOW_NEW_FOR, type FollowNewFor } from '../../shared/vocabulary'
import { UserError } from '../../shared/result'
import type { DB } from '../db/connection'
import { getFollow, putFollow, type FollowRow } from '../db/follows'
import { getSetting, setSetting } from '../db/settings'
import { listChecks } from '../db/versions'
import { versionKey } from '../db/articles'
import { DAY, STOP_AFTER, nextCheck } from './schedule'

const FOLLOW_NEW_FOR_KEY = 'followNewFor'
const PERIODS: Record<FollowNewFor, number> = { off: 0, week: 7 * DAY, month: 30 * DAY, year: 365 * DAY }

export function getFollowSettings(db: DB): FollowSettings {
  const v = getSetting(db, FOLLOW_NEW_FOR_KEY)
  return { followNewFor: (FOLLOW_NEW_FOR as readonly string[]).includes(v ?? '') ? (v as FollowNewFor) : 'week' }
}

export function setFollowSettings(db: DB, s: FollowSettings): FollowSettings {
  setSetting(db, FOLLOW_NEW_FOR_KEY, s.followNewFor)
  return getFollowSettings(db)
}

export const isWebUrl = (url: string): boolean => /^https?:\/\//i.test(url)
const iso = (t: number): string => new Date(t).toISOString()
const ms = (s: string | null): number | null => (s === null ? null : Date.parse(s))

/** A new follow row (not yet written) for an article at `url`, starting at `since`. */
function freshFollow(articleId: number, url: string, since: number, until: number | null, now: number): FollowRow {
  const next = nextCheck({ now, since, lastChange: null, until, failures: 0 })
  return {
    articleId,
    url,
    following: next !== null,
    since: iso(since),
    until: until === null ? null : iso(until),
    nextAt: next === null ? null : iso(next),
    etag: null,
    lastModified: null,
    failures: 0,
    lastCheckedAt: null,
    goneStatus: null,
    goneSince: null
  }
}

/**
 * Follows a newly saved web article for the period the setting says, counted from when it
 * was saved (an export's old saved date makes it too old to follow), unless it was
 * published more than a year ago. Runs in the caller's transaction.
 */
export function followNewSave(db: DB, articleId: number, a: { url: string; savedAt?: string; publishedAt: string | null }, now: number): void {
  const period = PERIODS[getFollowSettings(db).followNewFor]
  if (period === 0 || !isWebUrl(a.url)) return
  const saved = a.savedAt ? Date.parse(a.savedAt) : now
  const published = a.publishedAt ? Date.parse(a.publishedAt) : NaN
  if (Number.isNaN(saved) || now - saved >= period) return
  if (!Number.isNaN(published) && now - published > STOP_AFTER) return
  const row = freshFollow(articleId, a.url, saved, saved + period, now)
  if (row.following) putFollow(db, row)
}

/** Starts (the full schedule, from now) or stops following an article. */
export function setFollow(db: DB, articleId: number, follow: boolean, now: number): FollowState {
  const key = versionKey(db, articleId)
  if (!key) throw new UserError('not_found', `No article with id ${articleId}.`)
  const old = getFollow(db, articleId)
  if (follow) {
    const url = old?.url ?? key.url
    if (!isWebUrl(url)) throw new UserError('unsupported', `Article ${articleId} was not saved from a web address, so there is nothing to follow.`)
    const fresh = freshFollow(articleId, url, now, null, now)
    // Keep what earlier checks learnt: validators for conditional requests, a page gone.
    putFollow(db, { ...fresh, following: true, etag: old?.etag ?? null, lastModified: old?.lastModified ?? null, lastCheckedAt: old?.lastCheckedAt ?? null, goneStatus: old?.goneStatus ?? null, goneSince: old?.goneSince ?? null })
  } else if (old) {
    putFollow(db, { ...old, following: false, nextAt: null })
  }
  return followState(db, articleId, now)
}

/** Whether an article is followed, its next check and what its latest checks found. */
export function followState(db: DB, articleId: number, now: number): FollowState {
  const key = versionKey(db, articleId)
  if (!key) throw new UserError('not_found', `No article with id ${articleId}.`)
  const f = getFollow(db, articleId)
  // A follow that lapsed (new saves are followed for a week) reads as not followed.
  const lapsed = f?.until != null && ms(f.until)! <= now && f.nextAt === null
  return {
    articleId,
    followable: isWebUrl(f?.url ?? key.url),
    following: !!f?.following && !lapsed,
    until: f?.following ? f.until : null,
    nextCheckAt: f?.following ? f.nextAt : null,
    lastCheckedAt: f?.lastCheckedAt ?? null,
    gone: f?.goneStatus != null && f.goneSince ? { status: f.goneStatus, since: f.goneSince } : null,
    checks: listChecks(db, articleId, 20)
  }
}
