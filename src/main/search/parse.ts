/**
 * # Search language
 *
 * | syntax | meaning |
 * |---|---|
 * | `iran nuclear` | both words (implicit AND), anywhere in title, byline, site, text, or in a highlight's quote, note or tags |
 * | `"exact phrase"` | the words in this order (`""` inside a phrase is a literal `"`) |
 * | `iran OR iraq`, `iran \| iraq` | either (`OR` must be uppercase; lowercase `or` is a word) |
 * | `-syria`, `-"white house"`, `-(a OR b)`, `-tag:opinion` | exclude (the `-` must touch what it excludes) |
 * | `negotiat*` | prefix; also `"white hou"*` |
 * | `( … )` | grouping |
 * | `tag:Syria`, `tag:"Middle East"` | the article, or one of its highlights, carries the tag (case-insensitive) |
 * | `site:nytimes.com`, `site:guardian` | the URL's host is that domain (or a subdomain of it), or the outlet name contains the value |
 * | `author:"Jane Doe"` | the byline contains these words (diacritics and case ignored) |
 * | `after:2017`, `after:2017-04`, `after:2017-04-09` | published on or after the first day of that year / month / day |
 * | `before:2017`, `before:2017-05`, `before:2017-05-01` | published strictly before the first day of that year / month / day |
 * | `is:highlight` | only articles with a highlight matching the rest of the query; the highlights are listed |
 * | `is:changed` | articles that changed after they were saved (a later version, re-extractions aside) |
 * | `changed:2024-01`, `changed:>2024-01`, `changed:>=2024-01-15`, `changed:<2024` | changed during / after / from / before that year, month or day (`>` is after the whole period, `<=` up to its end) |
 * | `is:inbox`, `is:archived`, `is:starred` | articles in the inbox, in the archive, starred |
 * | `is:unread` | articles never opened (`-is:unread`: opened at least once) |
 * | `has:note` | like `is:highlight`, but only highlights that carry a note |
 * | `lang:en` | article language `en` (also matches `en-GB`) |
 * | `speaker:Velayati`, `speaker:"Rex Tillerson"` | the article quotes this speaker (detected quotes; a surname finds the full name; merged names count) |
 *
 * Precedence: `-` binds tightest, then juxtaposition (AND), then `OR`:
 * `a b OR c -d` is `(a AND b) OR (c AND NOT d)`.
 *
 * Dates form half-open ranges, so `after:2017 before:2018` is exactly the year 2017 and
 * `after:2017-04-09 before:2017-04-10` exactly that day. They compare the calendar date as the
 * publisher wrote it (`2017-04-09T23:30:00+02:00` is 9 April), not converted to UTC; articles
 * without a publication date never match a date filter.
 *
 * Matching is by word, after stemming and folding case and diacritics: `strikes` finds
 * `strike`, `cafe` finds `café`. Punctuation-only words (`--`, `!!`) are ignored.
 */
import { UserError } from '../../shared/result'

/** A malformed query. `position` is the 0-based offset of the problem in the input. */
export class QuerySyntaxError extends UserError {
  constructor(
    message: string,
    readonly position: number
  ) {
    super('bad_query', message)
    this.name = 'QuerySyntaxError'
  }
}

export const FILTER_NAMES = ['tag', 'site', 'author', 'speaker', 'after', 'before', 'is', 'has', 'lang', 'changed'] as const
export type FilterName = (typeof FILTER_NAMES)[number]

/** A calendar date at the start of the period the user named: `after:2017-04` → 2017-04-01. */
export type DateBound = string

export type QueryNode =
  | { kind: 'all' }
  | { kind: 'term'; text: string; prefix: boolean; position: number }
  | { kind: 'phrase'; text: string; prefix: boolean; position: number }
  | { kind: 'filter'; name: FilterName; value: string; position: number }
  | { kind: 'not'; child: QueryNode; position: number }
  | { kind: 'and'; children: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] }

/** The parsed query; `{ kind: 'all' }` for an empty query. */
export type QueryAst = QueryNode

// ---------------------------------------------------------------------------------------
// Tokenizer

type Token =
  | { type: 'word'; text: string; prefix: boolean; pos: number }
  | { type: 'phrase'; text: string; prefix: boolean; pos: number }
  | { type: 'filter'; name: FilterName; value: string; pos: number }
  | { type: 'or'; pos: number }
  | { type: 'lparen'; pos: number }
  | { type: 'rparen'; pos: number }
  | { type: 'not'; pos: number }

