/**
 * Re-checking articles at their address: fetched again (a conditional request when the last
 * answer gave validators), read, and stored through storeArticle — which records a new
 * version only when the text, headline or byline changed, and otherwise that it was checked.
 * A page that is gone (404/410) leaves the article as it is and says so; a redirect is
 * followed and recorded (a permanent one moves the address checked next time).
 *
 * The service runs checks politely (polite.ts) and, once started, on the schedule of
 * schedule.ts: in the desktop app and in `clipfile serve`, paused while offline.
 */
import { networkInterfaces } from 'node:os'
import type { RecheckResult, RecheckSummary } from '../../shared/types'
import { UserError } from '../../shared/result'
import type { DB } from '../db/connection'
import type { EventBus } from '../events'
import type { Preparer } from '../import/prepare'
import { versionKey } from '../db/articles'
import { dueFollows, getFollow, putFollow, type FollowRow } from '../db/follows'
import { insertCheck } from '../db/versions'
import { fetchForCheck, type CheckedPage } from '../page/fetch'
import { storeArticle } from '../import/store'
import { slimRawPage } from '../import/raw'
import { systemClock, type Clock } from './clock'
import { HostTurns, hostOf, runPolitely } from './polite'
import { nextCheck } from './schedule'
import { isWebUrl } from './follow'

export interface RecheckDeps {
  db: DB
  events: EventBus
  prepare: Preparer
}

export interface RecheckOptions {
  clock?: Clock
  /** Requests in flight at most (default 2). */
  concurrency?: number
  /** Pause between two requests to the same host (default 5 s). */
  hostGapMs?: number
  /** Whether the machine is online; checks wait while it is not. */
  online?: () => boolean | Promise<boolean>
  /** How often the running service looks for due checks (default a minute). */
  tickMs?: number
  /** Timeout of one fetch. */
  fetchTimeoutMs?: number
}

/** Any network interface besides loopback: the best a plain Node process can tell. */
export function hasNetwork(): boolean {
  return Object.values(networkInterfaces()).some((list) => list?.some((i) => !i.internal))
}

/** What one check found, before it is written down. */
interface Finding {
  outcome: RecheckResult['outcome']
  status: number | null
  url: string | null
  version: number | null
  message: string | null
  /** storeArticle wrote the check record already. */
  recorded?: boolean
  page?: CheckedPage
}

/** When a site that asked to slow down gives no Retry-After. */
const DEFAULT_HOLD_OFF_MS = 30 * 60_000

export class Rechecker {
  private readonly clock: Clock
  private readonly turns: HostTurns
  private readonly inFlight = new Map<number, Promise<RecheckResult>>()
  private loop: Promise<void> | null = null
  private stopper: AbortController | null = null

  constructor(
    private readonly deps: RecheckDeps,
    private readonly o: RecheckOptions = {}
  ) {
    this.clock = o.clock ?? systemClock
    this.turns = new HostTurns(this.clock, o.hostGapMs ?? 5000)
  }

  private online(): Promise<boolean> {
    return Promise.resolve(this.o.online ? this.o.online() : hasNetwork())
  }

  /** Checks these articles now (politely), and says what each check found. */
  async check(ids: number[]): Promise<RecheckSummary> {
    const unique = [...new Set(ids)]
    const results = new Map<number, RecheckResult>()
    const urls = new Map(unique.map((id) => [id, this.addressOf(id)]))
    await runPolitely(unique, this.o.concurrency ?? 2, this.turns, (id) => hostOf(urls.get(id) ?? ''), async (id) => {
      results.set(id, await this.checkOnce(id))
    })
    return summarise(unique.map((id) => results.get(id)!))
  }

  /** Checks every followed article whose next check is due. */
  async checkDue(limit = 500): Promise<RecheckSummary> {
    return this.check(dueFollows(this.deps.db, new Date(this.clock.now()).toISOString(), limit))
  }

