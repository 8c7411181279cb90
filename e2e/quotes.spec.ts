import { test, expect, snap } from './support/serve'
import { openAt, snapWidths } from './support/seed'
import { newsPage, newsSite, SYRIA_PARAGRAPHS } from './support/site'

test('detected quotes: list with speakers, highlight one tagged with its speaker, correct one, see people', async ({ page, served, consoleErrors }) => {
  const site = await newsSite({
    '/tillerson': newsPage('Tillerson tells Iran to withdraw from Syria', 'The Daily Ledger', 'Julian Borger', '2017-10-22T09:00:00Z', SYRIA_PARAGRAPHS),
    '/velayati': newsPage('Velayati: US demand is ridiculous', 'Gulf Observer', 'Sara Haddad', '2017-10-23T09:00:00Z', [
      'Ali Akbar Velayati, a senior adviser to Iran’s supreme leader, said on Monday that Iranian forces would stay in Syria.',
      '“We are in Syria at the invitation of its government and we will stay as long as it asks us to,” Velayati told reporters in Tehran.',
      'In remarks carried live on state television, he was blunter.',
      '“Nobody can tell the Iranian people where to stand,” he added.',
      '“The Americans should leave first.”'
    ])
  })
  let id = 0
  try {
    for (const p of ['/tillerson', '/velayati']) {
      const r = await served.cli(['import', site.url(p), '--json'])
      expect(r.code).toBe(0)
      if (p === '/tillerson') id = JSON.parse(r.stdout).id
    }
  } finally {
    await site.close()
  }
  await page.goto(served.url.replace('#', `#/article/${id}?`))
  await page.getByRole('tab', { name: /Quotes/ }).click()
  const panel = page.getByRole('complementary', { name: 'Detected quotes' })
  const tillerson = panel.getByRole('listitem').filter({ hasText: 'Iran needs to withdraw its military and the militias' })
  await expect(tillerson).toContainText('Rex Tillerson')
  await expect(tillerson).toContainText('high')
  await tillerson.hover()
  await expect(page.locator('.ProseMirror .quote-preview')).toContainText('Iran needs to withdraw its military')
  await snap(page, 'reader-quotes-tab')
  await tillerson.getByRole('button', { name: 'Highlight' }).click()
  await expect(tillerson).toContainText('Highlighted')
  await expect(page.locator('.ProseMirror mark.hl')).toContainText('Iran needs to withdraw its military')

  // Correct the speaker of the "ridiculous" partial quote, and keep it with the keyboard.
  const ridiculous = panel.getByRole('listitem').filter({ hasText: 'ridiculous' }).first()
  await ridiculous.getByRole('button', { name: /Correct the speaker/ }).click()
  await panel.getByRole('textbox', { name: 'Speaker' }).fill('Ali Akbar Velayati')
  await panel.getByRole('button', { name: 'Save' }).click()
  await expect(ridiculous).toContainText('corrected')
  await ridiculous.locator('.dq-item').focus()
  await page.keyboard.press('q')
  await expect(ridiculous).toContainText('Highlighted')

  await page.getByRole('tab', { name: 'Highlights' }).click()
  const hl = page.getByRole('complementary', { name: 'Highlights' })
  await expect(hl.getByRole('listitem')).toHaveCount(2)
  await expect(hl).toContainText('Rex Tillerson')
  await expect(hl).toContainText('Ali Akbar Velayati')

  await page.getByRole('link', { name: 'People' }).click()
  const people = page.getByRole('region', { name: 'People' })
  await expect(people.getByRole('link', { name: /Ali Akbar Velayati/ })).toBeVisible()
  await expect(people.getByRole('link', { name: /Rex Tillerson/ })).toBeVisible()
  await people.getByRole('link', { name: /Ali Akbar Velayati/ }).click()
  const quotes = page.getByRole('list', { name: 'Quotes' })
  await expect(quotes).toContainText('We are in Syria at the invitation of its government')
  await expect(quotes).toContainText('ridiculous')
  // A quote with no attribution of its own, after his, is probably his, and the page says why.
  const inherited = quotes.getByRole('listitem').filter({ hasText: 'The Americans should leave first' })
  await expect(inherited).toContainText('probably Ali Akbar Velayati?')
  await expect(inherited).toContainText('Speaker uncertain: named indirectly')
  await expect(quotes.getByRole('listitem').filter({ hasText: 'We are in Syria' })).not.toContainText('uncertain')
  // Where and when they are quoted.
  const said = page.getByRole('region', { name: 'Quotes by Ali Akbar Velayati' })
  await expect(said.getByLabel('Quoted in')).toContainText('Gulf Observer')
  await expect(said.getByLabel('Quoted in')).toContainText('The Daily Ledger')
  await expect(said).toContainText('Oct 2017')
  // Merging: a searchable list, not a wall of names.
  const picker = said.getByRole('combobox', { name: 'Same person as' })
  await picker.fill('tiller')
  const options = said.getByRole('listbox', { name: 'Same person as' }).getByRole('option')
  await expect(options).toHaveCount(1)
  await expect(options.first()).toContainText('Rex Tillerson')
  await snapWidths(page, 'people', snap)
  await picker.press('Escape')
  await page.getByRole('link', { name: 'Search', exact: true }).click()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('speaker:"Ali Akbar Velayati"')
  await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem')).toHaveCount(2)
  expect(consoleErrors).toEqual([])
})

test('People in an archive where nobody is quoted yet says so where it can be seen', async ({ page, served }) => {
  await openAt(page, served, '/people')
  const empty = page.getByRole('region', { name: 'Nobody quoted yet' })
  await expect(empty).toBeVisible()
  await expect(empty).toBeInViewport()
  // The hint sits near the top, not centred in a tall row.
  expect((await empty.boundingBox())!.y).toBeLessThan(300)
})
