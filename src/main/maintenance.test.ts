import { describe, expect, it } from 'vitest'
import { openApp } from './app'
import { tempDbPath } from '../../test/support/tmp'
import { articlePage } from '../../test/support/pages'
import { repairIndexes, runChecks } from './maintenance'

describe('check and repair', () => {
  it('reports a damaged search index in words, and --repair rebuilds it without losing anything', async () => {
    const app = openApp(tempDbPath())
    const r = await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Harbour report' }) }] })
    const id = r.ok ? r.value.results[0].id! : 0
    await app.api.addHighlight({ articleId: id, quote: 'the council met on Tuesday', tags: ['Council'] })
    expect(runChecks(app.ctx.db)).toMatchObject({ ok: true })
    // Damage both indexes behind the triggers' backs.
    app.ctx.db.prepare("INSERT INTO articles_fts(rowid, title, byline, site, text, tags) VALUES (999, 'ghost', '', '', 'ghost text', '')").run()
    app.ctx.db.prepare('DELETE FROM highlights_fts').run()
    const broken = runChecks(app.ctx.db)
    expect(broken.ok).toBe(false)
    expect(broken.problems.join('\n')).toMatch(/search index articles_fts is out of step.*check --repair/)
    expect(repairIndexes(app.ctx.db)).toEqual({ articles: 1, highlights: 1 })
    expect(runChecks(app.ctx.db)).toMatchObject({ ok: true, problems: [] })
    const found = await app.api.search({ query: 'council' })
    expect(found.ok && found.value.results[0].highlights.map((h) => h.exact)).toEqual(['the council met on Tuesday'])
    app.close()
  })
})
