import type { Page } from '@playwright/test'

/** The reader, as a person uses it. */
export class ReaderPage {
  constructor(readonly page: Page) {}
  body = () => this.page.getByRole('article', { name: 'Article text' })
  panel = () => this.page.getByRole('complementary', { name: 'Highlights' })
  toolbar = () => this.page.getByRole('toolbar')
  marks = () => this.body().locator('mark.hl')

  /** Selects `text` inside the article as a mouse would (across highlight marks too), and lets go. */
  /** Selects the words as a mouse would; `mouseUp: false` leaves out the mouse-up the reader reads them on. */
  async select(text: string, { mouseUp = true }: { mouseUp?: boolean } = {}): Promise<void> {
    await this.page.evaluate(({ needle, mouseUp }) => {
      const root = document.querySelector('.ProseMirror')!
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      const nodes: { node: Node; at: number }[] = []
      let all = ''
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n, at: all.length })
        all += n.textContent ?? ''
      }
      const i = all.indexOf(needle)
      if (i < 0) throw new Error(`text not found in the article: ${needle}`)
      const locate = (offset: number, end: boolean) => {
        const hit = [...nodes].reverse().find((x) => (end ? x.at < offset : x.at <= offset))!
        return { node: hit.node, offset: offset - hit.at }
      }
      const a = locate(i, false)
      const b = locate(i + needle.length, true)
      const range = document.createRange()
      range.setStart(a.node, a.offset)
      range.setEnd(b.node, b.offset)
      const sel = window.getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
      if (mouseUp) document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }))
    }, { needle: text, mouseUp })
  }
}
