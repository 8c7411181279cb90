import { useEffect, useRef, useState } from 'react'
import type { FollowState, RecheckResult, VersionInfo } from '../../../shared/api'
import { describeSummary } from '../../../shared/changes'
import { clipfile } from '../bridge'
import { useApi, useEvent } from '../hooks'
import { go, routeHref } from '../route'
import { HOW_LABEL, dateTime, relative } from './labels'
import './versions.css'

interface Props {
  articleId: number
  /** How many versions the article has (from the article itself, before the list loads). */
  versions: number
  /** The version on screen. */
  shown: number
}

/**
 * "Versions (3)" in the reader's header: the versions kept (read one, see what changed),
 * following the article's updates, and checking it now.
 */
export function VersionsControl({ articleId, versions, shown }: Props) {
  const [open, setOpen] = useState(false)
  const box = useRef<HTMLDivElement>(null)
  const list = useApi<VersionInfo[]>(() => clipfile.listVersions({ articleId }), [articleId, versions])
  const follow = useApi<FollowState>(() => clipfile.getFollow({ articleId }), [articleId])
  useEvent('libraryChanged', (e) => {
    if (e.articleId !== articleId) return
    list.reload()
    follow.reload()
  })
  useEffect(() => {
    if (!open) return
    const away = (e: MouseEvent) => box.current && !box.current.contains(e.target as Node) && setOpen(false)
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false)
    document.addEventListener('mousedown', away)
    document.addEventListener('keydown', esc)
    box.current?.querySelector<HTMLElement>('.version-item a, .version-item button')?.focus()
    return () => {
      document.removeEventListener('mousedown', away)
      document.removeEventListener('keydown', esc)
    }
  }, [open])
  const count = list.data?.length ?? versions
  const gone = follow.data?.gone
  return (
    <div className="versions-control" ref={box}>
      <button className={`btn btn-small versions-btn${count > 1 || gone ? ' is-changed' : ''}`} aria-haspopup="dialog" aria-expanded={open}
        onClick={() => setOpen(!open)} title={count > 1 ? 'This article changed after it was saved' : 'Versions and updates'}>
        Versions ({count}){gone ? ' · gone' : ''}
      </button>
      {open && (
        <div className="versions-pop" role="dialog" aria-label="Versions of this article">
          <h3>Versions kept</h3>
          <ol className="version-list" reversed>
            {[...(list.data ?? [])].reverse().map((v) => (
              <VersionRow key={v.number} v={v} articleId={articleId} current={v.number === count} shown={v.number === shown} close={() => setOpen(false)} />
            ))}
          </ol>
          {follow.data && <FollowBox state={follow.data} onChange={follow.reload} />}
        </div>
      )}
    </div>
  )
}

function VersionRow({ v, articleId, current, shown, close }: { v: VersionInfo; articleId: number; current: boolean; shown: boolean; close: () => void }) {
  const read = routeHref(current ? { view: 'article', id: articleId } : { view: 'version', id: articleId, number: v.number })
  return (
    <li className={`version-item${current ? ' is-current' : ''}${shown ? ' is-shown' : ''}`}>
      <span className="version-dot" aria-hidden="true" />
      <div>
        <div className="version-name">Version {v.number}{current ? ' · latest' : ''}</div>
        <div className="version-when">{dateTime(v.createdAt)} · {HOW_LABEL[v.how]} · {v.words.toLocaleString()} words</div>
      </div>
      <div className="version-actions">
        {!shown && <a className="btn btn-small" href={read} onClick={close}>Read</a>}
        {v.number > 1 && (
          <a className="btn btn-small" href={routeHref({ view: 'diff', id: articleId, from: v.number - 1, to: v.number })} onClick={close}>Changes</a>
        )}
      </div>
      {v.summary && <div className="version-summary">{describeSummary(v.summary)}</div>}
    </li>
  )
}

function FollowBox({ state, onChange }: { state: FollowState; onChange: () => void }) {
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<RecheckResult | { message: string } | null>(null)
  const toggle = async () => {
    setBusy(true)
    const r = await clipfile.setFollow({ articleId: state.articleId, follow: !state.following })
    setBusy(false)
    if (!r.ok) setResult({ message: r.error.message })
    onChange()
  }
  const checkNow = async () => {
    setBusy(true)
    setResult(null)
    const r = await clipfile.recheck({ ids: [state.articleId] })
    setBusy(false)
    setResult(r.ok ? r.value.results[0] : { message: r.error.message })
    onChange()
    if (r.ok && r.value.changed > 0) go({ view: 'diff', id: state.articleId })
  }
  if (!state.followable) {
    return <div className="follow-box"><div className="follow-state">Saved from a file or pasted: there is no address to check for updates.</div></div>
  }
  const last = state.checks[0]
  return (
    <div className="follow-box">
      <div className="follow-row">
        <div className="follow-state" id={`follow-${state.articleId}`}>
          {state.following ? (
            <>
              <b>Following updates</b>
              {state.nextCheckAt && <> · next check {relative(state.nextCheckAt)}</>}
              {state.until && <> · until {dateTime(state.until)}</>}
            </>
          ) : (
            <><b>Not following</b> · follow to check it for changes, often at first, then less (for a year)</>
          )}
        </div>
        <button className="switch" role="switch" aria-checked={state.following} aria-labelledby={`follow-${state.articleId}`} disabled={busy} onClick={() => void toggle()} />
      </div>
      {state.gone && <div className="gone-note">The page answered HTTP {state.gone.status} on {dateTime(state.gone.since)}: it is gone from the site. This copy is kept.</div>}
      <div className="follow-row">
        <div className="check-result" role="status">
          {busy ? 'Checking…' : result ? resultText(result) : last ? `Last checked ${relative(last.checkedAt)}: ${outcomeText(last.outcome)}` : 'Not checked since it was saved.'}
        </div>
        <button className="btn btn-small" disabled={busy} onClick={() => void checkNow()}>Check now</button>
      </div>
    </div>
  )
}

const outcomeText = (o: RecheckResult['outcome']): string =>
  ({ changed: 'it had changed', unchanged: 'no change', gone: 'the page is gone', failed: 'the check failed' })[o]

function resultText(r: RecheckResult | { message: string }): string {
  if (!('outcome' in r)) return r.message
  if (r.outcome === 'changed') return `Changed: version ${r.version} saved.`
  if (r.outcome === 'unchanged') return 'No change since the last version.'
  return r.message ?? outcomeText(r.outcome)
}
