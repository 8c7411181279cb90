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
import { speakerKey } from '../quotes/aliases'
import { lastWordSql, urlHostSql } from '../db/migrations/012-search-indexes'
import type { FilterName, QueryAst, QueryNode } from './parse'

export interface SqlFragment {
  sql: string
  params: unknown[]
}

/**
 * Article ids read from indexes alone: `SELECT <id> …` (one column; an id may repeat, which
 * `IN` ignores and match.ts removes). A `broad` set (a date range) is often most of the
 * archive: cheaper tested on an article row than drawn as a set.
 */
export interface IdSet extends SqlFragment {
  broad: boolean
  /** The set as a test of one id (an SQL expression), answered from an index: date ranges, tags. */
  probe?: (id: string) => SqlFragment
  /** With `probe`: `SELECT <a lower bound of the set's size>`, counted on an index (to choose between listing and probing). */
  size?: SqlFragment
  /** Counted and paged by SQLite from indexes, without listing the ids (see CountedSet). */
  counted?: CountedSet
}

/**
 * A set that SQLite can count, and page newest first, from its indexes: a query of this set
 * alone (and date ranges, given as `cond`, a test of the id expression it is handed) is
 * answered without listing its ids — `tag:Syria` is 137,000 ids at a million articles.
 */
export interface CountedSet {
  /** `SELECT <number of distinct ids satisfying cond>`. */
  count(cond: IdCond): SqlFragment
  /** `SELECT id …` distinct, newest (highest id) first; the caller appends `LIMIT ? OFFSET ?`. */
  newest(cond: IdCond): SqlFragment
}

/** A test of an id given as an SQL expression (no test: `1`). */
export type IdCond = (id: string) => SqlFragment

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

/** `a.id IN (set)`: a set as a predicate (SQLite reads the set once per statement). */
const inSet = (set: SqlFragment): SqlFragment => ({ sql: `a.id IN (${set.sql})`, params: set.params })

/**
 * The distinct values of an indexed expression, found by hopping along its index (one
 * search per distinct value, not one step per row): outlets and hosts are few next to articles.
 */
function distinctValues(expr: string, table: string): string {
  return (
    `WITH RECURSIVE v(x) AS (SELECT min(${expr}) FROM ${table} UNION ALL ` +
    `SELECT (SELECT min(${expr}) FROM ${table} WHERE ${expr} > v.x) FROM v WHERE v.x IS NOT NULL) SELECT x FROM v WHERE x IS NOT NULL`
  )
}

/**
 * A Chinese or Japanese word as a substring of an article's title or text, or of one of its
 * highlights, as an id set. Three characters or more: the trigram index (articles_cjk,
 * migration 011); shorter: the text of the articles that index holds, scanned (only those:
 * an article without Han or kana cannot hold the word).
 */
export function substringSet(text: string): IdSet {
  const word = text.trim()
  const viaHighlights = 'SELECT h.article_id FROM highlights h WHERE instr(h.exact, ?) > 0 OR instr(h.note, ?) > 0'
  if ([...word].length >= 3) {
    return { sql: `SELECT rowid FROM articles_cjk WHERE articles_cjk MATCH ? UNION ALL ${viaHighlights}`, params: [ftsQuote(word), word, word], broad: false }
  }
  return {
    sql:
      'SELECT c.article_id FROM article_content c JOIN articles t ON t.id = c.article_id ' +
      `WHERE c.article_id IN (SELECT rowid FROM articles_cjk) AND (instr(c.text, ?) > 0 OR instr(t.title, ?) > 0) UNION ALL ${viaHighlights}`,
    params: [word, word, word, word],
    broad: false
  }
}

/** substringSet as a predicate over `articles a`. */
export const substringSql = (text: string): SqlFragment => inSet(substringSet(text))

