/**
 * Remembers which image servers could not be reached, so an import on a machine without
 * network (or with one dead image host) fails each image at once instead of waiting for a
 * DNS lookup or a timeout per image. A host that failed is skipped for a while; when
 * several different hosts fail in a row and none answers, the network itself is taken as
 * down for a shorter while. Any answer clears the network-wide state.
 */

/** A host that could not be reached is not asked again for this long. */
export const HOST_DOWN_MS = 5 * 60_000
/** After this many different hosts in a row failed to connect, the network is "offline"… */
export const OFFLINE_AFTER_HOSTS = 3
/** …for this long, then the next image tries again. */
export const OFFLINE_MS = 60_000

export const OFFLINE_REASON = 'offline (no image server could be reached)'

export class Reachability {
  private downUntil = new Map<string, { until: number; reason: string }>()
  private failedInARow = new Set<string>()
  private offlineUntil = 0
  /** Once the offline time is up, one download probes the network while the others still skip. */
  private probing = false

  constructor(private readonly now: () => number = Date.now) {}

  /** Why `url` should not be tried now, or null to go ahead (it may be the probe after an offline spell). */
  skipReason(url: string): string | null {
    const t = this.now()
    if (t < this.offlineUntil) return OFFLINE_REASON
    if (this.offlineUntil > 0) {
      if (this.probing) return OFFLINE_REASON
      this.probing = true
    }
    const host = hostOf(url)
    const down = host ? this.downUntil.get(host) : undefined
    if (down && t < down.until) {
      this.probing = false
      return down.reason
    }
    return null
  }

  /** `url`'s server answered (whatever it answered). */
  reached(url: string): void {
    const host = hostOf(url)
    if (host) this.downUntil.delete(host)
    this.failedInARow.clear()
    this.offlineUntil = 0
    this.probing = false
  }

  /** `url`'s server could not be reached at all (DNS, refused, unreachable, timed out). */
  unreachable(url: string, reason: string): void {
    const host = hostOf(url)
    if (!host) return
    const t = this.now()
    this.downUntil.set(host, { until: t + HOST_DOWN_MS, reason })
    this.failedInARow.add(host)
    if (this.failedInARow.size >= OFFLINE_AFTER_HOSTS) this.offlineUntil = t + OFFLINE_MS
    this.probing = false
  }

  /** Whether the network is taken as down right now. */
  get offline(): boolean {
    return this.now() < this.offlineUntil
  }
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).host || null
  } catch {
    return null
  }
}
