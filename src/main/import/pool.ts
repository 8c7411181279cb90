/**
 * A small pool of import workers. `prepare` runs prepare.ts in a worker thread when it
 * can, and in this thread when workers are not available (so an import never fails for
 * want of a worker).
 */
import { Worker } from 'node:worker_threads'
import { availableParallelism } from 'node:os'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { UserError } from '../../shared/result'
import { imageLoader } from '../page/fetch'
import { prepareWithQuotes, type PrepareRequest, type PrepareResponse, type PreparedWithQuotes, type Preparer } from './prepare'

/**
 * The worker's entry: the TypeScript source through tsx, or the built file beside the built
 * main (out/main/) — which the bundled CLI (out/cli/) finds one folder over.
 */
function workerEntry(): URL | null {
  const here = import.meta.url
  const candidates = here.endsWith('.ts')
    ? [new URL('./prepare-worker.boot.mjs', here)]
    : [new URL('./prepare-worker.js', here), new URL('../main/prepare-worker.js', here)]
  return candidates.find((url) => existsSync(fileURLToPath(url))) ?? null
}

/**
 * Prepares in this thread (where workers are not available, CLIPFILE_IMPORT_WORKERS=0, and in
 * tests). Each has its own image loader — its own memory of unreachable hosts — like a worker.
 */
export function inThreadPreparer(): Preparer {
  const loadImage = imageLoader()
  return (input) => prepareWithQuotes(input, loadImage)
}

/** Threads that read pages, unless told otherwise: one core is left for the window and the database. */
export const DEFAULT_WORKERS = Math.max(1, Math.min(3, availableParallelism() - 1))

/**
 * `CLIPFILE_IMPORT_WORKERS`: how many threads read pages — 0 reads them in the app's own
 * thread (a small machine; the test suite, which opens hundreds of short-lived archives).
 */
export function importWorkers(env: NodeJS.ProcessEnv): number {
  const raw = env.CLIPFILE_IMPORT_WORKERS
  if (raw === undefined || raw === '') return DEFAULT_WORKERS
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 16) {
    throw new UserError('invalid_input', `CLIPFILE_IMPORT_WORKERS must be a whole number from 0 to 16, got "${raw}".`)
  }
  return n
}

interface Slot {
  worker: Worker
  busy: number
}

/** A page that takes longer than this to read is given up (its worker is replaced). */
export const PREPARE_TIMEOUT_MS = 90_000

export class PreparePool {
  private slots: Slot[] = []
  private pending = new Map<number, { resolve: (p: PreparedWithQuotes) => void; reject: (e: Error) => void; slot: Slot }>()
  private nextId = 1
  private readonly entry = workerEntry()
  private readonly local = inThreadPreparer()
  private broken = false

  constructor(
    private readonly size = DEFAULT_WORKERS,
    /** How long one page may take (changeable, e.g. by tests). */
    public timeoutMs = PREPARE_TIMEOUT_MS
  ) {}

  /** Whether work goes to worker threads (false: it runs in this thread). */
  get threaded(): boolean {
    return this.entry !== null && !this.broken
  }

  prepare: Preparer = (input) => {
    if (!this.threaded) return this.local(input)
    const slot = this.pick()
    const id = this.nextId++
    slot.busy++
    return new Promise<PreparedWithQuotes>((resolve, reject) => {
      const timer = setTimeout(() => this.giveUp(slot, id), this.timeoutMs)
      timer.unref()
      const done = <T>(fn: (v: T) => void) => (v: T) => {
        clearTimeout(timer)
        fn(v)
      }
      this.pending.set(id, { resolve: done(resolve), reject: done(reject), slot })
      slot.worker.postMessage({ id, input } satisfies PrepareRequest)
    })
  }

  private pick(): Slot {
    const idle = this.slots.find((s) => s.busy === 0)
    if (idle) return idle
    if (this.slots.length < this.size) return this.spawn()
    return this.slots.reduce((a, b) => (b.busy < a.busy ? b : a))
  }

  private spawn(): Slot {
    const worker = new Worker(this.entry!)
    worker.unref()
    const slot: Slot = { worker, busy: 0 }
    worker.on('message', (m: PrepareResponse) => this.settle(m))
    worker.on('error', (e) => this.fail(slot, e))
    worker.on('exit', (code) => code !== 0 && this.fail(slot, new Error(`import worker stopped (exit ${code})`)))
    this.slots.push(slot)
    return slot
  }

  private settle(m: PrepareResponse): void {
    const job = this.pending.get(m.id)
    if (!job) return
    this.pending.delete(m.id)
    job.slot.busy--
    if (m.ok) job.resolve(revive(m.prepared))
    else job.reject(m.code ? new UserError(m.code, m.message) : new Error(m.message))
  }

  /**
   * A page is taking too long (a pathological page Readability cannot get through): its
   * worker is stopped — the only way to stop synchronous work — and its jobs fail with a
   * reason; the next job starts a fresh worker.
   */
  private giveUp(slot: Slot, id: number): void {
    if (!this.pending.has(id)) return
    const limit = this.timeoutMs >= 1000 ? `${Math.round(this.timeoutMs / 1000)} s` : `${this.timeoutMs} ms`
    this.fail(slot, new Error(`reading the page took longer than ${limit}`), false)
    void slot.worker.terminate()
  }

  /** A worker died: its jobs fail with a reason; if no worker is left, later work runs in this thread. */
  private fail(slot: Slot, e: Error, crashed = true): void {
    if (!this.slots.includes(slot)) return
    this.slots = this.slots.filter((s) => s !== slot)
    for (const [id, job] of this.pending) {
      if (job.slot !== slot) continue
      this.pending.delete(id)
      job.reject(new UserError('import_failed', crashed ? `the import worker failed: ${e.message}` : e.message))
    }
    if (crashed && this.slots.length === 0) this.broken = true
  }

  async close(): Promise<void> {
    const slots = this.slots
    this.slots = []
    await Promise.all(slots.map((s) => s.worker.terminate()))
  }
}

/** Buffers cross postMessage as plain Uint8Arrays. */
function revive(p: PreparedWithQuotes): PreparedWithQuotes {
  return { ...p, assets: p.assets.map((a) => ({ ...a, bytes: Buffer.from(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength) })) }
}
