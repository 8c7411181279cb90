import { readFileSync } from 'node:fs'
import { test, expect, snap } from './support/serve'
import { ReaderPage } from './support/reader-page'
import { newsPage, newsSite, SYRIA_PARAGRAPHS } from './support/site'

async function seed(served: { cli: (a: string[]) => Promise<{ code: number | null; stdout: string }> }) {
  const site = await newsSite({
    '/tillerson': newsPage('Tillerson tells Iran to withdraw from Syria', 'The Daily Ledger', 'Julian Borger', '2017-10-22T09:00:00Z', SYRIA_PARAGRAPHS)
  })
  const r = await served.cli(['import', site.url('/tillerson'), '--json'])
  await site.close()
  expect(r.code).toBe(0)
  return JSON.parse(r.stdout).id as number
}

const SENTENCE = 'Iran needs to withdraw its military forces from Syria'

test('select, highlight, tag, note; reload keeps it; export shows it; delete removes it', async ({ page, served, consoleErrors }) => {
  const id = await seed(served)
  await page.goto(served.url.replace('#', `#/article/${id}?`))
  const reader = new ReaderPage(page)
  await expect(reader.body()).toContainText(SENTENCE)
  await reader.select(SENTENCE)
  await expect(page.getByRole('toolbar', { name: 'Highlight selection' })).toBeVisible()
  await page.getByRole('button', { name: 'Highlight Green' }).click()
  await expect(reader.marks()).toHaveCount(1)
  await expect(reader.marks().first()).toHaveText(SENTENCE)
  const editor = page.getByRole('toolbar', { name: 'Edit highlight' })
  await editor.getByRole('combobox', { name: 'Tags' }).fill('Tillerson')
  await editor.getByRole('combobox', { name: 'Tags' }).press('Enter')
  await editor.getByRole('combobox', { name: 'Tags' }).fill('Syria')
  await editor.getByRole('combobox', { name: 'Tags' }).press('Enter')
  await editor.getByRole('textbox', { name: 'Note' }).fill('The clearest statement of the demand')
  await editor.getByRole('textbox', { name: 'Note' }).press('Escape')
  await expect(reader.panel()).toContainText('The clearest statement of the demand')
  await expect(reader.panel()).toContainText('Tillerson')

  await page.reload()
  await expect(reader.marks()).toHaveCount(1)
  await expect(reader.panel()).toContainText('The clearest statement of the demand')
  await expect(reader.panel().locator('.hl-item .tag', { hasText: 'Syria' })).toBeVisible()

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    reader.panel().getByRole('button', { name: 'Export' }).click().then(() => page.getByRole('menuitem', { name: 'Markdown' }).click())
  ])
  const md = readFileSync(await download.path(), 'utf8')
  expect(md).toContain(`> ${SENTENCE}`)
  expect(md).toContain('The Daily Ledger')
  expect(md).toContain('#Tillerson')

  await reader.marks().first().click()
  await expect(page.getByRole('toolbar', { name: 'Edit highlight' })).toBeVisible()
  await page.keyboard.press('Escape')
  await reader.marks().first().click()
  await page.getByRole('button', { name: 'Delete highlight' }).click()
  await expect(reader.marks()).toHaveCount(0)
  await page.reload()
  await expect(reader.body()).toContainText(SENTENCE)
  await expect(reader.marks()).toHaveCount(0)
  expect(consoleErrors).toEqual([])
})

test('a key pressed before the reader has read the selection still acts on it', async ({ page, served }) => {
  const id = await seed(served)
  await page.goto(served.url.replace('#', `#/article/${id}?`))
  const reader = new ReaderPage(page)
  await expect(reader.body()).toContainText('Ali Akbar Velayati')
  // The words are selected but the reader has not rendered since (no mouse-up yet): h must still see them.
  await reader.select('Ali Akbar Velayati', { mouseUp: false })
  await page.keyboard.press('h')
  await expect(reader.marks()).toHaveCount(1)
  await page.keyboard.press('Escape')
  await reader.select('a senior adviser', { mouseUp: false })
  await page.keyboard.press('n')
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeFocused()
})

test('keyboard: h highlights the selection, n opens its note, Delete removes it; overlapping highlights', async ({ page, served }) => {
  const id = await seed(served)
  await page.goto(served.url.replace('#', `#/article/${id}?`))
  const reader = new ReaderPage(page)
  await expect(reader.body()).toContainText('Ali Akbar Velayati')
  await reader.select('Ali Akbar Velayati, a senior adviser')
  await page.keyboard.press('h')
  await expect(reader.marks()).toHaveCount(1)
  await page.keyboard.press('Escape')
  await reader.select('a senior adviser to Iran’s supreme leader')
  await page.keyboard.press('n')
  await expect(page.getByRole('textbox', { name: 'Note' })).toBeFocused()
  await page.getByRole('textbox', { name: 'Note' }).fill('overlaps the first')
  await page.getByRole('textbox', { name: 'Note' }).press('Escape')
  await expect(reader.panel().getByRole('listitem')).toHaveCount(2)
  await expect(reader.body().locator('mark.hl mark.hl')).toHaveCount(1)
  await reader.select('rejected the demand as “ridiculous”')
  await page.getByRole('button', { name: 'Highlight Pink' }).click()
  await page.keyboard.press('Escape')
  await snap(page, 'reader-highlights')
  await page.emulateMedia({ colorScheme: 'dark' })
  await reader.marks().nth(0).click()
  await snap(page, 'reader-toolbar-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await page.keyboard.press('Delete')
  await expect(reader.panel().getByRole('listitem')).toHaveCount(2)

  await page.getByRole('navigation', { name: 'Highlights and quotes' }).getByRole('link', { name: /Highlights/ }).click()
  await expect(page.getByRole('heading', { name: 'Highlights' })).toBeVisible()
  await expect(page.getByRole('list', { name: 'Highlights' }).getByRole('listitem')).toHaveCount(2)
  await snap(page, 'highlights')
})
