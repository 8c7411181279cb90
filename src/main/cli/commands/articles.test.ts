import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../../../test/support/cli'
import { tempDir } from '../../../../test/support/tmp'
import { articlePage } from '../../../../test/support/pages'

describe('clipfile edit', () => {
  it('corrects title, authors, outlet and date; the correction survives a re-import; --reset undoes it', async () => {
    const dir = tempDir()
    const db = join(dir, 'archive.db')
    const file = join(dir, 'story.html')
    writeFileSync(file, articlePage({ title: 'Harbour plan delayed', byline: 'ANA LIMA', site: 'U.S.', canonical: 'https://herald.example/harbour' }))
    expect((await runCli(['--db', db, 'import', file])).code).toBe(0)

    const edited = await runCli(['--db', db, 'edit', '1', '--title', 'Harbour plan delayed to 2026', '--author', 'Ana Lima', '--author', 'Tom Reyes',
      '--outlet', 'The Coastal Herald', '--published', 'none', '--json'])
    expect(edited.code).toBe(0)
    expect(JSON.parse(edited.stdout)).toEqual({ id: 1, title: 'Harbour plan delayed to 2026', authors: ['Ana Lima', 'Tom Reyes'], site: 'The Coastal Herald',
      publishedAt: null, corrected: ['title', 'authors', 'site', 'publishedAt'] })

    // The page imported again (same canonical URL): the page's details change, the corrections stay on top.
    writeFileSync(file, articlePage({ title: 'Harbour plan delayed again', byline: 'Ana Lima', site: 'U.S.', canonical: 'https://herald.example/harbour', published: '2024-05-01T10:00:00Z' }))
    expect((await runCli(['--db', db, 'import', file])).stderr).toContain('0 saved, 1 updated')
    const shown = JSON.parse((await runCli(['--db', db, 'show', '1', '--json'])).stdout)
    expect(shown).toMatchObject({ title: 'Harbour plan delayed to 2026', authors: ['Ana Lima', 'Tom Reyes'], site: 'The Coastal Herald', publishedAt: null })
    const found = await runCli(['--db', db, 'search', 'Reyes', '--json'])
    expect(JSON.parse(found.stdout).results.map((r: { id: number }) => r.id)).toEqual([1])

    const reset = await runCli(['--db', db, 'edit', '1', '--reset', 'title', '--reset', 'published', '--json'])
    expect(JSON.parse(reset.stdout)).toMatchObject({ title: 'Harbour plan delayed again', publishedAt: '2024-05-01T10:00:00.000Z', corrected: ['authors', 'site'] })
  })

  it('refuses what it cannot store, with a clear message', async () => {
    const db = join(tempDir(), 'archive.db')
    expect(await runCli(['--db', db, 'edit', '1'])).toMatchObject({ code: 2, stderr: expect.stringContaining('say what to correct') })
    expect(await runCli(['--db', db, 'edit', '1', '--title', 'x'])).toMatchObject({ code: 1, stderr: 'clipfile: No article with id 1.\n' })
    expect((await runCli(['--db', db, 'edit', '1', '--published', '31/12/2020'])).stderr).toContain('a date is YYYY-MM-DD')
    expect((await runCli(['--db', db, 'edit', '1', '--reset', 'colour'])).stderr).toContain('--reset takes title, author, outlet or published')
  })
})
