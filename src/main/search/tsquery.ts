/**
 * Query AST → PostgreSQL: the team server's compiler, beside compile.ts (FTS5). Both consume
 * the same parsed query (parse.ts) and the same normalisation, and sort the top-level
 * conjuncts the same three ways: positive text (one tsquery, ranked), excluded text, and
 * filters or mixed subtrees as SQL over the team's `articles a` row.
 *
 * User text reaches PostgreSQL only as bound parameters: a word or phrase goes through
 * `phraseto_tsquery` (which cannot fail on any input), a prefix through `to_tsquery` with the
 * word quoted for its syntax. Fragments are written with `?` placeholders; `numbered()` turns
 * them into `$1…$n` once the statement is assembled.
 */
import { speakerKey } from '../quotes/aliases'
import { domainOf, hasNot, likeEscape, normalize, prefixCut, type SqlFragment, type Warning } from './compile'
import type { FilterName, QueryAst, QueryNode } from './parse'

export type { SqlFragment } from './compile'

export interface PgCompiledQuery {
  /** The positive text conjuncts as one tsquery expression, or null. */
  tsq: SqlFragment | null
  /** Text excluded at the top level, as one tsquery expression (an OR), or null. */
  exclude: SqlFragment | null
  /** Article-level predicate over `articles a`: filters, mixed subtrees, exclusions. */
  filters: SqlFragment
  /** `filters` without the top-level exclusion: TRUE for text alone (with or without `-word`). */
  rowFilters: SqlFragment
  highlightsOnly: boolean
  notesOnly: boolean
  tags: string[]
  warnings: Warning[]
  /**
   * The words, prefixes and phrases the positive text is made of, for ranking (src/team/rank.ts):
   * each leaf as the tsqueries of its words (one for a word or prefix, one per word for a phrase).
   */
  leaves: SqlFragment[][]
}

/** The team's text search configuration: English stemming, diacritics folded (team migration 1). */
export const TS_CONFIG = 'clipfile'

/** Ranking weights {D, C, B, A} = {text, tags, byline+outlet, title}: the local bm25 column weights 1, 5, 2, 10 over 10. */
export const ARTICLE_WEIGHTS = '{0.1, 0.5, 0.2, 1.0}'
/** {D, C, B, A} = {–, tags, note, quote}: the local highlight weights 2, 2, 4 over 4. */
export const HIGHLIGHT_WEIGHTS = '{0, 0.5, 0.5, 1.0}'

const frag = (sql: string, params: unknown[] = []): SqlFragment => ({ sql, params })
const TRUE = frag('TRUE')

/** A word as a quoted lexeme in to_tsquery's syntax (`'it''s':*`). */
function prefixQuery(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are dropped, as in the FTS5 compiler
  const clean = text.replace(/[\u0000-\u001f\u007f]/gu, ' ').replace(/\\/gu, ' ')
  return `'${clean.replace(/'/gu, "''")}':*`
}

function leaf(node: Extract<QueryNode, { kind: 'term' | 'phrase' }>): SqlFragment {
  if (!node.prefix) return frag(`phraseto_tsquery('${TS_CONFIG}', ?)`, [node.text])
  // As in the FTS5 compiler: a prefix ending where the stemmer may cut also tries the shorter one.
  const cut = prefixCut(node.text)
  return cut === null
    ? frag(`to_tsquery('${TS_CONFIG}', ?)`, [prefixQuery(node.text)])
    : frag(`(to_tsquery('${TS_CONFIG}', ?) || to_tsquery('${TS_CONFIG}', ?))`, [prefixQuery(node.text), prefixQuery(cut)])
}

function join(parts: SqlFragment[], op: string): SqlFragment {
  return frag(`(${parts.map((p) => p.sql).join(op)})`, parts.flatMap((p) => p.params))
}

/** A text subtree as a tsquery expression, or null when it holds a filter. */
export function toTsquery(node: QueryNode): SqlFragment | null {
  switch (node.kind) {
    case 'term':
    case 'phrase':
      return leaf(node)
    case 'not': {
      const child = toTsquery(node.child)
      return child && frag(`(!! ${child.sql})`, child.params)
    }
    case 'and':
    case 'or': {
      const parts = node.children.map(toTsquery)
      return parts.every((p) => p !== null) ? join(parts as SqlFragment[], node.kind === 'and' ? ' && ' : ' || ') : null
    }
    default:
      return null
  }
}

