/**
 * Lists by keyboard and in bulk: j/k, Enter, u; x, Shift+click and "select all"; tag,
 * export, archive and delete a selection, with Undo; `?` shows every shortcut.
 * (One test, one archive: each step starts from where the last one left the list.)
 */
import { readFileSync } from 'node:fs'
import { test, expect, snap } from './support/serve'
import { seed, snapWidths, townStory } from './support/seed'
import { SHORTCUTS } from '../src/renderer/src/shortcuts'

const TITLES = ['Harbour budget approved', 'Bridge repairs begin', 'Ferry strike ends', 'Port authority elects chair', 'Tunnel plan delayed', 'Coastal path reopens']
/** Where each title's story starts in TOWN_PARAGRAPHS. */
const STARTS = [0, 4, 3, 9, 10, 8]

test('keyboard and multi-select: move, open, select, tag, export, archive, delete with Undo', async ({ page, served, consoleErrors }) => {
  // Saved in this order, so the newest (last) is listed first.
  await seed(served, TITLES.map((title, i) => townStory(title, STARTS[i])))
  await page.goto(served.url)
  const list = page.getByRole('list', { name: 'Articles' })
  const rows = list.getByRole('listitem')
  await expect(rows).toHaveCount(6)
  const shown = [...TITLES].reverse()

  // j/k move the keyboard's row, Enter opens it, u comes back to the same row.
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('k')
  await expect(list.locator('.row.is-cursor')).toContainText(shown[1])
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: shown[1] })).toBeVisible()
  await page.keyboard.press('u')
  await expect(list.locator('.row.is-cursor')).toContainText(shown[1])

  // x selects the keyboard's row; a box click adds one; Shift+click a range.
  await page.keyboard.press('x')
  await rows.nth(3).getByRole('checkbox').click()
  await rows.nth(5).getByRole('checkbox').click({ modifiers: ['Shift'] })
  const bar = page.getByRole('toolbar', { name: 'Selected articles' })
  await expect(bar).toContainText('4 selected')
  await expect(rows.nth(4).getByRole('checkbox')).toBeChecked()
  // The box clicked last is drawn ticked too (a cancelled click left it unticked once).
  await expect(rows.nth(5).getByRole('checkbox')).toBeChecked()
  await expect(rows.nth(2).getByRole('checkbox')).not.toBeChecked()
  await snapWidths(page, 'library-selection', snap)

  // Tag the four in one go.
  await bar.getByRole('button', { name: 'Tag' }).click()
  await bar.getByRole('combobox', { name: 'Tags to add' }).fill('Port')
  await bar.getByRole('combobox', { name: 'Tags to add' }).press('Enter')
  await bar.getByRole('button', { name: 'Add tags' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Tagged 4 articles' })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Tags' }).getByRole('link', { name: /Port/ })).toContainText('4')
  await expect(rows.nth(1)).toContainText('Port')

  // Export them: a Markdown list of the four articles (none has highlights yet).
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    bar.getByRole('button', { name: 'Export' }).click().then(() => page.getByRole('menuitem', { name: 'Markdown' }).click())
  ])
  const md = readFileSync(await download.path(), 'utf8')
  for (const i of [1, 3, 4, 5]) expect(md).toContain(shown[i])
  expect(md).not.toContain(shown[0])

  // Delete: gone at once, back with Undo (nothing was deleted).
  await bar.getByRole('button', { name: 'Delete' }).click()
  await expect(rows).toHaveCount(2)
  const deleted = page.getByRole('status').filter({ hasText: '4 articles deleted' })
  await deleted.getByRole('button', { name: 'Undo' }).click()
  await expect(rows).toHaveCount(6)
  await expect(page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: /^All articles/ })).toContainText('6')

  // Select all, then archive everything but one.
  await page.getByRole('checkbox', { name: 'Select all' }).check()
  await expect(bar).toContainText('6 selected')
  await rows.nth(0).getByRole('checkbox').click()
  await expect(bar).toContainText('5 selected')
  await bar.getByRole('button', { name: 'Archive' }).click()
  await expect(rows).toHaveCount(1)
  await expect(page.getByRole('status').filter({ hasText: '5 articles archived' })).toBeVisible()

  // Delete the last one from the keyboard; the next toast lets the delete go ahead.
  await page.keyboard.press('j')
  await page.keyboard.press('#')
  await expect(rows).toHaveCount(0)
  await expect(page.getByRole('heading', { name: 'Nothing in your inbox' })).toBeVisible()
  await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: /^Archive/ }).click()
  await expect(rows).toHaveCount(5)
  await page.keyboard.press('j')
  await page.keyboard.press('s')
  await expect(rows.nth(0).getByRole('button', { name: 'Star' })).toHaveAttribute('aria-pressed', 'true')
  await page.reload()
  await expect(rows).toHaveCount(5)
  // The delete went ahead when the page closed (its Undo could no longer come).
  const remaining = JSON.parse((await served.cli(['list', '--json'])).stdout) as { title: string }[]
  expect(remaining.map((a) => a.title)).not.toContain(shown[0])
  expect(remaining).toHaveLength(5)

  // ? shows every shortcut, as does the sidebar's Shortcuts.
  await page.keyboard.press('?')
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(dialog).toBeVisible()
  for (const group of SHORTCUTS) {
    const section = dialog.getByRole('region', { name: group.title })
    await expect(section.locator('.shortcut')).toHaveCount(group.items.length)
    for (const s of group.items) await expect(section).toContainText(s.does)
  }
  await snap(page, 'shortcuts')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  await page.getByRole('button', { name: /Shortcuts/ }).click()
  await expect(dialog).toBeVisible()
  expect(consoleErrors).toEqual([])
})
