/**
 * Where versions arriving at the team go in an article's history. The team's order is the
 * order in which the versions were obtained: a version goes after every version obtained no
 * later than it (from the end of the history back), and after the one pushed before it in
 * the same push (the pusher's own order holds). The current version is the last: a version
 * obtained before the team's current one, arriving after it, joins the history without
 * becoming current.
 */
export interface Placed {
  uuid: string
  createdAt: string
}

/** A time to compare by; an unreadable one counts as "now" (after everything dated). */
const timeOf = (iso: string): number => {
  const t = Date.parse(iso)
  return Number.isNaN(t) ? Number.MAX_SAFE_INTEGER : t
}

/** The UUIDs of `existing` (in team order) and `fresh` (in the pusher's order, none of them existing), merged. */
export function placeVersions(existing: Placed[], fresh: Placed[]): string[] {
  const out = existing.map((v) => ({ uuid: v.uuid, t: timeOf(v.createdAt) }))
  let floor = -1
  for (const v of fresh) {
    const t = timeOf(v.createdAt)
    let i = out.length
    while (i > floor + 1 && out[i - 1].t > t) i--
    out.splice(i, 0, { uuid: v.uuid, t })
    floor = i
  }
  return out.map((v) => v.uuid)
}
