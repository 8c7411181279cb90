/**
 * The search thread (serve mode, the desktop app): the same answers as a search in the main
 * thread, on its own connection, seeing what the main connection writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb, type TestDb } from '../../../test/support/search-db'
import { startSearchThread, type SearchThread } from './offload'
import { search, type SearchRequest } from './service'
import { saveSearch } from '../db/saved-searches'

let t: TestDb
let thread: SearchThread

beforeAll(() => {
  t = createTestDb()
  for (let i = 0; i < 40; i++) {
    t.add({
      title: `Ceasefire talks ${i}`,
      text: i % 3 ? 'The ceasefire held overnight.' : 'Talks resumed in Geneva.',
      site: i % 2 ? 'The Daily Ledger' : 'Morning Post',
      url: `https://www.${i % 2 ? 'dailyledger' : 'morningpost'}.example/world/${i}`,
      publishedAt: `2019-0${1 + (i % 9)}-10`,
      tags: i % 4 ? [] : ['Syria']
    })
  }
  saveSearch(t.db, 'Geneva', 'geneva')
  thread = startSearchThread(t.db, t.db.name)
})

afterAll(async () => {
  await thread.close()
  t.close()
})

const request = (query: string): SearchRequest => ({ query, sort: 'relevance', limit: 20, offset: 0, facets: true, timeline: true, exactTotal: false })

describe('search thread', () => {
  it('runs in a worker and answers exactly as the main thread does', async () => {
    expect(thread.threaded).toBe(true)
    // Prefixes too: their ranking reads the index's vocabulary and shadow tables on the thread's read-only connection.
    for (const q of ['ceasefire', 'tag:Syria', 'site:dailyledger.example talks', 'after:2019-03 -geneva', 'cease*', 'talk* gen*', 'held OR over*']) {
      expect(await thread.search(request(q))).toEqual(search(t.db, request(q)))
    }
    expect(await thread.listSavedSearches()).toEqual([expect.objectContaining({ name: 'Geneva', count: 14 })])
  })

  it('sees what the main connection has written', async () => {
    const before = (await thread.search(request('zeppelin'))).total
    t.add({ title: 'A zeppelin over Geneva', text: 'It floated.' })
    expect(before).toBe(0)
    expect((await thread.search(request('zeppelin'))).total).toBe(1)
  })

  it('answers calls made while another is running, in order', async () => {
    const answers = await Promise.all(['ceasefire', 'geneva', 'tag:Syria'].map((q) => thread.search(request(q))))
    expect(answers.map((a) => a.total)).toEqual(['ceasefire', 'geneva', 'tag:Syria'].map((q) => search(t.db, request(q)).total))
  })
})