/** `https://www.NYTimes.com/x` → `nytimes.com`. */
export function domainOf(value: string): string {
  return value
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//u, '')
    .replace(/[/?#].*$/u, '')
    .replace(/^www\./u, '')
}

const HOST = urlHostSql('url')

/**
 * A domain (`nytimes.com`: that host or a subdomain), a host label (`bbc`) or outlet name.
 * The host is dotted at both ends, so one LIKE covers "equal to" and "subdomain of" without
 * matching `times.com` inside `nytimes.com`. The LIKEs run over the distinct outlets and
 * hosts (their indexes, migration 012); the articles come from the same indexes.
 */
function siteSet(value: string): IdSet {
  const domain = likeEscape(domainOf(value))
  const pattern = domain.includes('.') ? `%.${domain}.` : `%.${domain}.%`
  return {
    sql:
      `SELECT id FROM articles WHERE site IN (SELECT x FROM (${distinctValues('site', 'articles')}) WHERE x LIKE ? ESCAPE '\\') UNION ALL ` +
      `SELECT id FROM articles WHERE ${HOST} IN (SELECT x FROM (${distinctValues(HOST, 'articles')}) WHERE ('.' || x || '.') LIKE ? ESCAPE '\\')`,
    params: [`%${likeEscape(value)}%`, pattern],
    broad: false
  }
}

/** A highlight's article from the narrow index of migration 013, not from its row. */
const HIGHLIGHT_ARTICLE = 'highlights h INDEXED BY highlights_id_article'

/** The tag's articles: tagged themselves, or through one of their highlights. */
function tagSet(value: string): IdSet {
  // tags.name is COLLATE NOCASE, so `=` ignores (ASCII) case; names are unique.
  const tag = '(SELECT id FROM tags WHERE name = ?)'
  const own = `SELECT at.article_id FROM article_tags at WHERE at.tag_id = ${tag}`
  const viaHighlights = `SELECT h.article_id FROM highlight_tags ht JOIN ${HIGHLIGHT_ARTICLE} ON h.id = ht.highlight_id WHERE ht.tag_id = ${tag}`
  return {
    sql: `${own} UNION ALL ${viaHighlights}`,
    params: [value, value],
    broad: false,
    // The article's own tag by its key; the highlights' articles listed once per statement (few).
    probe: (id) => ({
      sql: `(EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = ${id} AND x.tag_id = ${tag}) OR ${id} IN (${viaHighlights}))`,
      params: [value, value]
    }),
    size: { sql: `SELECT count(*) FROM article_tags at WHERE at.tag_id = ${tag}`, params: [value] },
    counted: {
      // The articles tagged themselves are distinct in the tag's index (counted there); those
      // tagged only through highlights are few, and tested against that index one by one.
      count: (cond) => {
        const a = cond('at.article_id')
        const h = cond('h.article_id')
        return {
          sql:
            `SELECT (SELECT count(*) FROM article_tags at WHERE at.tag_id = ${tag} AND ${a.sql}) + ` +
            `(SELECT count(DISTINCT h.article_id) FROM highlight_tags ht JOIN ${HIGHLIGHT_ARTICLE} ON h.id = ht.highlight_id WHERE ht.tag_id = ${tag} ` +
            `AND NOT EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = h.article_id AND x.tag_id = ${tag}) AND ${h.sql})`,
          params: [value, ...a.params, value, value, ...h.params]
        }
      },
      // A compound SELECT with ORDER BY merges its arms: the tag's index is read in id order and stops at the page.
      newest: (cond) => {
        const a = cond('at.article_id')
        const h = cond('h.article_id')
        return { sql: `${own} AND ${a.sql} UNION ${viaHighlights} AND ${h.sql} ORDER BY 1 DESC`, params: [value, ...a.params, value, ...h.params] }
      }
    }
  }
}

/** Byline words through the FTS index, so case and diacritics are folded as in the text. */
function authorSet(value: string): IdSet | null {
  if (!TOKEN_CHAR.test(value)) return null
  return { sql: 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?', params: [`byline : ${ftsQuote(value)}`], broad: false }
}

const NOTHING: SqlFragment = { sql: '0', params: [] }

function langSql(value: string): SqlFragment {
  const lang = value.toLowerCase()
  return {
    sql: "(lower(a.language) = ? OR lower(a.language) LIKE ? ESCAPE '\\')",
    params: [lang, `${likeEscape(lang)}-%`]
  }
}

/**
 * Articles quoting a speaker (detected quotes, not scare quotes): the same name key, a
 * surname that ends a full name ("tillerson" → "rex tillerson"), or a key that resolves to
 * the same name after the user's merges (speaker_aliases, either way round). The keys are
 * resolved first, from the small aliases table, so the quotes come from their indexes
 * (migration 012). A surname is the last word of a key: keys are made by speakerKey(),
 * lower-case words of [a-z0-9'] between single spaces, so "ends with ' tillerson'" and
 * "last word is 'tillerson'" are the same test.
 */
function speakerSet(value: string): IdSet | null {
  const key = speakerKey(value)
  if (!key) return null
  // Where `key` points after the merges; a key K matches when it points there too.
  const target = 'coalesce((SELECT speaker_key FROM speaker_aliases WHERE alias_key = ?), ?)'
  const keys =
    `SELECT ? UNION SELECT alias_key FROM speaker_aliases WHERE speaker_key = ${target} ` +
    `UNION SELECT ${target} WHERE NOT EXISTS (SELECT 1 FROM speaker_aliases WHERE alias_key = ${target})`
  const byKey = `SELECT article_id FROM quotes WHERE kind <> 'scare' AND speaker_key IN (${keys})`
  const params = [key, key, key, key, key, key, key]
  if (key.includes(' ')) return { sql: byKey, params, broad: false }
  return {
    sql: `${byKey} UNION ALL SELECT article_id FROM quotes WHERE kind <> 'scare' AND ${lastWordSql('speaker_key')} = ?`,
    params: [...params, key],
    broad: false
  }
}

/** Articles with a highlight (with a note, for `has:`). */
export function highlightSet(notes: boolean): IdSet {
  if (notes) return { sql: "SELECT article_id FROM highlights WHERE note <> ''", params: [], broad: false }
  return {
    sql: 'SELECT article_id FROM highlights',
    params: [],
    broad: false,
    // The highlights' index by article (highlights_article) holds them in id order: distinct without sorting.
    counted: {
      count: (cond) => {
        const c = cond('h.article_id')
        return { sql: `SELECT count(DISTINCT h.article_id) FROM highlights h WHERE ${c.sql}`, params: c.params }
      },
      newest: (cond) => {
        const c = cond('h.article_id')
        return { sql: `SELECT DISTINCT h.article_id FROM highlights h WHERE ${c.sql} ORDER BY 1 DESC`, params: c.params }
      }
    }
  }
}

const dateSet = (op: '>=' | '<', value: string): IdSet => ({
  sql: `SELECT id FROM articles WHERE published_at ${op} ?`,
  params: [value],
  broad: true,
  probe: (id) => ({
    sql: `EXISTS (SELECT 1 FROM articles d INDEXED BY articles_id_published WHERE d.id = ${id} AND d.published_at ${op} ?)`,
    params: [value]
  })
})

/** One filter as an id set from indexes, or null when it has none (it is tested on rows). */
export function filterSet(name: FilterName, value: string): IdSet | null {
  switch (name) {
    case 'tag':
      return tagSet(value)
    case 'site':
      return siteSet(value)
    case 'author':
      return authorSet(value)
    case 'speaker':
      return speakerSet(value)
    case 'is':
      return value === 'highlight' ? highlightSet(false) : value === 'changed' ? changedSet('..') : null
    case 'changed':
      return changedSet(value)
    case 'has':
      return value === 'note' ? highlightSet(true) : null
    case 'after':
      return dateSet('>=', value)
    case 'before':
      return dateSet('<', value)
    default:
      return null
  }
}

/**
 * Articles with a change (a version after the first, re-extractions aside) within a range of
 * dates "FROM..TO" (see parse.ts parseChangedRange; an empty side is open). Dates of change
 * are UTC timestamps, which compare as strings with the bare dates. The partial index
 * article_versions_changes holds exactly these rows.
 */
function changedSet(range: string): IdSet {
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
  return { sql: `SELECT v.article_id FROM article_versions v WHERE ${conds.join(' AND ')}`, params, broad: false }
}

const changedSql = (range: string): SqlFragment => inSet(changedSet(range))

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
    default: {
      const set = filterSet(name, value)
      return set ? inSet(set) : NOTHING
    }
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
