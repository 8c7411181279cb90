/**
 * The reading workflow through the api, on real archives: where new saves land, moving and
 * starring (one article or many), the lists and counts by state, reading progress, settings,
 * bulk tags and exports of a selection, and changes made by another program noticed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import type { EventMap } from '../shared/api'
import { openApp, type App } from './app'
import { openDatabase } from './db/connection'
import { watchArchive } from './watch'
import { articlePage } from '../../test/support/pages'
import { tempDbPath } from '../../test/support/tmp'

// One archive for the file (opening one starts an import worker: the slow part); each test
// works on articles of its own, tagged with its name where it lists.
let app: App
let events: EventMap['libraryChanged'][] = []

beforeAll(() => {
  app = openApp(tempDbPath())
  app.ctx.events.on('libraryChanged', (e) => events.push(e))
})
beforeEach(() => {
  events = []
})
afterAll(() => app.close())

const ok = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

let saved = 0
async function save(titles: string[], tags: string[] = []): Promise<number[]> {
  const items = titles.map((title) => ({ kind: 'html' as const, html: articlePage({ title, canonical: `https://x.example/${++saved}` }) }))
  const r = ok(await app.api.importItems({ items, tags }))
  return r.results.map((x) => x.id!)
}

describe('inbox, archive, star', () => {
  it('lands new saves in the inbox, unread, and counts each list', async () => {
    const ids = await save(['Harbour budget approved', 'Council votes on the bridge', 'Ferry strike ends'])
    const list = ok(await app.api.listArticles({ state: 'inbox' }))
    expect(list.total).toBe(3)
    expect(ok(await app.api.info({}))).toMatchObject({ articles: 3, inbox: 3, archive: 0, starred: 0 })
    expect(list.items.every((a) => a.state === 'inbox' && !a.starred && a.progress === 0 && a.readAt === null)).toBe(true)
    ok(await app.api.setArticleState({ ids: [ids[0], ids[1]], state: 'archive' }))
    ok(await app.api.setArticleState({ ids: [ids[1]], starred: true }))
    expect(events.filter((e) => e.reason === 'state')).toHaveLength(2)
    expect(ok(await app.api.info({}))).toMatchObject({ articles: 3, inbox: 1, archive: 2, starred: 1 })
    expect(ok(await app.api.listArticles({ state: 'archive' })).items.map((a) => a.id).sort()).toEqual([ids[0], ids[1]].sort())
    expect(ok(await app.api.listArticles({ starred: true })).items.map((a) => a.id)).toEqual([ids[1]])
    expect(ok(await app.api.listArticles({ state: 'archive', starred: false })).items.map((a) => a.id)).toEqual([ids[0]])
    // Moving back and unstarring, both at once.
    expect(ok(await app.api.setArticleState({ ids: [ids[1]], state: 'inbox', starred: false }))).toEqual({ updated: 1 })
    expect(ok(await app.api.info({}))).toMatchObject({ inbox: 2, archive: 1, starred: 0 })
  })

  it('refuses a change that says nothing, and counts only articles that exist', async () => {
    const [id] = await save(['Harbour budget approved'])
    const r = await app.api.setArticleState({ ids: [id] })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('give state or starred') } })
    expect(ok(await app.api.setArticleState({ ids: [id, 9999], state: 'archive' }))).toEqual({ updated: 1 })
  })

  it('keeps the state when an article is saved again', async () => {
    const [id] = await save(['Harbour master retires'])
    ok(await app.api.setArticleState({ ids: [id], state: 'archive', starred: true }))
    const again = ok(await app.api.importItems({ items: [{ kind: 'html', html: articlePage({ title: 'Harbour master retires', canonical: `https://x.example/${saved}` }) }] }))
    expect(again.results[0]).toMatchObject({ status: 'updated', id })
    expect(ok(await app.api.getArticle({ id }))).toMatchObject({ state: 'archive', starred: true })
  })

  it('lists every id of a list with its state ("select all"), leaving out what is being deleted', async () => {
    const ids = await save(['One story about ferries', 'Two stories about bridges', 'Three stories about tunnels'], ['select-all'])
    ok(await app.api.setArticleState({ ids: [ids[2]], starred: true }))
    const all = ok(await app.api.listArticleStates({ tag: 'select-all', exclude: [ids[0]] }))
    expect(all.map((a) => a.id).sort()).toEqual([ids[1], ids[2]].sort())
    expect(all.find((a) => a.id === ids[2])).toEqual({ id: ids[2], state: 'inbox', starred: true })
    expect(ok(await app.api.listArticles({ tag: 'select-all', exclude: [ids[0], ids[1]] })).total).toBe(1)
  })
})

describe('reading progress', () => {
  it('keeps the furthest point reached and where the reader left, and marks the article read once', async () => {
    const [id] = await save(['A long read about the reservoir'], ['progress'])
    const first = ok(await app.api.setReadingProgress({ id, progress: 0.62, position: 140 }))
    expect(first).toMatchObject({ progress: 0.62, position: 140, readAt: expect.any(String) })
    // Scrolling back up: the place moves, the progress stays at its furthest.
    const back = ok(await app.api.setReadingProgress({ id, progress: 0.2, position: 30 }))
    expect(back).toMatchObject({ progress: 0.62, position: 30, readAt: first.readAt })
    expect(ok(await app.api.getArticle({ id }))).toMatchObject({ progress: 0.62, position: 30, readAt: first.readAt })
    expect(ok(await app.api.listArticles({ tag: 'progress' })).items[0]).toMatchObject({ progress: 0.62 })
    expect(events).toContainEqual({ reason: 'progress', articleId: id })
    expect(await app.api.setReadingProgress({ id, progress: 1.5, position: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await app.api.setReadingProgress({ id: 999, progress: 0.5, position: 0 })).toMatchObject({ ok: false, error: { code: 'not_found' } })
  })
})

describe('settings', () => {
  it('start from the defaults, keep what is changed, and refuse what is not a setting', async () => {
    const path = tempDbPath()
    let own = openApp(path)
    try {
      expect(ok(await own.api.getSettings({}))).toEqual({ theme: 'auto', textSize: 19, lineWidth: 'medium', autoArchive: false, sidebarCollapsed: false, panelCollapsed: false })
      expect(ok(await own.api.updateSettings({ theme: 'dark', textSize: 22 }))).toMatchObject({ theme: 'dark', textSize: 22, lineWidth: 'medium' })
      expect(await own.api.updateSettings({ textSize: 40 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      expect(await own.api.updateSettings({ font: 'Comic Sans' } as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
      // Kept in the archive: another app opening it sees them.
      own.close()
      own = openApp(path)
      expect(ok(await own.api.getSettings({}))).toMatchObject({ theme: 'dark', textSize: 22 })
      // A stored value this version cannot use falls back to its default.
      own.ctx.db.prepare("INSERT OR REPLACE INTO settings(key, value) VALUES ('theme', '\"sepia\"'), ('textSize', 'not json')").run()
      expect(ok(await own.api.getSettings({}))).toMatchObject({ theme: 'auto', textSize: 19 })
    } finally {
      own.close()
    }
  })
})

describe('a selection', () => {
  it('is tagged in one go, keeping the tags it has', async () => {
    const ids = await save(['Port budget cut', 'Port bridge closed'])
    ok(await app.api.setArticleTags({ id: ids[0], tags: ['Budget'] }))
    expect(ok(await app.api.addArticleTags({ ids: [...ids, 404], tags: ['Council', 'budget'] }))).toEqual({ updated: 2 })
    expect(ok(await app.api.getArticle({ id: ids[0] })).tags).toEqual(['Budget', 'Council'])
    expect(ok(await app.api.getArticle({ id: ids[1] })).tags).toEqual(['Budget', 'Council'])
  })

  it('is exported with each article, with its highlights or none', async () => {
    const ids = await save(['Harbour budget approved again', 'Council votes on the tunnel'])
    ok(await app.api.addHighlight({ articleId: ids[0], quote: 'the council met on Tuesday' }))
    const md = ok(await app.api.exportHighlights({ format: 'md', articleIds: ids }))
    expect(md.count).toBe(1)
    expect(md.content).toContain('Harbour budget approved again')
    expect(md.content).toContain('> the council met on Tuesday')
    expect(md.content).toContain('Council votes on the tunnel')
    expect(md.content).toContain('*No highlights.*')
    expect(ok(await app.api.exportHighlights({ format: 'csv', articleIds: [ids[1]] })).count).toBe(0)
  })
})

describe('changes made by another program', () => {
  it('are noticed and announced, without echoing the archive’s own writes', async () => {
    const stop = watchArchive(app.ctx.db, app.ctx.events, 10)
    try {
      await save(['Written by this app'])
      await new Promise((r) => setTimeout(r, 30))
      events = []
      const noticed = new Promise<void>((resolve) => app.ctx.events.on('libraryChanged', (e) => e.reason === 'external' && resolve()))
      // Another connection (the CLI, say) commits.
      const other = new Database(app.ctx.dbPath)
      other.prepare("UPDATE articles SET starred = 1 WHERE title = 'Written by this app'").run()
      other.close()
      await noticed
      expect(events).toEqual([{ reason: 'external' }])
    } finally {
      stop()
    }
  })
})

describe('migration 009', () => {
  it('puts the articles of an older archive in the archive, unread and unstarred', () => {
    const path = tempDbPath()
    const v8 = openDatabase(path, { targetVersion: 8 })
    v8.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (1, 'https://x.test/a', 'Old', '2020-01-01', 'h1')").run()
    v8.close()
    const db = openDatabase(path)
    expect(db.prepare('SELECT state, starred, progress, position, read_at FROM articles').get()).toEqual({ state: 'archive', starred: 0, progress: 0, position: 0, read_at: null })
    db.prepare("INSERT INTO articles(id, url, title, saved_at, content_hash) VALUES (2, 'https://x.test/b', 'New', '2024-01-01', 'h2')").run()
    expect(db.prepare('SELECT state FROM articles WHERE id = 2').get()).toEqual({ state: 'inbox' })
    expect(() => db.prepare("UPDATE articles SET state = 'trash' WHERE id = 2").run()).toThrow(/CHECK constraint/)
    expect(() => db.prepare('UPDATE articles SET progress = 2 WHERE id = 2').run()).toThrow(/CHECK constraint/)
    db.close()
  })
})
