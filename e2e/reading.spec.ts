/**
 * The daily reading workflow: new saves in the Inbox (also ones imported from a terminal
 * while the window is open), Star, reading progress kept and restored, `e` to archive with
 * Undo, and archiving automatically at the end.
 */
import type { Page } from '@playwright/test'
import { test, expect, snap } from './support/serve'
import { content, longStory, seed, snapWidths, townParagraphs, townStory } from './support/seed'
import { newsPage, newsSite } from './support/site'

const nav = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: new RegExp(`^${name}`) })

test('inbox, star, reading progress, e to archive with Undo, and a CLI import shown without reload', async ({ page, served, consoleErrors }) => {
  await seed(served, [
    longStory('A long read about the reservoir', 60),
    townStory('Council approves the harbour budget', 0),
    townStory('Ferry strike ends after two weeks', 3)
  ])
  await page.goto(served.url)
  const rows = page.getByRole('list', { name: 'Articles' }).getByRole('listitem')
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible()
  await expect(rows).toHaveCount(3)
  await expect(nav(page, 'Inbox')).toContainText('3')
  await expect(nav(page, 'Archive')).toContainText('0')
  await expect(rows.getByLabel('Unread')).toHaveCount(3)

  // An import from a terminal appears in the open window, no reload.
  const site = await newsSite({ '/late': newsPage('Late news from the terminal', 'Coastal Herald', 'Ana Lima', '2024-03-11T08:00:00Z', townParagraphs(11)) })
  try {
    expect((await served.cli(['import', site.url('/late')])).code).toBe(0)
  } finally {
    await site.close()
  }
  await expect(rows).toHaveCount(4)
  await expect(rows.first()).toContainText('Late news from the terminal')
  await expect(nav(page, 'Inbox')).toContainText('4')

  // Read half of the long one, star it, go back: the list says how far.
  await page.getByRole('link', { name: /A long read about the reservoir/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'A long read about the reservoir' })).toBeVisible()
  await page.getByRole('button', { name: 'Star' }).click()
  await expect(page.getByRole('button', { name: 'Star' })).toHaveAttribute('aria-pressed', 'true')
  await expect(nav(page, 'Starred')).toContainText('1')
  const reader = page.getByRole('article', { name: 'Article text' })
  await reader.hover()
  const scroller = content(page)
  const half = await scroller.evaluate((el) => el.scrollHeight / 2 - el.clientHeight)
  await page.mouse.wheel(0, half)
  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(half * 0.8)
  const bar = page.getByRole('progressbar', { name: 'Reading progress' })
  await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(30)
  const readTo = Number(await bar.getAttribute('aria-valuenow'))
  await snapWidths(page, 'reader-progress', snap)
  const leftAt = await scroller.evaluate((el) => el.scrollTop)
  await page.keyboard.press('u')
  const row = rows.filter({ hasText: 'A long read about the reservoir' })
  // The furthest point reached (the narrower screenshots above may have reached a little further).
  const listed = async () => Number(((await row.locator('.row-progress').textContent()) ?? '').replace('%', ''))
  await expect.poll(listed).toBeGreaterThanOrEqual(readTo - 1)
  expect(await listed()).toBeLessThan(90)
  await expect(row.getByRole('button', { name: 'Star' })).toHaveAttribute('aria-pressed', 'true')
  await expect(row.getByLabel('Unread')).toHaveCount(0)
  await snapWidths(page, 'inbox', snap)

  // Opening it again returns to the place it was left (the same line at the top, give or take one).
  await row.getByRole('link').click()
  await expect(page.getByRole('heading', { level: 1, name: 'A long read about the reservoir' })).toBeVisible()
  await expect.poll(async () => Math.abs((await scroller.evaluate((el) => el.scrollTop)) - leftAt)).toBeLessThan(60)

  // e archives and goes back to the inbox; Undo brings it back.
  await page.keyboard.press('e')
  await expect(page.getByRole('heading', { name: 'Inbox', level: 1 })).toBeVisible()
  const toast = page.getByRole('status').filter({ hasText: 'Article archived' })
  await expect(toast).toBeVisible()
  await expect(rows).toHaveCount(3)
  await expect(nav(page, 'Archive')).toContainText('1')
  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(rows).toHaveCount(4)
  await expect(nav(page, 'Archive')).toContainText('0')

  // From the reader's button, then the Archive list has it, and can move it back.
  await rows.filter({ hasText: 'Ferry strike ends' }).getByRole('link').click()
  await page.getByRole('toolbar', { name: 'Article' }).getByRole('button', { name: 'Archive' }).click()
  await expect(rows).toHaveCount(3)
  await nav(page, 'Archive').click()
  await expect(page.getByRole('heading', { name: 'Archive', level: 1 })).toBeVisible()
  await expect(rows).toHaveCount(1)
  await rows.first().getByRole('link').click()
  await page.getByRole('toolbar', { name: 'Article' }).getByRole('button', { name: 'Move to inbox' }).click()
  await expect(page.getByRole('toolbar', { name: 'Article' }).getByRole('button', { name: 'Archive' })).toBeVisible()
  await expect(nav(page, 'Inbox')).toContainText('4')
  expect(consoleErrors).toEqual([])
})

test('an article read to the end is archived by itself when that setting is on', async ({ page, served }) => {
  const [id] = await seed(served, [longStory('Everything about the new bridge', 40)])
  await page.goto(served.url)
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog', { name: 'Settings' })
  await dialog.getByRole('checkbox', { name: /Archive articles I read to the end/ }).check()
  await dialog.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('link', { name: /Everything about the new bridge/ }).click()
  await expect(page.getByRole('toolbar', { name: 'Article' }).getByRole('button', { name: 'Archive' })).toBeVisible()
  await page.getByRole('article', { name: 'Article text' }).hover()
  // Halfway is not the end.
  await page.mouse.wheel(0, 1500)
  await expect(page.getByRole('status').filter({ hasText: 'archived' })).toHaveCount(0)
  await page.mouse.wheel(0, 100_000)
  await expect(page.getByRole('status').filter({ hasText: 'Article archived' })).toBeVisible()
  await expect(page.getByRole('toolbar', { name: 'Article' }).getByRole('button', { name: 'Move to inbox' })).toBeVisible()
  const r = await served.cli(['list', '--json'])
  const [a] = JSON.parse(r.stdout) as { id: number; state: string; progress: number }[]
  expect(a).toMatchObject({ id, state: 'archive' })
  expect(a.progress).toBeGreaterThanOrEqual(0.98)
})
