import { useCallback, useEffect, useEffectEvent, useState } from 'react'
import type { EventMap, EventName, Result } from '../../shared/api'
import { clipfile } from './bridge'

export interface Loaded<T> {
  data: T | null
  error: string | null
  loading: boolean
  reload: () => void
}

/**
 * Runs an api call when `deps` (primitives: ids, queries) change and on `reload`, keeping
 * the last good data while the next answer is on its way. Only the latest call's answer is
 * kept: a slow answer to an older query never replaces a newer one.
 */
export function useApi<T>(call: () => Promise<Result<T>>, deps: readonly (string | number | boolean | null | undefined)[]): Loaded<T> {
  const [tick, setTick] = useState(0)
  const key = JSON.stringify([...deps, tick])
  const [state, setState] = useState<{ key: string | null; data: T | null; error: string | null }>({ key: null, data: null, error: null })
  const request = useEffectEvent(call)
  useEffect(() => {
    let current = true
    void request().then((r) => {
      if (!current) return
      setState((s) => (r.ok ? { key, data: r.value, error: null } : { key, data: s.data, error: r.error.message }))
    })
    return () => {
      current = false
    }
  }, [key])
  const reload = useCallback(() => setTick((t) => t + 1), [])
  return { data: state.data, error: state.error, loading: state.key !== key, reload }
}

/** Subscribes to one of main's events for the component's lifetime. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): void {
  const onEvent = useEffectEvent(listener)
  useEffect(() => clipfile.on(event, (p) => onEvent(p)), [event])
}

export function formatDate(iso: string | null, style: 'short' | 'long' = 'short'): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return ''
  // A date without a time (stored as UTC midnight) is that day everywhere, not the evening before.
  const dateOnly = /T00:00:00(?:\.000)?Z$/.test(iso)
  return d.toLocaleDateString(undefined, {
    ...(style === 'long' ? { day: 'numeric', month: 'long', year: 'numeric' } : { day: 'numeric', month: 'short', year: 'numeric' }),
    ...(dateOnly ? { timeZone: 'UTC' } : {})
  })
}