/**
 * A tsquery the planner cannot see into: `(SELECT …)`, evaluated once per statement. With the
 * query's words visible, PostgreSQL estimates from the column statistics that a common word
 * matches most articles and scans the table, evaluating `@@` on every row — which reads (and
 * detoasts) every article's search vector: 1.5 s at 20,000 articles for `according`. Hidden,
 * it gets the default estimate and takes the GIN index, whose bitmap answers `@@` without
 * opening the vectors (a plain word, prefix or AND/OR needs no recheck).
 */
export function opaque(tsq: SqlFragment): SqlFragment {
  if (tsq.sql.startsWith('(SELECT ')) return tsq
  return frag(`(SELECT ${tsq.sql})`, tsq.params)
}

/** As in compile.ts: a NOT below the root applies to the article as a whole, on the SQL path. */
const toRowTsquery = (node: QueryNode): SqlFragment | null => (hasNot(node) ? null : toTsquery(node))

/**
 * Articles whose own text, or one of whose live highlights, matches the tsquery. One IN over a
 * UNION, not `a.search @@ q OR a.id IN (…)`: an OR with a subquery keeps PostgreSQL from using
 * the GIN indexes, and every article's vector would be read.
 */
export function textSql(text: SqlFragment): SqlFragment {
  const tsq = opaque(text)
  return frag(
    `a.id IN (SELECT x.article_id FROM article_search x WHERE x.search @@ ${tsq.sql} UNION SELECT h.article_id FROM highlights h WHERE h.search @@ ${tsq.sql} AND h.deleted_at IS NULL)`,
    [...tsq.params, ...tsq.params]
  )
}

function siteSql(value: string): SqlFragment {
  const domain = domainOf(value)
  const outlet = `%${likeEscape(value)}%`
  if (domain.includes('.')) {
    // rhost is the reversed '.host': a domain or any of its subdomains is an indexed prefix.
    return frag('(a.site ILIKE ? OR a.rhost LIKE ?)', [outlet, `${likeEscape([...`.${domain}`].reverse().join(''))}%`])
  }
  return frag("(a.site ILIKE ? OR (reverse(a.rhost) || '.') LIKE ?)", [outlet, `%.${likeEscape(domain)}.%`])
}

/**
 * The article's tags, or one of its live highlights' (`htags_lc`, kept by a trigger: team
 * migration 3): two GIN conditions on the article, which PostgreSQL ORs as bitmaps, and two
 * array tests when a row is checked. (`a.id IN (SELECT … FROM articles x …)` joined the table
 * to itself by scanning it whole: 92 ms for tag:Syria at 20,000 articles; listing the
 * highlights' article ids made every checked row search that list.)
 */
function tagSql(value: string): SqlFragment {
  return frag('(a.tags_lc @> ARRAY[lower(?)] OR a.htags_lc @> ARRAY[lower(?)])', [value, value])
}

function speakerSql(value: string): SqlFragment {
  const key = speakerKey(value)
  if (!key) return frag('FALSE')
  if (key.includes(' ')) return frag('a.id IN (SELECT s.article_id FROM article_speakers s WHERE s.speaker_key = ?)', [key])
  return frag('a.id IN (SELECT s.article_id FROM article_speakers s WHERE s.speaker_key = ? OR s.speaker_key LIKE ?)', [key, `% ${likeEscape(key)}`])
}

const LIVE_HIGHLIGHT = 'h.article_id = a.id AND h.deleted_at IS NULL'

export function filterSql(name: FilterName, value: string): SqlFragment {
  switch (name) {
    case 'tag':
      return tagSql(value)
    case 'site':
      return siteSql(value)
    case 'author':
      return frag(`a.byline_tsv @@ phraseto_tsquery('${TS_CONFIG}', ?)`, [value])
    case 'lang':
      return frag('(lower(a.language) = ? OR lower(a.language) LIKE ?)', [value.toLowerCase(), `${likeEscape(value.toLowerCase())}-%`])
    case 'after':
      return frag('a.published_at >= ?', [value])
    case 'before':
      return frag('a.published_at < ?', [value])
    case 'is':
      // The team keeps each article's latest version only: none has a recorded change there.
      return value === 'changed' ? frag('FALSE') : frag(`EXISTS (SELECT 1 FROM highlights h WHERE ${LIVE_HIGHLIGHT})`)
    case 'changed':
      return frag('FALSE')
    case 'has':
      return frag(`EXISTS (SELECT 1 FROM highlights h WHERE ${LIVE_HIGHLIGHT} AND h.note <> '')`)
    case 'speaker':
      return speakerSql(value)
  }
}

