/**
 * A list that may hold 100,000 rows, loaded a page at a time as it scrolls: rows are asked for
 * by index (`get`), and `ensure(start, end)` loads the pages that cover a range. A new `key`
 * (other filters) starts over; `reload` (the archive changed) fetches again the pages last in
 * view and forgets the others, showing the old rows until the new ones arrive. Answers to a
 * superseded key or reload are dropped.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { Result } from '../../../shared/result'

export interface PageAnswer<T, M> {
  total: number
  items: T[]
  /** What the first page carries besides rows (a search's facets, say). */
  meta?: M
}

export interface Paged<T, M> {
  /** Rows in all; null until the first page has arrived. */
  total: number | null
  get(index: number): T | undefined
  ensure(start: number, end: number): void
  reload(): void
  /** The rows loaded so far, in index order with their indexes (for ranges and "select"). */
  loaded(): { index: number; item: T }[]
  /** Loads whatever is missing in [start, end) and returns those rows (for a Shift-click range). */
  range(start: number, end: number): Promise<T[]>
  meta: M | null
  error: string | null
  /** Changes whenever rows change (a dependency for memos). */
  version: number
}

export function usePaged<T, M = never>(
  key: string,
  fetchPage: (offset: number, limit: number) => Promise<Result<PageAnswer<T, M>>>,
  pageSize = 100
): Paged<T, M> {
  const pages = useRef(new Map<number, T[]>())
  const inFlight = useRef(new Map<number, Promise<void>>())
  const generation = useRef(0)
  const lastRange = useRef<[number, number]>([0, pageSize])
  const fetcher = useRef(fetchPage)
  useLayoutEffect(() => {
    fetcher.current = fetchPage
  }, [fetchPage])
  const [state, setState] = useState<{ total: number | null; meta: M | null; error: string | null; version: number }>({ total: null, meta: null, error: null, version: 0 })
  // Other filters: nothing is known about the new list yet.
  const [shownKey, setShownKey] = useState(key)
  if (shownKey !== key) {
    setShownKey(key)
    setState({ total: null, meta: null, error: null, version: 0 })
  }

  const load = useCallback(
    (page: number): Promise<void> => {
      const existing = inFlight.current.get(page)
      if (existing) return existing
      const gen = generation.current
      const p = fetcher.current(page * pageSize, pageSize).then((r) => {
        if (gen !== generation.current) return
        inFlight.current.delete(page)
        if (!r.ok) return setState((s) => ({ ...s, error: r.error.message, version: s.version + 1 }))
        pages.current.set(page, r.value.items)
        setState((s) => ({
          total: r.value.total,
          meta: page === 0 && r.value.meta !== undefined ? r.value.meta : s.meta,
          error: null,
          version: s.version + 1
        }))
      })
      inFlight.current.set(page, p)
      return p
    },
    [pageSize]
  )

  const ensure = useCallback(
    (start: number, end: number) => {
      lastRange.current = [start, end]
      for (let page = Math.floor(start / pageSize); page * pageSize < Math.max(end, start + 1); page++) {
        if (!pages.current.has(page)) void load(page)
      }
    },
    [load, pageSize]
  )

  const restart = useCallback(
    (keepRows: boolean) => {
      generation.current++
      inFlight.current.clear()
      const [start, end] = lastRange.current
      const first = Math.floor(start / pageSize)
      const last = Math.floor(Math.max(end - 1, start) / pageSize)
      const wanted = new Set([0, ...Array.from({ length: last - first + 1 }, (_, i) => first + i)])
      const old = pages.current
      pages.current = new Map()
      // The rows in view stay on screen until their fresh page replaces them; the rest is forgotten.
      if (keepRows) for (const page of wanted) if (old.has(page)) pages.current.set(page, old.get(page)!)
      for (const page of wanted) void load(page)
    },
    [load, pageSize]
  )

  useEffect(() => {
    lastRange.current = [0, pageSize]
    restart(false)
  }, [key, restart, pageSize])

  const reload = useCallback(() => restart(true), [restart])

  return useMemo(
    () => ({
      total: state.total,
      meta: state.meta,
      error: state.error,
      version: state.version,
      ensure,
      reload,
      get: (index: number) => pages.current.get(Math.floor(index / pageSize))?.[index % pageSize],
      loaded: () =>
        [...pages.current.entries()]
          .sort((a, b) => a[0] - b[0])
          .flatMap(([page, items]) => items.map((item, i) => ({ index: page * pageSize + i, item }))),
      range: async (start: number, end: number) => {
        const waits: Promise<void>[] = []
        for (let page = Math.floor(start / pageSize); page * pageSize < end; page++) if (!pages.current.has(page)) waits.push(load(page))
        await Promise.all(waits)
        const out: T[] = []
        for (let i = start; i < end; i++) {
          const item = pages.current.get(Math.floor(i / pageSize))?.[i % pageSize]
          if (item !== undefined) out.push(item)
        }
        return out
      }
    }),
    [state, ensure, reload, load, pageSize]
  )
}
