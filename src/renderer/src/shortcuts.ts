/**
 * Every keyboard shortcut, in one table: the `?` dialog shows it, and a test checks that the
 * README's keyboard table says the same. Letters are case-insensitive unless Shift is named.
 */
export interface Shortcut {
  /** Keys that do the same, each a key or a chord ("Ctrl+K"). */
  keys: string[]
  does: string
}

export interface ShortcutGroup {
  title: string
  items: Shortcut[]
}

export const SHORTCUTS: ShortcutGroup[] = [
  {
    title: 'Everywhere',
    items: [
      { keys: ['/', 'Ctrl+K'], does: 'search' },
      { keys: ['A'], does: 'add articles' },
      { keys: ['?'], does: 'show every shortcut' },
      { keys: ['Ctrl+Z'], does: 'undo the last archive, move or delete (while its Undo is shown)' }
    ]
  },
  {
    title: 'Lists: Inbox, Archive, Starred, All articles, search results',
    items: [
      { keys: ['J'], does: 'next article' },
      { keys: ['K'], does: 'previous article' },
      { keys: ['Enter', 'O'], does: 'open it' },
      { keys: ['X'], does: 'select it (Shift+click selects a range)' },
      { keys: ['E'], does: 'archive the selected articles, or this one (in the Archive: move to the inbox)' },
      { keys: ['S'], does: 'star or unstar' },
      { keys: ['#'], does: 'delete (with Undo)' },
      { keys: ['Esc'], does: 'clear the selection' }
    ]
  },
  {
    title: 'Reading',
    items: [
      { keys: ['U', 'Esc'], does: 'back to the list' },
      { keys: ['E'], does: 'archive and go back (in the Archive: move to the inbox)' },
      { keys: ['S'], does: 'star or unstar' },
      { keys: ['N'], does: 'next match of the search the article was opened from (when no text is selected)' },
      { keys: ['Shift+N'], does: 'previous match' },
      { keys: ['+'], does: 'larger text' },
      { keys: ['−'], does: 'smaller text' }
    ]
  },
  {
    title: 'Highlighting (with text or a highlight selected)',
    items: [
      { keys: ['H'], does: 'highlight the selection' },
      { keys: ['N'], does: 'highlight it and write a note (or edit the note of the selected highlight)' },
      { keys: ['T'], does: 'highlight it and tag it' },
      { keys: ['C'], does: 'copy the selected highlight as a quote with its citation' },
      { keys: ['Delete'], does: 'delete the selected highlight' },
      { keys: ['Esc'], does: 'close the toolbar' },
      { keys: ['Q'], does: 'in the Quotes tab: keep the focused quote as a highlight' }
    ]
  }
]
