/**
 * Narrow windows and settings that stick: at 800 px the text column keeps 480 px or more
 * (the sidebar folds to a rail, the side panel opens over the text), the folds are
 * remembered, toolbars wrap instead of running off, and theme, text size and width are
 * app-wide and survive a reload. Screens at 1440, 1024 and 800 px.
 */
import type { Page } from '@playwright/test'
import { test, expect, snap } from './support/serve'
import { openAt, seed, snapWidths, townStory } from './support/seed'
import { SYRIA_PARAGRAPHS } from './support/site'

const textWidth = (page: Page) => page.locator('.ProseMirror').evaluate((el) => el.getBoundingClientRect().width)
/** Nothing sticks out sideways: no horizontal scrolling anywhere. */
const noSideways = (page: Page) =>
  page.evaluate(() => [document.scrollingElement!, document.querySelector('.content')!].every((el) => el.scrollWidth <= el.clientWidth + 1))

test('at 800 px the reader keeps a real column; sidebar and side panel fold and open over it; the folds are remembered', async ({ page, served, consoleErrors }) => {
  const [id] = await seed(served, [{ title: 'Tillerson tells Iran to withdraw from Syria, in a headline long enough to wrap', paragraphs: SYRIA_PARAGRAPHS }])
  await page.setViewportSize({ width: 800, height: 900 })
  await openAt(page, served, `/article/${id}`)
  const sidebar = page.getByRole('complementary', { name: 'Sidebar' })
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  expect(await textWidth(page)).toBeGreaterThanOrEqual(480)
  expect((await sidebar.boundingBox())!.width).toBeLessThan(80)
  await expect(page.locator('#side-panel')).toBeHidden()
  expect(await noSideways(page)).toBe(true)
  // The rail still names every place (for screen readers and tooltips).
  await expect(sidebar.getByRole('link', { name: /^Inbox/ })).toBeVisible()

  // The side panel opens over the text and closes again.
  await page.getByRole('button', { name: 'Show the side panel' }).click()
  await expect(page.getByRole('complementary', { name: 'Highlights' })).toBeVisible()
  expect(await textWidth(page)).toBeGreaterThanOrEqual(480)
  await snap(page, 'reader-panel-800')
  await page.locator('#side-panel').getByRole('button', { name: 'Hide the side panel' }).click()
  await expect(page.locator('#side-panel')).toBeHidden()

  // The sidebar opens over the page, and closes when a place is chosen.
  await page.getByRole('button', { name: 'Expand the sidebar' }).first().click()
  await expect(sidebar.getByRole('link', { name: /^Highlights/ })).toBeVisible()
  expect((await sidebar.boundingBox())!.width).toBeGreaterThan(200)
  await snap(page, 'sidebar-open-800')
  await sidebar.getByRole('link', { name: /^All articles/ }).click()
  await expect(page.getByRole('heading', { name: 'All articles' })).toBeVisible()
  expect((await sidebar.boundingBox())!.width).toBeLessThan(80)
  expect(await noSideways(page)).toBe(true)

  // Wide: both docked; folding them is remembered across a reload.
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(`${served.url.split('#')[0]}#/article/${id}`)
  await expect(page.getByRole('complementary', { name: 'Highlights' })).toBeVisible()
  expect((await sidebar.boundingBox())!.width).toBeGreaterThan(200)
  await page.getByRole('button', { name: 'Hide the side panel' }).click()
  await page.getByRole('button', { name: 'Collapse the sidebar' }).click()
  await expect(page.locator('#side-panel')).toBeHidden()
  await expect.poll(async () => (await sidebar.boundingBox())!.width).toBeLessThan(80)
  await page.reload()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  await expect(page.locator('#side-panel')).toBeHidden()
  expect((await sidebar.boundingBox())!.width).toBeLessThan(80)
  await page.getByRole('button', { name: 'Expand the sidebar' }).click()
  await page.getByRole('button', { name: 'Show the side panel' }).click()
  await page.reload()
  await expect(page.getByRole('complementary', { name: 'Highlights' })).toBeVisible()
  expect((await sidebar.boundingBox())!.width).toBeGreaterThan(200)
  expect(consoleErrors).toEqual([])
})

