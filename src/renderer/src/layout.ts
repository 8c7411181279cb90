/**
 * Window width classes. Wide windows dock the sidebar and the reader's side panel beside the
 * text (each can be folded, and that is remembered). Below WIDE_MIN the text would get too
 * narrow for both: the sidebar starts as a rail of icons and the side panel hidden, and each
 * opens over the page when asked for — so at 800 px the text column keeps at least 480 px.
 */
import { useSyncExternalStore } from 'react'

export const WIDE_MIN = 1100
const query = `(min-width: ${WIDE_MIN}px)`

function subscribe(fn: () => void) {
  const mq = window.matchMedia(query)
  mq.addEventListener('change', fn)
  return () => mq.removeEventListener('change', fn)
}

/** True in a window wide enough to dock the sidebar and the side panel. */
export const useWide = (): boolean => useSyncExternalStore(subscribe, () => window.matchMedia(query).matches)
