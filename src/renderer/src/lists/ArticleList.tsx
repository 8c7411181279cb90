/**
 * The library's lists and search results: a windowed list of articles with a keyboard row
 * (j/k, Enter), a selection (box, Shift+click, x) and what can be done to the selected
 * articles — or to the keyboard's row when nothing is selected: archive or move (e), star
 * (s), delete with Undo (#), and, from the bar that appears, tag and export.
 */
import { useCallback, useLayoutEffect, useRef, useState, type ReactNode } from 'react'
import type { ArticleStateRow } from '../../../shared/types'
import type { ArticleState } from '../../../shared/vocabulary'
import { useArticleActions } from '../actions'
import { ArticleRow, type RowItem } from './ArticleRow'
import { VirtualList } from './VirtualList'
import { useSelection } from './use-selection'
import { useKeys } from './use-keys'
import type { Paged } from './use-paged'
import { BulkBar } from './BulkBar'

interface Props {
  paged: Paged<RowItem, unknown>
  rowHeight: number
  label: string
  hrefFor: (item: RowItem) => string
  /** Where `e` sends articles: the list's own state (an Archive list moves to the inbox), or per article. */
  listState?: ArticleState
  showState: boolean
  /** Everything the list shows, for "select all" (lists of the library only). */
  selectAll?: () => Promise<ArticleStateRow[]>
  /** Remembers the list's scroll and keyboard row when leaving it (by this key). */
  memoryKey: string
  tagSuggestions: string[]
  empty?: ReactNode
}

const memory = new Map<string, { scrollTop: number; cursor: number | null }>()
const subject = (i: RowItem): ArticleStateRow => ({ id: i.id, state: i.state, starred: i.starred })

export function ArticleList({ paged, rowHeight, label, hrefFor, listState, showState, selectAll, memoryKey, tagSuggestions, empty }: Props) {
  const remembered = memory.get(memoryKey)
  const [cursor, setCursor] = useState<number | null>(remembered?.cursor ?? null)
  // Moves of the keyboard's row are scrolled to; a click on a row is not (it would move the row under the pointer).
  const [reveal, setReveal] = useState<{ index: number } | null>(null)
  const selection = useSelection(memoryKey)
  const actions = useArticleActions()
  const total = paged.total ?? 0
  const scrollTop = useRef(remembered?.scrollTop ?? 0)

  const onScrolled = useCallback(
    (top: number) => {
      scrollTop.current = top
      memory.set(memoryKey, { scrollTop: top, cursor })
    },
    [memoryKey, cursor]
  )
  const point = useCallback(
    (index: number) => {
      setCursor(index)
      memory.set(memoryKey, { scrollTop: scrollTop.current, cursor: index })
    },
    [memoryKey]
  )

  /** What an action applies to: the selection, else the keyboard's row. */
  const targets = (): ArticleStateRow[] => {
    if (selection.items.size > 0) return [...selection.items.values()]
    const item = cursor === null ? undefined : paged.get(cursor)
    return item ? [subject(item)] : []
  }
  // An action takes the selection with it at once: the list may show the result (an event
  // from the server) before the action's own answer arrives, and the next key must not find
  // the old selection still there.
  const archiveOrMove = (items: ArticleStateRow[], to?: ArticleState) => {
    if (items.length === 0) return
    selection.clear()
    const target = to ?? ((listState ?? (items.every((i) => i.state === 'archive') ? 'archive' : 'inbox')) === 'archive' ? 'inbox' : 'archive')
    void actions.setState(items, target)
  }
  const star = (items: ArticleStateRow[]) => {
    if (items.length === 0) return
    selection.clear()
    void actions.setStarred(items, !items.every((i) => i.starred))
  }
  const remove = (items: ArticleStateRow[]) => {
    if (items.length === 0) return
    selection.clear()
    actions.remove(items.map((i) => i.id))
  }

  // The rows' handlers stay the same functions while the list scrolls and loads pages, so a
  // row already on screen is not drawn again (ArticleRow is memoised): they read the current
  // selection and pages when called.
  const latest = useRef({ selection, paged })
  useLayoutEffect(() => {
    latest.current = { selection, paged }
  })
  const select = useCallback((item: RowItem, index: number, range: boolean) => {
    const { selection: sel, paged: pages } = latest.current
    if (range) void sel.extend(index, async (from, to) => (await pages.range(from, to)).map(subject))
    else sel.toggle(subject(item), index)
    setCursor(index)
  }, [])
  const starOne = useCallback((item: RowItem) => void actions.setStarred([subject(item)], !item.starred), [actions])

  const move = (step: number) => {
    if (total === 0) return
    const next = cursor === null ? (step > 0 ? 0 : total - 1) : Math.min(total - 1, Math.max(0, cursor + step))
    point(next)
    setReveal({ index: next })
  }
  useKeys({
    j: () => move(1),
    k: () => move(-1),
    ArrowDown: (e) => (e.target === document.body || (e.target as HTMLElement).closest?.('.vlist') ? move(1) : false),
    ArrowUp: (e) => (e.target === document.body || (e.target as HTMLElement).closest?.('.vlist') ? move(-1) : false),
    Enter: () => openCursor(),
    o: () => openCursor(),
    x: () => {
      const item = cursor === null ? undefined : paged.get(cursor)
      if (!item || cursor === null) return false
      selection.toggle(subject(item), cursor)
    },
    e: () => archiveOrMove(targets()),
    s: () => star(targets()),
    '#': () => remove(targets()),
    Escape: () => (selection.items.size > 0 ? selection.clear() : false)
  })
  function openCursor(): boolean | void {
    const item = cursor === null ? undefined : paged.get(cursor)
    if (!item) return false
    location.hash = hrefFor(item)
  }

  const renderRow = (index: number) => {
    const item = paged.get(index)
    return (
      <ArticleRow item={item} index={index} href={item ? hrefFor(item) : '#'} selected={!!item && selection.has(item.id)} cursor={index === cursor}
        showState={showState} onSelect={select} onStar={starOne} onPoint={point} />
    )
  }

  const selected = [...selection.items.values()]
  return (
    <div className="article-list">
      <BulkBar count={selected.length} total={total} listState={listState} selected={selected} tagSuggestions={tagSuggestions}
        onSelectAll={selectAll ? async () => selection.set(await selectAll()) : undefined}
        onClear={selection.clear} onArchiveOrMove={(to) => archiveOrMove(selected, to)}
        onStar={() => star(selected)} onDelete={() => remove(selected)} />
      {paged.total === 0 && empty}
      {total > 0 && (
        <VirtualList count={total} rowHeight={rowHeight} label={label} renderRow={renderRow} onRange={paged.ensure} reveal={reveal}
          stickyTop={selected.length > 0 ? 56 : 0} restoreScroll={remembered?.scrollTop ?? null} onScrolled={onScrolled} />
      )}
    </div>
  )
}
