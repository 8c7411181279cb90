import { describe, expect, it } from 'vitest'
import { openDatabase, type DB } from './connection'
import { deleteArticles, listArticles, setArticleState, type ListOptions } from './articles'
import { deleteHighlightRow, insertHighlight, setHighlightTags } from './highlights'
import { addArticleTags, ensureTags, listTags, pruneTags, renameTag, setArticleTags } from './tags'
import { countsOutOfStep, libraryCounts, recountLibrary } from './counts'
import { repairIndexes, runChecks } from '../maintenance'
import { makeRng, type Rng } from '../../../test/support/prng'
import { tempDbPath } from '../../../test/support/tmp'

/** The counts as the code before migration 015 counted them (count(*) over the rows). */
function counted(db: DB) {
  const n = (sql: string) => db.prepare(sql).pluck().get() as number
  return {
    all: n('SELECT count(*) FROM articles'),
    inbox: n("SELECT count(*) FROM articles WHERE state = 'inbox'"),
    archive: n("SELECT count(*) FROM articles WHERE state = 'archive'"),
    starred: n('SELECT count(*) FROM articles WHERE starred = 1'),
    highlights: n('SELECT count(*) FROM highlights'),
    tags: db
      .prepare(
        `SELECT t.name AS name, (SELECT count(*) FROM article_tags WHERE tag_id = t.id) AS articles,
                (SELECT count(*) FROM highlight_tags WHERE tag_id = t.id) AS highlights
         FROM tags t ORDER BY articles + highlights DESC, t.name COLLATE NOCASE`
      )
      .all()
  }
}

/** What the library shows from the kept counts. */
function kept(db: DB) {
  const { articles: all, inbox, archive, starred, highlights } = libraryCounts(db)
  return { all, inbox, archive, starred, highlights, tags: listTags(db) }
}

const LISTS: Partial<ListOptions>[] = [
  {}, { state: 'inbox' }, { state: 'archive' }, { starred: true }, { starred: false }, { state: 'inbox', starred: true }, { tag: 'Syria' },
  // Deletions waiting for their Undo are set aside: some of these ids exist, in any state, some not.
  { exclude: [1, 2, 3, 2, 999] }, { state: 'inbox', exclude: [4, 5, 6, 7] }, { state: 'archive', exclude: [4, 5, 6, 7] }, { starred: true, exclude: [8, 9, 10, 11, 12] }
]

/** Every list's total, as the library asks for it and as plain SQL counts it. */
function totals(db: DB) {
  const where = (f: Partial<ListOptions>) =>
    [
      f.state ? `state = '${f.state}'` : null,
      f.starred === undefined ? null : `starred = ${f.starred ? 1 : 0}`,
      f.tag ? `id IN (SELECT article_id FROM article_tags JOIN tags t ON t.id = tag_id WHERE t.name = '${f.tag}')` : null,
      f.exclude ? `id NOT IN (${f.exclude.join(', ')})` : null
    ].filter(Boolean)
  return LISTS.map((f) => {
    const w = where(f)
    return [
      listArticles(db, { limit: 1, offset: 0, sort: 'saved', ...f }).total,
      db.prepare(`SELECT count(*) FROM articles ${w.length ? `WHERE ${w.join(' AND ')}` : ''}`).pluck().get()
    ]
  })
}

let nextId = 1
function addArticle(db: DB, rng: Rng): number {
  const id = nextId++
  db.prepare(
    "INSERT INTO articles(id, url, title, saved_at, published_at, content_hash, state, starred) VALUES (?, ?, 'A story', ?, '2020-01-01', ?, ?, ?)"
  ).run(id, `https://x.test/${id}`, `2024-01-${String(1 + (id % 28)).padStart(2, '0')}`, `h${id}`, rng() < 0.7 ? 'inbox' : 'archive', rng() < 0.3 ? 1 : 0)
  db.prepare("INSERT INTO article_content(article_id, text, doc) VALUES (?, 'Some words of the story to highlight', x'00')").run(id)
  return id
}

const TAGS = ['Syria', 'syria', 'Iran', 'Water', 'Courts', 'Budget']
const pick = <T,>(rng: Rng, xs: T[]): T => xs[Math.floor(rng() * xs.length)]

