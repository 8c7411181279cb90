import { test, expect, snap } from './support/serve'
import { newsPage, newsSite } from './support/site'

const STORIES: [string, string, string, string, string[], string][] = [
  ['/a', 'Iran must withdraw its forces from Syria, Tillerson says', 'The Daily Ledger', 'Julian Borger', ['Secretary of State Rex Tillerson said Iran needs to withdraw its military forces from Syria now that the fight against Islamic State is nearly over.', 'The remarks came during a visit to Riyadh, where he met Saudi and Iraqi leaders to discuss the war and the reconstruction of Iraq after years of fighting.'], '2017-10-22T09:00:00Z'],
  ['/b', 'Velayati calls US demand on Syria ridiculous', 'Gulf Observer', 'Sara Haddad', ['Ali Akbar Velayati said Iran’s forces were in Syria at the invitation of its government and would not withdraw on American demands.', 'He called the demand ridiculous and said the United States should leave Syria itself, in remarks carried by state media.'], '2017-10-24T12:00:00Z'],
  ['/c', 'Strikes hit Iranian positions near Damascus', 'The Daily Ledger', 'Martin Chulov', ['Air strikes hit positions held by Iranian forces near Damascus on Monday, according to monitors, the latest in a series of raids across Syria.', 'Israel did not comment on the strikes, which followed months of warnings about Iran building bases in the country.'], '2018-02-11T08:00:00Z'],
  ['/d', 'Café owners protest new rent rules', 'City Times', 'Léa Martin', ['Owners of cafés in the old town protested against new rent rules on Tuesday, saying dozens of businesses could close within a year.', 'The council said the rules would protect residents, and promised to meet the café owners again next month to discuss exemptions.'], '2019-05-02T10:00:00Z']
]

test('search: snippets with marks, a facet, a timeline bar, a saved search', async ({ page, served, consoleErrors }) => {
  const site = await newsSite(Object.fromEntries(STORIES.map(([path, title, outlet, byline, paras, date]) => [path, newsPage(title, outlet, byline, date, paras)])))
  try {
    // One CLI process per tag, not per story: each process start costs seconds on a busy machine.
    for (const tag of ['Middle East', 'Local']) {
      const paths = STORIES.filter(([, , outlet]) => (outlet === 'City Times' ? 'Local' : 'Middle East') === tag).map(([path]) => site.url(path))
      const r = await served.cli(['import', ...paths, '--tag', tag])
      expect(r.code).toBe(0)
    }
  } finally {
    await site.close()
  }
  await page.goto(served.url)
  await page.keyboard.press('/')
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused()
  await page.keyboard.type('iran syria')
  const results = page.getByRole('list', { name: 'Search results' })
  await expect(page.getByText('iran syria', { exact: true })).toBeVisible()
  await expect(results.getByRole('listitem')).toHaveCount(3)
  await expect(page.getByRole('heading', { name: '3 articles' })).toBeVisible()
  await expect(results.locator('mark').first()).toBeVisible()
  await expect(results.locator('mark').first()).toHaveText(/iran|syria/i)
  await snap(page, 'search-results')

  // A facet narrows the query.
  await page.getByRole('region', { name: 'Outlets' }).getByRole('button', { name: /Gulf Observer/ }).click()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('iran syria site:"Gulf Observer"')
  await expect(results.getByRole('listitem')).toHaveCount(1)
  await page.getByRole('region', { name: 'Outlets' }).getByRole('button', { name: /Gulf Observer/ }).click()
  await expect(results.getByRole('listitem')).toHaveCount(3)

  // A timeline bar sets the date range to its month.
  await page.getByRole('figure', { name: 'Matching articles per month' }).locator('rect', { hasText: 'Feb 2018: 1 article' }).click()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('iran syria after:2018-02 before:2018-03')
  await expect(results.getByRole('listitem')).toHaveCount(1)
  await expect(results).toContainText('Strikes hit Iranian positions')

  // Diacritics and stemming.
  await page.getByRole('searchbox', { name: 'Search' }).fill('cafe protests')
  await expect(page.locator('.query-code')).toHaveText('cafe protests')
  await expect(results.getByRole('listitem')).toHaveCount(1)
  await expect(results).toContainText('Café owners protest')

  // A malformed query says what is wrong and still shows results.
  await page.getByRole('searchbox', { name: 'Search' }).fill('syria (iran')
  await expect(page.getByRole('alert')).toContainText('missing ")"')
  await expect(results.getByRole('listitem')).not.toHaveCount(0)

  // Save a search: it appears in the sidebar with its count.
  await page.getByRole('searchbox', { name: 'Search' }).fill('tag:"Middle East" iran')
  await expect(page.locator('.query-code')).toHaveText('tag:"Middle East" iran')
  await expect(results.getByRole('listitem')).toHaveCount(3)
  await page.getByRole('button', { name: 'Save search' }).click()
  await page.getByLabel('Name').fill('Iran in Syria')
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  const saved = page.getByRole('navigation', { name: 'Saved searches' })
  await expect(saved.getByRole('link', { name: /Iran in Syria/ })).toContainText('3')
  await snap(page, 'search-saved')
  await page.getByRole('link', { name: /Inbox/ }).click()
  await saved.getByRole('link', { name: /Iran in Syria/ }).click()
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('tag:"Middle East" iran')
  expect(consoleErrors).toEqual([])
})