/** Records a problem: throws in strict mode, remembers the first one in lenient mode. */
type Report = (message: string, position: number) => void

const col = (pos: number): string => `column ${pos + 1}`
const isSpace = (ch: string): boolean => /\s/u.test(ch)
/** Characters that end a bare word: they start another token. */
const isBreak = (ch: string): boolean => isSpace(ch) || ch === '"' || ch === '(' || ch === ')' || ch === '|'

class Lexer {
  private pos = 0
  readonly tokens: Token[] = []

  constructor(
    private readonly src: string,
    private readonly report: Report
  ) {}

  run(): Token[] {
    while (this.pos < this.src.length) this.next()
    return this.tokens
  }

  private next(): void {
    const ch = this.src[this.pos]
    if (isSpace(ch)) {
      this.pos++
    } else if (ch === '(' || ch === ')' || ch === '|') {
      const type = ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'or'
      this.tokens.push({ type, pos: this.pos++ })
    } else if (ch === '"') {
      this.phrase()
    } else if (ch === '-') {
      this.minus()
    } else {
      this.word()
    }
  }

  /** `-` is an operator only where it starts a term; `e-mail` stays one word. */
  private minus(): void {
    const start = this.pos++
    const after = this.src[this.pos]
    if (after === undefined || isSpace(after) || after === ')' || after === '|' || after === '-') {
      this.report(`"-" must be followed by a word, phrase or "(" at ${col(start)}`, start)
      return
    }
    this.tokens.push({ type: 'not', pos: start })
  }

  /** Reads `"…"` starting at the current quote; `""` inside is a literal quote. */
  private readQuoted(): { text: string; closed: boolean } {
    const start = this.pos++
    let text = ''
    while (this.pos < this.src.length) {
      const ch = this.src[this.pos++]
      if (ch !== '"') {
        text += ch
      } else if (this.src[this.pos] === '"') {
        text += '"'
        this.pos++
      } else {
        return { text, closed: true }
      }
    }
    this.report(`unclosed quote starting at ${col(start)}`, start)
    return { text, closed: false }
  }

  private phrase(): void {
    const start = this.pos
    const { text } = this.readQuoted()
    const prefix = this.src[this.pos] === '*'
    if (prefix) this.pos++
    this.tokens.push({ type: 'phrase', text, prefix, pos: start })
  }

  private word(): void {
    const start = this.pos
    while (this.pos < this.src.length && !isBreak(this.src[this.pos])) {
      if (this.src[this.pos] === ':' && this.tryFilter(start)) return
      this.pos++
    }
    this.pushWord(this.src.slice(start, this.pos), start)
  }

  private pushWord(raw: string, start: number): void {
    let text = raw
    let prefix = false
    if (text.endsWith('*')) {
      text = text.replace(/\*+$/u, '')
      prefix = true
    }
    if (text === '') {
      this.report(`"*" must follow a word at ${col(start)}`, start)
      return
    }
    if (text === 'OR') this.tokens.push({ type: 'or', pos: start })
    else this.tokens.push({ type: 'word', text, prefix, pos: start })
  }

  /**
   * At a colon inside a word: `name:` is a filter when `name` is letters only and the colon
   * is not the start of a URL (`https://…`). Returns false to keep reading a plain word
   * (`10:30`, a URL, or an unknown filter in lenient mode).
   */
  private tryFilter(start: number): boolean {
    const name = this.src.slice(start, this.pos)
    if (!/^[a-z]+$/iu.test(name) || this.src.startsWith('//', this.pos + 1)) return false
    const lower = name.toLowerCase() as FilterName
    if (!FILTER_NAMES.includes(lower)) {
      this.report(`unknown filter "${name}:" at ${col(start)} (known: ${FILTER_NAMES.join(', ')})`, start)
      return false
    }
    this.pos++ // the colon
    const value = this.filterValue(lower, start)
    if (value !== null) this.tokens.push({ type: 'filter', name: lower, value, pos: start })
    return true
  }

  private filterValue(name: FilterName, start: number): string | null {
    if (this.src[this.pos] === '"') {
      const { text } = this.readQuoted()
      if (text.trim() !== '') return text
    } else {
      const from = this.pos
      while (this.pos < this.src.length && !isBreak(this.src[this.pos])) this.pos++
      if (this.pos > from) return this.src.slice(from, this.pos)
    }
    this.report(`${name}: needs a value at ${col(start)}`, start)
    return null
  }
}

