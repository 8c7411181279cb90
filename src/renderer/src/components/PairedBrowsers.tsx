/**
 * Settings → Browsers: the browsers allowed to save with the Save to Clipfile extension, and
 * taking that back. A revoked browser's token stops working at once; pairing it again takes a
 * new code. Requests still waiting are answered in the pairing prompt, not here.
 */
import { useState } from 'react'
import type { Pairing } from '../../../shared/api'
import { clipfile } from '../bridge'
import { formatDate, useApi, useEvent } from '../hooks'

export function PairedBrowsers() {
  const pairings = useApi<Pairing[]>(() => clipfile.listPairings({}), [])
  useEvent('pairingsChanged', pairings.reload)
  const [asking, setAsking] = useState<number | null>(null)
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null)
  const paired = (pairings.data ?? []).filter((p) => p.status === 'approved')
  const revoke = async (p: Pairing) => {
    const r = await clipfile.revokePairing({ id: p.id })
    setAsking(null)
    setMessage(r.ok ? { text: `${p.browser} can no longer save to Clipfile.`, error: false } : { text: r.error.message, error: true })
    pairings.reload()
  }
  return (
    <fieldset className="setting">
      <legend>Browsers</legend>
      {pairings.data && paired.length === 0 && (
        <p className="hint">No browser is paired. Install the Save to Clipfile extension and choose <b>Pair with Clipfile</b> in it.</p>
      )}
      {paired.length > 0 && (
        <ul className="paired" aria-label="Paired browsers">
          {paired.map((p) => (
            <li key={p.id} className="paired-row">
              <span className="paired-main">
                <b>{p.browser}</b>
                <span className="hint">
                  paired {formatDate(p.approvedAt ?? p.createdAt)} · {p.lastUsedAt ? `last saved ${formatDate(p.lastUsedAt)}` : 'nothing saved yet'}
                </span>
              </span>
              {asking === p.id ? (
                <span className="paired-confirm" role="group" aria-label={`Revoke ${p.browser}?`}>
                  <span>Revoke?</span>
                  <button className="btn btn-small btn-danger" onClick={() => void revoke(p)}>Revoke</button>
                  <button className="btn btn-small" onClick={() => setAsking(null)}>Keep</button>
                </span>
              ) : (
                <button className="btn btn-small" aria-label={`Revoke ${p.browser}`} onClick={() => setAsking(p.id)}>Revoke</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {pairings.error && <p className="error-text" role="alert">{pairings.error}</p>}
      {message && <p className={message.error ? 'error-text' : 'hint'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
    </fieldset>
  )
}
