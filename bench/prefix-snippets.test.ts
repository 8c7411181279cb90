/**
 * A prefix query's snippets, taken from a scratch index of the page's rows (hits.ts
 * snippetsAside), are exactly the ones snippet() gives over the archive's own index: checked
 * hit by hit against the plain statement, on generated articles long enough for snippet() to
 * choose among windows, for prefixes alone, in phrases, beside words, filters and exclusions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, openReadConnection, type DB } from '../src/main/db/connection'
import { storeArticle } from '../src/main/import/store'
import { searchArticles } from '../src/main/search/search'
import { ARTICLE_FTS_COLUMNS, ARTICLE_FTS_TOKENIZE } from '../src/main/search/sql'
import { compileQuery } from '../src/main/search/compile'
import { parseQueryLenient } from '../src/main/search/parse'
import { SNIPPET_CLOSE, SNIPPET_OPEN } from '../src/shared/vocabulary'
import { fastArticle } from './fast'

const SEED = 20240601
let dir: string
let db: DB

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clipfile-prefix-snippets-'))
  db = openDatabase(join(dir, 'archive.db'))
  db.transaction(() => {
    for (let i = 0; i < 400; i++) {
      const { article, highlights } = fastArticle(SEED, i, { words: 400 })
      storeArticle(db, { ...article, highlights })
    }
  })()
})

afterAll(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

/** snippet() over articles_fts itself, one hit at a time: what the page must show. */
function plainSnippet(fts: string, id: number): string | undefined {
  const s = db
    .prepare(`SELECT snippet(articles_fts, 3, ?, ?, '…', 14) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = CAST(? AS INTEGER)`)
    .pluck()
    .get(SNIPPET_OPEN, SNIPPET_CLOSE, fts, id) as string | undefined
  return s?.includes(SNIPPET_OPEN) ? s : undefined
}

const QUERIES = ['econom*', 'minist* ceasefire', '"climate summ*"', 'title:talk*', 'econom* OR zeppelin', 'presid* -government', 'gov* tag:Syria', 'w*', 'refug* after:2019']

describe('prefix snippets from the page alone', () => {
  it('uses the archive index’s columns and tokenizer', () => {
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").pluck().get() as string
    expect(sql.replace(/\s+/g, ' ')).toContain(`${ARTICLE_FTS_COLUMNS}, content`)
    expect(sql).toContain(`tokenize = '${ARTICLE_FTS_TOKENIZE}'`)
  })

  it('gives every hit on every page the snippet snippet() gives over the archive', () => {
    let compared = 0
    for (const query of QUERIES) {
      const fts = compileQuery(parseQueryLenient(query).ast).fts as string
      for (const offset of [0, 200]) {
        for (const sort of ['relevance', 'newest'] as const) {
          const r = searchArticles(db, { query, limit: 200, offset, sort })
          for (const hit of r.results) {
            const expected = plainSnippet(fts, hit.id)
            // No match in its own text (found through a highlight, or its title): the excerpt, unmarked.
            if (expected === undefined) expect(hit.snippet.includes(SNIPPET_OPEN), `${query} #${hit.id}`).toBe(false)
            else expect(hit.snippet, `${query} #${hit.id}`).toBe(expected)
            compared++
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500)
  })

  it('works on the search thread’s read-only connection', () => {
    const ro = openReadConnection(join(dir, 'archive.db'))
    try {
      const a = searchArticles(ro, { query: 'econom*', limit: 50 }).results.map((h) => h.snippet)
      const b = searchArticles(db, { query: 'econom*', limit: 50 }).results.map((h) => h.snippet)
      expect(a).toEqual(b)
      expect(a.filter((s) => s.includes(SNIPPET_OPEN) && s.includes(SNIPPET_CLOSE)).length).toBeGreaterThan(30)
    } finally {
      ro.close()
    }
  })
})
