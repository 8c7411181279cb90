import type { ImportItem, ImportProgress } from '../../../shared/api'
import { CloseIcon } from './icons'

export interface ImportFailure {
  source: string
  message: string
  /** No article was found in the page: it can be saved anyway (its whole text). */
  forceable: boolean
}

export interface ImportJob {
  progress: ImportProgress
  failures: ImportFailure[]
  created: number
  updated: number
  /** Images kept as placeholders because they could not be saved. */
  imagesMissing: number
  /** What was asked for, to retry a failed item from. */
  items: ImportItem[]
  tags: string[]
}

/** The item to import again for a failed source: the one it came from, or its URL (a row of an export). */
export function retryItemFor(f: ImportFailure, items: ImportItem[]): ImportItem | null {
  // A line that is not a link fails the same way every time.
  if (/^not a URL/.test(f.message)) return null
  for (const it of items) {
    if (it.kind === 'url' && it.url === f.source) return it
    if (it.kind === 'file' && it.name === f.source) return it
    if (it.kind === 'path' && it.path === f.source) return it
    if (it.kind === 'html' && (it.name ?? it.url ?? 'pasted HTML') === f.source) return it
  }
  return /^https?:\/\//i.test(f.source) ? { kind: 'url', url: f.source } : null
}

interface Props {
  job: ImportJob
  onClose: () => void
  onRetry: (items: ImportItem[], force: boolean) => void
}

/** Progress of the running import, then its summary: every failure, why, and a way to try again. */
export function ImportPanel({ job, onClose, onRetry }: Props) {
  const p = job.progress
  const pct = p.total > 0 ? Math.round((p.done / p.total) * 100) : 0
  const retryable = job.failures.map((f) => ({ f, item: retryItemFor(f, job.items) }))
  const again = retryable.filter((r) => r.item && !r.f.forceable).map((r) => r.item!)
  return (
    <section className="progress-card" role="status" aria-live="polite" aria-label="Import progress">
      <div className="progress-title">
        <span>{p.finished ? 'Import finished' : `Importing ${p.done} of ${p.total}`}</span>
        {p.finished ? (
          <button className="btn btn-ghost" onClick={onClose} aria-label="Dismiss"><CloseIcon /></button>
        ) : (
          <span className="nav-count">{pct}%</span>
        )}
      </div>
      <div className="progress-bar" role="progressbar" aria-valuemin={0} aria-valuemax={p.total} aria-valuenow={p.done}>
        <div style={{ width: `${p.finished ? 100 : pct}%` }} />
      </div>
      {!p.finished && p.current && <div className="progress-current" title={p.current}>{p.current}</div>}
      {p.finished && (
        <div className="progress-summary">
          <span>{job.created} saved · {job.updated} updated · {p.failed} failed</span>
          {again.length > 1 && p.finished && (
            <button className="btn btn-small" onClick={() => onRetry(again, false)}>Retry {again.length} failed</button>
          )}
        </div>
      )}
      {p.finished && job.imagesMissing > 0 && (
        <div className="images-missing-note">
          {job.imagesMissing === 1 ? '1 image' : `${job.imagesMissing} images`} could not be saved; the articles show placeholders, and Clipfile
          fetches them when it is online.
        </div>
      )}
      {job.failures.length > 0 && (
        <ul className="failures" aria-label="Failed items">
          {retryable.map(({ f, item }, i) => (
            <li key={i}>
              <div className="failure-text">
                <b title={f.source}>{f.source}</b>
                <span>{f.message}</span>
              </div>
              {p.finished && item && (
                <div className="failure-actions">
                  {f.forceable ? (
                    <button className="btn btn-small" onClick={() => onRetry([item], true)} title="Keep the whole text of the page, as it is">Save anyway</button>
                  ) : (
                    <button className="btn btn-small" onClick={() => onRetry([item], false)} aria-label={`Retry ${f.source}`}>Retry</button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
