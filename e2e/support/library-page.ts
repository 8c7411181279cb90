import type { Page } from '@playwright/test'

/** The library screen, as a person uses it. */
export class LibraryPage {
  constructor(readonly page: Page) {}
  rows = () => this.page.getByRole('list', { name: 'Articles' }).getByRole('listitem')
  row = (title: string) => this.page.getByRole('link', { name: new RegExp(title) })
  addButton = () => this.page.getByRole('button', { name: /Add articles/ })
  async addLinks(urls: string[], tags = ''): Promise<void> {
    await this.addButton().click()
    await this.page.getByLabel('Article links').fill(urls.join('\n'))
    if (tags) await this.page.getByRole('textbox', { name: /^Tags/ }).fill(tags)
    await this.page.getByRole('button', { name: /Add to archive|Add \d+ items/ }).click()
  }
  progress = () => this.page.getByRole('status', { name: 'Import progress' })
}
