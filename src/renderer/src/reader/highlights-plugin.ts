/**
 * Highlights as ProseMirror decorations. React owns the highlights; it hands this plugin the
 * current list (and the selected id) with `syncHighlights`, and the plugin redraws only the
 * highlights that changed since its last sync — the set lives in plugin state and is mapped,
 * not rebuilt, so a thousand highlights cost nothing when one changes. Positions come from
 * the stored W3C selectors through the shared text mapping: the document is never touched.
 */
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Highlight } from '../../../shared/api'
import { docText, textOffsetToPos, type TextSegment } from '../../../shared/reader/text'

interface Drawn {
  highlight: Highlight
  selected: boolean
}

interface HighlightState {
  set: DecorationSet
  /** What each decoration was drawn from, by highlight id. */
  drawn: Map<number, Drawn>
  segments: TextSegment[]
}

interface Sync {
  highlights: readonly Highlight[]
  selected: number | null
}

const highlightsKey = new PluginKey<HighlightState>('highlights')

function decorate(h: Highlight, segments: TextSegment[], selected: boolean): Decoration | null {
  if (h.orphan) return null
  const from = textOffsetToPos(segments, h.start, 1)
  const to = textOffsetToPos(segments, h.end, -1)
  if (from === null || to === null || to <= from) return null
  // Words that changed after they were highlighted are marked, and say so on hover.
  const changed = h.changedIn !== null
  return Decoration.inline(
    from,
    to,
    {
      class: `hl hl-${h.color}${selected ? ' hl-selected' : ''}${changed ? ' hl-changed' : ''}`,
      'data-hl': String(h.id),
      nodeName: 'mark',
      ...(changed ? { title: `Changed after you highlighted it (version ${h.changedIn}). You highlighted: “${h.originalExact}”` } : {})
    },
    { id: h.id }
  )
}

/** The plugin state after a sync: only highlights whose object or selection changed are redrawn. */
function applySync(state: HighlightState, sync: Sync, doc: EditorState['doc']): HighlightState {
  const stale: Decoration[] = []
  const fresh: Decoration[] = []
  const drawn = new Map<number, Drawn>()
  for (const h of sync.highlights) {
    const selected = h.id === sync.selected
    const before = state.drawn.get(h.id)
    drawn.set(h.id, { highlight: h, selected })
    if (before && before.highlight === h && before.selected === selected) continue
    if (before) stale.push(...state.set.find(undefined, undefined, (spec) => spec.id === h.id))
    const d = decorate(h, state.segments, selected)
    if (d) fresh.push(d)
  }
  for (const id of state.drawn.keys()) {
    if (!drawn.has(id)) stale.push(...state.set.find(undefined, undefined, (spec) => spec.id === id))
  }
  if (stale.length === 0 && fresh.length === 0) return { ...state, drawn }
  return { ...state, drawn, set: state.set.remove(stale).add(doc, fresh) }
}

export function highlightsPlugin(): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightsKey,
    state: {
      init: (_config, state) => ({ set: DecorationSet.empty, drawn: new Map(), segments: docText(state.doc).segments }),
      apply: (tr, value, _old, state) => {
        const sync = tr.getMeta(highlightsKey) as Sync | undefined
        const mapped = tr.docChanged ? { ...value, set: value.set.map(tr.mapping, tr.doc) } : value
        return sync ? applySync(mapped, sync, state.doc) : mapped
      }
    },
    props: { decorations: (state) => highlightsKey.getState(state)?.set ?? null }
  })
}

/** Command: draws `highlights` (with `selected` marked) as they are now. */
export const syncHighlights = (highlights: readonly Highlight[], selected: number | null) => (state: EditorState, dispatch?: (tr: Transaction) => void) => {
  dispatch?.(state.tr.setMeta(highlightsKey, { highlights, selected } satisfies Sync))
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
