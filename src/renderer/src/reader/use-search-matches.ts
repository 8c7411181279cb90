import { useCallback, useEffect, useRef, useState } from 'react'
import type { EditorView } from 'prosemirror-view'
import type { TextMatches } from '../../../shared/types'
import { clipfile } from '../bridge'
import { reveal } from './reveal'
import { syncMatches } from './search-matches-plugin'
import { withDomSelection } from './selection'

export interface SearchMatches {
  /** Null while they are being found (or without a query). */
  count: number | null
  /** Index of the current match, -1 when there is none. */
  current: number
  next(): void
  previous(): void
  /** Stops marking them (the match bar's ×). */
  clear(): void
}

const scrollTo = (view: EditorView, index: number) => reveal(view.dom.querySelector(`[data-match="${index}"]`))

/**
 * The matches of `query` in the article: found by the server (with the search's own rules),
 * drawn by the search-matches plugin, the first one scrolled into view as the article opens.
 */
export function useSearchMatches(view: EditorView | null, articleId: number, query: string | undefined): SearchMatches {
  const [ranges, setRanges] = useState<TextMatches['ranges'] | null>(null)
  const [current, setCurrent] = useState(-1)
  const [cleared, setCleared] = useState(false)

  useEffect(() => {
    if (!query) return
    let live = true
    void clipfile.searchMatches({ articleId, query }).then((r) => {
      if (!live) return
      setRanges(r.ok ? r.value.ranges : [])
      setCurrent(r.ok && r.value.ranges.length > 0 ? 0 : -1)
    })
    return () => {
      live = false
    }
  }, [articleId, query])

  useEffect(() => {
    if (!view || !ranges) return
    syncMatches(cleared ? [] : ranges, cleared ? -1 : current)(view.state, (tr) => view.dispatch(withDomSelection(view, tr)))
  }, [view, ranges, current, cleared])

  // Land on the first match once it is drawn.
  const landed = useRef(false)
  useEffect(() => {
    if (landed.current || !view || !ranges || ranges.length === 0) return
    landed.current = true
    scrollTo(view, 0)
  }, [view, ranges])

  const step = useCallback(
    (by: number) => {
      if (!view || !ranges || ranges.length === 0 || cleared) return
      const next = (current + by + ranges.length) % ranges.length
      setCurrent(next)
      // After the plugin has moved the current mark.
      requestAnimationFrame(() => scrollTo(view, next))
    },
    [view, ranges, current, cleared]
  )

  return {
    count: query && !cleared ? (ranges?.length ?? null) : null,
    current,
    next: () => step(1),
    previous: () => step(-1),
    clear: () => setCleared(true)
  }
}
