/**
 * The passage of a detected quote, marked while the pointer is over it in the Quotes tab:
 * one decoration, in a plugin of its own.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import { docText, textOffsetToPos, type TextSegment } from '../../../shared/reader/text'

interface PreviewState {
  set: DecorationSet
  segments: TextSegment[]
}

type Range = { start: number; end: number } | null

const previewKey = new PluginKey<PreviewState>('quote-preview')

export function quotePreviewPlugin(): Plugin<PreviewState> {
  return new Plugin<PreviewState>({
    key: previewKey,
    state: {
      init: (_config, state) => ({ set: DecorationSet.empty, segments: docText(state.doc).segments }),
      apply: (tr, value, _old, state) => {
        const range = tr.getMeta(previewKey) as Range | undefined
        if (range === undefined) return value
        const from = range ? textOffsetToPos(value.segments, range.start, 1) : null
        const to = range ? textOffsetToPos(value.segments, range.end, -1) : null
        const decos = from !== null && to !== null && to > from ? [Decoration.inline(from, to, { class: 'quote-preview' })] : []
        return { ...value, set: DecorationSet.create(state.doc, decos) }
      }
    },
    props: { decorations: (state) => previewKey.getState(state)?.set ?? null }
  })
}

/** Command: marks the passage at `range` of the plain text (null: none). */
export const previewRange = (range: Range) => (state: EditorState, dispatch?: (tr: Transaction) => void) => {
  dispatch?.(state.tr.setMeta(previewKey, range))
  return true
}
