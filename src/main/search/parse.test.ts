import { describe, expect, it } from 'vitest'
import { parseDateBound, parseQuery, parseQueryLenient, QuerySyntaxError, type QueryNode } from './parse'
import { UserError } from '../../shared/result'

/** A compact S-expression of the AST, so the tables below stay readable. */
function show(n: QueryNode): string {
  switch (n.kind) {
    case 'all':
      return 'ALL'
    case 'term':
      return n.text + (n.prefix ? '*' : '')
    case 'phrase':
      return JSON.stringify(n.text) + (n.prefix ? '*' : '')
    case 'filter':
      return `${n.name}:${/[\s"]/u.test(n.value) ? JSON.stringify(n.value) : n.value}`
    case 'not':
      return `-${show(n.child)}`
    case 'and':
    case 'or':
      return `(${n.kind} ${n.children.map(show).join(' ')})`
  }
}

const valid: [string, string][] = [
  ['', 'ALL'],
  ['   ', 'ALL'],
  ['iran', 'iran'],
  ['iran nuclear deal', '(and iran nuclear deal)'],
  ['"white house"', '"white house"'],
  ['"say ""hello"""', '"say \\"hello\\""'],
  ['"white hou"*', '"white hou"*'],
  ['iran OR iraq', '(or iran iraq)'],
  ['iran | iraq', '(or iran iraq)'],
  ['iran|iraq', '(or iran iraq)'],
  ['iran or iraq', '(and iran or iraq)'],
  ['-syria', '-syria'],
  ['iran -syria', '(and iran -syria)'],
  ['-"white house"', '-"white house"'],
  ['-(a OR b) c', '(and -(or a b) c)'],
  ['-tag:opinion', '-tag:opinion'],
  ['e-mail', 'e-mail'],
  ['negotiat*', 'negotiat*'],
  ['negotiat**', 'negotiat*'],
  ['*foo', '*foo'],
  ['(a b)', '(and a b)'],
  ['((a))', 'a'],
  // Precedence: NOT, then AND, then OR.
  ['a b OR c', '(or (and a b) c)'],
  ['a OR b c', '(or a (and b c))'],
  ['a OR b OR c', '(or a b c)'],
  ['a b OR c -d', '(or (and a b) (and c -d))'],
  ['(a OR b) c', '(and (or a b) c)'],
  ['-a OR b', '(or -a b)'],
  ['-(-a)', '--a'],
  // Filters.
  ['tag:Syria', 'tag:Syria'],
  ['tag:"Middle East"', 'tag:"Middle East"'],
  ['TAG:x', 'tag:x'],
  ['site:nytimes.com', 'site:nytimes.com'],
  ['site:"The Guardian"', 'site:"The Guardian"'],
  ['author:Doe', 'author:Doe'],
  ['speaker:Tillerson', 'speaker:Tillerson'],
  ['after:2017', 'after:2017-01-01'],
  ['after:2017-04', 'after:2017-04-01'],
  ['after:2017-04-09', 'after:2017-04-09'],
  ['before:2016-02-29', 'before:2016-02-29'],
  ['is:highlight', 'is:highlight'],
  ['is:highlights', 'is:highlight'],
  ['is:changed', 'is:changed'],
  ['changed:2024-01', 'changed:2024-01-01..2024-02-01'],
  ['changed:>2024-01', 'changed:2024-02-01..'],
  ['changed:>=2024-01', 'changed:2024-01-01..'],
  ['changed:<2024', 'changed:..2024-01-01'],
  ['changed:<=2024', 'changed:..2025-01-01'],
  ['changed:>2024-02-29', 'changed:2024-03-01..'],
  ['changed:<=2023-12-31', 'changed:..2024-01-01'],
  ['has:note', 'has:note'],
  ['lang:en', 'lang:en'],
  ['tag:x OR iran', '(or tag:x iran)'],
  ['iran tag:Syria after:2017 -site:foxnews.com', '(and iran tag:Syria after:2017-01-01 -site:foxnews.com)'],
  ['(tag:a OR tag:b) "x y"', '(and (or tag:a tag:b) "x y")'],
  // Colons that are not filters.
  ['10:30', '10:30'],
  ['https://example.com/a', 'https://example.com/a'],
  ['site:https://www.bbc.co.uk/news', 'site:https://www.bbc.co.uk/news'],
  // Unicode.
  ['café Ελλάδα 東京', '(and café Ελλάδα 東京)'],
  ['naïve*', 'naïve*']
]

