/**
 * "Allow this browser to save to Clipfile?": shown when the Save to Clipfile extension asks
 * to pair. The person compares the code with the one the extension shows, then allows or
 * refuses. Nothing is focused on its own (a key press meant for something else must never
 * approve a browser). Also answers the extension's "Open in Clipfile".
 */
import { useEffect, useState } from 'react'
import type { Pairing } from '../../../shared/api'
import { clipfile } from '../bridge'
import { useApi, useEvent } from '../hooks'
import { go } from '../route'
import './pairing-prompt.css'

/** While a request waits, look again this often: it may be approved from the command line. */
const POLL_MS = 3000

export function PairingPrompt() {
  const pairings = useApi<Pairing[]>(() => clipfile.listPairings({}), [])
  const [error, setError] = useState<string | null>(null)
  const pending = (pairings.data ?? []).filter((p) => p.status === 'pending')
  const { reload } = pairings
  useEvent('pairingsChanged', reload)
  useEvent('openArticle', ({ id }) => go({ view: 'article', id }))
  useEffect(() => {
    if (pending.length === 0) return
    const timer = setInterval(reload, POLL_MS)
    return () => clearInterval(timer)
  }, [pending.length, reload])

  const request = pending[0]
  if (!request) return null
  const decide = async (allow: boolean) => {
    const r = allow ? await clipfile.approvePairing({ code: request.code ?? '' }) : await clipfile.revokePairing({ id: request.id })
    setError(r.ok ? null : r.error.message)
    reload()
  }
  return (
    <section className="pairing-prompt" role="alertdialog" aria-labelledby="pairing-title" aria-describedby="pairing-what">
      <h2 id="pairing-title">Allow this browser to save to Clipfile?</h2>
      <p id="pairing-what">
        <b>{request.browser}</b> asks to save pages to this archive with the Save to Clipfile extension.
      </p>
      <p className="pairing-code">
        code <span aria-label={`code ${request.code ?? ''}`}>{request.code}</span>
      </p>
      <p className="pairing-hint">Allow only if the extension shows this same code. You can take it back later in Settings → Browsers.</p>
      {error && <p className="pairing-error" role="alert">{error}</p>}
      <div className="pairing-actions">
        {pending.length > 1 && <span className="pairing-more">{pending.length - 1} more waiting</span>}
        <button className="btn" onClick={() => void decide(false)}>Don’t allow</button>
        <button className="btn btn-primary" onClick={() => void decide(true)}>Allow</button>
      </div>
    </section>
  )
}
