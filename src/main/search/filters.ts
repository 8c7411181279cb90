/**
 * Each filter of the search language (`tag:`, `site:`, `author:`, `speaker:`, `is:`, `has:`,
 * `changed:`, `after:`/`before:`, `lang:`) and Chinese/Japanese substrings, as a predicate over
 * `articles a` and, where indexes allow, as an id set that match.ts can intersect, probe, count
 * and page without reading article rows. compile.ts sorts a query into these.
 */
import { speakerKey } from '../quotes/aliases'
import { lastWordSql, urlHostSql } from '../db/migrations/012-search-indexes'
import type { FilterName } from './parse'
import { NOTHING, TOKEN_CHAR, ftsQuote, inSet, likeEscape, type ColumnCond, type IdCond, type IdSet, type SqlFragment } from './sql'

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

/** The tag's articles: tagged themselves, or through one of their highlights. */
function tagSet(value: string): IdSet {
  // tags.name is COLLATE NOCASE, so `=` ignores (ASCII) case; names are unique.
  const tag = '(SELECT id FROM tags WHERE name = ?)'
  const own = `SELECT at.article_id FROM article_tags at WHERE at.tag_id = ${tag}`
  // highlight_tags holds each highlight's article and its date (migration 014), indexed by tag in article order.
  const viaHighlights = `SELECT ht.article_id FROM highlight_tags ht WHERE ht.tag_id = ${tag}`
  // One article tested for the tag by id: its own tag by key, or its highlights' (listed once per
  // statement, few); with date ranges (`dated`) on the tags' copies of the date, one seek for both.
  const tagTest = (id: string, dated?: ColumnCond): SqlFragment => {
    const a = dated?.('x.published_at')
    const h = dated?.('ht.published_at')
    return {
      sql: `(EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = ${id} AND x.tag_id = ${tag}${a ? ` AND ${a.sql}` : ''}) OR ${id} IN (${viaHighlights}${h ? ` AND ${h.sql}` : ''}))`,
      params: [value, ...(a?.params ?? []), value, ...(h?.params ?? [])]
    }
  }
  // Date ranges on the tags' copies of the date when given (`dated`), else on the dates' index by id.
  const arms = (cond: IdCond, dated?: ColumnCond) => ({
    a: dated ? dated('at.published_at') : cond('at.article_id'),
    h: dated ? dated('ht.published_at') : cond('ht.article_id')
  })
  return {
    sql: `${own} UNION ALL ${viaHighlights}`,
    params: [value, value],
    broad: false,
    probe: (id) => tagTest(id),
    probeDated: tagTest,
    size: { sql: `SELECT count(*) FROM article_tags at WHERE at.tag_id = ${tag}`, params: [value] },
    counted: {
      // The articles tagged themselves are distinct in the tag's index (counted there); those
      // tagged only through highlights are fewer, and tested against that index one by one.
      count: (cond, dated) => {
        const { a, h } = arms(cond, dated)
        return {
          sql:
            `SELECT (SELECT count(*) FROM article_tags at WHERE at.tag_id = ${tag} AND ${a.sql}) + ` +
            `(SELECT count(DISTINCT ht.article_id) FROM highlight_tags ht WHERE ht.tag_id = ${tag} ` +
            `AND NOT EXISTS (SELECT 1 FROM article_tags x WHERE x.article_id = ht.article_id AND x.tag_id = ${tag}) AND ${h.sql})`,
          params: [value, ...a.params, value, value, ...h.params]
        }
      },
      // A compound SELECT with ORDER BY merges its arms, each read from its index in id order, stopping at the page.
      newest: (cond, dated) => {
        const { a, h } = arms(cond, dated)
        return { sql: `${own} AND ${a.sql} UNION ${viaHighlights} AND ${h.sql} ORDER BY 1 DESC`, params: [value, ...a.params, value, ...h.params] }
      },
      // For a page: the tag's own newest ids, then only the highlight-tagged articles at or above the page's last one.
      split: (cond, dated) => {
        const { a, h } = arms(cond, dated)
        return {
          own: { sql: `${own} AND ${a.sql} ORDER BY 1 DESC`, params: [value, ...a.params] },
          others: (bound) => ({ sql: `${viaHighlights} AND ht.article_id >= ? AND ${h.sql}`, params: [value, bound, ...h.params] })
        }
      }
    }
  }
}

/** Byline words through the FTS index, so case and diacritics are folded as in the text. */
function authorSet(value: string): IdSet | null {
  if (!TOKEN_CHAR.test(value)) return null
  return { sql: 'SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?', params: [`byline : ${ftsQuote(value)}`], broad: false }
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
  column: (col) => ({ sql: `${col} ${op} ?`, params: [value] }),
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