describe('parseQuery: valid queries', () => {
  it.each(valid)('%j → %s', (input, expected) => {
    expect(show(parseQuery(input))).toBe(expected)
  })

  it('records 0-based positions', () => {
    const ast = parseQuery('iran -"x y" tag:a')
    expect(ast).toMatchObject({
      kind: 'and',
      children: [
        { kind: 'term', position: 0 },
        { kind: 'not', position: 5, child: { kind: 'phrase', position: 6 } },
        { kind: 'filter', position: 12 }
      ]
    })
  })
})

const invalid: [string, string, number][] = [
  ['iran "white house', 'unclosed quote starting at column 6', 5],
  ['tag:"Middle East', 'unclosed quote starting at column 5', 4],
  ['a (b OR c', 'missing ")" for "(" at column 3', 2],
  ['a b)', 'unmatched ")" at column 4', 3],
  ['()', 'empty "()" at column 1', 0],
  ['foo:bar', 'unknown filter "foo:" at column 1 (known: tag, site, author, speaker, after, before, is, has, lang, changed)', 0],
  ['x Title:y', 'unknown filter "Title:" at column 3', 2],
  ['after:2017-13', 'invalid date "2017-13" in after: at column 1 (use YYYY, YYYY-MM or YYYY-MM-DD)', 0],
  ['before:2017-02-29', 'invalid date "2017-02-29" in before: at column 1', 0],
  ['after:17', 'invalid date "17" in after: at column 1', 0],
  ['after:2017-4-9', 'invalid date "2017-4-9" in after:', 0],
  ['iran - syria', '"-" must be followed by a word, phrase or "(" at column 6', 5],
  ['iran -', '"-" must be followed by a word, phrase or "(" at column 6', 5],
  ['--iran', '"-" must be followed by a word, phrase or "(" at column 1', 0],
  ['(-)', '"-" must be followed by a word, phrase or "(" at column 2', 1],
  ['OR iran', '"OR" needs a term before it at column 1', 0],
  ['iran OR', '"OR" needs a term after it at column 6', 5],
  ['a OR OR b', '"OR" needs a term before it at column 6', 5],
  ['| a', '"OR" needs a term before it at column 1', 0],
  ['a *', '"*" must follow a word at column 3', 2],
  ['tag:', 'tag: needs a value at column 1', 0],
  ['tag: x', 'tag: needs a value at column 1', 0],
  ['tag:""', 'tag: needs a value at column 1', 0],
  ['is:note', 'unknown value "note" for is: at column 1 (known: highlight, changed, inbox, archived, starred, unread)', 0],
  ['changed:>soon', 'invalid date ">soon" in changed: at column 1 (use YYYY, YYYY-MM or YYYY-MM-DD, after >, >=, < or <=)', 0],
  ['changed:2024-02-30', 'invalid date "2024-02-30" in changed: at column 1 (use YYYY, YYYY-MM or YYYY-MM-DD, after >, >=, < or <=)', 0],
  ['has:tag', 'unknown value "tag" for has: at column 1 (known: note)', 0]
]

describe('parseQuery: malformed queries', () => {
  it.each(invalid)('%j → %s', (input, message, position) => {
    let error: unknown
    try {
      parseQuery(input)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(QuerySyntaxError)
    expect(error).toBeInstanceOf(UserError)
    const e = error as QuerySyntaxError
    expect(e.code).toBe('bad_query')
    expect(e.message).toContain(message)
    expect(e.position).toBe(position)
  })
})

describe('parseQueryLenient', () => {
  const cases: [string, string, string | null][] = [
    ['iran', 'iran', null],
    ['iran "white house', '(and iran "white house")', 'unclosed quote'],
    ['(iran OR iraq', '(or iran iraq)', 'missing ")"'],
    ['iran) syria', '(and iran syria)', 'unmatched ")"'],
    ['iran -', 'iran', '"-" must be followed'],
    ['iran OR', 'iran', '"OR" needs a term after it'],
    ['foo:bar iran', '(and foo:bar iran)', 'unknown filter'],
    ['after:2017-13 iran', 'iran', 'invalid date'],
    ['after:xx OR iran', 'iran', 'invalid date'],
    ['()', 'ALL', 'empty "()"']
  ]
  it.each(cases)('%j → %s', (input, expected, error) => {
    const r = parseQueryLenient(input)
    expect(show(r.ast)).toBe(expected)
    if (error === null) expect(r.error).toBeUndefined()
    else expect(r.error?.message).toContain(error)
  })
})

describe('parseDateBound', () => {
  it.each([
    ['2017', '2017-01-01'],
    ['2017-12', '2017-12-01'],
    ['2016-02-29', '2016-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['1900-02-29', null],
    ['2017-00', null],
    ['2017-04-31', null],
    ['2017-04-00', null],
    ['20170409', null]
  ])('%s → %s', (input, expected) => {
    expect(parseDateBound(input)).toBe(expected)
  })
})