test('settings are app-wide, reachable from every screen, and restored on reload', async ({ page, served }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const [id] = await seed(served, [townStory('Council approves the harbour budget', 0)])
  await openAt(page, served, `/article/${id}`)
  const bodyFont = () => page.locator('.ProseMirror p').first().evaluate((el) => getComputedStyle(el).fontSize)
  await expect(page.locator('.ProseMirror p').first()).toBeVisible()
  expect(await bodyFont()).toBe('19px')
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByRole('radio', { name: 'Dark' }).check()
  await dialog.getByRole('button', { name: 'Larger text' }).click()
  await dialog.getByRole('button', { name: 'Larger text' }).click()
  await dialog.getByRole('combobox', { name: 'Line width' }).selectOption('wide')
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(dialog.getByText('21 px')).toBeVisible()
  await snap(page, 'settings-dark')
  await page.keyboard.press('Escape')
  expect(await bodyFont()).toBe('21px')
  // Wide lines: the text column grows past the medium measure (680 px).
  const width = await page.locator('.reader').evaluate((el) => el.getBoundingClientRect().width)
  expect(width).toBeGreaterThan(760)

  // A reload (and every other screen) keeps them.
  await page.reload()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect(page.locator('.ProseMirror p').first()).toBeVisible()
  expect(await bodyFont()).toBe('21px')
  await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: /^Inbox/ }).click()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await snapWidths(page, 'inbox-dark', snap)
  // Kept in the archive, not the browser: a fresh browser profile (another port, say) gets them too.
  const other = await page.context().browser()!.newContext()
  const fresh = await other.newPage()
  await fresh.goto(served.url)
  await expect(fresh.locator('html')).toHaveAttribute('data-theme', 'dark')
  await other.close()
  // And + / − in the reader change the same setting.
  await page.goto(`${served.url.split('#')[0]}#/article/${id}`)
  await expect(page.locator('.ProseMirror p').first()).toBeVisible()
  await page.keyboard.press('-')
  await expect.poll(bodyFont).toBe('20px')
})

test('Settings lists the paired browsers; Revoke takes one back after asking', async ({ page, served, consoleErrors }) => {
  // Two browsers paired (as the extension's pairing leaves them), one still asking.
  const { default: Database } = await import('better-sqlite3')
  const db = new Database(served.dbPath)
  const add = db.prepare(
    "INSERT INTO pairings(token_hash, origin, browser, status, code, created_at, approved_at, last_used_at) VALUES (?, ?, ?, ?, ?, '2026-11-20T09:00:00Z', ?, ?)"
  )
  add.run('h1', 'chrome-extension://bclkoabgcgilpiogdbohlagldgbojpoe', 'Chromium 142 on Linux', 'approved', null, '2026-11-20T09:01:00Z', '2026-11-28T17:30:00Z')
  add.run('h2', 'moz-extension://4f1c', 'Firefox 145 on Linux', 'approved', null, '2026-11-21T10:00:00Z', null)
  db.close()
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  const list = dialog.getByRole('list', { name: 'Paired browsers' })
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await expect(list).toContainText('Chromium 142 on Linux')
  await expect(list).toContainText('nothing saved yet')
  await list.getByText('Firefox 145 on Linux').scrollIntoViewIfNeeded()
  await snap(page, 'settings-browsers')
  await list.getByRole('button', { name: 'Revoke Firefox 145 on Linux' }).click()
  // Asked first: Keep leaves it.
  await dialog.getByRole('group', { name: 'Revoke Firefox 145 on Linux?' }).getByRole('button', { name: 'Keep' }).click()
  await expect(list.getByRole('listitem')).toHaveCount(2)
  await list.getByRole('button', { name: 'Revoke Firefox 145 on Linux' }).click()
  await dialog.getByRole('group', { name: 'Revoke Firefox 145 on Linux?' }).getByRole('button', { name: 'Revoke' }).click()
  await expect(dialog.getByRole('status').filter({ hasText: 'can no longer save' })).toHaveText('Firefox 145 on Linux can no longer save to Clipfile.')
  await expect(list.getByRole('listitem')).toHaveCount(1)
  const r = await served.cli(['pairing', 'list', '--json'])
  expect((JSON.parse(r.stdout) as { browser: string }[]).map((p) => p.browser)).toEqual(['Chromium 142 on Linux'])
  expect(consoleErrors).toEqual([])
})
