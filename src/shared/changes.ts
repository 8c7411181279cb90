/**
 * Diffs as people read them, shared by the UI, the CLI and the exports: the one-line summary
 * of a change, and the paragraph layout of a word-level diff (inline, and side by side).
 * No Node, no DOM.
 */
import type { ChangeSummary, DiffChange } from './types'

const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en')} ${n === 1 ? one : many}`

/** "+120 / −45 words, headline changed, 2 quotes changed" (or "no change in the text"). */
export function describeSummary(s: ChangeSummary): string {
  const parts: string[] = []
  if (s.inserted || s.deleted) parts.push(`+${s.inserted.toLocaleString('en')} / −${s.deleted.toLocaleString('en')} words`)
  if (s.titleChanged) parts.push('headline changed')
  if (s.bylineChanged) parts.push('byline changed')
  const count = (kind: string) => s.quotes.filter((q) => q.kind === kind).length
  for (const [kind, label] of [['changed', 'changed'], ['added', 'added'], ['removed', 'removed']] as const) {
    const n = count(kind)
    if (n) parts.push(`${plural(n, 'quote')} ${label}`)
  }
  return parts.length ? parts.join(', ') : 'no change in the words'
}

/** A piece of one paragraph, marked as in both versions, only the earlier, or only the later. */
export type Piece = DiffChange

/** One row of a side-by-side diff: a paragraph of the earlier text beside its counterpart. */
export interface DiffRow {
  /** null: the paragraph is new (left) or gone (right). */
  before: Piece[] | null
  after: Piece[] | null
  /** Whether anything in the row changed. */
  changed: boolean
}

const PARAGRAPH = '\n\n'

/**
 * Lays a diff out in paragraphs. Rows follow the later text's paragraphs and the earlier
 * one's together: text both share ends a row at each paragraph break, so an unchanged
 * paragraph sits beside itself, an edited one beside its old self, and an added or removed
 * paragraph beside nothing.
 */
export function diffRows(changes: DiffChange[]): DiffRow[] {
  const rows: DiffRow[] = []
  let before: Piece[] = []
  let after: Piece[] = []
  const flush = () => {
    if (before.length === 0 && after.length === 0) return
    const changed = before.some((p) => p.op !== 'equal') || after.some((p) => p.op !== 'equal')
    rows.push({ before: before.length ? before : null, after: after.length ? after : null, changed })
    before = []
    after = []
  }
  changes.forEach((c, i) => {
    const parts = c.text.split(PARAGRAPH)
    parts.forEach((text, k) => {
      if (k > 0) {
        // A break that opens an insertion where the earlier text's paragraph ends too (an
        // added paragraph) ends the row on both sides; so for a deletion. Otherwise a break
        // inside a deletion ends the earlier side's paragraph only, and so on.
        if (c.op === 'equal' || (k === 1 && parts[0] === '' && otherSideEnds(changes, i))) flush()
        else if (c.op === 'delete') before = endParagraph(rows, before, 'before', after.length === 0)
        else after = endParagraph(rows, after, 'after', before.length === 0)
      }
      if (text === '') return
      if (c.op !== 'insert') before.push({ op: c.op, text })
      if (c.op !== 'delete') after.push({ op: c.op, text })
    })
  })
  flush()
  return rows
}

/**
 * Whether the other text's paragraph ends right after change i: the next run that text has
 * opens with a paragraph break, or there is none.
 */
function otherSideEnds(changes: DiffChange[], i: number): boolean {
  const skip = changes[i].op
  const next = changes.slice(i + 1).find((c) => c.op !== skip)
  return next === undefined || next.text.startsWith(PARAGRAPH)
}

/**
 * Closes one side's paragraph as a row of its own when the other side has nothing pending;
 * otherwise (a paragraph split or joined) the break stays inside the row as a piece "\n\n".
 */
function endParagraph(rows: DiffRow[], side: Piece[], which: 'before' | 'after', otherEmpty: boolean): Piece[] {
  if (side.length === 0) return side
  if (!otherEmpty) return [...side, { op: which === 'before' ? 'delete' : 'insert', text: PARAGRAPH }]
  rows.push({ before: which === 'before' ? side : null, after: which === 'after' ? side : null, changed: true })
  return []
}

/** The inline view: each paragraph's pieces in order, deletions beside the insertions that replace them. */
export function inlineParagraphs(changes: DiffChange[]): Piece[][] {
  const paragraphs: Piece[][] = [[]]
  for (const c of changes) {
    c.text.split(PARAGRAPH).forEach((text, k) => {
      if (k > 0) paragraphs.push([])
      if (text !== '') paragraphs[paragraphs.length - 1].push({ op: c.op, text })
    })
  }
  return paragraphs.filter((p) => p.length > 0)
}
