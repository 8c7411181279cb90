import { useLayoutEffect } from 'react'
import type { EditorView } from 'prosemirror-view'
import type { Highlight } from '../../../shared/api'
import { syncHighlights } from './highlights-plugin'
import { withDomSelection } from './selection'

/**
 * Where highlights flow from React into the reader: after every change of the list or of the
 * selected id, the plugin is handed both and redraws what differs. Rendered after the reader
 * and before the toolbar, so the toolbar finds the marks already drawn when it places itself.
 */
export function HighlightDecorations({ view, highlights, selectedId }: { view: EditorView | null; highlights: readonly Highlight[]; selectedId: number | null }) {
  useLayoutEffect(() => {
    if (view) syncHighlights(highlights, selectedId)(view.state, (tr) => view.dispatch(withDomSelection(view, tr)))
  }, [view, highlights, selectedId])
  return null
}
