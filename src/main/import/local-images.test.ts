import { describe, expect, it } from 'vitest'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openApp } from '../app'
import { tempDir } from '../../../test/support/tmp'
import { articlePage } from '../../../test/support/pages'
import { PNG_40x30 } from '../../../test/support/http'

describe('a page saved on disk with its images', () => {
  it('keeps the images from its own folder, and reads nothing outside it', async () => {
    const root = tempDir()
    const site = join(root, 'saved')
    mkdirSync(join(site, 'Bridge_files'), { recursive: true })
    writeFileSync(join(site, 'Bridge_files', 'photo.png'), PNG_40x30)
    writeFileSync(join(root, 'outside.png'), Buffer.concat([PNG_40x30, Buffer.from('outside')]))
    const page = articlePage({
      title: 'Bridge reopens, saved complete',
      canonical: 'https://news.example/bridge',
      images: ['Bridge_files/photo.png', '../outside.png', `file://${join(root, 'outside.png')}`]
    })
    writeFileSync(join(site, 'Bridge.html'), page)
    const app = openApp(join(root, 'a.db'))
    try {
      const r = await app.api.importItems({ items: [{ kind: 'path', path: join(site, 'Bridge.html') }] })
      if (!r.ok) throw new Error(r.error.message)
      const a = await app.api.getArticle({ id: r.value.results[0].id! })
      if (!a.ok) throw new Error(a.error.message)
      expect(a.value.url).toBe('https://news.example/bridge')
      expect(a.value.assets).toHaveLength(1)
      const stored = app.ctx.db.prepare('SELECT bytes FROM assets WHERE id = ?').get(a.value.assets[0].id) as { bytes: Buffer }
      expect(stored.bytes.equals(PNG_40x30)).toBe(true)
    } finally {
      app.close()
    }
  })
})
