import { useCallback, useEffect, useRef, useState } from 'react'
import type { EventMap, EventName, Result } from '../../shared/api'
import { clipfile } from './bridge'

export interface Loaded<T> {
  data: T | null
  error: string | null
  loading: boolean
  reload: () => void
}

/** Runs an api call when `deps` change (and on `reload`), keeping the last good data. */
export function useApi<T>(call: () => Promise<Result<T>>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data: T | null; error: string | null; loading: boolean }>({
    data: null,
    error: null,
    loading: true
  })
  const [tick, setTick] = useState(0)
  const seq = useRef(0)
  useEffect(() => {
    const mine = ++seq.current
    setState((s) => ({ ...s, loading: true }))
    call().then((r) => {
      if (mine !== seq.current) return
      setState((s) => (r.ok ? { data: r.value, error: null, loading: false } : { data: s.data, error: r.error.message, loading: false }))
    })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { ...state, reload }
}

/** Subscribes to one of main's events for the component's lifetime. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): void {
  const ref = useRef(listener)
  ref.current = listener
  useEffect(() => clipfile.on(event, (p) => ref.current(p)), [event])
}

export function formatDate(iso: string | null, style: 'short' | 'long' = 'short'): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  return d.toLocaleDateString(undefined, style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' })
}
