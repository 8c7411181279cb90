/**
 * Scrolling the reader to an element from code (a search match, a highlight, a quote).
 *
 * The reading-progress hook keeps "the place" (the text at the top of the window) from scroll
 * events, and puts it back when the column rewraps. Scroll events arrive a frame late, while
 * resize observers run in the same frame as the scroll: a scroll from code in the frame of a
 * rewrap (the window resized just before a key press) would be undone — the old place put
 * back. So the scroller is told at once (`REVEALED`): the place is where the code scrolled to,
 * in the layout it scrolled in.
 */
export const REVEALED = 'clipfile:revealed'

/** The element the article scrolls in. */
export function scrollerOf(el: HTMLElement): HTMLElement {
  return (el.closest('.content') as HTMLElement | null) ?? (document.scrollingElement as HTMLElement)
}

export function reveal(el: Element | null | undefined, smooth = false): void {
  if (!(el instanceof HTMLElement)) return
  el.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' })
  scrollerOf(el).dispatchEvent(new Event(REVEALED))
}
