import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tempDir } from '../../../test/support/tmp'
import { articlePage } from '../../../test/support/pages'
import { loopbackServer } from '../../../test/support/http'
import { runCli } from '../../../test/support/cli'

const P = [
  'Negotiators met in Vienna on Monday for a third round of talks on a ceasefire in the north, officials said.',
  '“We are close to an agreement,” the foreign minister, Ana Lima, told reporters outside the hotel.'
]

describe('clipfile versions, diff, recheck, follow', () => {
  it('lists versions, diffs them as exact JSON and as text, exports the diff, re-checks and follows', async () => {
    const dir = tempDir()
    const db = join(dir, 'a.db')
    let body = articlePage({ title: 'Talks resume in Vienna', byline: 'Jo Reporter', paragraphs: P })
    const site = await loopbackServer({
      '/talks': (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        res.end(body)
      }
    })
    const cli = (...args: string[]) => runCli(['--db', db, ...args])
    expect((await cli('import', site.url('/talks'))).code).toBe(0)

    const one = await cli('diff', '1', '--json')
    expect(one).toMatchObject({ code: 1, stderr: 'clipfile: Article 1 has one version so far: there is nothing to compare yet.\n' })

    // The page changes; a re-check finds it.
    body = articlePage({ title: 'Talks stall in Vienna', byline: 'Jo Reporter', paragraphs: [P[0], P[1].replace('We are close', 'We are not close')] })
    const recheck = await cli('recheck', '1', '--json')
    expect(recheck.code).toBe(0)
    expect(JSON.parse(recheck.stdout)).toEqual([
      { id: 1, title: 'Talks resume in Vienna', outcome: 'changed', version: 2, status: 200, url: site.url('/talks'), message: 'new version 2' }
    ])
    const again = await cli('recheck', '1')
    expect(again.stdout).toBe('unchanged #1 Talks stall in Vienna — no change\n')

    const versions = JSON.parse((await cli('versions', '1', '--json')).stdout)
    expect(versions).toHaveLength(2)
    expect(Object.keys(versions[0])).toEqual(['version', 'when', 'how', 'words', 'hash'])
    expect(versions.map((v: { version: number; how: string }) => [v.version, v.how])).toEqual([
      [1, 'import'],
      [2, 'recheck']
    ])
    expect(versions[1].hash).toMatch(/^[0-9a-f]{64}$/)
    const table = (await cli('versions', '1')).stdout.split('\n')
    expect(table[1]).toMatch(/^ {3}2 {2}\d{4}-\d\d-\d\d \d\d:\d\d {2}recheck {4}\s+\d+ words {2}[0-9a-f]{12} {2}\+1 \/ −0 words, headline changed, 1 quote changed$/)

    const diff = JSON.parse((await cli('diff', '1', '--json')).stdout)
    expect(diff).toEqual({
      from: 1,
      to: 2,
      title: { before: 'Talks resume in Vienna', after: 'Talks stall in Vienna' },
      changes: [
        { op: 'equal', text: `${P[0]}\n\n“We are ` },
        { op: 'insert', text: 'not ' },
        { op: 'equal', text: 'close to an agreement,” the foreign minister, Ana Lima, told reporters outside the hotel.' }
      ],
      summary: { inserted: 1, deleted: 0 }
    })
    expect((await cli('diff', '1', '--from', '2', '--to', '1', '--json')).stdout).toContain('"op":"delete","text":"not "')
    const text = await cli('diff', '1')
    expect(text.stdout).toContain('Headline: Talks [-resume-]{+stall+} in Vienna')
    expect(text.stdout).toContain('Quote changed: “We are close to an agreement,” → “We are not close to an agreement,” — Ana Lima')
    expect(text.stdout).toContain('“We are {+not +}close to an agreement,”')
    expect(text.stdout).not.toContain('Negotiators met') // unchanged paragraphs are left out
    expect((await cli('diff', '1', '--from', '3')).stderr).toBe('clipfile: Article 1 has no version 3 (it has 2).\n')

    const out = join(dir, 'changes.html')
    expect((await cli('diff', '1', '--format', 'html', '--out', out)).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('<del>resume</del><ins>stall</ins>')
    expect((await cli('diff', '1', '--format', 'md')).stdout).toContain('Talks {--resume--}{++stall++} in Vienna')
    expect((await cli('diff', '1', '--format', 'pdf')).code).toBe(2)

    expect((await cli('unfollow', '1')).stderr).toBe('#1 not followed\n')
    expect((await cli('follow', '1')).stderr).toMatch(/^#1 followed; next check \d{4}-\d\d-\d\d \d\d:\d\d\n$/)
    expect((await cli('recheck', '--due')).stderr).toBe('Nothing is due for a check.\n0 checked: 0 changed, 0 unchanged, 0 gone, 0 failed\n')
    expect((await cli('recheck')).code).toBe(2)
    expect((await cli('recheck', '1', '--due')).code).toBe(2)
  })
})
