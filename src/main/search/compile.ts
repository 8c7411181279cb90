/**
 * Query AST → an FTS5 MATCH expression for the text, plus a parameterised SQL predicate for
 * everything else.
 *
 * The query's top-level conjuncts are sorted three ways:
 * - pure text (words, phrases, prefixes and OR/AND/NOT among them) becomes one FTS5
 *   expression `fts`, so it can be ranked by bm25 inside an FTS-only subquery;
 * - excluded text at the top level (`-syria`) becomes `exclude`; FTS5 has no bare NOT, so a
 *   query with only exclusions means "every article except the FTS matches";
 * - filters, and subtrees that mix text with filters (`tag:x OR iran`), become SQL over the
 *   `articles a` row, where text is tested with `a.id IN (SELECT rowid … MATCH ?)`.
 *
 * User text never reaches FTS5 unquoted: every token is wrapped in double quotes with
 * embedded quotes doubled, and every value reaches SQL as a bound parameter.
 */
import { speakerKey } from '../quotes/aliases'
import type { FilterName, QueryAst, QueryNode } from './parse'

export interface SqlFragment {
  sql: string
  params: unknown[]
}

export interface Warning {
  message: string
  position: number
}

export interface CompiledQuery {
  /** FTS5 expression for the positive text conjuncts, or null when the query has none. */
  fts: string | null
  /** FTS5 expression of the text excluded at the top level (`-a -b` → `"a" OR "b"`), or null. */
  exclude: string | null
  /** Article-level predicate over `articles a`: filters, mixed subtrees, exclusions. */
  filters: SqlFragment
  /** Results must be highlights matching the text (`is:highlight`, `has:note` at top level; other `is:` values are plain filters). */
  highlightsOnly: boolean
  /** Matching highlights must carry a note (`has:note`). */
  notesOnly: boolean
  /** Top-level `tag:` values: a listed highlight must carry one, or belong to an article that does. */
  tags: string[]
  /** Parts of the query that were ignored, with why (`speaker:` for now). */
  warnings: Warning[]
  /** Chinese/Japanese words searched as substrings (the trigram index): snippets are cut around them. */
  substrings: string[]
}

/** unicode61 indexes letters, numbers and private-use characters; anything else separates. */
const TOKEN_CHAR = /[\p{L}\p{N}\p{Co}]/u
/** Han and kana: scripts written without spaces, searched by substring (migration 011). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u
export const isCjk = (text: string): boolean => CJK.test(text)

/** A user token as an FTS5 string. FTS5 reads the expression as a C string: drop controls. */
export function ftsQuote(text: string, prefix = false): string {
  // eslint-disable-next-line no-control-regex -- the control characters are what this removes
  const clean = text.replace(/[\u0000-\u001f\u007f]/gu, ' ')
  return `"${clean.replace(/"/gu, '""')}"${prefix ? '*' : ''}`
}

export function likeEscape(value: string): string {
  return value.replace(/[\\%_]/gu, (c) => `\\${c}`)
}

// ---------------------------------------------------------------------------------------
// Normalisation: drop what cannot match, simplify double negation.

export function normalize(node: QueryNode, warnings: Warning[]): QueryNode | null {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      // Punctuation-only words have no tokens; an empty FTS5 phrase would match nothing.
      return TOKEN_CHAR.test(node.text) ? node : null
    case 'filter':
      return node
    case 'not': {
      const child = normalize(node.child, warnings)
      if (!child) return null
      return child.kind === 'not' ? child.child : { ...node, child }
    }
    case 'and':
    case 'or': {
      const children = node.children.map((c) => normalize(c, warnings)).filter((c) => c !== null)
      if (children.length === 0) return null
      return children.length === 1 ? children[0] : { kind: node.kind, children }
    }
    case 'all':
      return null
  }
}

// ---------------------------------------------------------------------------------------
// FTS5 expressions

/** The subtree as a positive FTS5 expression, or null when FTS5 cannot express it alone. */
export function toFts(node: QueryNode): string | null {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      // Chinese and Japanese go to the substring index, outside this expression.
      if (isCjk(node.text)) return null
      return node.prefix ? prefixFts(node.text) : ftsQuote(node.text)
    case 'or': {
      const parts = node.children.map(toFts)
      return parts.every((p) => p !== null) ? `(${parts.join(' OR ')})` : null
    }
    case 'and':
      return andToFts(node.children)
    default:
      return null
  }
}

/**
 * Endings that Porter may strip from a longer word, cut short where a prefix may end: the
 * index holds `negoti` for "negotiators", which the prefix `negotiat*` (itself left unstemmed)
 * misses. So a prefix ending in the start of such a suffix also matches without that part.
 */