describe('the library counts kept by triggers (migration 015)', () => {
  it('equal count(*) after every kind of change, in 400 random steps', () => {
    const db = openDatabase(tempDbPath())
    const rng = makeRng(15, 400)
    nextId = 1
    const ids = () => db.prepare('SELECT id FROM articles').pluck().all() as number[]
    const highlightIds = () => db.prepare('SELECT id FROM highlights').pluck().all() as number[]
    const steps: [string, () => void][] = [
      ['add an article', () => addArticle(db, rng)],
      ['add three articles in one transaction', () => db.transaction(() => [0, 1, 2].forEach(() => addArticle(db, rng)))()],
      ['delete articles', () => deleteArticles(db, [pick(rng, ids()), pick(rng, ids())].filter(Boolean))],
      ['archive', () => setArticleState(db, [pick(rng, ids())], { state: 'archive' })],
      ['back to the inbox and starred', () => setArticleState(db, [pick(rng, ids()), pick(rng, ids())], { state: 'inbox', starred: true })],
      ['unstar', () => setArticleState(db, ids().slice(0, 3), { starred: false })],
      ['the same state again', () => setArticleState(db, ids().slice(0, 2), { state: 'inbox' })],
      ['tag', () => ids().length && addArticleTags(db, pick(rng, ids()), [pick(rng, TAGS), pick(rng, TAGS)])],
      ['replace tags', () => ids().length && setArticleTags(db, pick(rng, ids()), [pick(rng, TAGS)])],
      ['untag', () => ids().length && setArticleTags(db, pick(rng, ids()), [])],
      ['prune tags', () => pruneTags(db)],
      ['rename or merge a tag', () => {
        const names = db.prepare('SELECT name FROM tags').pluck().all() as string[]
        if (names.length) db.transaction(() => renameTag(db, pick(rng, names), pick(rng, TAGS)))()
      }],
      ['highlight', () => {
        if (!ids().length) return
        const h = insertHighlight(db, { articleId: pick(rng, ids()), start: 0, end: 4, exact: 'Some', prefix: '', suffix: ' words', color: 'yellow', note: '' })
        if (rng() < 0.6) setHighlightTags(db, h, ensureTags(db, [pick(rng, TAGS), pick(rng, TAGS)]))
      }],
      ['retag a highlight', () => highlightIds().length && setHighlightTags(db, pick(rng, highlightIds()), ensureTags(db, [pick(rng, TAGS)]))],
      ['move a highlight tag to another tag', () => {
        const row = db.prepare('SELECT highlight_id, tag_id FROM highlight_tags LIMIT 1').get() as { highlight_id: number; tag_id: number } | undefined
        const [other] = ensureTags(db, [pick(rng, TAGS)])
        if (row) db.prepare('UPDATE OR IGNORE highlight_tags SET tag_id = ? WHERE highlight_id = ? AND tag_id = ?').run(other, row.highlight_id, row.tag_id)
      }],
      ['move an article tag to another tag', () => {
        const row = db.prepare('SELECT article_id, tag_id FROM article_tags LIMIT 1').get() as { article_id: number; tag_id: number } | undefined
        const [other] = ensureTags(db, [pick(rng, TAGS)])
        if (row) db.prepare('UPDATE OR IGNORE article_tags SET tag_id = ? WHERE article_id = ? AND tag_id = ?').run(other, row.article_id, row.tag_id)
      }],
      ['delete a highlight', () => highlightIds().length && deleteHighlightRow(db, pick(rng, highlightIds()))],
      ['delete a tag outright', () => db.prepare('DELETE FROM tags WHERE id = (SELECT min(id) FROM tags)').run()],
      ['a transaction rolled back', () => {
        try {
          db.transaction(() => {
            addArticle(db, rng)
            setArticleState(db, ids(), { state: 'archive', starred: true })
            throw new Error('rolled back')
          })()
        } catch {
          // the point of the step
        }
      }]
    ]
    const seen = new Set<string>()
    for (let i = 0; i < 400; i++) {
      const [name, step] = i < 20 ? steps[i % 3] : pick(rng, steps)
      step()
      seen.add(name)
      const { tags: countedTags, ...countedRest } = counted(db)
      const { tags: keptTags, ...keptRest } = kept(db)
      expect(keptRest, `after step ${i} (${name})`).toEqual(countedRest)
      expect(keptTags, `after step ${i} (${name})`).toEqual(countedTags)
      for (const [listed, plain] of totals(db)) expect(listed, `a list's total after step ${i} (${name})`).toBe(plain)
    }
    expect(seen.size).toBe(steps.length)
    // The steps did reach every count (a test of counts that stay 0 would prove nothing).
    const end = counted(db)
    expect(Math.min(end.all, end.inbox, end.archive, end.starred, end.highlights)).toBeGreaterThan(0)
    expect(end.tags.length).toBeGreaterThan(1)
    expect(countsOutOfStep(db)).toEqual([])
    db.close()
  })

  it('come from the rows of an archive made before them, and check and repair find and mend a wrong one', () => {
    const path = tempDbPath()
    const v14 = openDatabase(path, { targetVersion: 14 })
    nextId = 1
    const rng = makeRng(15, 2)
    for (let i = 0; i < 30; i++) addArticle(v14, rng)
    v14.prepare("INSERT INTO tags(id, name) VALUES (1, 'Syria'), (2, 'Iran'), (3, 'Unused')").run()
    v14.prepare('INSERT INTO article_tags(article_id, tag_id) VALUES (1, 1), (2, 1), (3, 2)').run()
    v14.prepare("INSERT INTO highlights(id, uuid, article_id, exact, prefix, suffix, start_pos, end_pos, created_at, updated_at) VALUES (9, 'u9', 2, 'e', '', '', 0, 1, 'now', 'now')").run()
    v14.prepare('INSERT INTO highlight_tags(highlight_id, tag_id) VALUES (9, 2)').run()
    v14.close()

    const db = openDatabase(path)
    const { tags: countedTags, ...countedRest } = counted(db)
    const { tags: keptTags, ...keptRest } = kept(db)
    expect(keptRest).toEqual(countedRest)
    expect(keptRest.all).toBe(30)
    expect(keptRest.highlights).toBe(1)
    expect(keptTags).toEqual(countedTags)
    expect(keptTags).toEqual([
      { name: 'Iran', articles: 1, highlights: 1 },
      { name: 'Syria', articles: 2, highlights: 0 },
      { name: 'Unused', articles: 0, highlights: 0 }
    ])
    expect(countsOutOfStep(db)).toEqual([])

    // A count put wrong by hand (an old build writing without the triggers would do the same).
    db.prepare("UPDATE library_counts SET n = n + 5 WHERE key = 'inbox'").run()
    db.prepare("UPDATE tags SET article_count = 7 WHERE name = 'Syria'").run()
    const report = runChecks(db)
    expect(report.ok).toBe(false)
    expect(report.problems.join('\n')).toMatch(/count of inbox says \d+, the archive holds \d+/)
    expect(report.problems.join('\n')).toMatch(/1 tag\(s\) list the wrong number .*“Syria”/)
    expect(report.problems.filter((p) => /count|tag\(s\)/.test(p))).toHaveLength(2)
    expect(report.problems.at(-1)).toMatch(/'clipfile check --repair' counts them again$/)
    repairIndexes(db)
    expect(countsOutOfStep(db)).toEqual([])
    expect(runChecks(db).problems.join('\n')).not.toMatch(/count|tag\(s\)/)
    expect(kept(db).inbox).toBe(counted(db).inbox)
    // Counting again changes nothing that is right.
    recountLibrary(db)
    expect(kept(db).tags).toEqual(counted(db).tags)
    db.close()
  })

  it('are what the library and the tag list read, and a filter they do not hold is counted', () => {
    const db = openDatabase(tempDbPath())
    nextId = 1
    const rng = makeRng(15, 3)
    for (let i = 0; i < 5; i++) addArticle(db, rng)
    addArticleTags(db, 1, ['Syria'])
    // Kept counts set by hand to values no count gives: what is read shows where it came from.
    db.prepare("UPDATE library_counts SET n = 1000 + length(key)").run()
    db.prepare('UPDATE tags SET article_count = 77, highlight_count = 5').run()
    expect(libraryCounts(db)).toEqual({ articles: 1008, inbox: 1005, archive: 1007, starred: 1007, highlights: 1010 })
    expect(listTags(db)).toEqual([{ name: 'Syria', articles: 77, highlights: 5 }])
    const total = (f: Partial<ListOptions>) => listArticles(db, { limit: 1, offset: 0, sort: 'saved', ...f }).total
    expect([total({}), total({ state: 'inbox' }), total({ state: 'archive' }), total({ starred: true })]).toEqual([1008, 1005, 1007, 1007])
    expect([total({ tag: 'Syria' }), total({ starred: false }), total({ state: 'inbox', starred: true })]).toEqual([
      1,
      db.prepare('SELECT count(*) FROM articles WHERE starred = 0').pluck().get(),
      db.prepare("SELECT count(*) FROM articles WHERE starred = 1 AND state = 'inbox'").pluck().get()
    ])
    // Set-aside articles come off the kept count; only those matching the list's filter do.
    const inboxIds = db.prepare("SELECT id FROM articles WHERE state = 'inbox'").pluck().all() as number[]
    expect(total({ exclude: [1, 1, 2, 999] })).toBe(1006)
    expect(total({ state: 'inbox', exclude: [...inboxIds.slice(0, 1), 999] })).toBe(1004)
    expect(total({ tag: 'Syria', exclude: [1] })).toBe(0)
    db.close()
  })
})
