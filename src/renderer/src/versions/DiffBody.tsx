import { Fragment, useMemo, useState } from 'react'
import type { DiffChange } from '../../../shared/api'
import { diffRows, inlineParagraphs, type DiffRow, type Piece } from '../../../shared/changes'

/** Runs of more unchanged paragraphs than this are folded (their first and last stay as context). */
const FOLD_OVER = 3

export function Pieces({ pieces }: { pieces: Piece[] }) {
  return (
    <>
      {pieces.map((p, k) =>
        p.op === 'equal' ? <Fragment key={k}>{p.text}</Fragment> : p.op === 'insert' ? <ins key={k} className="d-ins">{p.text}</ins> : <del key={k} className="d-del">{p.text}</del>
      )}
    </>
  )
}

type Item<T> = { kind: 'item'; item: T; index: number } | { kind: 'fold'; from: number; to: number }

/** Items with long unchanged runs folded, keeping one unchanged item of context on each side. */
function fold<T>(items: T[], changed: (t: T) => boolean, open: Set<number>): Item<T>[] {
  const out: Item<T>[] = []
  let k = 0
  while (k < items.length) {
    if (changed(items[k])) {
      out.push({ kind: 'item', item: items[k], index: k++ })
      continue
    }
    let end = k
    while (end < items.length && !changed(items[end])) end++
    const keepHead = k === 0 ? 0 : 1
    const keepTail = end === items.length ? 0 : 1
    if (end - k - keepHead - keepTail > FOLD_OVER && !open.has(k)) {
      for (let j = k; j < k + keepHead; j++) out.push({ kind: 'item', item: items[j], index: j })
      out.push({ kind: 'fold', from: k, to: end - keepTail })
      for (let j = end - keepTail; j < end; j++) out.push({ kind: 'item', item: items[j], index: j })
    } else {
      for (let j = k; j < end; j++) out.push({ kind: 'item', item: items[j], index: j })
    }
    k = end
  }
  return out
}

interface BodyProps {
  changes: DiffChange[]
  layout: 'inline' | 'side'
  /** Index (among changed paragraphs) of the change to mark as current. */
  current: number
  labels: { before: string; after: string }
}

/** The text of a diff: inline (deletions and insertions in place) or side by side, unchanged stretches folded. */
export function DiffBody({ changes, layout, current, labels }: BodyProps) {
  const [open, setOpen] = useState<Set<number>>(new Set())
  const expand = (from: number) => setOpen((s) => new Set(s).add(from))
  const paragraphs = useMemo(() => inlineParagraphs(changes), [changes])
  const rows = useMemo(() => diffRows(changes), [changes])
  if (changes.every((c) => c.op === 'equal')) return <p className="diff-empty">The text is the same in both versions.</p>
  const foldButton = (from: number, to: number) => (
    <button key={`fold-${from}`} className="diff-fold" onClick={() => expand(from)}>
      {to - from} unchanged paragraphs — show
    </button>
  )
  if (layout === 'inline') {
    const isChanged = (p: Piece[]) => p.some((x) => x.op !== 'equal')
    const nth = changedIndex(paragraphs, isChanged)
    return (
      <div className="diff-body">
        {fold(paragraphs, isChanged, open).map((it) =>
          it.kind === 'fold' ? foldButton(it.from, it.to) : (
            <p key={it.index} className={changeClass(nth.get(it.index), current)} data-change={nth.get(it.index)}>
              <Pieces pieces={it.item} />
            </p>
          )
        )}
      </div>
    )
  }
  const nth = changedIndex(rows, (r) => r.changed)
  return (
    <div className="diff-body diff-sbs">
      <div className="diff-sbs-head">{labels.before}</div>
      <div className="diff-sbs-head">{labels.after}</div>
      {fold(rows, (r: DiffRow) => r.changed, open).map((it) =>
        it.kind === 'fold' ? foldButton(it.from, it.to) : (
          <div key={it.index} className={`diff-row ${changeClass(nth.get(it.index), current)}`} data-change={nth.get(it.index)}>
            <p className={`diff-cell${it.item.before ? '' : ' is-empty'}`}>{it.item.before && <Pieces pieces={it.item.before} />}</p>
            <p className={`diff-cell${it.item.after ? '' : ' is-empty'}`}>{it.item.after && <Pieces pieces={it.item.after} />}</p>
          </div>
        )
      )}
    </div>
  )
}

/** item index → its number among the changed items. */
function changedIndex<T>(items: T[], changed: (t: T) => boolean): Map<number, number> {
  const m = new Map<number, number>()
  items.forEach((t, k) => changed(t) && m.set(k, m.size))
  return m
}

const changeClass = (n: number | undefined, current: number): string => (n === undefined ? '' : `is-changed${n === current ? ' is-current' : ''}`)

/** How many changed paragraphs (inline) or rows (side by side) a diff has: what previous/next step through. */
export function changeCount(changes: DiffChange[], layout: 'inline' | 'side'): number {
  return layout === 'inline'
    ? inlineParagraphs(changes).filter((p) => p.some((x) => x.op !== 'equal')).length
    : diffRows(changes).filter((r) => r.changed).length
}
