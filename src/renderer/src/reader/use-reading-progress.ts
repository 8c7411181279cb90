/**
 * Where the reader is in an article: shown as a thin bar, kept in the archive (the furthest
 * point reached, as "62%" in the lists, and the place to reopen at), restored on open.
 *
 * The place is a plain-text offset — the text at the top of the window — not a scroll
 * position, so it survives another window size, text size or line width — also while the article
 * is open: when the column changes width, the line at the top stays there. Images above it can
 * shift the text as they load: until the reader scrolls, the place is kept in view.
 */
import { useEffect, useEffectEvent, useRef, useState } from 'react'
import type { EditorView } from 'prosemirror-view'
import { posToTextOffset, textOffsetToPos } from '../../../shared/reader/text'
import { clipfile } from '../bridge'
import { REVEALED, scrollerOf } from './reveal'
import { textOf } from './selection'

/** Read to here counts as the end (the last lines may sit above a margin). */
export const END = 0.98
const SAVE_EVERY_MS = 1500

interface Options {
  view: EditorView | null
  articleId: number
  /** The stored place (a text offset), reopened at unless `restore` is false (landing on a search match). */
  position: number
  restore: boolean
  /** The reader scrolled to the end of the article (called once per opening). */
  onEnd: () => void
}

/** How much of the article lies above the bottom of the window, 0..1. */
function fractionRead(view: EditorView): number {
  const body = view.dom.getBoundingClientRect()
  const port = scrollerOf(view.dom).getBoundingClientRect()
  if (body.height <= 0) return 0
  return Math.min(1, Math.max(0, (port.bottom - body.top) / body.height))
}

/**
 * How far below the top of the window the place's line is put back. The place is read a little
 * below that, inside the line: read above it, each rewrap would step the place up one line.
 */
const PLACE_TOP = 16
const READ_AT = PLACE_TOP + 4

/** The text offset at the top of the window. */
function placeInView(view: EditorView): number {
  const body = view.dom.getBoundingClientRect()
  const port = scrollerOf(view.dom).getBoundingClientRect()
  const at = view.posAtCoords({ left: body.left + Math.min(40, body.width / 2), top: Math.max(body.top, port.top) + READ_AT })
  return at ? posToTextOffset(textOf(view).segments, at.pos) : 0
}

function scrollToPlace(view: EditorView, offset: number): void {
  const pos = textOffsetToPos(textOf(view).segments, offset, 1)
  if (pos === null) return
  const scroller = scrollerOf(view.dom)
  const top = view.coordsAtPos(pos).top - scroller.getBoundingClientRect().top
  scroller.scrollTop += top - PLACE_TOP
}

export function useReadingProgress({ view, articleId, position, restore, onEnd }: Options): number {
  const [fraction, setFraction] = useState(0)
  const place = useRef(position)
  /**
   * The furthest fraction reached in this opening: saves are spaced out, and a peak between two
   * of them still counts; and a save as the article closes cannot measure a page that is gone.
   */
  const read = useRef(0)
  const userScrolled = useRef(false)
  const ended = useRef(false)
  const reachedEnd = useEffectEvent(onEnd)

  useEffect(() => {
    if (!view) return
    const scroller = scrollerOf(view.dom)
    let lastSave = 0
    let timer: ReturnType<typeof setTimeout> | undefined
    const save = () => {
      clearTimeout(timer)
      lastSave = Date.now()
      return clipfile.setReadingProgress({ id: articleId, progress: read.current, position: place.current })
    }
    // Opening marks it read, at the stored place (or, landing on a search match, wherever that
    // is), and counts what the first screen shows (all of a short article) as read.
    if (restore && position > 0) scrollToPlace(view, position)
    const first = fractionRead(view)
    read.current = first
    requestAnimationFrame(() => setFraction(fractionRead(view)))
    void clipfile.setReadingProgress({ id: articleId, progress: first, position })

    const sizes = () => `${view.dom.getBoundingClientRect().width} ${scroller.clientWidth} ${scroller.clientHeight}`
    let size = sizes()
    const onScroll = () => {
      const f = fractionRead(view)
      setFraction(f)
      read.current = Math.max(read.current, f)
      // A scroll event can arrive after the column changed width and before the observer below
      // has put the place back: its offset belongs to the old layout, so it says nothing of the place.
      if (sizes() === size) place.current = placeInView(view)
      if (!userScrolled.current) return
      if (f >= END && !ended.current) {
        // The end is kept at once (not with the next spaced-out save), before what the end sets
        // off (archiving): a list read after that shows the article read to the end.
        ended.current = true
        void save().then(() => reachedEnd())
        return
      }
      clearTimeout(timer)
      if (Date.now() - lastSave > SAVE_EVERY_MS) void save()
      else timer = setTimeout(save, SAVE_EVERY_MS)
    }
    // Code scrolled to a match or a highlight, in the layout as it is now: that is the place.
    const onRevealed = () => {
      size = sizes()
      place.current = placeInView(view)
    }
    // Only the reader's own scrolling counts as reading on (not the restore, not a layout shift).
    const onIntent = () => {
      userScrolled.current = true
    }
    // Images that load above the place push the text down: keep the place in view until the reader moves.
    const onImage = () => {
      if (!userScrolled.current && restore && position > 0) scrollToPlace(view, position)
    }
    // A narrower or wider column (window, panel, line width, text size) rewraps the text: keep
    // the line that was at the top at the top, not the scroll offset.
    // The window's size counts too: panels that fold or open over the text move the scroll
    // offset (the browser's scroll anchoring picks its anchor among them) without rewrapping it.
    const rewrapped = new ResizeObserver(() => {
      const now = sizes()
      if (now === size) return
      size = now
      scrollToPlace(view, place.current)
    })
    rewrapped.observe(view.dom)
    rewrapped.observe(scroller)
    scroller.addEventListener('scroll', onScroll, { passive: true })
    scroller.addEventListener(REVEALED, onRevealed)
    for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const) window.addEventListener(type, onIntent, { passive: true, capture: true })
    view.dom.addEventListener('load', onImage, true)
    window.addEventListener('pagehide', save)
    return () => {
      rewrapped.disconnect()
      scroller.removeEventListener('scroll', onScroll)
      scroller.removeEventListener(REVEALED, onRevealed)
      for (const type of ['wheel', 'touchmove', 'keydown', 'pointerdown'] as const) window.removeEventListener(type, onIntent, { capture: true })
      view.dom.removeEventListener('load', onImage, true)
      window.removeEventListener('pagehide', save)
      // Leaving the article keeps where it was left.
      if (userScrolled.current) void save()
    }
    // Runs once per view: the stored place is read at opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [view, articleId])

  return fraction
}
