/** Per-token request rate: a token bucket, refilled continuously. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>()

  constructor(
    /** Requests per second, sustained. */
    private readonly rate: number,
    /** Requests allowed in a burst. */
    private readonly burst: number,
    private readonly now: () => number = () => Date.now()
  ) {}

  /** Takes one request from the key's bucket; answers the seconds to wait when it is empty. */
  take(key: string): { ok: true } | { ok: false; retryAfter: number } {
    const t = this.now()
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: t }
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.rate)
    b.at = t
    this.buckets.set(key, b)
    if (this.buckets.size > 10_000) this.forgetFull(t)
    if (b.tokens >= 1) {
      b.tokens -= 1
      return { ok: true }
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - b.tokens) / this.rate)) }
  }

  /** Drops buckets that have refilled: they hold no information. */
  private forgetFull(t: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + ((t - b.at) / 1000) * this.rate >= this.burst) this.buckets.delete(k)
  }
}