// ---------------------------------------------------------------------------------------
// Filter value validation

/** The values a filter accepts, by any of their spellings → the one the compiler knows. */
const KNOWN_VALUES: Partial<Record<FilterName, Record<string, string>>> = {
  is: {
    highlight: 'highlight',
    highlights: 'highlight',
    changed: 'changed',
    inbox: 'inbox',
    archived: 'archived',
    archive: 'archived',
    starred: 'starred',
    star: 'starred',
    unread: 'unread'
  },
  has: { note: 'note', notes: 'note' }
}

/** `2017`, `2017-04` or `2017-04-09` → the first day of that period, or null if invalid. */
export function parseDateBound(value: string): DateBound | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(value)
  if (!m) return null
  const year = Number(m[1])
  const month = m[2] === undefined ? 1 : Number(m[2])
  const day = m[3] === undefined ? 1 : Number(m[3])
  if (month < 1 || month > 12 || day < 1) return null
  // Day 0 of the next month is the last day of this one (leap years included).
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return null
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The day after the period a date bound names: `2017` → 2018-01-01, `2017-04` → 2017-05-01. */
function periodEnd(value: string, start: DateBound): DateBound {
  const [y, m, d] = start.split('-').map(Number)
  const parts = value.split('-').length
  const next = parts === 1 ? new Date(Date.UTC(y + 1, 0, 1)) : parts === 2 ? new Date(Date.UTC(y, m, 1)) : new Date(Date.UTC(y, m - 1, d + 1))
  return next.toISOString().slice(0, 10)
}

/**
 * `changed:` values → a half-open range of dates "FROM..TO" (either side may be empty):
 * `2024-01` → 2024-01-01..2024-02-01, `>2024-01` → 2024-02-01.., `>=2024-01` → 2024-01-01..,
 * `<2024-03` → ..2024-03-01, `<=2024-03` → ..2024-04-01. Null when the date is invalid.
 */
export function parseChangedRange(value: string): string | null {
  const m = /^(>=|<=|>|<)?(.+)$/u.exec(value.trim())
  if (!m) return null
  const start = parseDateBound(m[2])
  if (start === null) return null
  const end = periodEnd(m[2], start)
  switch (m[1]) {
    case '>':
      return `${end}..`
    case '>=':
      return `${start}..`
    case '<':
      return `..${start}`
    case '<=':
      return `..${end}`
    default:
      return `${start}..${end}`
  }
}

/** Checks a filter's value; returns the normalised value, or null after reporting. */
function checkFilter(name: FilterName, value: string, pos: number, report: Report): string | null {
  if (name === 'changed') {
    const range = parseChangedRange(value)
    if (range === null) {
      report(`invalid date "${value}" in changed: at ${col(pos)} (use YYYY, YYYY-MM or YYYY-MM-DD, after >, >=, < or <=)`, pos)
    }
    return range
  }
  if (name === 'after' || name === 'before') {
    const date = parseDateBound(value)
    if (date === null) {
      report(`invalid date "${value}" in ${name}: at ${col(pos)} (use YYYY, YYYY-MM or YYYY-MM-DD)`, pos)
    }
    return date
  }
  const known = KNOWN_VALUES[name]
  if (!known) return value
  const canonical = Object.hasOwn(known, value.toLowerCase()) ? known[value.toLowerCase()] : undefined
  if (canonical === undefined) {
    report(`unknown value "${value}" for ${name}: at ${col(pos)} (known: ${[...new Set(Object.values(known))].join(', ')})`, pos)
    return null
  }
  return canonical
}

// ---------------------------------------------------------------------------------------
// Recursive-descent parser
//
//   query   := or EOF
//   or      := and ( OR and )*
//   and     := unary+                 (stops at OR, ")" or EOF)
//   unary   := "-" unary | primary
//   primary := word | phrase | filter | "(" or ")"

class Parser {
  private i = 0

  constructor(
    private readonly tokens: Token[],
    private readonly report: Report
  ) {}

