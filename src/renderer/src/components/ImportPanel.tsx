import type { ImportProgress } from '../../../shared/api'
import { CloseIcon } from './icons'

export interface ImportJob {
  progress: ImportProgress
  failures: { source: string; message: string }[]
  created: number
  updated: number
  /** Images kept as placeholders because they could not be saved. */
  imagesMissing: number
}

/** Progress of the running import, then its summary with every failure and why. */
export function ImportPanel({ job, onClose }: { job: ImportJob; onClose: () => void }) {
  const p = job.progress
  const pct = p.total > 0 ? Math.round((p.done / p.total) * 100) : 0
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
        <div className="progress-current" style={{ whiteSpace: 'normal', color: 'var(--ink-2)' }}>
          {job.created} saved · {job.updated} updated · {p.failed} failed
          {job.imagesMissing > 0 && (
            <div className="images-missing-note">
              {job.imagesMissing === 1 ? '1 image' : `${job.imagesMissing} images`} could not be saved; the articles show placeholders, and Clipfile
              fetches them when it is online.
            </div>
          )}
        </div>
      )}
      {job.failures.length > 0 && (
        <ul className="failures" aria-label="Failed items">
          {job.failures.map((f, i) => (
            <li key={i}>
              <b title={f.source}>{f.source}</b>
              <span>{f.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
