/**
 * Versions travel: an archive pushes an article's whole history, a new member pulls it
 * oldest first and ends up with the same versions, in the same order, the same current text,
 * and highlights on the versions they were made on. Re-pushing changes nothing; an older
 * version arriving after a newer one joins the history without becoming current.
 */
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it, beforeAll } from 'vitest'
import { openApp, type App } from '../../src/main/app'
import { addUser } from '../../src/team/store/users'
import * as sync from '../../src/main/sync/service'
import * as client from '../../src/main/sync/client'
import { versionUuid } from '../../src/main/sync/ids'
import { articlePage } from '../support/pages'
import { tempDir } from '../support/tmp'
import { pgSkipReason, startTeam, type TeamFixture } from '../support/team'

const skip = pgSkipReason()
const URL_ = 'https://news.example/2024/harbour'
const P = [
  'Dock workers walked out at dawn on Monday, halting traffic at the harbour for the first time in a decade.',
  '“We will stay out until the company talks to us,” the union’s secretary, Rosa Lind, told reporters at the gate.',
  'The port authority said ships would be diverted to the northern terminal while the strike lasted.'
]
const VERSIONS = [
  { title: 'Dock workers strike at the harbour', paragraphs: P },
  { title: 'Harbour strike enters second day', paragraphs: [...P, 'Talks were due to begin on Wednesday, a spokesman for the company said.'] },
  { title: 'Harbour strike enters second day', paragraphs: [...P, 'Talks began on Wednesday afternoon, a spokesman for the company said.'] },
  { title: 'Harbour strike ends after talks', paragraphs: [...P, 'Talks began on Wednesday afternoon, a spokesman for the company said.', 'The union accepted the offer late on Thursday.'] }
]

function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

async function save(app: App, n: number, url = URL_, extra: string[] = []): Promise<number> {
  const html = articlePage({ ...VERSIONS[n], paragraphs: [...VERSIONS[n].paragraphs, ...extra], canonical: url, byline: 'Jo Rivera' })
  const r = unwrap(await app.api.importItems({ items: [{ kind: 'html', html, url }] }))
  if (!r.results[0].ok) throw new Error('import failed')
  return r.results[0].id as number
}

/** An archive's history of the article: number, title, text and change summary of each version, oldest first. */
async function history(app: App, id: number) {
  const list = unwrap(await app.api.listVersions({ articleId: id }))
  const out = []
  for (const v of list) out.push({ number: v.number, createdAt: v.createdAt, title: v.title, how: v.how, summary: v.summary, text: unwrap(await app.api.getVersion({ articleId: id, number: v.number })).text })
  return out
}

