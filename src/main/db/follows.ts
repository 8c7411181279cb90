/** Rows of `follows` (migration 008): which articles are followed and where their re-checks stand. */
import type { DB } from './connection'

export interface FollowRow {
  articleId: number
  url: string
  following: boolean
  /** The schedule counts from here. */
  since: string
  until: string | null
  nextAt: string | null
  etag: string | null
  lastModified: string | null
  failures: number
  lastCheckedAt: string | null
  goneStatus: number | null
  goneSince: string | null
}

interface Row {
  article_id: number
  url: string
  following: number
  since: string
  follow_until: string | null
  next_at: string | null
  etag: string | null
  last_modified: string | null
  failures: number
  last_checked_at: string | null
  gone_status: number | null
  gone_since: string | null
}

const toFollow = (r: Row): FollowRow => ({
  articleId: r.article_id,
  url: r.url,
  following: r.following === 1,
  since: r.since,
  until: r.follow_until,
  nextAt: r.next_at,
  etag: r.etag,
  lastModified: r.last_modified,
  failures: r.failures,
  lastCheckedAt: r.last_checked_at,
  goneStatus: r.gone_status,
  goneSince: r.gone_since
})

export function getFollow(db: DB, articleId: number): FollowRow | null {
  const r = db.prepare('SELECT * FROM follows WHERE article_id = ?').get(articleId) as Row | undefined
  return r ? toFollow(r) : null
}

/** Writes an article's follow row whole (insert or replace). */
export function putFollow(db: DB, f: FollowRow): void {
  db.prepare(
    `INSERT INTO follows(article_id, url, following, since, follow_until, next_at, etag, last_modified, failures,
       last_checked_at, gone_status, gone_since)
     VALUES (@articleId, @url, @following, @since, @until, @nextAt, @etag, @lastModified, @failures,
       @lastCheckedAt, @goneStatus, @goneSince)
     ON CONFLICT(article_id) DO UPDATE SET url = excluded.url, following = excluded.following, since = excluded.since,
       follow_until = excluded.follow_until, next_at = excluded.next_at, etag = excluded.etag,
       last_modified = excluded.last_modified, failures = excluded.failures, last_checked_at = excluded.last_checked_at,
       gone_status = excluded.gone_status, gone_since = excluded.gone_since`
  ).run({ ...f, following: f.following ? 1 : 0 })
}

/** Followed articles whose next check is due at `now` (ISO), soonest first. */
export function dueFollows(db: DB, now: string, limit: number): number[] {
  return db
    .prepare<[string, number], { article_id: number }>(
      'SELECT article_id FROM follows WHERE following = 1 AND next_at <= ? ORDER BY next_at, article_id LIMIT ?'
    )
    .all(now, limit)
    .map((r) => r.article_id)
}

/** The earliest planned check, or null when nothing is followed. */
export function nextDue(db: DB): string | null {
  return (db.prepare('SELECT min(next_at) AS at FROM follows WHERE following = 1').get() as { at: string | null }).at
}
