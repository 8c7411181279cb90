/**
 * 20 clients pushing and searching at once on a team server (a short run: the minute-long
 * one is `npm run bench:team`, with its numbers in docs/team.md). Nothing acknowledged may be
 * lost or doubled, and no request may fail.
 */
import { describe, expect, it } from 'vitest'
import { addUser } from '../../src/team/store/users'
import { runLoad, verifyLoad } from '../../bench/team-load'
import { pgSkipReason, startTeam } from '../support/team'

const skip = pgSkipReason()

describe.skipIf(skip !== '')(`team server under load${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('20 concurrent clients push and search: no error, nothing lost, nothing doubled', async () => {
    const t = await startTeam()
    const tokens: string[] = []
    for (let i = 0; i < 20; i++) tokens.push((await addUser(t.pool, `load${i}`, 'editor')).token)
    const r = await runLoad({ url: t.server.url, tokens, seconds: 4, perPush: 2 })
    expect(r.errors).toEqual([])
    expect(r.pushes).toBeGreaterThanOrEqual(20)
    expect(r.searches).toBeGreaterThanOrEqual(20)
    expect(await verifyLoad(t.pool, r.acked)).toEqual({ missingArticles: 0, missingHighlights: 0, duplicates: 0 })
    const onServer = await t.pool.query('SELECT count(*)::int AS n FROM articles')
    expect(onServer.rows[0].n).toBe(r.articlesAcknowledged)
    // Every request was logged with its id.
    expect(t.logs.filter((l) => l.includes('"path":"/sync/push"')).length).toBe(r.pushes)
  }, 60_000)
})
