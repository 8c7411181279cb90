/**
 * Two desktop archives and a team server on a real PostgreSQL: they share articles and
 * highlights, edit the same highlight concurrently, and the team's rights hold.
 */
import { describe, expect, it, beforeAll } from 'vitest'
import { join } from 'node:path'
import { openApp, type App } from '../../src/main/app'
import { addUser, revokeUser } from '../../src/team/store/users'
import * as sync from '../../src/main/sync/service'
import { articlePage } from '../support/pages'
import { tempDir } from '../support/tmp'
import { pgSkipReason, startTeam, type TeamFixture } from '../support/team'

const skip = pgSkipReason()

async function importPage(app: App, title: string, url: string, paragraphs?: string[]): Promise<number> {
  const r = await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title, paragraphs }), url }] })
  if (!r.ok || !r.value.results[0].ok) throw new Error(`import failed: ${JSON.stringify(r)}`)
  return r.value.results[0].id as number
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

// Several archives, imports and syncs per test: seconds on a quiet machine, more on a loaded one.
describe.skipIf(skip !== '')(`team sync${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 120_000 }, () => {
  let t: TeamFixture
  let anaToken: string
  let benToken: string

  beforeAll(async () => {
    t = await startTeam()
    anaToken = (await addUser(t.pool, 'ana', 'editor')).token
    benToken = (await addUser(t.pool, 'ben', 'admin')).token
  }, 120_000)

  /** Two fresh archives for one test (each test its own: a test that overran must not close the next one's). */
  function archives(): { ana: App; ben: App; close: () => void } {
    const dir = tempDir()
    const ana = openApp(join(dir, 'ana.db'))
    const ben = openApp(join(dir, 'ben.db'))
    return {
      ana,
      ben,
      close: () => {
        ana.close()
        ben.close()
      }
    }
  }

  it('both push, both see each other’s articles and highlights, and who made them; private articles stay private', async () => {
    const { ana, ben, close } = archives()
    try {
      const a1 = await importPage(ana, 'Tillerson says Iran must withdraw', 'https://news.example/iran')
      const secret = await importPage(ana, 'A private lead about the mayor', 'https://news.example/private')
      await importPage(ben, 'Ceasefire talks resume in Geneva', 'https://wire.example/geneva')
      unwrap(await ana.api.addHighlight({ articleId: a1, quote: 'the council met on Tuesday', note: 'key date', tags: ['Iran'] }))
      unwrap(await ana.api.addHighlight({ articleId: secret, quote: 'Officials said the plan', note: 'do not share' }))
      await sync.join(ana.ctx.db, t.server.url, anaToken)
      await sync.join(ben.ctx.db, t.server.url, benToken)
      sync.shareArticles(ana.ctx.db, [a1])
      sync.setPolicy(ben.ctx.db, 'all')
      await sync.syncNow(ana.ctx.db)
      await sync.syncNow(ben.ctx.db)
      await sync.syncNow(ana.ctx.db)

      const anaList = unwrap(await ana.api.listArticles({ limit: 100 })).items.map((a) => a.title).sort()
      const benList = unwrap(await ben.api.listArticles({ limit: 100 })).items.map((a) => a.title).sort()
      expect(anaList).toEqual(['A private lead about the mayor', 'Ceasefire talks resume in Geneva', 'Tillerson says Iran must withdraw'])
      expect(benList).toEqual(['Ceasefire talks resume in Geneva', 'Tillerson says Iran must withdraw'])

      const onBen = unwrap(await ben.api.search({ query: 'tillerson' })).results[0]
      const article = unwrap(await ben.api.getArticle({ id: onBen.id }))
      expect(article.highlights).toHaveLength(1)
      expect(article.highlights[0]).toMatchObject({ exact: 'the council met on Tuesday', note: 'key date', tags: ['Iran'], author: 'ana', orphan: false })
      expect(article.text.slice(article.highlights[0].start, article.highlights[0].end)).toBe('the council met on Tuesday')

      // The team server knows who added what; the private article and its note never left.
      const team = await t.pool.query('SELECT a.title, u.name FROM articles a JOIN users u ON u.id = a.added_by ORDER BY a.title')
      expect(team.rows).toEqual([{ title: 'Ceasefire talks resume in Geneva', name: 'ben' }, { title: 'Tillerson says Iran must withdraw', name: 'ana' }])
      const notes = await t.pool.query('SELECT note FROM highlights')
      expect(notes.rows.map((r) => r.note)).toEqual(['key date'])
      expect(sync.status(ana.ctx.db).pending).toBe(0)
    } finally {
      close()
    }
  })

  it('a highlight edited offline on one archive and online on the other: same result on both, both edits in the history', async () => {
    const { ana, ben, close } = archives()
    try {
      // The same person on two machines: two archives, one account (two clients).
      const id = await importPage(ana, 'Budget vote delayed again', 'https://news.example/budget')
      await sync.join(ana.ctx.db, t.server.url, anaToken)
      await sync.join(ben.ctx.db, t.server.url, anaToken)
      sync.shareArticles(ana.ctx.db, [id])
      const h = unwrap(await ana.api.addHighlight({ articleId: id, quote: 'Critics said the decision came too late', note: 'first' }))
      await sync.syncNow(ana.ctx.db)
      await sync.syncNow(ben.ctx.db)
      const onBen = unwrap(await ben.api.listQuotes({})).items.find((q) => q.exact === h.exact)!
      expect(onBen.note).toBe('first')

      // Ana edits offline (nothing is sent); Ben edits and syncs; then Ana comes back.
      unwrap(await ana.api.updateHighlight({ id: h.id, note: 'edited offline on the laptop', color: 'green' }))
      unwrap(await ben.api.updateHighlight({ id: onBen.id, note: 'edited on the desktop' }))
      await sync.syncNow(ben.ctx.db)
      const anaPush = await sync.syncNow(ana.ctx.db)
      expect(anaPush.pushed?.conflicts).toBe(1)
      await sync.syncNow(ben.ctx.db)

      // Last writer by server sequence: Ana's push came last, so her note wins, on both.
      const a = unwrap(await ana.api.listQuotes({})).items.find((q) => q.id === h.id)!
      const b = unwrap(await ben.api.listQuotes({})).items.find((q) => q.id === onBen.id)!
      expect([a.note, a.color]).toEqual(['edited offline on the laptop', 'green'])
      expect([b.note, b.color]).toEqual(['edited offline on the laptop', 'green'])
      // The loser is kept: both archives hold every revision, the overwritten one included.
      for (const [app, hid] of [[ana, h.id], [ben, onBen.id]] as const) {
        const notes = sync.history(app.ctx.db, hid).map((e) => e.fields.note).filter(Boolean)
        expect(notes).toEqual(['first', 'edited on the desktop', 'edited offline on the laptop'])
        expect(sync.history(app.ctx.db, hid).at(-1)?.conflicts).toEqual(['note'])
      }
      expect(sync.status(ana.ctx.db).pending).toBe(0)
    } finally {
      close()
    }
  })

  it('deletes travel as tombstones; the same article saved on both archives becomes one team article', async () => {
    const { ana, ben, close } = archives()
    try {
      const url = 'https://news.example/same-story'
      const a = await importPage(ana, 'Both of us saved this', url)
      const b = await importPage(ben, 'Both of us saved this', url)
      await sync.join(ana.ctx.db, t.server.url, anaToken)
      await sync.join(ben.ctx.db, t.server.url, benToken)
      sync.shareArticles(ana.ctx.db, [a])
      sync.shareArticles(ben.ctx.db, [b])
      await sync.syncNow(ana.ctx.db)
      const pushed = await sync.syncNow(ben.ctx.db)
      expect(pushed.pushed?.merged).toBe(1)
      const uuids = await t.pool.query("SELECT uuid FROM articles WHERE title = 'Both of us saved this'")
      expect(uuids.rowCount).toBe(1)
      const benUuid = ben.ctx.db.prepare('SELECT uuid FROM articles WHERE id = ?').pluck().get(b)
      expect(benUuid).toBe(uuids.rows[0].uuid)

      const h = unwrap(await ben.api.addHighlight({ articleId: b, quote: 'Officials said the plan would be reviewed' }))
      await sync.syncNow(ben.ctx.db)
      await sync.syncNow(ana.ctx.db)
      expect(unwrap(await ana.api.getArticle({ id: a })).highlights.map((x) => x.author)).toEqual(['ben'])
      const hu = ben.ctx.db.prepare('SELECT uuid FROM highlights WHERE id = ?').pluck().get(h.id)
      unwrap(await ben.api.deleteHighlight({ id: h.id }))
      await sync.syncNow(ben.ctx.db)
      await sync.syncNow(ana.ctx.db)
      expect(unwrap(await ana.api.getArticle({ id: a })).highlights).toEqual([])
      const tomb = await t.pool.query('SELECT deleted_at IS NOT NULL AS gone FROM highlights WHERE uuid = $1', [hu])
      expect(tomb.rows[0].gone).toBe(true)

      unwrap(await ana.api.deleteArticles({ ids: [a] }))
      await sync.syncNow(ana.ctx.db)
      await sync.syncNow(ben.ctx.db)
      expect(unwrap(await ben.api.listArticles({ limit: 10 })).items.map((x) => x.title)).not.toContain('Both of us saved this')
    } finally {
      close()
    }
  })

  it('a reader cannot write, a revoked token is refused, an editor cannot change another’s highlight', async () => {
    const { ana, ben, close } = archives()
    try {
      const reader = await addUser(t.pool, 'rita', 'reader')
      const res = await fetch(new URL('/sync/push', t.server.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${reader.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ protocol: 1, client: crypto.randomUUID(), ops: [{ opId: crypto.randomUUID(), op: 'article-delete', uuid: crypto.randomUUID() }] })
      })
      expect(res.status).toBe(403)
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/reader/)
      const search = await fetch(new URL('/api/search', t.server.url), {
        method: 'POST',
        headers: { Authorization: `Bearer ${reader.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: 'ceasefire' })
      })
      expect(search.status).toBe(200)

      const gone = await addUser(t.pool, 'gone', 'editor')
      await sync.join(ana.ctx.db, t.server.url, gone.token)
      await revokeUser(t.pool, 'gone')
      await expect(sync.syncNow(ana.ctx.db)).rejects.toThrow(/revoked/)
      expect(sync.status(ana.ctx.db).lastError).toMatch(/revoked/)

      // Carl (editor) pulls Ana's highlight and edits it: refused, and said so.
      const carl = await addUser(t.pool, 'carl', 'editor')
      await sync.join(ben.ctx.db, t.server.url, carl.token)
      await sync.syncNow(ben.ctx.db)
      const theirs = unwrap(await ben.api.listQuotes({})).items.find((q) => q.author === 'ana')!
      unwrap(await ben.api.updateHighlight({ id: theirs.id, note: 'carl was here' }))
      const r = await sync.syncNow(ben.ctx.db)
      expect(r.pushed?.rejected).toBe(1)
      expect(sync.status(ben.ctx.db).rejections[0].reason).toMatch(/only the person who made this highlight/)
    } finally {
      close()
    }
  })
})
