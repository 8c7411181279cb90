/**
 * The matches of the search an article was opened from, marked in the text, one of them the
 * current one (`n` / `Shift+N` step through them). A plugin of its own, like the highlights':
 * React hands it the ranges (plain-text offsets) and the current index with `syncMatches`;
 * the decorations live in plugin state. New ranges draw the set once; moving the current
 * match swaps just the two decorations that change.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { TextMatches } from '../../../shared/types'
import { docText, textOffsetToPos, type TextSegment } from '../../../shared/reader/text'

type Range = TextMatches['ranges'][number]

interface MatchState {
  set: DecorationSet
  segments: TextSegment[]
  ranges: readonly Range[]
  current: number
}

interface Sync {
  ranges: readonly Range[]
  current: number
}

const matchesKey = new PluginKey<MatchState>('search-matches')

function decorate(segments: TextSegment[], r: Range, index: number, current: boolean): Decoration | null {
  const from = textOffsetToPos(segments, r.start, 1)
  const to = textOffsetToPos(segments, r.end, -1)
  if (from === null || to === null || to <= from) return null
  return Decoration.inline(
    from,
    to,
    { class: current ? 'search-match is-current' : 'search-match', 'data-match': String(index) },
    { match: index }
  )
}

function apply(state: MatchState, sync: Sync, doc: EditorState['doc']): MatchState {
  if (sync.ranges !== state.ranges) {
    const decos = sync.ranges.map((r, i) => decorate(state.segments, r, i, i === sync.current)).filter((d) => d !== null)
    return { ...state, ranges: sync.ranges, current: sync.current, set: DecorationSet.create(doc, decos) }
  }
  if (sync.current === state.current) return state
  const changed = [state.current, sync.current].filter((i) => i >= 0 && i < state.ranges.length)
  const stale = changed.flatMap((i) => state.set.find(undefined, undefined, (spec) => spec.match === i))
  const fresh = changed.map((i) => decorate(state.segments, state.ranges[i], i, i === sync.current)).filter((d) => d !== null)
  return { ...state, current: sync.current, set: state.set.remove(stale).add(doc, fresh) }
}

export function searchMatchesPlugin(): Plugin<MatchState> {
  return new Plugin<MatchState>({
    key: matchesKey,
    state: {
      init: (_config, state) => ({ set: DecorationSet.empty, segments: docText(state.doc).segments, ranges: [], current: -1 }),
      apply: (tr, value, _old, state) => {
        const sync = tr.getMeta(matchesKey) as Sync | undefined
        const mapped = tr.docChanged ? { ...value, set: value.set.map(tr.mapping, tr.doc) } : value
        return sync ? apply(mapped, sync, state.doc) : mapped
      }
    },
    props: { decorations: (state) => matchesKey.getState(state)?.set ?? null }
  })
}

/** Command: marks `ranges` (plain-text offsets), the one at `current` as the current match (-1: none). */
export const syncMatches = (ranges: readonly Range[], current: number) => (state: EditorState, dispatch?: (tr: Transaction) => void) => {
  dispatch?.(state.tr.setMeta(matchesKey, { ranges, current } satisfies Sync))
  return true
}