  parse(): QueryNode {
    const node = this.or()
    while (this.i < this.tokens.length) {
      // Only a stray ")" can stop the top-level expression early: skip it and go on.
      const tok = this.tokens[this.i++]
      this.report(`unmatched ")" at ${col(tok.pos)}`, tok.pos)
      const rest = this.or()
      if (rest) return combine('and', node ? [node, rest] : [rest]) ?? { kind: 'all' }
    }
    return node ?? { kind: 'all' }
  }

  private peek(): Token | undefined {
    return this.tokens[this.i]
  }

  private or(): QueryNode | null {
    const children: QueryNode[] = []
    let pendingOr: Token | null = null
    for (;;) {
      const tok = this.peek()
      if (tok?.type === 'or') {
        if (children.length === 0 || pendingOr) this.report(`"OR" needs a term before it at ${col(tok.pos)}`, tok.pos)
        pendingOr = tok
        this.i++
        continue
      }
      if (!tok || tok.type === 'rparen') break
      // and() consumes at least one token here; it yields null only for dropped (invalid) parts.
      const node = this.and()
      if (node) children.push(node)
      pendingOr = null
    }
    if (pendingOr) this.report(`"OR" needs a term after it at ${col(pendingOr.pos)}`, pendingOr.pos)
    return combine('or', children)
  }

  private and(): QueryNode | null {
    const children: QueryNode[] = []
    for (let tok = this.peek(); tok && tok.type !== 'or' && tok.type !== 'rparen'; tok = this.peek()) {
      const node = this.unary()
      if (node) children.push(node)
    }
    return combine('and', children)
  }

  private unary(): QueryNode | null {
    const tok = this.tokens[this.i]
    if (tok.type !== 'not') return this.primary()
    this.i++
    const next = this.peek()
    if (!next || next.type === 'or' || next.type === 'rparen' || next.type === 'not') {
      this.report(`"-" must be followed by a word, phrase or "(" at ${col(tok.pos)}`, tok.pos)
      return null
    }
    const child = this.unary()
    return child ? { kind: 'not', child, position: tok.pos } : null
  }

  private primary(): QueryNode | null {
    const tok = this.tokens[this.i++]
    switch (tok.type) {
      case 'word':
      case 'phrase':
        return { kind: tok.type === 'word' ? 'term' : 'phrase', text: tok.text, prefix: tok.prefix, position: tok.pos }
      case 'filter': {
        const value = checkFilter(tok.name, tok.value, tok.pos, this.report)
        return value === null ? null : { kind: 'filter', name: tok.name, value, position: tok.pos }
      }
      case 'lparen':
        return this.group(tok.pos)
      default:
        // and() never calls here on OR or ")"; a "-" is handled by unary().
        return null
    }
  }

  private group(open: number): QueryNode | null {
    const inner = this.or()
    if (this.peek()?.type === 'rparen') this.i++
    else this.report(`missing ")" for "(" at ${col(open)}`, open)
    if (!inner) this.report(`empty "()" at ${col(open)}`, open)
    return inner
  }
}

/** Builds an AND/OR node, flattening nested nodes of the same kind; null when empty. */
function combine(kind: 'and' | 'or', parts: QueryNode[]): QueryNode | null {
  const children = parts.flatMap((p) => (p.kind === kind ? p.children : [p]))
  if (children.length === 0) return null
  return children.length === 1 ? children[0] : { kind, children }
}

function run(input: string, report: Report): QueryAst {
  const tokens = new Lexer(input, report).run()
  return new Parser(tokens, report).parse()
}

/** Parses a query; throws QuerySyntaxError at the first problem. */
export function parseQuery(input: string): QueryAst {
  return run(input, (message, position) => {
    throw new QuerySyntaxError(message, position)
  })
}

export interface LenientParse {
  /** What could be understood: the malformed parts are dropped or repaired. */
  ast: QueryAst
  /** The first problem, for the UI to show inline while it still shows results. */
  error?: QuerySyntaxError
}

/**
 * Parses as much as it can, for search-as-you-type: an unclosed quote or bracket is closed
 * at the end, a stray `)`, `-`, `*` or `OR` is ignored, an unknown filter is read as a word
 * and an invalid filter value is dropped. The first problem is returned alongside.
 */
export function parseQueryLenient(input: string): LenientParse {
  let error: QuerySyntaxError | undefined
  const ast = run(input, (message, position) => {
    error ??= new QuerySyntaxError(message, position)
  })
  return error ? { ast, error } : { ast }
}