/** Any subtree as an article predicate. */
export function nodeSql(node: QueryNode): SqlFragment {
  const tsq = toRowTsquery(node)
  if (tsq !== null) return textSql(tsq)
  switch (node.kind) {
    case 'filter':
      return filterSql(node.name, node.value)
    case 'not': {
      const child = nodeSql(node.child)
      return frag(`(NOT coalesce(${child.sql}, FALSE))`, child.params)
    }
    case 'and':
    case 'or':
      return join(node.children.map(nodeSql), node.kind === 'and' ? ' AND ' : ' OR ')
    default:
      return TRUE
  }
}

export function compileTsquery(ast: QueryAst): PgCompiledQuery {
  const warnings: Warning[] = []
  const root = normalize(ast, warnings)
  const conjuncts = root === null ? [] : root.kind === 'and' ? root.children : [root]
  const out: PgCompiledQuery = { tsq: null, exclude: null, filters: TRUE, rowFilters: TRUE, highlightsOnly: false, notesOnly: false, tags: [], warnings, leaves: [] }
  const positive: SqlFragment[] = []
  const negative: SqlFragment[] = []
  const where: SqlFragment[] = []
  for (const c of conjuncts) {
    const tsq = toRowTsquery(c)
    const neg = c.kind === 'not' ? toRowTsquery(c.child) : null
    if (tsq !== null) {
      positive.push(tsq)
      out.leaves.push(...positiveLeaves(c))
    } else if (neg !== null) negative.push(neg)
    else if (c.kind === 'filter') topLevelFilter(out, where, c.name, c.value, c.position)
    else where.push(nodeSql(c))
  }
  if (positive.length) out.tsq = opaque(positive.length === 1 ? positive[0] : join(positive, ' && '))
  out.rowFilters = where.length ? join(where, ' AND ') : TRUE
  if (negative.length) {
    out.exclude = opaque(negative.length === 1 ? negative[0] : join(negative, ' || '))
    const text = textSql(out.exclude)
    where.push(frag(`NOT ${text.sql}`, text.params))
  }
  out.filters = where.length ? join(where, ' AND ') : TRUE
  return out
}

/** The term and phrase leaves of a text subtree, outside any NOT. */
function positiveLeaves(node: QueryNode): SqlFragment[][] {
  if (node.kind === 'phrase' && !node.prefix) {
    const words = node.text.split(/[^\p{L}\p{N}\p{Co}]+/u).filter(Boolean)
    if (words.length > 1) return [words.map((w) => frag(`phraseto_tsquery('${TS_CONFIG}', ?)`, [w]))]
  }
  if (node.kind === 'term' || node.kind === 'phrase') return [[leaf(node)]]
  if (node.kind === 'and' || node.kind === 'or') return node.children.flatMap(positiveLeaves)
  return []
}

function topLevelFilter(out: PgCompiledQuery, where: SqlFragment[], name: FilterName, value: string, position: number): void {
  if ((name === 'is' && value === 'changed') || name === 'changed') {
    out.warnings.push({ message: `${name === 'is' ? 'is:changed' : 'changed:'} looks at versions, which your own archive keeps and the team does not`, position })
    where.push(filterSql(name, value))
    return
  }
  if (name === 'is' || name === 'has') {
    out.highlightsOnly = true
    if (name === 'has') out.notesOnly = true
    return
  }
  if (name === 'tag') out.tags.push(value)
  where.push(filterSql(name, value))
}

/** What a listed highlight (`h`) must satisfy; null when the query says nothing about highlights. */
export function highlightCond(q: PgCompiledQuery): SqlFragment | null {
  const parts: SqlFragment[] = [frag('h.deleted_at IS NULL')]
  if (q.tsq) parts.push(frag(`h.search @@ ${q.tsq.sql}`, q.tsq.params))
  if (q.exclude) parts.push(frag(`NOT (h.search @@ ${q.exclude.sql})`, q.exclude.params))
  if (q.notesOnly) parts.push(frag("h.note <> ''"))
  // The highlight's tag or its article's. EXISTS, not `h.article_id IN (SELECT … tags)`: that
  // listed every article with the tag to check a page's few highlights (tag:Syria: 12,000
  // articles, 19 ms at 100k); PostgreSQL can still choose a join where many are checked.
  for (const tag of q.tags) {
    parts.push(frag('(h.tags_lc @> ARRAY[lower(?)] OR EXISTS (SELECT 1 FROM articles a2 WHERE a2.id = h.article_id AND a2.tags_lc @> ARRAY[lower(?)]))', [tag, tag]))
  }
  if (parts.length === 1 && !q.highlightsOnly) return null
  return join(parts, ' AND ')
}

/** Turns the `?` placeholders of an assembled statement into `$1…$n`. */
export function numbered(f: SqlFragment): { text: string; values: unknown[] } {
  let n = 0
  return { text: f.sql.replace(/\?/gu, () => `$${++n}`), values: f.params }
}