  /** Runs due checks every tick until stop(); skips ticks while offline. */
  start(): void {
    if (this.loop) return
    const stopper = (this.stopper = new AbortController())
    this.loop = (async () => {
      while (!stopper.signal.aborted) {
        try {
          if (await this.online()) await this.checkDue()
        } catch (e) {
          console.error('[clipfile] re-checks:', e)
        }
        await this.clock.sleep(this.o.tickMs ?? 60_000, stopper.signal)
      }
    })()
  }

  async stop(): Promise<void> {
    this.stopper?.abort()
    await this.loop
    this.loop = null
  }

  private addressOf(id: number): string | null {
    return getFollow(this.deps.db, id)?.url ?? versionKey(this.deps.db, id)?.url ?? null
  }

  /** One check of one article; a second request for the same article joins the first. */
  private checkOnce(id: number): Promise<RecheckResult> {
    const running = this.inFlight.get(id)
    if (running) return running
    const p = this.checkArticle(id).finally(() => this.inFlight.delete(id))
    this.inFlight.set(id, p)
    return p
  }

  private async checkArticle(id: number): Promise<RecheckResult> {
    const { db } = this.deps
    const key = versionKey(db, id)
    if (!key) return { id, title: '', outcome: 'failed', version: null, status: null, url: null, message: `No article with id ${id}.` }
    const follow = getFollow(db, id)
    const url = follow?.url ?? key.url
    const base = { id, title: key.title }
    if (!isWebUrl(url)) return { ...base, outcome: 'failed', version: null, status: null, url, message: 'not saved from a web address: nothing to check' }
    // A page on this machine is reachable without a network.
    if (!isLoopback(url) && !(await this.online())) return { ...base, outcome: 'failed', version: null, status: null, url, message: 'offline: not checked' }
    const found = await this.find(id, url, key, follow)
    try {
      db.transaction(() => this.record(id, url, follow, found)).immediate()
    } catch (e) {
      if (db.open) throw e
    }
    if (found.outcome === 'changed' || found.outcome === 'gone') this.deps.events.emit('libraryChanged', { reason: 'versions', articleId: id })
    return { ...base, outcome: found.outcome, version: found.version, status: found.status, url: found.url, message: found.message }
  }

  /** Fetches and reads the page; stores a new version through storeArticle when it changed. */
  private async find(id: number, url: string, key: NonNullable<ReturnType<typeof versionKey>>, follow: FollowRow | null): Promise<Finding> {
    let page: CheckedPage
    try {
      page = await fetchForCheck(url, { etag: follow?.etag, lastModified: follow?.lastModified }, { timeoutMs: this.o.fetchTimeoutMs })
    } catch (e) {
      return { outcome: 'failed', status: null, url, version: null, message: reason(e) }
    }
    const at = { status: page.status, url: page.url, page }
    if (page.status === 304) return { ...at, outcome: 'unchanged', version: key.version, message: 'not modified since the last check (HTTP 304)' }
    if (page.status === 404 || page.status === 410) {
      return { ...at, outcome: 'gone', version: key.version, message: `the page is gone (HTTP ${page.status}); the article is kept as it was` }
    }
    if (page.status === 429 || page.status === 503) {
      this.turns.holdOff(hostOf(url), this.clock.now() + retryAfterMs(page.headers['retry-after'], this.clock.now()))
      return { ...at, outcome: 'failed', version: null, message: `the site asked to wait (HTTP ${page.status})` }
    }
    if (page.redirects.length > 0 && isHomePage(page.url)) {
      return { ...at, outcome: 'gone', version: key.version, message: `the address now redirects to the site's home page (${page.url}); the article is kept as it was` }
    }
    const moved = page.redirects.length > 0 ? `redirected to ${page.url}` : null
    try {
      const input = { html: page.body, url: page.url, contentType: page.contentType }
      const text = await this.deps.prepare({ ...input, noImages: true })
      const same = text.contentHash === key.contentHash && text.title === key.title && (text.byline ?? null) === key.byline
      // Images are only fetched for a version that will be kept.
      const prepared = same ? text : await this.deps.prepare(input)
      const outcome = storeArticle(this.deps.db, {
        ...prepared,
        into: id,
        url: key.url,
        fetchedUrl: page.url,
        title: prepared.title || key.title,
        raw: slimRawPage(page.body),
        rawType: page.contentType ?? 'text/html',
        how: 'recheck',
        obtainedAt: new Date(this.clock.now()).toISOString()
      })
      const message = [outcome.changed ? `new version ${outcome.version}` : 'no change', moved].filter(Boolean).join('; ')
      return { ...at, outcome: outcome.changed ? 'changed' : 'unchanged', version: outcome.version, message, recorded: true }
    } catch (e) {
      return { ...at, outcome: 'failed', version: null, message: [reason(e), moved].filter(Boolean).join('; ') }
    }
  }

