/**
 * Search that lands on the match, says "did you mean" instead of a blank page, filters by
 * reading state, names months on a short timeline, pages through long result lists, and will
 * not download an empty export.
 */
import { test, expect, snap } from './support/serve'
import { content, longStory, seed, snapWidths } from './support/seed'

test('a result opens at its first match, marked; n / Shift+N step through the matches', async ({ page, served, consoleErrors }) => {
  const [id] = await seed(served, [
    longStory('The reservoir inquiry', 50, { 30: 'The desalination contract was signed in secret.', 44: 'Critics of desalination called it a mistake.' }),
    { title: 'Nothing about water here' }
  ])
  await page.goto(served.url)
  await page.getByRole('searchbox', { name: 'Search' }).fill('desalination')
  const results = page.getByRole('list', { name: 'Search results' })
  await expect(results.getByRole('listitem')).toHaveCount(1)
  await results.getByRole('link', { name: /The reservoir inquiry/ }).click()
  await expect(page).toHaveURL(new RegExp(`#/article/${id}\\?q=desalination$`))
  const matches = page.locator('.ProseMirror .search-match')
  await expect(matches).toHaveCount(2)
  await expect(matches.first()).toHaveText('desalination')
  const bar = page.getByRole('region', { name: 'Search matches' })
  await expect(bar).toContainText('Match 1 of 2')
  // The first match is in view, far below the top of the article.
  await expect(page.locator('.search-match.is-current')).toBeInViewport()
  expect(await content(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(1000)
  await snapWidths(page, 'reader-search-match', snap)
  // A narrower window rewraps the text; the match stays in view.
  const size = page.viewportSize()!
  await page.setViewportSize({ width: 800, height: 900 })
  await expect(page.locator('.search-match.is-current')).toBeInViewport()
  await page.setViewportSize(size)
  await page.keyboard.press('n')
  await expect(bar).toContainText('Match 2 of 2')
  await expect(matches.nth(1)).toHaveClass(/is-current/)
  await expect(matches.nth(1)).toBeInViewport()
  await page.keyboard.press('Shift+N')
  await expect(bar).toContainText('Match 1 of 2')
  await expect(matches.nth(0)).toBeInViewport()
  // With words selected, N is the note again (the highlight toolbar's key).
  await bar.getByRole('button', { name: 'Stop marking matches' }).click()
  await expect(matches).toHaveCount(0)
  expect(consoleErrors).toEqual([])
})

test('no results: did you mean, from the archive’s own words; reading filters; months on a short timeline', async ({ page, served }) => {
  const ids = await seed(served, [
    { title: 'Tillerson tells Iran to withdraw from Syria', date: '2017-10-22T09:00:00Z' },
    { title: 'Velayati calls the demand ridiculous', date: '2017-11-02T09:00:00Z' },
    { title: 'Talks resume in Geneva', date: '2017-12-14T09:00:00Z' }
  ])
  await page.goto(served.url)
  const box = page.getByRole('searchbox', { name: 'Search' })
  await box.fill('tilerson withdrw')
  await expect(page.getByRole('heading', { name: '0 articles' })).toBeVisible()
  const suggestion = page.getByText(/Did you mean/)
  await expect(suggestion).toContainText('tillerson withdraw')
  await snap(page, 'search-did-you-mean')
  await suggestion.getByRole('link', { name: 'tillerson withdraw' }).click()
  await expect(box).toHaveValue('tillerson withdraw')
  const results = page.getByRole('list', { name: 'Search results' })
  await expect(results.getByRole('listitem')).toHaveCount(3)

  // Three months of results: the axis names the months, not just the year.
  const axis = page.locator('.timeline-axis')
  await expect(axis).toContainText('Oct 2017')
  await expect(axis).toContainText('Nov')
  await expect(axis).toContainText('Dec')
  await snapWidths(page, 'search-months', snap)

  // Reading filters.
  await page.goto(`${served.url.split('#')[0]}#/article/${ids[1]}`)
  const actions = page.getByRole('toolbar', { name: 'Article' })
  await actions.getByRole('button', { name: 'Star' }).click()
  await expect(actions.getByRole('button', { name: 'Star' })).toHaveAttribute('aria-pressed', 'true')
  await actions.getByRole('button', { name: 'Archive' }).click()
  await box.fill('is:starred')
  await expect(results.getByRole('listitem')).toHaveCount(1)
  await expect(results).toContainText('Velayati calls the demand ridiculous')
  await expect(results).toContainText('Archived')
  await box.fill('syria is:inbox')
  await expect(page.getByRole('heading', { name: '2 articles' })).toBeVisible()
  await box.fill('is:archived')
  await expect(page.getByRole('heading', { name: '1 article' })).toBeVisible()
  // The two opened articles are not unread any more.
  await box.fill('is:unread')
  await expect(page.getByRole('heading', { name: '2 articles' })).toBeVisible()
  await page.getByRole('region', { name: 'Reading' }).getByRole('button', { name: /Starred/ }).click()
  await expect(box).toHaveValue('is:unread is:starred')
  await expect(page.getByRole('heading', { name: '0 articles' })).toBeVisible()

  // Export from a search that finds articles but no highlights: said, not downloaded.
  await box.fill('syria')
  await expect(page.getByRole('heading', { name: '3 articles' })).toBeVisible()
  let downloads = 0
  page.on('download', () => downloads++)
  await page.getByRole('button', { name: 'Export highlights' }).click()
  await page.getByRole('menuitem', { name: 'Markdown' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'This search finds no highlights' })).toBeVisible()
  expect(downloads).toBe(0)
})

test('results page through everything: far past 200', async ({ page, served }) => {
  // 260 matching articles, written straight into the archive (an import of each would take minutes).
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(served.dbPath)
  const add = db.transaction(() => {
    for (let i = 0; i < 260; i++) {
      const id = Number(
        db
          .prepare("INSERT INTO articles(url, title, saved_at, content_hash, word_count) VALUES (?, ?, ?, ?, 120)")
          .run(`https://x.example/${i}`, `Harbour report number ${i + 1}`, `2024-01-01T00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`, `h${i}`).lastInsertRowid
      )
      db.prepare("INSERT INTO article_content(article_id, text, doc) VALUES (?, ?, x'00')").run(id, `The harbour master filed report ${i + 1} today.`)
    }
  })
  add()
  db.close()
  await page.goto(served.url)
  await page.getByRole('searchbox', { name: 'Search' }).fill('harbour')
  await expect(page.getByRole('heading', { name: '260 articles' })).toBeVisible()
  const results = page.getByRole('list', { name: 'Search results' })
  // Only what is in view is in the page; the list is as tall as all of it.
  expect(await results.getByRole('listitem').count()).toBeLessThan(40)
  await content(page).evaluate((el) => (el.scrollTop = el.scrollHeight))
  await expect(results.getByRole('listitem').last()).toContainText('Harbour report number 1')
  await expect(results.getByRole('listitem').last()).toHaveAttribute('aria-posinset', '260')
})
