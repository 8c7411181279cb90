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

/**
 * Saves the stories into the served archive with one `clipfile import` (one process for all,
 * to keep the suite fast) from a loopback news site; returns their ids in order.
 */
export async function seed(served: Served, stories: Story[], extraArgs: string[] = []): Promise<number[]> {
  const pages = Object.fromEntries(
    stories.map((s, i) => [
      `/story/${i}`,
      newsPage(s.title, s.site ?? 'The Daily Ledger', s.byline ?? 'Julian Borger', s.date ?? `2017-10-${String(10 + (i % 18)).padStart(2, '0')}T09:00:00Z`, s.paragraphs ?? SYRIA_PARAGRAPHS.map((p) => `${p} (${i})`))
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

/** A story long enough to scroll through: `n` paragraphs, `marked` words planted in the given ones. */
export function longStory(title: string, n: number, plant: Record<number, string> = {}): Story {
  const base = SYRIA_PARAGRAPHS
  return {
    title,
    paragraphs: Array.from({ length: n }, (_, i) => `${plant[i] ? `${plant[i]} ` : ''}${base[i % base.length]} (paragraph ${i + 1})`)
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
