/**
 * Highlights as ProseMirror decorations. The set lives in plugin state and is changed by
 * small transactions (add, remove, replace one, select) — mapped, not rebuilt — so a
 * thousand highlights cost nothing when one changes. Positions come from the stored W3C
 * selectors through the shared text mapping: the document itself is never touched.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Highlight } from '../../../shared/api'
import { docText, textOffsetToPos, type TextSegment } from '../../../shared/reader/text'

interface HighlightState {
  set: DecorationSet
  selected: number | null
  segments: TextSegment[]
  /** A passage shown while the pointer is over a detected quote. */
  preview: DecorationSet
}

type Action =
  | { type: 'reset'; highlights: Highlight[] }
  | { type: 'upsert'; highlight: Highlight }
  | { type: 'remove'; id: number }
  | { type: 'select'; id: number | null }
  | { type: 'preview'; range: { start: number; end: number } | null }

export const highlightsKey = new PluginKey<HighlightState>('highlights')

function decorate(h: Highlight, segments: TextSegment[], selected: boolean): Decoration | null {
  if (h.orphan) return null
  const from = textOffsetToPos(segments, h.start, 1)
  const to = textOffsetToPos(segments, h.end, -1)
  if (from === null || to === null || to <= from) return null
  return Decoration.inline(
    from,
    to,
    { class: `hl hl-${h.color}${selected ? ' hl-selected' : ''}`, 'data-hl': String(h.id), nodeName: 'mark' },
    { id: h.id, highlight: h }
  )
}

function ofId(set: DecorationSet, id: number): Decoration[] {
  return set.find(undefined, undefined, (spec) => spec.id === id)
}

function apply(tr: Transaction, state: HighlightState, doc: EditorState['doc']): HighlightState {
  const action = tr.getMeta(highlightsKey) as Action | undefined
  const mapped = tr.docChanged ? state.set.map(tr.mapping, tr.doc) : state.set
  if (!action) return { ...state, set: mapped }
  const { segments } = state
  switch (action.type) {
    case 'reset': {
      const decos = action.highlights.map((h) => decorate(h, segments, h.id === state.selected)).filter((d): d is Decoration => d !== null)
      return { ...state, set: DecorationSet.create(doc, decos) }
    }
    case 'upsert': {
      const d = decorate(action.highlight, segments, action.highlight.id === state.selected)
      const without = mapped.remove(ofId(mapped, action.highlight.id))
      return { ...state, set: d ? without.add(doc, [d]) : without }
    }
    case 'remove':
      return { ...state, set: mapped.remove(ofId(mapped, action.id)), selected: state.selected === action.id ? null : state.selected }
    case 'preview': {
      const r = action.range
      const from = r ? textOffsetToPos(segments, r.start, 1) : null
      const to = r ? textOffsetToPos(segments, r.end, -1) : null
      const deco = from !== null && to !== null && to > from ? [Decoration.inline(from, to, { class: 'quote-preview' })] : []
      return { ...state, preview: DecorationSet.create(doc, deco) }
    }
    case 'select': {
      // Only the two highlights whose look changes are swapped.
      let set = mapped
      for (const id of [state.selected, action.id]) {
        if (id === null) continue
        for (const old of ofId(set, id)) {
          const h = (old.spec as { highlight: Highlight }).highlight
          const next = decorate(h, segments, id === action.id)
          set = set.remove([old])
          if (next) set = set.add(doc, [next])
        }
      }
      return { ...state, set, selected: action.id }
    }
  }
}

export function highlightsPlugin(initial: Highlight[]): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      init: (_config, state) => {
        const { segments } = docText(state.doc)
        const decos = initial.map((h) => decorate(h, segments, false)).filter((d): d is Decoration => d !== null)
        return { set: DecorationSet.create(state.doc, decos), selected: null, segments, preview: DecorationSet.empty }
      },
      apply: (tr, value, _old, state) => apply(tr, value, state.doc)
    },
    props: {
      decorations: (state) => {
        const s = highlightsKey.getState(state)
        if (!s) return null
        return s.preview === DecorationSet.empty ? s.set : s.set.add(state.doc, s.preview.find())
      }
    }
  })
}

/** Commands: `(state, dispatch) => boolean`, as ProseMirror commands are. */
export const setHighlights = (highlights: Highlight[]) => (state: EditorState, dispatch?: (tr: Transaction) => void) => {
  dispatch?.(state.tr.setMeta(highlightsKey, { type: 'reset', highlights } satisfies Action))
  return true
}
export const upsertHighlight = (highlight: Highlight) => (state: EditorState, dispatch?: (tr: Transaction) => void) => {
  dispatch?.(state.tr.setMeta(highlightsKey, { type: 'upsert', highlight } satisfies Action))
  return true
}
export const removeHighlight = (id: number) => (state: EditorState, dispatch?: (tr: Transaction) => void) => {
  dispatch?.(state.tr.setMeta(highlightsKey, { type: 'remove', id } satisfies Action))
  return true
}
export const selectHighlight = (id: number | null) => (state: EditorState, dispatch?: (tr: Transaction) => void) => {
  if (highlightsKey.getState(state)?.selected === id) return false
  dispatch?.(state.tr.setMeta(highlightsKey, { type: 'select', id } satisfies Action))
  return true
}

/** The highlight ids under a DOM node (innermost first), from the decorations' data attribute. */
export function highlightIdsAt(target: EventTarget | null): number[] {
  const ids: number[] = []
  let el = target instanceof Element ? target.closest('[data-hl]') : null
  while (el) {
    ids.push(Number(el.getAttribute('data-hl')))
    el = el.parentElement?.closest('[data-hl]') ?? null
  }
  return ids
}
export const previewRange = (range: { start: number; end: number } | null) => (state: EditorState, dispatch?: (tr: Transaction) => void) => {
  dispatch?.(state.tr.setMeta(highlightsKey, { type: 'preview', range } satisfies Action))
  return true
}
