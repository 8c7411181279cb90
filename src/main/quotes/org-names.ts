/**
 * Organisation names that run over "and", "on", "for" and "&" ("Food and Drug Administration",
 * "Joint Committee on Intelligence and Security"), which a capitalised run of words stops at.
 */
import { looksLikeOrganisation } from './aliases'
import { CAPRUN } from './lexicon'

const JOINED = new RegExp(`(${CAPRUN})[^\\S\\n]+(?:and|on|for|&)[^\\S\\n]+$`, 'u')

/**
 * "Joint Committee on Intelligence and Security", "Food and Drug Administration": a name run
 * ending at `index` widened over "and"/"on"/"for" while the wider phrase is an organisation's.
 */
export function widenOrganisation(s: string, index: number, raw: string): { index: number; raw: string } {
  let best = { index, raw }
  let at = index
  for (let guard = 0; guard < 3; guard++) {
    const j = JOINED.exec(s.slice(Math.max(0, at - 120), at))
    if (!j) break
    at = Math.max(0, at - 120) + j.index
    const wide = s.slice(at, index) + raw
    if (looksLikeOrganisation(wide)) best = { index: at, raw: wide }
  }
  return best
}

const JOINED_AFTER = new RegExp(`^[^\\S\\n]+(?:and|on|for|&)[^\\S\\n]+(${CAPRUN})`, 'u')

/** The same, forwards: the run `raw` at `index` in `s` widened over "and Drug Administration". */
export function widenOrganisationForward(s: string, index: number, raw: string): string {
  let best = raw
  let wide = raw
  for (let guard = 0; guard < 3; guard++) {
    const j = JOINED_AFTER.exec(s.slice(index + wide.length, index + wide.length + 120))
    if (!j) break
    wide += j[0]
    if (looksLikeOrganisation(wide)) best = wide
  }
  return best
}
