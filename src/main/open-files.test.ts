import { describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openApp } from './app'
import { filesToOpen, openInArchive } from './open-files'

const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Opened</title></head><body>
<article><h1>A page opened with Clipfile</h1>
${'<p>A paragraph of the article that was double-clicked in a file manager, long enough to be the story.</p>\n'.repeat(6)}
</article></body></html>`

describe('pages the system asks Clipfile to open', () => {
  const exists = (p: string) => !p.includes('missing')

  it('takes the pages from a command line, leaving the executable, switches and --db out', () => {
    const argv = ['/opt/Clipfile/clipfile-app', '--db', '/tmp/x.html', '--no-sandbox', 'saved.mhtml', '/home/a/b.mht', 'notes.txt', 'missing.mhtml']
    expect(filesToOpen(argv, '/home/a', exists)).toEqual(['/home/a/saved.mhtml', '/home/a/b.mht'])
  })

  it('ignores the app itself when run by a development Electron', () => {
    expect(filesToOpen(['/usr/lib/electron', 'out/main/index.js', 'page.html'], '/w', exists)).toEqual(['/w/page.html'])
  })

  it('saves an opened page to the archive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clipfile-open-'))
    writeFileSync(join(dir, 'opened.html'), page)
    const app = openApp(join(dir, 'a.db'))
    try {
      await openInArchive(app.handlers, filesToOpen(['clipfile-app', 'opened.html'], dir))
      const list = await app.api.listArticles({})
      expect(list.ok && list.value.items.map((a) => a.title)).toEqual(['A page opened with Clipfile'])
    } finally {
      app.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
