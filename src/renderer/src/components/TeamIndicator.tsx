import { useEffect, useState } from 'react'
import type { TeamStatus } from '../../../shared/api'
import { clipfile } from '../bridge'
import { useApi, useEvent } from '../hooks'

/** "3 minutes ago", "just now": when the archive last synced with its team. */
function ago(iso: string | null): string {
  if (!iso) return 'never'
  const s = Math.max(0, (Date.now() - new Date(iso).getTime()) / 1000)
  if (s < 60) return 'just now'
  if (s < 3600) return `${Math.round(s / 60)} min ago`
  if (s < 86400) return `${Math.round(s / 3600)} h ago`
  return new Date(iso).toLocaleDateString()
}

function state(s: TeamStatus, syncing: boolean): { tone: 'ok' | 'wait' | 'off'; label: string } {
  if (syncing) return { tone: 'wait', label: 'Syncing…' }
  if (s.lastError) return { tone: 'off', label: 'Not synced' }
  if (s.pending > 0) return { tone: 'wait', label: `${s.pending} change${s.pending === 1 ? '' : 's'} waiting` }
  return { tone: 'ok', label: `Synced ${ago(s.lastSync)}` }
}

/** The sidebar's sync indicator: the team, the last sync, what is waiting, and "Sync now". */
export function TeamIndicator() {
  const status = useApi<TeamStatus>(() => clipfile.teamStatus({}), [])
  const [syncing, setSyncing] = useState(false)
  const [message, setMessage] = useState<string | null>(null)
  useEvent('libraryChanged', () => status.reload())
  useEffect(() => {
    const t = setInterval(() => status.reload(), 15_000)
    return () => clearInterval(t)
  }, [status])
  const s = status.data
  if (!s?.joined) return null
  const { tone, label } = state(s, syncing)
  const syncNow = async () => {
    setSyncing(true)
    setMessage(null)
    const r = await clipfile.teamSync({})
    setSyncing(false)
    if (r.ok) setMessage(r.value.refused ? `${r.value.refused} change(s) refused — see 'clipfile team status'` : null)
    else setMessage(r.error.message)
    status.reload()
  }
  const host = s.url ? new URL(s.url).host : ''
  return (
    <section className="team-indicator" aria-label="Team sync">
      <div className="team-line">
        <span className={`team-dot team-dot-${tone}`} aria-hidden="true" title={label} />
        <span className="team-label" role="status">{label}</span>
        <button className="btn btn-small" onClick={() => void syncNow()} disabled={syncing || s.role === null}>Sync now</button>
      </div>
      <div className="team-sub" title={s.url ?? ''}>
        {s.user} · {s.role} · {host}
      </div>
      {(message ?? s.lastError) && <div className="team-error">{message ?? s.lastError}</div>}
    </section>
  )
}