  /** Writes the check (unless storeArticle did) and moves the article's schedule on. */
  private record(id: number, url: string, follow: FollowRow | null, f: Finding): void {
    // Deleted while it was being checked: nothing to record.
    if (!versionKey(this.deps.db, id)) return
    const now = this.clock.now()
    const iso = new Date(now).toISOString()
    if (!f.recorded) insertCheck(this.deps.db, { articleId: id, checkedAt: iso, how: 'recheck', outcome: f.outcome, status: f.status, url: f.url, version: f.version, message: f.message })
    const row: FollowRow = follow ?? {
      articleId: id, url, following: false, since: iso, until: null, nextAt: null, etag: null, lastModified: null,
      failures: 0, lastCheckedAt: null, goneStatus: null, goneSince: null
    }
    const page = f.page
    const failed = f.outcome === 'failed' || (f.outcome === 'gone' && f.status !== 410)
    const read = f.outcome === 'changed' || f.outcome === 'unchanged'
    const next: FollowRow = {
      ...row,
      lastCheckedAt: iso,
      failures: failed ? row.failures + 1 : 0,
      since: f.outcome === 'changed' ? iso : row.since,
      etag: read && page ? header(page, 'etag') ?? (page.status === 304 ? row.etag : null) : row.etag,
      lastModified: read && page ? header(page, 'last-modified') ?? (page.status === 304 ? row.lastModified : null) : row.lastModified,
      goneStatus: f.outcome === 'gone' ? f.status : read ? null : row.goneStatus,
      goneSince: f.outcome === 'gone' ? (row.goneSince ?? iso) : read ? null : row.goneSince,
      url: page && page.redirects.length > 0 && page.redirects.every((r) => r.status === 301 || r.status === 308) ? page.url : row.url
    }
    const stop = f.outcome === 'gone' && f.status === 410
    const at = next.following && !stop
      ? nextCheck({ now, since: Date.parse(next.since), lastChange: null, until: next.until ? Date.parse(next.until) : null, failures: next.failures })
      : null
    putFollow(this.deps.db, { ...next, following: at !== null, nextAt: at === null ? null : new Date(at).toISOString() })
  }
}

function header(page: CheckedPage, name: string): string | null {
  const v = page.headers[name]
  return typeof v === 'string' && v.trim() ? v.trim() : null
}

/** Retry-After in seconds or as a date; a default when absent or unreadable. */
function retryAfterMs(value: string | string[] | undefined, now: number): number {
  const v = Array.isArray(value) ? value[0] : value
  if (!v) return DEFAULT_HOLD_OFF_MS
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000
  const t = Date.parse(v)
  return Number.isNaN(t) ? DEFAULT_HOLD_OFF_MS : Math.max(0, t - now)
}

function isLoopback(url: string): boolean {
  const host = hostOf(url).replace(/:\d+$/, '')
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host)
}

function isHomePage(url: string): boolean {
  try {
    const u = new URL(url)
    return (u.pathname === '/' || u.pathname === '') && u.search === ''
  } catch {
    return false
  }
}

function reason(e: unknown): string {
  if (e instanceof UserError) return e.message
  console.error('[clipfile] re-check error:', e)
  return `unexpected error: ${(e as Error)?.message ?? String(e)}`.split('\n')[0]
}

function summarise(results: RecheckResult[]): RecheckSummary {
  const count = (o: RecheckResult['outcome']) => results.filter((r) => r.outcome === o).length
  return { checked: results.length, changed: count('changed'), unchanged: count('unchanged'), gone: count('gone'), failed: count('failed'), results }
}
