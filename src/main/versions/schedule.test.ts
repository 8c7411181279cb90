import { describe, expect, it } from 'vitest'
import { DAY, HOUR, MAX_FAILURES, MINUTE, intervalFor, nextCheck } from './schedule'

const T0 = Date.parse('2024-03-01T08:00:00Z')

/** Every check time from following until the schedule stops (or n checks), with no failures. */
function checks(o: { until?: number | null; lastChange?: number | null } = {}, n = 1000): number[] {
  const times: number[] = []
  let now = T0
  for (let k = 0; k < n; k++) {
    const next = nextCheck({ now, since: T0, lastChange: o.lastChange ?? null, until: o.until ?? null, failures: 0 })
    if (next === null) break
    times.push(next - T0)
    now = next
  }
  return times
}

describe('the re-check schedule', () => {
  it('checks every 15 minutes for three hours, hourly for a day, daily for a week, weekly for a month, monthly for a year', () => {
    expect([0, 2.9 * HOUR, 3 * HOUR, 23 * HOUR, DAY, 6 * DAY, 7 * DAY, 29 * DAY, 30 * DAY, 364 * DAY].map(intervalFor)).toEqual([
      15 * MINUTE, 15 * MINUTE, HOUR, HOUR, DAY, DAY, 7 * DAY, 7 * DAY, 30 * DAY, 30 * DAY
    ])
    expect(intervalFor(365 * DAY)).toBeNull()
    const t = checks()
    expect(t.slice(0, 13)).toEqual([...Array.from({ length: 12 }, (_, k) => (k + 1) * 15 * MINUTE), 4 * HOUR])
    expect(t.filter((x) => x <= 3 * HOUR)).toHaveLength(12)
    expect(t.filter((x) => x > 3 * HOUR && x <= DAY)).toHaveLength(21)
    expect(t.filter((x) => x > DAY && x <= 7 * DAY)).toHaveLength(6)
    expect(t.filter((x) => x > 7 * DAY && x <= 30 * DAY)).toEqual([14, 21, 28].map((d) => d * DAY))
    // The last check falls on the year, then checking stops.
    expect(t[t.length - 1]).toBe(365 * DAY)
    expect(t.filter((x) => x > 30 * DAY)).toEqual([35, 65, 95, 125, 155, 185, 215, 245, 275, 305, 335, 365].map((d) => d * DAY))
  })

  it('stops at `until` (new saves are followed for a week)', () => {
    const t = checks({ until: T0 + 7 * DAY })
    expect(t[t.length - 1]).toBe(7 * DAY)
    expect(t.length).toBe(12 + 21 + 6)
  })

  it('counts the age from the last change: a changed article is checked often again', () => {
    const now = T0 + 40 * DAY
    expect(nextCheck({ now, since: T0, lastChange: null, until: null, failures: 0 })).toBe(now + 30 * DAY)
    expect(nextCheck({ now, since: T0, lastChange: now - 10 * MINUTE, until: null, failures: 0 })).toBe(now + 15 * MINUTE)
    expect(nextCheck({ now: T0 + 400 * DAY, since: T0, lastChange: null, until: null, failures: 0 })).toBeNull()
  })

  it('backs off on failures, doubling, up to a week, and gives up after eight in a row', () => {
    const at = (failures: number) => nextCheck({ now: T0, since: T0, lastChange: null, until: null, failures })! - T0
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(at)).toEqual([15, 15, 30, 60, 120, 240, 480, 960].map((m) => m * MINUTE))
    // An old article's own interval wins when it is longer than the back-off.
    expect(nextCheck({ now: T0 + 100 * DAY, since: T0, lastChange: null, until: null, failures: 3 })).toBe(T0 + 130 * DAY)
    expect(nextCheck({ now: T0, since: T0, lastChange: null, until: null, failures: MAX_FAILURES })).toBeNull()
  })
})
