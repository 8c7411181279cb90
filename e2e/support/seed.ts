import { expect, type Page } from '@playwright/test'
import type { Served } from './serve'
import { newsPage, newsSite, SYRIA_PARAGRAPHS } from './site'

export interface Story {
  title: string
  site?: string
  byline?: string
  date?: string
  paragraphs?: string[]
}

const dateOf = (s: Story, i: number) => s.date ?? `2017-10-${String(10 + (i % 18)).padStart(2, '0')}T09:00:00Z`

/**
 * The Syria story as the `i`-th outlet told it: its paragraphs in another order, under a
 * dateline (which also keeps each story's text, and so its content hash, its own).
 */
function syriaStory(i: number, date: string): string[] {
  const n = SYRIA_PARAGRAPHS.length
  const day = new Date(date).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
  const city = ['MANILA', 'ANKARA', 'BEIRUT', 'AMMAN', 'BRUSSELS'][i % 5]
  return SYRIA_PARAGRAPHS.map((_, k) => SYRIA_PARAGRAPHS[(k + i) % n]).map((p, k) => (k === 0 ? `${city}, ${day} — ${p}` : p))
}

/**
 * Saves the stories into the served archive with one `clipfile import` (one process for all,
 * to keep the suite fast) from a loopback news site; returns their ids in order.
 */
export async function seed(served: Served, stories: Story[], extraArgs: string[] = []): Promise<number[]> {
  const pages = Object.fromEntries(
    stories.map((s, i) => [
      `/story/${i}`,
      newsPage(s.title, s.site ?? 'The Daily Ledger', s.byline ?? 'Julian Borger', dateOf(s, i), s.paragraphs ?? syriaStory(i, dateOf(s, i)))
    ])
  )
  const site = await newsSite(pages)
  try {
    const r = await served.cli(['import', ...stories.map((_, i) => site.url(`/story/${i}`)), '--json', ...extraArgs])
    expect(r.code, r.stderr).toBe(0)
    const results = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { source: string; id: number })
    return stories.map((_, i) => results.find((x) => x.source === site.url(`/story/${i}`))!.id)
  } finally {
    await site.close()
  }
}

/**
 * A town's local news, for stories whose titles are about it (the library's screenshots should
 * not show one Syria paragraph under every headline). No word here is one the tests search for
 * or plant ("desalination", "syria", "tillerson").
 */
export const TOWN_PARAGRAPHS = [
  'The council voted seven to two on Tuesday night to approve next year’s harbour budget, which sets aside £4.2 million for dredging the inner basin and repairing the north quay.',
  '“We have patched that wall for fifteen years and the sea keeps winning,” said Marion Keane, who chairs the harbour committee. “This time we are fixing it properly.”',
  'Fishermen who moor on the north side said the work could not come soon enough. Two boats were holed last winter when a section of the quay gave way during a storm.',
  'The ferry operator said crossings would run to the winter timetable from the first of November, with the last sailing to the island leaving at 6.40 pm on weekdays.',
  'Engineers found cracks in three of the bridge’s nine spans during an inspection in August. Repairs will close one lane at a time and are expected to take eleven weeks.',
  '“Nobody wants another summer of queues at the lights,” said Councillor Owen Price, who represents the east ward. He asked officers to publish a weekly update on the work.',
  'The reservoir above the town was at 61 per cent of capacity at the end of September, well below the average for the time of year, according to figures from the water company.',
  'Residents of Mill Lane have complained for months about the smell from the treatment works. The company said a new cover for the settling tanks would be fitted by spring.',
  'The coastal path between the lighthouse and Sandy Cove reopened on Saturday after a landslip in March. Walkers are asked to keep to the fenced route near the cliff edge.',
  'Port authority members elected Rhian Morgan as chair at their annual meeting. She is the first woman to hold the post in the authority’s 140-year history.',
  'The tunnel under the estuary, first proposed in 2009, has been delayed again. The transport department said it was still reviewing the cost estimates it received in June.',
  'Traders on the harbour front said the summer had been their busiest since before the pandemic, helped by two cruise ship visits and a run of dry weekends in August.'
]

/** `n` paragraphs of the town's news, starting at a different one for each story. */
export const townParagraphs = (start: number, n = 4): string[] =>
  Array.from({ length: n }, (_, i) => TOWN_PARAGRAPHS[(start + i) % TOWN_PARAGRAPHS.length])

/** A story of the town whose text starts at paragraph `start` of TOWN_PARAGRAPHS (the one its title is about). */
export const townStory = (title: string, start: number): Story => ({ title, paragraphs: townParagraphs(start) })

/** A story long enough to scroll through: `n` paragraphs, words planted at the start of the given ones. */
export function longStory(title: string, n: number, plant: Record<number, string> = {}): Story {
  return {
    title,
    paragraphs: Array.from({ length: n }, (_, i) => `${plant[i] ? `${plant[i]} ` : ''}${TOWN_PARAGRAPHS[i % TOWN_PARAGRAPHS.length]}`)
  }
}

/** The page's scrolling area (the content column). */
export const content = (page: Page) => page.locator('.content')

/** Screenshots at the three widths the issue asks for, then back to the test's own size. */
export async function snapWidths(page: Page, name: string, snap: (page: Page, name: string) => Promise<void>): Promise<void> {
  const before = page.viewportSize()!
  for (const width of [1440, 1024, 800]) {
    await page.setViewportSize({ width, height: 900 })
    // Let layout and the windowed lists settle at the new size.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
    await snap(page, `${name}-${width}`)
  }
  await page.setViewportSize(before)
}

/** Opens the app at a place (`/article/3`, `/search/x`): the first load carries the token, as the printed link does. */
export async function openAt(page: Page, served: Served, place: string): Promise<void> {
  await page.goto(served.url.replace('#', `#${place}?`))
}