const PARTIAL_SUFFIX = /(?:ati?o?|at|ement?|emen|iz(?:at?)?|ic|ical?|enc|anc|ous?|fu|ness?|abl|ibl|iv|ism|ist|iti?|in)$/u

/** The shorter prefix a prefix query also tries (see PARTIAL_SUFFIX), or null. Shared with tsquery.ts. */
export function prefixCut(text: string): string | null {
  const cut = text.replace(PARTIAL_SUFFIX, '')
  return cut === text || cut.length < 4 || !TOKEN_CHAR.test(cut) ? null : cut
}

function prefixFts(text: string): string {
  const cut = prefixCut(text)
  return cut === null ? ftsQuote(text, true) : `(${ftsQuote(text, true)} OR ${ftsQuote(cut, true)})`
}

/** True when the subtree negates something below its root. */
export function hasNot(node: QueryNode): boolean {
  if (node.kind === 'not') return true
  return (node.kind === 'and' || node.kind === 'or') && node.children.some(hasNot)
}

/**
 * A text subtree that FTS5 can evaluate on one row alone. A nested NOT cannot: an article
 * matches through its own text or its highlights, and `(iran -syria)` must not match an
 * article about Syria just because one highlight of it lacks the word. Such subtrees take
 * the SQL path, where NOT applies to the article as a whole.
 */
function toRowFts(node: QueryNode): string | null {
  return hasNot(node) ? null : toFts(node)
}

/** `a b -c -d` → `(a AND b) NOT (c OR d)`: FTS5's NOT is binary, so it needs a positive side. */
function andToFts(children: QueryNode[]): string | null {
  const pos: string[] = []
  const neg: string[] = []
  for (const child of children) {
    const expr = child.kind === 'not' ? toFts(child.child) : toFts(child)
    if (expr === null) return null
    ;(child.kind === 'not' ? neg : pos).push(expr)
  }
  if (pos.length === 0) return null
  const left = `(${pos.join(' AND ')})`
  return neg.length ? `(${left} NOT (${neg.join(' OR ')}))` : left
}

// ---------------------------------------------------------------------------------------
// SQL predicates over `articles a`

/** Articles whose own text, or one of whose highlights, matches an FTS5 expression. */
export function textSql(fts: string): SqlFragment {
  return {
    sql:
      '(a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) OR a.id IN ' +
      '(SELECT h.article_id FROM highlights h WHERE h.id IN ' +
      '(SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?)))',
    params: [fts, fts]
  }
}

/**
 * A Chinese or Japanese word as a substring of an article's title or text, or of one of its
 * highlights. Three characters or more: the trigram index (articles_cjk); shorter: the text of
 * the articles that index holds, scanned.
 */
export function substringSql(text: string): SqlFragment {
  const word = text.trim()
  const inHighlights = 'a.id IN (SELECT h.article_id FROM highlights h WHERE instr(h.exact, ?) > 0 OR instr(h.note, ?) > 0)'
  if ([...word].length >= 3) {
    return { sql: `(a.id IN (SELECT rowid FROM articles_cjk WHERE articles_cjk MATCH ?) OR ${inHighlights})`, params: [ftsQuote(word), word, word] }
  }
  return {
    sql:
      `(a.id IN (SELECT c.article_id FROM article_content c JOIN articles t ON t.id = c.article_id ` +
      `WHERE c.article_id IN (SELECT rowid FROM articles_cjk) AND (instr(c.text, ?) > 0 OR instr(t.title, ?) > 0)) OR ${inHighlights})`,
    params: [word, word, word, word]
  }
}

// The host of a.url, lower-cased: what lies between "://" and the next "/".
const REST = "substr(a.url, instr(a.url, '://') + 3)"
const HOST = `lower(CASE WHEN instr(${REST}, '/') > 0 THEN substr(${REST}, 1, instr(${REST}, '/') - 1) ELSE ${REST} END)`

