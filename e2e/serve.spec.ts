/**
 * Serve mode as a browser tab: a link opened in a new tab works (the token stays with the
 * app's own origin, out of the URL after the first load and out of cookies), another origin
 * has no token, and the automatic backup carries the archive's own name.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { test, expect } from './support/serve'
import { seed } from './support/seed'

test('a link opened in a new tab opens, without the token in its URL; another origin gets nothing', async ({ page, served, context, browser, consoleErrors }) => {
  const [id] = await seed(served, [{ title: 'Council approves the harbour budget' }])
  await page.goto(served.url)
  const link = page.getByRole('link', { name: /Council approves the harbour budget/ })
  await expect(link).toBeVisible()
  // The first URL's token is taken out of the address bar at once.
  expect(page.url()).not.toContain('token')
  expect(await link.getAttribute('href')).toBe(`#/article/${id}`)
  // What "Open in new tab" does: the same address, in a new tab of the same browser.
  const [tab] = await Promise.all([context.waitForEvent('page'), link.click({ modifiers: ['Control'] })])
  await tab.waitForLoadState()
  const base = served.url.split('#')[0]
  expect(tab.url()).toBe(`${base}#/article/${id}`)
  await expect(tab.getByRole('heading', { level: 1, name: 'Council approves the harbour budget' })).toBeVisible()
  await expect(tab.getByRole('article', { name: 'Article text' })).toContainText('Tillerson')
  // Typed or bookmarked addresses work too, and nothing was put in a cookie.
  const typed = await context.newPage()
  await typed.goto(`${base}#/search/harbour`)
  await expect(typed.getByRole('heading', { name: '1 article' })).toBeVisible()
  expect(await context.cookies()).toEqual([])
  expect(consoleErrors).toEqual([])

  // Another origin (the same server by another name) has its own storage: no token, refused.
  const other = await browser.newContext()
  const foreign = await other.newPage()
  await foreign.goto(`${base.replace('127.0.0.1', 'localhost')}#/inbox`)
  await expect(foreign.getByRole('alert').first()).toContainText('link printed by `clipfile serve`')
  await other.close()

  // The backup serve mode writes as it starts carries the archive's name (archive.db → archive-<date>.db).
  const dir = join(served.dir, 'backups')
  await expect.poll(() => existsSync(dir) && readdirSync(dir).some((f) => /^archive-\d{4}-\d{2}-\d{2}\.db$/.test(f))).toBe(true)
  expect(readdirSync(dir).filter((f) => f.startsWith('clipfile-'))).toEqual([])
})
