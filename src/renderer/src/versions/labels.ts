/** Words and dates for versions, as the UI shows them. */
import type { VersionHow } from '../../../shared/vocabulary'

export const HOW_LABEL: Record<VersionHow, string> = {
  import: 'saved',
  capture: 'captured in the browser',
  recheck: 'found by a re-check',
  reextract: 're-extracted'
}

/** "12 May 2024, 14:20" in the reader's locale. */
export function dateTime(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return d.toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })
}

/** "in 12 min", "3 h ago", "in 2 days" — for times near now; the date beyond a month. */
export function relative(iso: string | null, now = Date.now()): string {
  if (!iso) return ''
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  const diff = t - now
  const abs = Math.abs(diff)
  const say = (n: number, unit: string) => (diff >= 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`)
  if (abs < 60_000) return diff >= 0 ? 'in a moment' : 'just now'
  if (abs < 3_600_000) return say(Math.round(abs / 60_000), 'min')
  if (abs < 86_400_000) return say(Math.round(abs / 3_600_000), 'h')
  if (abs < 30 * 86_400_000) {
    const days = Math.round(abs / 86_400_000)
    return say(days, days === 1 ? 'day' : 'days')
  }
  return dateTime(iso)
}
