import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runCli } from '../../../../test/support/cli'
import { tempDir } from '../../../../test/support/tmp'
import { articlePage } from '../../../../test/support/pages'

describe('clipfile people', () => {
  it('lists who is quoted, most quoted first, and says when --limit cut the list', async () => {
    const dir = tempDir()
    const db = join(dir, 'archive.db')
    const file = join(dir, 'story.html')
    writeFileSync(
      file,
      articlePage({
        title: 'Harbour plan delayed',
        paragraphs: [
          '“We will not accept another delay to the harbour plan,” said Maria Okafor, who chairs the residents’ group in the old town.',
          '“The costs have doubled since the scheme was first proposed,” Okafor said. “Nobody has told us why.”',
          '“The council will publish its review next spring,” said Daniel Brandt, the council’s head of planning, on Tuesday.'
        ]
      })
    )
    expect((await runCli(['--db', db, 'import', file])).code).toBe(0)

    const all = await runCli(['--db', db, 'people'])
    expect(all.stdout.trim().split('\n').map((l) => l.trim().split(/\s{2,}/)[1])).toEqual(['Maria Okafor', 'Daniel Brandt'])
    expect(all.stderr).toBe('')

    const cut = await runCli(['--db', db, 'people', '--limit', '1'])
    expect(cut.stdout.trim().split('\n')).toHaveLength(1)
    expect(cut.stdout).toContain('Maria Okafor')
    expect(cut.stderr).toBe('The 1 most quoted are shown; --limit N shows more.\n')
    expect(JSON.parse((await runCli(['--db', db, 'people', '--limit', '1', '--json'])).stdout)).toHaveLength(1)
  })
})
