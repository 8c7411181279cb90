import { readFileSync } from 'node:fs'
import { test, expect, snap } from './support/serve'
import { ReaderPage } from './support/reader-page'
import { newsPage, newsSite } from './support/site'

const P1 = [
  'Negotiators met in Vienna on Monday for a third round of talks on a ceasefire in the north, officials said, after two earlier rounds ended without agreement.',
  '“We are close to an agreement on the first phase,” the foreign minister, Ana Lima, told reporters outside the hotel late on Monday evening.',
  'The talks are expected to continue through the week, with both delegations staying in the city and mediators shuttling between their floors.',
  'Aid agencies said that a pause in the fighting would allow convoys to reach towns that have been cut off since the spring.',
  'Diplomats cautioned that the most difficult questions, including the withdrawal of heavy weapons, had been left for later.'
]
// The headline rewritten, the minister's quote corrected, a paragraph added.
const P2 = [
  P1[0],
  '“We are not yet close to an agreement on the first phase,” the foreign minister, Ana Lima, told reporters outside the hotel late on Monday evening.',
  P1[2],
  'A spokesman for the opposition delegation said it would not comment until a draft text had been shared with all parties.',
  P1[3],
  P1[4]
]
const QUOTE = 'We are close to an agreement on the first phase'

test('an article changes on its site: Check now finds it, the diff shows it word by word, the highlight says it changed', async ({ page, served, consoleErrors }) => {
  const pages: Record<string, string> = {
    '/world/ceasefire': newsPage('Ceasefire talks resume in Vienna', 'The Daily Ledger', 'Jo Reporter', new Date().toISOString(), P1)
  }
  const site = await newsSite(pages)
  try {
    const r = await served.cli(['import', site.url('/world/ceasefire'), '--json'])
    expect(r.code).toBe(0)
    const id = JSON.parse(r.stdout).id as number

    await page.goto(served.url.replace('#', `#/article/${id}?`))
    const reader = new ReaderPage(page)
    await expect(reader.body()).toContainText(QUOTE)
    await reader.select(QUOTE)
    await page.keyboard.press('h')
    await expect(reader.marks()).toHaveCount(1)
    await page.keyboard.press('Escape')

    // Following: a new web save is followed for a week.
    await page.getByRole('button', { name: 'Versions (1)' }).click()
    const pop = page.getByRole('dialog', { name: 'Versions of this article' })
    await expect(pop.getByRole('switch')).toHaveAttribute('aria-checked', 'true')
    await expect(pop).toContainText('Following updates')
    await snap(page, 'versions-popover-one')

    // The site changes; Check now finds it and opens the diff.
    pages['/world/ceasefire'] = newsPage('Ceasefire talks stall in Vienna', 'The Daily Ledger', 'Jo Reporter', new Date().toISOString(), P2)
    await pop.getByRole('button', { name: 'Check now' }).click()
    await expect(page.getByRole('heading', { name: 'What changed: Ceasefire talks stall in Vienna' })).toBeVisible()
    await expect(page.locator('.diff-summary')).toHaveText('+23 / −0 words, headline changed, 1 quote changed')
    const facts = page.locator('.diff-facts')
    await expect(facts.locator('dd').first()).toHaveText('Ceasefire talks resumestall in Vienna')
    await expect(facts).toContainText('“We are close to an agreement on the first phase,” → “We are not yet close to an agreement on the first phase,” — Ana Lima')
    await expect(facts).toContainText(`“${QUOTE}” → “We are not yet close to an agreement on the first phase” (version 2)`)
    const body = page.locator('.diff-body')
    await expect(body.locator('ins.d-ins').first()).toHaveText('not yet ')
    await expect(body.locator('ins.d-ins').nth(1)).toHaveText(P2[3])
    await expect(body.locator('del')).toHaveCount(0)
    await snap(page, 'versions-diff')
    await page.getByRole('button', { name: '↓ Next change' }).click()
    await expect(page.getByText('Change 1 of 2')).toBeVisible()
    await snap(page, 'versions-diff-inline')

    await page.getByRole('button', { name: 'Side by side' }).click()
    await expect(page.locator('.diff-sbs .diff-cell.is-empty')).toHaveCount(1)
    await snap(page, 'versions-diff-side-by-side')
    await page.getByRole('button', { name: 'Export' }).click()
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'HTML page (self-contained)' }).click()])
    const html = readFileSync(await download.path(), 'utf8')
    expect(html).toContain('<del>resume</del><ins>stall</ins>')
    expect(download.suggestedFilename()).toBe('ceasefire-talks-stall-in-vienna-v1-v2.html')

    // The reader: the latest version, a notice, the highlight marked as changed with both texts.
    await page.getByRole('link', { name: 'Back to the article' }).click()
    await expect(page.getByRole('heading', { name: 'Ceasefire talks stall in Vienna' })).toBeVisible()
    await expect(page.getByRole('note').filter({ hasText: 'Updated' })).toContainText('version 2 of 2 · 1 of your highlights changed after you made it')
    await expect(reader.body().locator('mark.hl-changed')).toHaveText('We are not yet close to an agreement on the first phase')
    await expect(reader.panel()).toContainText(`Changed after you highlighted it (version 2). You highlighted:${QUOTE}`)
    await snap(page, 'versions-reader-changed-highlight')

    // Reading version 1 as it was.
    await page.getByRole('button', { name: 'Versions (2)' }).click()
    await expect(pop.locator('.version-item')).toHaveCount(2)
    await snap(page, 'versions-popover')
    await pop.locator('.version-item', { hasText: 'Version 1' }).getByRole('link', { name: 'Read' }).click()
    await expect(page.getByRole('heading', { name: 'Ceasefire talks resume in Vienna' })).toBeVisible()
    await expect(page.getByRole('note')).toContainText('You are reading version 1 of 2')
    await expect(page.getByRole('article', { name: 'Article text' })).toContainText(QUOTE)
    await snap(page, 'versions-reading-version-1')

    // The library marks it; the Changes view lists it with its summary.
    await page.getByRole('navigation', { name: 'Library' }).getByRole('link', { name: /^Inbox/ }).click()
    await expect(page.getByRole('list', { name: 'Articles' }).locator('.row', { hasText: 'Ceasefire talks stall' }).locator('.updated-mark')).toHaveText('Updated')
    await snap(page, 'versions-library-updated')
    await page.getByRole('link', { name: /^Changes/ }).click()
    const row = page.locator('.change-row', { hasText: 'Ceasefire talks stall in Vienna' })
    await expect(row).toContainText('+23 / −0 words, headline changed, 1 quote changed')
    await expect(row).toContainText('version 2 of 2 · found by a re-check')
    await snap(page, 'versions-changes-view')
    await row.getByRole('link', { name: 'Show changes' }).click()
    await expect(page.getByRole('combobox', { name: 'Earlier version' })).toHaveValue('1')

    // The page disappears: a check says so, the article stays, the reader says it is gone.
    delete pages['/world/ceasefire']
    const gone = await served.cli(['recheck', String(id), '--json'])
    expect(JSON.parse(gone.stdout)[0]).toMatchObject({ outcome: 'gone', status: 404 })
    await page.goto(served.url.replace('#', `#/article/${id}?`))
    await expect(page.getByRole('note').filter({ hasText: 'gone' })).toContainText('The page is gone from the site (HTTP 404 since')
    await expect(page.getByRole('button', { name: 'Versions (2) · gone' })).toBeVisible()
    await expect(reader.body()).toContainText('We are not yet close')
    expect(consoleErrors).toEqual([])
  } finally {
    await site.close()
  }
})
