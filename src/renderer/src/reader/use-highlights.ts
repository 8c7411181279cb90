import { useRef, useState } from 'react'
import type { Article, Highlight } from '../../../shared/api'
import type { HighlightColor } from '../../../shared/vocabulary'
import { clipfile } from '../bridge'

export interface HighlightPatch {
  color?: HighlightColor
  note?: string
  tags?: string[]
}

/**
 * The article's highlights, owned here: made, edited (shown at once, saved in order) and
 * deleted, with the selected one. The reader draws whatever this holds.
 */
export function useHighlights(article: Article, say: (message: string) => void) {
  const [highlights, setHighlights] = useState<Highlight[]>(article.highlights)
  const [selectedId, setSelectedId] = useState<number | null>(null)
  const saving = useRef<Promise<unknown>>(Promise.resolve())
  const selected = highlights.find((h) => h.id === selectedId) ?? null
  const replace = (h: Highlight) => setHighlights((hs) => hs.map((x) => (x.id === h.id ? h : x)))

  /** A highlight made elsewhere (a detected quote kept): shown and selected. */
  const added = (h: Highlight) => {
    setHighlights((hs) => [...hs, h])
    setSelectedId(h.id)
  }

  const create = async (range: { start: number; end: number }, color: HighlightColor): Promise<Highlight | null> => {
    const r = await clipfile.addHighlight({ articleId: article.id, start: range.start, end: range.end, color })
    if (!r.ok) {
      say(r.error.message)
      return null
    }
    added(r.value)
    return r.value
  }

  const update = async (patch: HighlightPatch) => {
    if (!selected) return
    // Shown at once, so a second edit made before the first is saved builds on it.
    replace({ ...selected, ...patch })
    // Saves go one after another, so the last edit is the one that stays.
    const sent = saving.current.then(() => clipfile.updateHighlight({ id: selected.id, ...patch }))
    saving.current = sent
    const r = await sent
    if (!r.ok) {
      replace(selected)
      return say(r.error.message)
    }
    setHighlights((hs) => hs.map((h) => (h.id === r.value.id ? { ...r.value, ...pendingOnly(h, r.value) } : h)))
  }

  const remove = async () => {
    if (!selected) return
    const r = await clipfile.deleteHighlight({ id: selected.id })
    if (!r.ok) return say(r.error.message)
    setHighlights((hs) => hs.filter((h) => h.id !== selected.id))
    setSelectedId(null)
    say('Highlight deleted')
  }

  return { highlights, selected, selectedId, select: setSelectedId, added, create, update, remove }
}

/** Fields edited again since this save was sent keep their newer local value. */
function pendingOnly(local: Highlight, saved: Highlight): Partial<Highlight> {
  const out: Partial<Highlight> = {}
  if (local.note !== saved.note) out.note = local.note
  if (local.color !== saved.color) out.color = local.color
  if (local.tags.join('\u0000').toLowerCase() !== saved.tags.join('\u0000').toLowerCase()) out.tags = local.tags
  return out
}