/** `https://www.NYTimes.com/x` → `nytimes.com`. */
export function domainOf(value: string): string {
  return value
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//u, '')
    .replace(/[/?#].*$/u, '')
    .replace(/^www\./u, '')
}

/**
 * A domain (`nytimes.com`: that host or a subdomain), a host label (`bbc`) or outlet name.
 * The host is computed once per row and dotted at both ends, so one LIKE covers "equal to"
 * and "subdomain of" without matching `times.com` inside `nytimes.com`.
 */
function siteSql(value: string): SqlFragment {
  const domain = likeEscape(domainOf(value))
  const pattern = domain.includes('.') ? `%.${domain}.` : `%.${domain}.%`
  // instr() first: a host that contains the domain needs a URL that contains it, and that
  // cheap test spares almost every row the host computation (a scan, 3× faster at 10k).
  return {
    sql: `(a.site LIKE ? ESCAPE '\\' OR (instr(lower(a.url), ?) > 0 AND ('.' || ${HOST} || '.') LIKE ? ESCAPE '\\'))`,
    params: [`%${likeEscape(value)}%`, domainOf(value), pattern]
  }
}

function tagSql(value: string): SqlFragment {
  // tags.name is COLLATE NOCASE, so `=` ignores (ASCII) case.
  return {
    sql:
      '(a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?) OR ' +
      'a.id IN (SELECT h.article_id FROM highlights h JOIN highlight_tags ht ON ht.highlight_id = h.id ' +
      'JOIN tags t ON t.id = ht.tag_id WHERE t.name = ?))',
    params: [value, value]
  }
}

/** Byline words through the FTS index, so case and diacritics are folded as in the text. */
function authorSql(value: string): SqlFragment {
  if (!TOKEN_CHAR.test(value)) return { sql: '0', params: [] }
  return {
    sql: 'a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)',
    params: [`byline : ${ftsQuote(value)}`]
  }
}

function langSql(value: string): SqlFragment {
  const lang = value.toLowerCase()
  return {
    sql: "(lower(a.language) = ? OR lower(a.language) LIKE ? ESCAPE '\\')",
    params: [lang, `${likeEscape(lang)}-%`]
  }
}

/**
 * Articles quoting a speaker (detected quotes, not scare quotes): the same name key, a
 * surname that ends a full name ("tillerson" → "rex tillerson"), or a name the user merged
 * with it (speaker_aliases, either way round).
 */
function speakerSql(value: string): SqlFragment {
  const key = speakerKey(value)
  if (!key) return { sql: '0', params: [] }
  const surname = key.includes(' ') ? null : `% ${likeEscape(key)}`
  return {
    sql:
      `a.id IN (SELECT q.article_id FROM quotes q WHERE q.kind <> 'scare' AND (q.speaker_key = ?` +
      (surname ? ` OR q.speaker_key LIKE ? ESCAPE '\\'` : '') +
      ` OR coalesce((SELECT sa.speaker_key FROM speaker_aliases sa WHERE sa.alias_key = q.speaker_key), q.speaker_key)` +
      ` = coalesce((SELECT sa.speaker_key FROM speaker_aliases sa WHERE sa.alias_key = ?), ?)))`,
    params: surname ? [key, surname, key, key] : [key, key, key]
  }
}

/**
 * Articles with a change (a version after the first, re-extractions aside) within a range of
 * dates "FROM..TO" (see parse.ts parseChangedRange; an empty side is open). Dates of change
 * are UTC timestamps, which compare as strings with the bare dates. The partial index
 * article_versions_changes holds exactly these rows.
 */
function changedSql(range: string): SqlFragment {
  const [from, to] = range.split('..')
  const conds = ["v.number > 1", "v.how <> 'reextract'"]
  const params: string[] = []
  if (from) {
    conds.push('v.created_at >= ?')
    params.push(from)
  }
  if (to) {
    conds.push('v.created_at < ?')
    params.push(to)
  }
  return { sql: `a.id IN (SELECT v.article_id FROM article_versions v WHERE ${conds.join(' AND ')})`, params }
}

/** `is:` — a highlight, or a place in the reading workflow (values normalised by the parser). */
function isSql(value: string): SqlFragment {
  switch (value) {
    case 'inbox':
      return { sql: "a.state = 'inbox'", params: [] }
    case 'archived':
      return { sql: "a.state = 'archive'", params: [] }
    case 'starred':
      return { sql: 'a.starred = 1', params: [] }
    case 'unread':
      return { sql: 'a.read_at IS NULL', params: [] }
    default:
      return { sql: 'EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id)', params: [] }
  }
}

/** One filter as a predicate (nullable columns may yield NULL; `not` handles that). */
export function filterSql(name: FilterName, value: string): SqlFragment {
  switch (name) {
    case 'tag':
      return tagSql(value)
    case 'site':
      return siteSql(value)
    case 'author':
      return authorSql(value)
    case 'lang':
      return langSql(value)
    // Dates are normalised to YYYY-MM-DD by the parser; ISO strings compare as dates.
    case 'after':
      return { sql: 'a.published_at >= ?', params: [value] }
    case 'before':
      return { sql: 'a.published_at < ?', params: [value] }
    case 'is':
      return value === 'changed' ? changedSql('..') : isSql(value)
    case 'changed':
      return changedSql(value)
    case 'has':
      return { sql: "EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id AND h.note <> '')", params: [] }
    case 'speaker':
      return speakerSql(value)
  }
}

/** Any subtree as an article predicate: the general path for mixed text/filter logic. */
export function nodeSql(node: QueryNode): SqlFragment {
  const fts = toRowFts(node)
  if (fts !== null) return textSql(fts)
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return isCjk(node.text) ? substringSql(node.text) : { sql: '1', params: [] }
    case 'filter':
      return filterSql(node.name, node.value)
    case 'not': {
      const child = nodeSql(node.child)
      // coalesce: NOT of a NULL comparison (no site, no date) must be true, not NULL.
      return { sql: `(NOT coalesce(${child.sql}, 0))`, params: child.params }
    }
    case 'and':
    case 'or':
      return joinSql(node.children.map(nodeSql), node.kind === 'and' ? ' AND ' : ' OR ')
    default:
      return { sql: '1', params: [] }
  }
}

function joinSql(parts: SqlFragment[], op: string): SqlFragment {
  if (parts.length === 0) return { sql: '1', params: [] }
  return { sql: `(${parts.map((p) => p.sql).join(op)})`, params: parts.flatMap((p) => p.params) }
}

/** Articles neither whose text nor whose highlights match `exclude`. */
function excludeSql(exclude: string): SqlFragment {
  const text = textSql(exclude)
  return { sql: `NOT ${text.sql}`, params: text.params }
}

// ---------------------------------------------------------------------------------------

export function compileQuery(ast: QueryAst): CompiledQuery {
  const warnings: Warning[] = []
  const root = normalize(ast, warnings)
  const conjuncts = root === null ? [] : root.kind === 'and' ? root.children : [root]
  const out: CompiledQuery = {
    fts: null,
    exclude: null,
    filters: { sql: '1', params: [] },
    highlightsOnly: false,
    notesOnly: false,
    tags: [],
    warnings,
    substrings: []
  }
  const positive: string[] = []
  const negative: string[] = []
  const where: SqlFragment[] = []
  for (const c of conjuncts) {
    const fts = toRowFts(c)
    const negFts = c.kind === 'not' ? toRowFts(c.child) : null
    if (fts !== null) positive.push(fts)
    else if (negFts !== null) negative.push(negFts)
    else if (c.kind === 'filter') topLevelFilter(out, where, c.name, c.value)
    else where.push(nodeSql(c))
  }
  if (positive.length) out.fts = positive.join(' AND ')
  if (negative.length) {
    out.exclude = negative.join(' OR ')
    where.push(excludeSql(out.exclude))
  }
  out.filters = joinSql(where, ' AND ')
  out.substrings = positiveSubstrings(root)
  return out
}

/** The Chinese/Japanese words the query looks for (not those it excludes). */
function positiveSubstrings(node: QueryNode | null): string[] {
  if (!node || node.kind === 'not' || node.kind === 'filter' || node.kind === 'all') return []
  if (node.kind === 'term' || node.kind === 'phrase') return isCjk(node.text) ? [node.text.trim()] : []
  return node.children.flatMap(positiveSubstrings)
}

/** is:/has: at the top level switch to highlight results; tags also narrow listed highlights. */
function topLevelFilter(out: CompiledQuery, where: SqlFragment[], name: FilterName, value: string): void {
  if ((name === 'is' && value === 'highlight') || name === 'has') {
    out.highlightsOnly = true
    if (name === 'has') out.notesOnly = true
    return
  }
  if (name === 'tag') out.tags.push(value)
  where.push(filterSql(name, value))
}

/** What a matching highlight must satisfy; null when the query says nothing about highlights. */
export function highlightCond(q: CompiledQuery): SqlFragment | null {
  const parts: SqlFragment[] = []
  const hlFts = 'h.id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?)'
  if (q.fts) parts.push({ sql: hlFts, params: [q.fts] })
  if (q.exclude) parts.push({ sql: `NOT ${hlFts}`, params: [q.exclude] })
  if (q.notesOnly) parts.push({ sql: "h.note <> ''", params: [] })
  for (const tag of q.tags) {
    parts.push({
      sql:
        '(h.id IN (SELECT ht.highlight_id FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE t.name = ?) OR ' +
        'h.article_id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?))',
      params: [tag, tag]
    })
  }
  if (parts.length === 0 && !q.highlightsOnly) return null
  if (parts.length === 0) return { sql: '1', params: [] }
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) }
}
