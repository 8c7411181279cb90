/**
 * When a followed article is checked next: a decaying schedule like NewsDiffs's. News
 * articles change most in their first hours, so they are checked often then, and less and
 * less as they age — counted from when following started or from the article's last change,
 * whichever is later (a change means it is live again). After a year without a change,
 * checking stops.
 *
 * Pure functions of times in milliseconds: the scheduler passes its clock's `now`, tests a
 * fake one.
 */

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/** [age below which this interval applies, interval]. */
export const SCHEDULE: readonly (readonly [number, number])[] = [
  [3 * HOUR, 15 * MINUTE], // the first three hours: every quarter of an hour
  [DAY, HOUR], // the rest of the first day: hourly
  [7 * DAY, DAY], // the first week: daily
  [30 * DAY, 7 * DAY], // the first month: weekly
  [365 * DAY, 30 * DAY] // the first year: monthly
]

/** Checking stops when the article has not changed for this long. */
export const STOP_AFTER = 365 * DAY
/** Consecutive failures (errors, 404s) after which following stops. */
export const MAX_FAILURES = 8
/** Back-off on failures: the interval doubles per failure, from this, up to MAX_BACKOFF. */
const FIRST_BACKOFF = 15 * MINUTE
const MAX_BACKOFF = 7 * DAY

/** The interval between checks for an article of this age; null once checking stops. */
export function intervalFor(age: number): number | null {
  for (const [below, every] of SCHEDULE) if (age < below) return every
  return null
}

export interface ScheduleInput {
  /** Now. */
  now: number
  /** When following started (for new saves: when saved). */
  since: number
  /** The last change found, if any. */
  lastChange: number | null
  /** Following ends at this time (new saves are followed for a while), or null. */
  until: number | null
  /** Consecutive failed checks so far. */
  failures: number
}

/**
 * The time of the next check after one made at `now` (or of the first, when following
 * starts), or null when checking stops: past `until`, a year after the last change, or
 * after MAX_FAILURES failures in a row. A failure backs off: the normal interval, or
 * 15 min × 2^(failures − 1) if longer, at most a week.
 */
export function nextCheck(s: ScheduleInput): number | null {
  if (s.failures >= MAX_FAILURES) return null
  const from = Math.max(s.since, s.lastChange ?? s.since)
  const age = Math.max(0, s.now - from)
  const every = intervalFor(age)
  if (every === null) return null
  const backoff = s.failures > 0 ? Math.min(MAX_BACKOFF, FIRST_BACKOFF * 2 ** (s.failures - 1)) : 0
  const next = s.now + Math.max(every, backoff)
  // Never beyond the year: the last check falls on it at the latest.
  const end = Math.min(from + STOP_AFTER, s.until ?? Number.POSITIVE_INFINITY)
  if (s.now >= end) return null
  return Math.min(next, end)
}
