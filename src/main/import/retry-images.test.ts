import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type App } from '../app'
import { tempDbPath } from '../../../test/support/tmp'
import { articlePage } from '../../../test/support/pages'
import { PNG_40x30, html, loopbackServer } from '../../../test/support/http'
import { runCli } from '../../../test/support/cli'

let app: App
let db: string
beforeEach(() => {
  db = tempDbPath()
  app = openApp(db)
})
afterEach(() => app.close())

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

describe('images that cannot be saved', () => {
  it('stay as placeholders, are counted in the import summary, and are fetched by a retry', async () => {
    let online = false
    const site = await loopbackServer({
      '/story': html(articlePage({ title: 'Ferry service resumes', images: ['/img/ferry.png', '/img/quay.png'] })),
      '/img/ferry.png': (_req, res) => {
        res.writeHead(online ? 200 : 404, { 'content-type': online ? 'image/png' : 'text/plain' })
        res.end(online ? PNG_40x30 : 'not here')
      },
      '/img/quay.png': (_req, res) => {
        res.writeHead(online ? 200 : 503, { 'content-type': online ? 'image/png' : 'text/plain' })
        res.end(online ? PNG_40x30 : 'busy')
      }
    })
    const summary = ok(await app.api.importItems({ items: [{ kind: 'url', url: site.url('/story') }] }))
    expect(summary.imagesMissing).toBe(2)
    expect(summary.results[0].images).toEqual({ saved: 0, missing: 2 })
    const id = summary.results[0].id!
    const before = ok(await app.api.getArticle({ id }))
    expect(before.imagesMissing).toBe(2)
    const placeholders = JSON.stringify(before.doc).match(/"type":"image_missing","attrs":\{[^}]*\}/g)
    expect(placeholders).toEqual([
      `"type":"image_missing","attrs":{"source":"${site.url('/img/ferry.png')}","alt":"photo","reason":"HTTP 404 Not Found"}`,
      `"type":"image_missing","attrs":{"source":"${site.url('/img/quay.png')}","alt":"photo","reason":"HTTP 503 Service Unavailable"}`
    ])
    const highlight = ok(await app.api.addHighlight({ articleId: id, quote: 'reviewed again next spring' }))

    // Still unreachable: the CLI lists them and a retry says what is still missing.
    const listed = await runCli(['--db', db, 'images'])
    expect(listed.stdout).toContain('2 missing  Ferry service resumes')
    online = true
    const retried = await runCli(['--db', db, 'images', '--retry', String(id)])
    expect(retried.stderr).toContain('2 images saved, 0 still missing, in 1 articles')
    expect(retried.code).toBe(0)

    const after = ok(await app.api.getArticle({ id }))
    expect(after.imagesMissing).toBe(0)
    // Both images are the same bytes: stored once, shown twice.
    expect(after.assets).toHaveLength(1)
    expect(JSON.stringify(after.doc).match(/"type":"image"/g)).toHaveLength(2)
    expect(after.text).toBe(before.text)
    expect(after.highlights.find((h) => h.id === highlight.id)).toMatchObject({ start: highlight.start, end: highlight.end, orphan: false })
    expect(JSON.stringify(after.doc)).not.toContain('image_missing')
    expect(ok(await app.api.retryImages({}))).toEqual({ articles: 0, saved: 0, missing: 0, offline: false })
  })

  it('fail fast when the image servers cannot be reached, and say so', async () => {
    // Three hosts that refuse connections: the network is taken as down after them.
    const dead = [1, 2, 3].map((n) => `http://127.0.0.${n}:9/img-${n}.png`)
    const page = articlePage({ title: 'Offline story', images: dead })
    const id = ok(await app.api.importItems({ items: [{ kind: 'html', html: page, url: 'https://offline.example/story' }] })).results[0].id!
    expect(ok(await app.api.getArticle({ id })).imagesMissing).toBe(3)
    const r = ok(await app.api.retryImages({ id }))
    expect(r).toMatchObject({ articles: 1, saved: 0, missing: 3, offline: true })
  })
})