describe.skipIf(skip !== '')(`team versions${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 120_000 }, () => {
  let t: TeamFixture
  let anaToken: string
  let benToken: string

  beforeAll(async () => {
    t = await startTeam()
    anaToken = (await addUser(t.pool, 'ana', 'editor')).token
    benToken = (await addUser(t.pool, 'ben', 'editor')).token
  }, 120_000)

  it('a new member pulls the whole history in order, highlights on their versions; a 4th version follows; pushing again changes nothing; an older version arriving late does not become current', async () => {
    const dir = tempDir()
    const ana = openApp(join(dir, 'ana.db'))
    const ben = openApp(join(dir, 'ben.db'))
    try {
      // Ana's archive has three versions and a highlight made on the second, before she shares.
      const a = await save(ana, 0)
      await save(ana, 1)
      const h = unwrap(await ana.api.addHighlight({ articleId: a, quote: 'Rosa Lind, told reporters at the gate', note: 'who' }))
      unwrap(await ana.api.addHighlight({ articleId: a, quote: 'Talks were due to begin on Wednesday' }))
      await save(ana, 2)
      expect(unwrap(await ana.api.getArticle({ id: a })).highlights[0]).toMatchObject({ id: h.id, version: 2, originalExact: 'Rosa Lind, told reporters at the gate' })
      await sync.join(ana.ctx.db, t.server.url, anaToken)
      sync.shareArticles(ana.ctx.db, [a])
      await sync.syncNow(ana.ctx.db)

      // The team has the three versions, numbered in order, the last current; the highlight names version 2.
      const articleUuid = ana.ctx.db.prepare('SELECT uuid FROM articles WHERE id = ?').pluck().get(a) as string
      const onTeam = await t.pool.query('SELECT v.uuid, v.number, a.current_version = v.uuid AS current FROM article_versions v JOIN articles a ON a.id = v.article_id ORDER BY v.number')
      expect(onTeam.rows.map((r) => [r.number, r.current])).toEqual([[1, false], [2, false], [3, true]])
      const hashes = unwrap(await ana.api.listVersions({ articleId: a })).map((v) => v.hash)
      expect(onTeam.rows.map((r) => r.uuid)).toEqual(hashes.map((x) => versionUuid(articleUuid, x)))
      expect((await t.pool.query('SELECT DISTINCT version_uuid FROM highlights')).rows.map((r) => r.version_uuid)).toEqual([versionUuid(articleUuid, hashes[1])])

      // Ben joins and pulls: the same history, the same current text, the highlight on version 2.
      await sync.join(ben.ctx.db, t.server.url, benToken)
      await sync.syncNow(ben.ctx.db)
      const b = unwrap(await ben.api.listArticles({ limit: 10 })).items[0].id
      expect(await history(ben, b)).toEqual(await history(ana, a))
      const onBen = unwrap(await ben.api.getArticle({ id: b }))
      expect(onBen).toMatchObject({ version: 3, versions: 3, text: unwrap(await ana.api.getArticle({ id: a })).text })
      expect(onBen.highlights).toHaveLength(2)
      // Both archives see the same highlights: the one whose words version 3 changed is marked so on both.
      const origin = (x: { exact: string; version: number; originalExact: string; changedIn: number | null; orphan: boolean }) => [x.originalExact, x.version, x.changedIn, x.orphan, x.exact]
      expect(onBen.highlights.map(origin).sort()).toEqual(unwrap(await ana.api.getArticle({ id: a })).highlights.map(origin).sort())
      expect(onBen.highlights.map(origin).sort()[1]).toEqual(['Talks were due to begin on Wednesday', 2, 3, expect.any(Boolean), expect.any(String)])
      expect(onBen.highlights.find((x) => x.note === 'who')).toMatchObject({ version: 2, originalExact: 'Rosa Lind, told reporters at the gate', changedIn: null, author: 'ana', note: 'who', orphan: false })

      // A fourth version on Ana's side: pushed, pulled, four on both.
      await save(ana, 3)
      await sync.syncNow(ana.ctx.db)
      await sync.syncNow(ben.ctx.db)
      expect(await history(ben, b)).toEqual(await history(ana, a))
      expect(await history(ben, b)).toHaveLength(4)

      // Pushing again changes nothing: nothing is pending, and a re-sent history (an answer
      // lost: Ana's archive forgets what the team has) is recognised version by version.
      const before = await t.pool.query('SELECT (SELECT count(*) FROM article_versions) AS versions, (SELECT last_value FROM change_seq) AS head')
      expect((await sync.pushAll(ana.ctx.db)).applied).toBe(0)
      ana.ctx.db.prepare('UPDATE articles SET team_version = NULL WHERE id = ?').run(a)
      ana.ctx.db.prepare("INSERT INTO team_outbox(op_id, kind, uuid, created_at) VALUES (?, 'article', ?, ?)").run(crypto.randomUUID(), articleUuid, new Date().toISOString())
      const again = await sync.pushAll(ana.ctx.db)
      expect([again.applied, again.unchanged]).toEqual([0, 1])
      expect((await t.pool.query('SELECT (SELECT count(*) FROM article_versions) AS versions, (SELECT last_value FROM change_seq) AS head')).rows).toEqual(before.rows)
      expect(await history(ben, b)).toHaveLength(4)

      // An older version (obtained between versions 2 and 3) arrives after version 4: it takes
      // its place in the history, version 4 stays current on the team and on Ben's archive.
      const current = (await t.pool.query('SELECT current_version FROM articles')).rows[0].current_version as string
      const v2 = await client.version(sync.endpoint(ana.ctx.db), versionUuid(articleUuid, hashes[1]))
      const text = `${v2.text}\n\nA late correction from a stale copy.`
      const hash = createHash('sha256').update(text).digest('hex')
      const late = { ...v2, uuid: versionUuid(articleUuid, hash), contentHash: hash, text, createdAt: new Date(Date.parse(v2.createdAt) + 1).toISOString() }
      const pushed = await client.push(sync.endpoint(ana.ctx.db), { protocol: 1, client: crypto.randomUUID(), ops: [{ opId: crypto.randomUUID(), op: 'article', uuid: articleUuid, savedAt: v2.createdAt, version: late }] })
      expect(pushed.results[0].status).toBe('applied')
      const after = await t.pool.query('SELECT v.uuid, v.number, a.current_version FROM article_versions v JOIN articles a ON a.id = v.article_id ORDER BY v.number')
      expect(after.rows.map((r) => r.uuid)).toHaveLength(5)
      expect(after.rows[2].uuid).toBe(late.uuid)
      expect(after.rows[0].current_version).toBe(current)
      expect(after.rows[4].uuid).toBe(current)
      await sync.syncNow(ben.ctx.db)
      const benNow = unwrap(await ben.api.getArticle({ id: b }))
      expect([benNow.versions, benNow.title]).toEqual([4, VERSIONS[3].title])
    } finally {
      ana.close()
      ben.close()
    }
  })

  it('a history too large for one request goes one part per batch, oldest first, and arrives whole', async () => {
    const dir = tempDir()
    const ana = openApp(join(dir, 'ana.db'))
    const ben = openApp(join(dir, 'ben.db'))
    try {
      // Another story (its own address and text), so the team does not take it for the first test's.
      const other = ['Reported from the northern terminal.']
      const a = await save(ana, 0, `${URL_}-north`, other)
      await save(ana, 1, `${URL_}-north`, other)
      unwrap(await ana.api.addHighlight({ articleId: a, quote: 'Rosa Lind, told reporters at the gate' }))
      await save(ana, 2, `${URL_}-north`, other)
      await sync.join(ana.ctx.db, t.server.url, anaToken)
      sync.shareArticles(ana.ctx.db, [a])
      // One byte per operation: each carries one version.
      const pushed = await sync.pushAll(ana.ctx.db, undefined, 500, 1)
      expect(pushed.batches).toBe(3)
      expect(sync.status(ana.ctx.db).pending).toBe(0)
      const uuid = ana.ctx.db.prepare('SELECT uuid FROM articles WHERE id = ?').pluck().get(a) as string
      const onTeam = await t.pool.query('SELECT v.number, a.current_version = v.uuid AS current FROM article_versions v JOIN articles a ON a.id = v.article_id WHERE a.uuid = $1 ORDER BY v.number', [uuid])
      expect(onTeam.rows.map((r) => [r.number, r.current])).toEqual([[1, false], [2, false], [3, true]])

      await sync.join(ben.ctx.db, t.server.url, benToken)
      await sync.syncNow(ben.ctx.db)
      const b = ben.ctx.db.prepare('SELECT id FROM articles WHERE uuid = ?').pluck().get(uuid) as number
      expect(await history(ben, b)).toEqual(await history(ana, a))
      expect(unwrap(await ben.api.getArticle({ id: b })).highlights.map((h) => h.version)).toEqual([2])
    } finally {
      ana.close()
      ben.close()
    }
  })
})
