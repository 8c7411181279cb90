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
 * Each top-level filter is also offered as an id set read from indexes alone (`Conjunct.set`:
 * the tag's rows in article_tags, the outlet's and host's index entries, the speaker's quotes),
 * so a query can be evaluated, and counted, without reading every article (see match.ts).
 *
 * User text never reaches FTS5 unquoted: every token is wrapped in double quotes with
 * embedded quotes doubled, and every value reaches SQL as a bound parameter.
 */
import type { FilterName, QueryAst, QueryNode } from './parse'
import { filterSet, filterSql, substringSet, substringSql } from './filters'
import { TOKEN_CHAR, ftsQuote, isCjk, type IdSet, type SqlFragment } from './sql'

export type { ColumnCond, CountedSet, IdCond, IdSet, SqlFragment } from './sql'
export { ftsQuote, isCjk, likeEscape } from './sql'
export { domainOf, filterSet, filterSql, highlightSet, substringSet } from './filters'

/** One top-level conjunct of `filters`, as a predicate over `articles a` and, where it has one, as an id set. */
export interface Conjunct {
  row: SqlFragment
  set: IdSet | null
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
  /** `filters` as its top-level conjuncts (their rows ANDed are `filters`); exclusions not among them. */
  conjuncts: Conjunct[]
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

// ---------------------------------------------------------------------------------------
// Normalisation: drop what cannot match, simplify double negation.

/**
 * The shortest prefix searched as a prefix. `w*` or `co*` stand for thousands of words found
 * in nearly every article: FTS5 merges all their doclists for each evaluation, a cost that
 * grows with the archive without bound (seconds at a million articles). Shorter ones are
 * searched as the word itself, and the query says so.
 */
export const MIN_PREFIX = 3

/** The last token of a prefix term or phrase (the part `*` extends) is too short. */
function tooShort(node: { text: string; prefix: boolean }): boolean {
  if (!node.prefix) return false
  const last = node.text.split(/[^\p{L}\p{N}\p{Co}]+/u).filter(Boolean).pop() ?? ''
  return [...last].length < MIN_PREFIX
}

export function normalize(node: QueryNode, warnings: Warning[]): QueryNode | null {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      // Punctuation-only words have no tokens; an empty FTS5 phrase would match nothing.
      if (!TOKEN_CHAR.test(node.text)) return null
      // Chinese and Japanese are searched as substrings, which cover any prefix.
      if (node.prefix && isCjk(node.text)) return { ...node, prefix: false }
      if (!tooShort(node)) return node
      warnings.push({
        message: `"${node.text}*" is searched as ${node.kind === 'term' ? 'the word' : 'the phrase'} "${node.text}": a prefix needs ${MIN_PREFIX} letters or more (shorter ones match nearly every article)`,
        position: node.position
      })
      return { ...node, prefix: false }
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
  return cut === text || cut.length < 4 || !TOKEN_CHAR.test(cut) || tooShort({ text: cut, prefix: true }) ? null : cut
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

/** Articles a highlight of which matches an FTS5 expression (ids may repeat). */
export function viaHighlightsSql(fts: string): SqlFragment {
  return {
    sql: 'SELECT h.article_id FROM highlights h WHERE h.id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?)',
    params: [fts]
  }
}

/** textSql as a set: the doclist's rowids and the highlights' articles. */
export function textSet(fts: string): IdSet {
  const via = viaHighlightsSql(fts)
  return {
    sql: `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? UNION ALL ${via.sql}`,
    params: [fts, ...via.params],
    broad: false
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
    conjuncts: [],
    highlightsOnly: false,
    notesOnly: false,
    tags: [],
    warnings,
    substrings: []
  }
  const positive: string[] = []
  const negative: string[] = []
  for (const c of conjuncts) {
    const fts = toRowFts(c)
    const negFts = c.kind === 'not' ? toRowFts(c.child) : null
    if (fts !== null) positive.push(fts)
    else if (negFts !== null) negative.push(negFts)
    else if (c.kind === 'filter') topLevelFilter(out, c.name, c.value)
    else out.conjuncts.push({ row: nodeSql(c), set: cjkSet(c) })
  }
  const where = out.conjuncts.map((c) => c.row)
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

/** A Chinese/Japanese word at the top level is an id set, intersected with the others (match.ts). */
function cjkSet(node: QueryNode): IdSet | null {
  return (node.kind === 'term' || node.kind === 'phrase') && isCjk(node.text) ? substringSet(node.text) : null
}

/** is:highlight/has: at the top level switch to highlight results; tags also narrow listed highlights. */
function topLevelFilter(out: CompiledQuery, name: FilterName, value: string): void {
  if ((name === 'is' && value === 'highlight') || name === 'has') {
    out.highlightsOnly = true
    if (name === 'has') out.notesOnly = true
    return
  }
  if (name === 'tag') out.tags.push(value)
  out.conjuncts.push({ row: filterSql(name, value), set: filterSet(name, value) })
}

/** What a matching highlight must satisfy; null when the query says nothing about highlights. */
export function highlightCond(q: CompiledQuery): SqlFragment | null {
  const parts: SqlFragment[] = []
  const hlFts = 'h.id IN (SELECT rowid FROM highlights_fts WHERE highlights_fts MATCH ?)'
  if (q.fts) parts.push({ sql: hlFts, params: [q.fts] })
  if (q.exclude) parts.push({ sql: `NOT ${hlFts}`, params: [q.exclude] })
  if (q.notesOnly) parts.push({ sql: "h.note <> ''", params: [] })
  // Tested on each highlight by its keys (`IN (SELECT …)` would list the tag's every article first: 137,000 at a million).
  const tagId = '(SELECT id FROM tags WHERE name = ?)'
  for (const tag of q.tags) {
    parts.push({
      sql:
        `(EXISTS (SELECT 1 FROM highlight_tags ht WHERE ht.highlight_id = h.id AND ht.tag_id = ${tagId}) OR ` +
        `EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = h.article_id AND at.tag_id = ${tagId}))`,
      params: [tag, tag]
    })
  }
  if (parts.length === 0 && !q.highlightsOnly) return null
  if (parts.length === 0) return { sql: '1', params: [] }
  return { sql: parts.map((p) => p.sql).join(' AND '), params: parts.flatMap((p) => p.params) }
}
