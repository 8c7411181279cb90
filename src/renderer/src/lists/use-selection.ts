/**
 * Which rows of a list are selected: a click on a row's box toggles it, Shift+click selects
 * every row from the last one clicked, `x` toggles the keyboard's row. Kept by article id (a
 * selection survives the list reloading); starts empty for another list.
 */
import { useCallback, useState } from 'react'
import type { ArticleStateRow } from '../../../shared/types'

export interface Selection {
  /** Selected articles by id, with their reading state (for the actions' Undo). */
  items: Map<number, ArticleStateRow>
  has(id: number): boolean
  toggle(item: ArticleStateRow, index: number): void
  /** Adds the rows between the anchor (the last toggled row) and `index`, as `rows` gives them. */
  extend(index: number, rows: (from: number, to: number) => Promise<ArticleStateRow[]>): Promise<void>
  set(items: ArticleStateRow[]): void
  clear(): void
}

export function useSelection(key: string): Selection {
  const [items, setItems] = useState(() => new Map<number, ArticleStateRow>())
  const [anchor, setAnchor] = useState<number | null>(null)
  const [shownKey, setShownKey] = useState(key)
  if (shownKey !== key) {
    setShownKey(key)
    setItems(new Map())
    setAnchor(null)
  }

  const toggle = useCallback((item: ArticleStateRow, index: number) => {
    setItems((m) => {
      const next = new Map(m)
      if (next.has(item.id)) next.delete(item.id)
      else next.set(item.id, item)
      return next
    })
    setAnchor(index)
  }, [])

  const extend = useCallback(
    async (index: number, rows: (from: number, to: number) => Promise<ArticleStateRow[]>) => {
      const from = Math.min(anchor ?? index, index)
      const to = Math.max(anchor ?? index, index) + 1
      const picked = await rows(from, to)
      setItems((m) => {
        const next = new Map(m)
        for (const r of picked) next.set(r.id, r)
        return next
      })
      setAnchor(index)
    },
    [anchor]
  )

  const set = useCallback((list: ArticleStateRow[]) => setItems(new Map(list.map((i) => [i.id, i]))), [])
  const clear = useCallback(() => {
    setItems(new Map())
    setAnchor(null)
  }, [])

  return { items, has: (id) => items.has(id), toggle, extend, set, clear }
}
