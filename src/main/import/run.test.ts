import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type App } from '../app'
import { tempDbPath } from '../../../test/support/tmp'
import { articlePage } from '../../../test/support/pages'
import { html, loopbackServer, png } from '../../../test/support/http'
import type { ImportProgress } from '../../shared/api'
import { unpackBytes } from '../db/codec'

let app: App
beforeEach(() => {
  app = openApp(tempDbPath())
})
afterEach(() => app.close())

describe('importing URLs', () => {
  it('saves the article with its images as local assets, and reports progress', async () => {
    const site = await loopbackServer({
      '/news/bridge': html(articlePage({ title: 'Bridge reopens after repair', byline: 'Ana Lima', site: 'The Coastal Herald', images: ['/img/bridge.png'] })),
      '/img/bridge.png': png()
    })
    const events: ImportProgress[] = []
    app.ctx.events.on('importProgress', (p) => events.push(p))
    const r = await app.api.importItems({ items: [{ kind: 'url', url: site.url('/news/bridge') }], tags: ['Infrastructure'] })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value).toMatchObject({ created: 1, updated: 0, failed: 0 })
    const id = r.value.results[0].id!
    const a = await app.api.getArticle({ id })
    if (!a.ok) throw new Error(a.error.message)
    expect(a.value).toMatchObject({ title: 'Bridge reopens after repair', byline: 'Ana Lima', site: 'The Coastal Herald', tags: ['Infrastructure'] })
    expect(a.value.text).toContain('the council met on Tuesday')
    expect(a.value.text).not.toContain('Most popular')
    expect(a.value.assets).toHaveLength(1)
    expect(JSON.stringify(a.value.doc)).toContain(`"src":"asset:${a.value.assets[0].id}"`)
    expect(JSON.stringify(a.value.doc)).not.toContain('127.0.0.1')
    const raw = app.ctx.db.prepare('SELECT raw FROM article_content WHERE article_id = ?').get(id) as { raw: Buffer }
    expect(unpackBytes(raw.raw).toString()).toContain('Bridge reopens after repair')
    expect(events.at(-1)).toMatchObject({ done: 1, total: 1, failed: 0, finished: true })
    expect(events.some((e) => e.lastResult?.ok)).toBe(true)
  })

  it('does not store the same article twice: a re-import updates it and says so', async () => {
    const page = articlePage({ title: 'Same story', canonical: 'https://news.example/same' })
    const site = await loopbackServer({ '/a': html(page), '/b': html(page.replace('Critics said', 'Critics later said')) })
    const first = await app.api.importItems({ items: [{ kind: 'url', url: site.url('/a') }] })
    const again = await app.api.importItems({ items: [{ kind: 'url', url: site.url('/b') }] })
    expect(first.ok && first.value.results[0].status).toBe('created')
    expect(again.ok && again.value.results[0].status).toBe('updated')
    expect(again.ok && again.value.results[0].id).toBe(first.ok && first.value.results[0].id)
    const list = await app.api.listArticles({})
    expect(list.ok && list.value.total).toBe(1)
  })

  it('gives each failure its reason and keeps going', async () => {
    const site = await loopbackServer({
      '/ok': html(articlePage({ title: 'A good one' })),
      '/pdf': (_q, res) => {
        res.writeHead(200, { 'Content-Type': 'application/pdf' })
        res.end('%PDF-1.4')
      }
    })
    const r = await app.api.importItems({
      items: [
        { kind: 'url', url: site.url('/missing') },
        { kind: 'url', url: site.url('/pdf') },
        { kind: 'url', url: 'ftp://example.test/x' },
        { kind: 'url', url: site.url('/ok') }
      ]
    })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.created).toBe(1)
    expect(r.value.failed).toBe(3)
    const reasons = r.value.results.filter((x) => !x.ok).map((x) => x.error)
    expect(reasons.join('\n')).toMatch(/404/)
    expect(reasons.join('\n')).toMatch(/not an HTML page/)
    expect(reasons.join('\n')).toMatch(/only http and https/)
  })

  it('imports pasted HTML and files sent by the UI', async () => {
    const page = articlePage({ title: 'Pasted piece' })
    const r = await app.api.importItems({
      items: [
        { kind: 'html', html: page },
        { kind: 'file', name: 'saved.html', base64: Buffer.from(articlePage({ title: 'Dropped file' })).toString('base64') },
        { kind: 'file', name: 'empty.html', base64: Buffer.from(' ').toString('base64') }
      ]
    })
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value.results.map((x) => x.title ?? x.error)).toEqual(['Pasted piece', 'Dropped file', expect.stringMatching(/no readable article|empty/)])
  })
})
