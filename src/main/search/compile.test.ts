import { describe, expect, it } from 'vitest'
import { compileQuery, ftsQuote, likeEscape, toFts } from './compile'
import { parseQuery } from './parse'

const compile = (q: string) => compileQuery(parseQuery(q))

describe('compileQuery', () => {
  it.each([
    ['iran', '"iran"'],
    ['iran nuclear', '"iran" AND "nuclear"'],
    ['"white house"', '"white house"'],
    ['strik*', '"strik"*'],
    ['negotiat*', '("negotiat"* OR "negoti"*)'],
    ['stat*', '"stat"*'],
    ['iran OR iraq', '("iran" OR "iraq")'],
    ['a b OR c', '(("a" AND "b") OR "c")'],
    ['say "he said ""no"""', '"say" AND "he said ""no"""'],
    ['AND NOT NEAR', '"AND" AND "NOT" AND "NEAR"'],
    ['10:30', '"10:30"']
  ])('%j → fts %s', (q, fts) => {
    expect(compile(q).fts).toBe(fts)
  })

  it('quotes every token, so FTS5 operators in user text are plain words', () => {
    expect(compile('NEAR(a b) "title:x"').fts).toBe('"NEAR" AND "a" AND "b" AND "title:x"')
  })

  it('drops punctuation-only words', () => {
    expect(compile('!! iran').fts).toBe('"iran"')
    expect(compile('!!').fts).toBeNull()
  })

  it('strips control characters, which FTS5 would read as the end of the string', () => {
    expect(ftsQuote('a\u0000b')).toBe('"a b"')
  })

  it('evaluates a nested NOT on the whole article (SQL), not per row of FTS', () => {
    const q = compile('(a -b) OR c')
    expect(q.fts).toBeNull()
    expect(q.filters.sql).toContain('NOT coalesce(')
    expect(toFts(parseQuery('(a -b) OR c'))).toBe('((("a") NOT ("b")) OR "c")')
  })

  it('moves top-level exclusions out of the ranked expression', () => {
    const q = compile('iran -syria -"white house"')
    expect(q.fts).toBe('"iran"')
    expect(q.exclude).toBe('"syria" OR "white house"')
    expect(q.filters.params).toEqual(['"syria" OR "white house"', '"syria" OR "white house"'])
  })

  it('compiles a pure negative query to "all except the matches"', () => {
    const q = compile('-iran')
    expect(q.fts).toBeNull()
    expect(q.exclude).toBe('"iran"')
    expect(q.filters.sql).toMatch(/^\(NOT \(a\.id IN/u)
  })

  it('compiles OR across a filter and a word to SQL with an FTS subquery', () => {
    const q = compile('tag:x OR iran')
    expect(q.fts).toBeNull()
    expect(q.filters.sql).toContain('articles_fts MATCH ?')
    expect(q.filters.params).toEqual(['x', 'x', '"iran"', '"iran"'])
  })

  it('binds filter values, never splices them', () => {
    const q = compile(`tag:"x'); DROP TABLE articles; --" site:"a%_b"`)
    expect(q.filters.sql).not.toContain('DROP')
    expect(q.filters.params).toContain(`x'); DROP TABLE articles; --`)
    expect(q.filters.params).toContain('%a\\%\\_b%')
  })

  it('turns is:highlight and has:note into highlight mode', () => {
    expect(compile('is:highlight iran')).toMatchObject({ highlightsOnly: true, notesOnly: false, fts: '"iran"' })
    expect(compile('has:note')).toMatchObject({ highlightsOnly: true, notesOnly: true, fts: null })
    expect(compile('-is:highlight').highlightsOnly).toBe(false)
  })

  it('compiles is:changed and changed: to bound filters over versions, not to highlight mode', () => {
    const changed = compile('iran is:changed')
    expect(changed).toMatchObject({ highlightsOnly: false, fts: '"iran"' })
    expect(changed.filters.sql).toContain('FROM article_versions v')
    expect(changed.filters.params).toEqual([])
    const range = compile('changed:>=2024-01 changed:<2024-03')
    expect(range.filters.params).toEqual(['2024-01-01', '2024-03-01'])
    expect(range.filters.sql).toMatch(/v\.created_at >= \?.*v\.created_at < \?/s)
    expect(compile('-changed:2024').filters.params).toEqual(['2024-01-01', '2025-01-01'])
  })

  it('compiles speaker: to a bound filter over detected quotes', () => {
    const q = compile('iran speaker:"Rex Tillerson"')
    expect(q.fts).toBe('"iran"')
    expect(q.warnings).toEqual([])
    expect(q.filters.sql).toContain('FROM quotes')
    expect(q.filters.params).toContain('rex tillerson')
    expect(q.filters.sql).not.toContain('tillerson')
  })

  it('escapes LIKE wildcards', () => {
    expect(likeEscape('50%_a\\b')).toBe('50\\%\\_a\\\\b')
  })
})

describe('short prefixes', () => {
  it('searches a prefix of one or two letters as the word, and says so', () => {
    const q = compile('w* climate')
    expect(q.fts).toBe('"w" AND "climate"')
    expect(q.warnings).toEqual([{ message: expect.stringContaining('"w*" is searched as the word "w"'), position: 0 }])
    expect(compile('"white h"*').fts).toBe('"white h"')
    expect(compile('"white h"*').warnings[0].message).toContain('the phrase "white h"')
    expect(compile('co*').fts).toBe('"co"')
  })

  it('keeps prefixes of three letters or more', () => {
    expect(compile('eco* "white hou"*')).toMatchObject({ fts: '"eco"* AND "white hou"*', warnings: [] })
    // Letters, not bytes or UTF-16 units.
    expect(compile('αβ*').warnings).toHaveLength(1)
    expect(compile('αβγ*').fts).toBe('"αβγ"*')
  })

  it('searches a Chinese or Japanese prefix as a substring, which already covers it, without a warning', () => {
    for (const query of ['東京*', '東京都*']) {
      const q = compile(query)
      expect(q).toMatchObject({ fts: null, warnings: [], substrings: [query.slice(0, -1)] })
      expect(q.conjuncts).toHaveLength(1)
      expect(q.conjuncts[0].set).not.toBeNull()
    }
  })
})
