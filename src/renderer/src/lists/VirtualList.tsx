/**
 * A windowed list: however many rows there are (100,000 is fine), only those in view and a
 * few around them are in the page. Rows have one fixed height, so a row's place is
 * `index × height`, the scrollbar is exact from the start, and scrolling never measures
 * anything. The list scrolls with the page's own scroller (the nearest scrolling ancestor),
 * so headers above it scroll away as usual.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react'

interface Props {
  count: number
  rowHeight: number
  label: string
  /** The row at `index` (its data may still be loading). */
  renderRow: (index: number) => ReactNode
  /** Rows now in view (plus overscan), to load their data. */
  onRange: (start: number, end: number) => void
  /** Where the keyboard moved its row: brought into view (a new object each move; the mouse's row is not scrolled to). */
  reveal: { index: number } | null
  /** Space kept free at the top when bringing the cursor into view (a sticky bar). */
  stickyTop?: number
  /** Where to scroll once the rows are known (returning to a list), in pixels of the scroller. */
  restoreScroll?: number | null
  onScrolled?: (scrollTop: number) => void
}

const OVERSCAN = 6

function scrollParent(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const o = getComputedStyle(p).overflowY
    if (o === 'auto' || o === 'scroll') return p
  }
  return document.scrollingElement as HTMLElement
}

export function VirtualList({ count, rowHeight, label, renderRow, onRange, reveal, stickyTop = 0, restoreScroll, onScrolled }: Props) {
  const list = useRef<HTMLUListElement>(null)
  const scrollerRef = useRef<HTMLElement | null>(null)
  const [range, setRange] = useState<[number, number]>([0, Math.min(count, 30)])

  /** Where the list's first row is, in the scroller's coordinates, and what the scroller shows. */
  const geometry = useCallback(() => {
    const el = list.current
    if (!el) return null
    // Found once: looking it up reads computed styles, too dear for every scroll event.
    const scroller = (scrollerRef.current ??= scrollParent(el))
    const top = el.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop
    return { scroller, top, viewTop: scroller.scrollTop - top, height: scroller.clientHeight }
  }, [])

  const measure = useCallback(() => {
    const g = geometry()
    if (!g) return
    const start = Math.max(0, Math.floor(g.viewTop / rowHeight) - OVERSCAN)
    const end = Math.min(count, Math.ceil((g.viewTop + g.height) / rowHeight) + OVERSCAN)
    setRange((r) => (r[0] === start && r[1] === end ? r : [start, Math.max(start, end)]))
  }, [geometry, count, rowHeight])

  useEffect(() => {
    const el = list.current
    if (!el) return
    const scroller = scrollParent(el)
    const target: HTMLElement | Window = scroller === document.scrollingElement ? window : scroller
    const onScroll = () => {
      measure()
      onScrolled?.(scroller.scrollTop)
    }
    target.addEventListener('scroll', onScroll, { passive: true })
    const resize = new ResizeObserver(() => measure())
    resize.observe(scroller)
    measure()
    return () => {
      target.removeEventListener('scroll', onScroll)
      resize.disconnect()
    }
  }, [measure, onScrolled])

  useEffect(() => onRange(range[0], range[1]), [range, onRange])

  // Back to a list: its old place, once there are rows to scroll over.
  const restored = useRef(false)
  useLayoutEffect(() => {
    if (restored.current || count === 0 || restoreScroll == null) return
    const g = geometry()
    if (!g) return
    restored.current = true
    // The scroll event that follows brings the rows in view.
    g.scroller.scrollTop = restoreScroll
  }, [count, restoreScroll, geometry])

  useEffect(() => {
    if (reveal === null) return
    const g = geometry()
    if (!g) return
    const rowTop = reveal.index * rowHeight
    if (rowTop < g.viewTop + stickyTop) g.scroller.scrollTop = g.top + rowTop - stickyTop - 8
    else if (rowTop + rowHeight > g.viewTop + g.height) g.scroller.scrollTop = g.top + rowTop + rowHeight - g.height + 8
  }, [reveal, rowHeight, stickyTop, geometry])

  const rows: ReactNode[] = []
  for (let i = range[0]; i < Math.min(range[1], count); i++) {
    rows.push(
      <li key={i} aria-setsize={count} aria-posinset={i + 1} style={{ position: 'absolute', left: 0, right: 0, top: 0, height: rowHeight, transform: `translateY(${i * rowHeight}px)` }}>
        {renderRow(i)}
      </li>
    )
  }
  return (
    <ul ref={list} className="vlist" aria-label={label} style={{ height: count * rowHeight }}>
      {rows}
    </ul>
  )
}
