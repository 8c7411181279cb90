import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openApp, type App } from '../app'
import { tempDbPath } from '../../../test/support/tmp'
import { articlePage } from '../../../test/support/pages'
import type { ReextractProgress } from '../../shared/api'
import { packJson } from '../db/codec'
import { EXTRACTOR_VERSION } from '../page/prepare'

let app: App
beforeEach(() => {
  app = openApp(tempDbPath())
})
afterEach(() => app.close())

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

const PARAGRAPHS = [
  'The council met on Tuesday to discuss the harbour plan, which has divided residents for years and drawn comment from every party.',
  'Officials said the plan would be reviewed again next spring, after a public consultation expected to draw thousands of responses.',
  'Critics said the decision came too late, and that the costs had risen sharply since the scheme was first proposed in 2015.'
]

/**
 * Stores `title` as an older version of Clipfile would have: the same kept page, but its
 * copy still holding furniture ("Advertisement") and stamped with older rules.
 */
async function importAsOlderCopy(title: string): Promise<number> {
  const paragraphs = PARAGRAPHS.map((p, i) => (i === 2 ? `${p} (${title})` : p))
  const html = articlePage({ title, byline: 'Ana Lima', paragraphs })
  const id = ok(await app.api.importItems({ items: [{ kind: 'html', html, url: `https://herald.example/${encodeURIComponent(title)}` }] })).results[0].id!
  const old = ['Advertisement', ...paragraphs].join('\n\n')
  const doc = { type: 'doc', content: ['Advertisement', ...paragraphs].map((t) => ({ type: 'paragraph', content: [{ type: 'text', text: t }] })) }
  app.ctx.db.prepare('UPDATE article_content SET text = ?, doc = ? WHERE article_id = ?').run(old, packJson(doc), id)
  app.ctx.db.prepare('UPDATE articles SET extractor_version = 1, content_hash = ? WHERE id = ?').run(`old-${id}`, id)
  return id
}

describe('reextractArticles', () => {
  it('makes a new copy from the kept page: furniture gone, highlights moved with the text, corrections kept', async () => {
    const id = await importAsOlderCopy('Harbour plan delayed again')
    const highlight = ok(await app.api.addHighlight({ articleId: id, quote: 'reviewed again next spring' }))
    ok(await app.api.editArticle({ id, title: 'Harbour plan: a corrected headline' }))
    const events: ReextractProgress[] = []
    app.ctx.events.on('reextractProgress', (p) => events.push(p))

    const s = ok(await app.api.reextractArticles({ all: true }))
    expect(s).toMatchObject({ total: 1, changed: 1, unchanged: 0, failed: 0 })
    expect(events.at(-1)).toMatchObject({ done: 1, total: 1, finished: true })

    const a = ok(await app.api.getArticle({ id }))
    expect(a.text.startsWith('The council met')).toBe(true)
    expect(a.title).toBe('Harbour plan: a corrected headline')
    expect(a.corrected).toEqual(['title'])
    const h = a.highlights.find((x) => x.id === highlight.id)!
    expect(a.text.slice(h.start, h.end)).toBe('reviewed again next spring')
    expect(h.orphan).toBe(false)
    expect(app.ctx.db.prepare('SELECT extractor_version AS v FROM articles WHERE id = ?').get(id)).toEqual({ v: EXTRACTOR_VERSION })
    // Nothing left to do: --all resumes, it does not redo.
    expect(ok(await app.api.reextractArticles({ all: true })).total).toBe(0)
    expect(ok(await app.api.reextractArticles({ all: true, again: true }))).toMatchObject({ total: 1, changed: 0, unchanged: 1 })
    // The new copy is a version of its own, marked as a re-extraction; the same copy again adds none.
    expect(ok(await app.api.listVersions({ articleId: id })).map((v) => v.how)).toEqual(['import', 'reextract'])
  })

  it('keeps an article whose new copy fails as it was, and picks it up on the next run', async () => {
    const first = await importAsOlderCopy('First story on the harbour')
    const second = await importAsOlderCopy('Second story on the ferry')
    const prepare = app.ctx.prepare
    // An interruption for the second article (a crash, a page the rules now refuse).
    app.ctx.prepare = async (input) => {
      if (input.url?.includes('Second')) throw new Error('worker stopped')
      return prepare(input)
    }
    const s = ok(await app.api.reextractArticles({ all: true }))
    expect(s).toMatchObject({ total: 2, changed: 1, failed: 1 })
    expect(s.results.find((r) => r.id === second)).toMatchObject({ outcome: 'failed', error: 'unexpected error: worker stopped' })
    expect(ok(await app.api.getArticle({ id: second })).text.startsWith('Advertisement')).toBe(true)
    app.ctx.prepare = prepare
    const again = ok(await app.api.reextractArticles({ all: true }))
    expect(again.results.map((r) => [r.id, r.outcome])).toEqual([[second, 'changed']])
    expect(first).not.toBe(second)
  })

  it('says why an article without a kept page is skipped', async () => {
    const id = await importAsOlderCopy('Story without its page')
    app.ctx.db.prepare('UPDATE article_content SET raw = NULL WHERE article_id = ?').run(id)
    expect(ok(await app.api.reextractArticles({ ids: [id] })).results).toEqual([{ id, outcome: 'skipped', error: 'no original page was kept (imported from an export’s text)' }])
  })
})
