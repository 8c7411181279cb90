import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type App } from '../app'
import { tempDbPath } from '../../../test/support/tmp'
import { articlePage } from '../../../test/support/pages'
import { PNG_40x30, html, loopbackServer } from '../../../test/support/http'
import { startImageRetry } from './image-retry-service'

let app: App
beforeEach(() => {
  app = openApp(tempDbPath())
})
afterEach(() => app.close())

describe('startImageRetry', () => {
  it('fetches missing images once their server answers, and waits longer for an article whose images still fail', async () => {
    let up = false
    const site = await loopbackServer({
      '/story': html(articlePage({ title: 'Pier repaired', images: ['/img/pier.png'] })),
      '/img/pier.png': (_req, res) => {
        res.writeHead(up ? 200 : 500, { 'content-type': up ? 'image/png' : 'text/plain' })
        res.end(up ? PNG_40x30 : 'down')
      }
    })
    const r = await app.api.importItems({ items: [{ kind: 'url', url: site.url('/story') }] })
    if (!r.ok) throw new Error(r.error.message)
    const id = r.value.results[0].id!
    let clock = 0
    const service = startImageRetry(app.ctx, { firstDelayMs: 1e9, intervalMs: 1e9, now: () => clock })
    try {
      await service.round()
      expect(site.hits.filter((h) => h === '/img/pier.png')).toHaveLength(2) // the import's try and this one
      up = true
      await service.round() // still waiting: not asked again yet
      expect(site.hits.filter((h) => h === '/img/pier.png')).toHaveLength(2)
      clock += 24 * 3600_000
      await service.round()
      const a = await app.api.getArticle({ id })
      expect(a.ok && a.value.imagesMissing).toBe(0)
    } finally {
      service.stop()
    }
  })
})
