import type { DetectedQuoteRow } from '../../shared/types'
import type { DB } from './connection'

/** What detection found in one article, with each speaker's name key (see quotes/aliases.ts). */
export type FoundQuote = Pick<DetectedQuoteRow, 'start' | 'end' | 'text' | 'speaker' | 'confidence' | 'kind'> & {
  speakerKey: string | null
}

interface Row {
  id: number
  article_id: number
  start_pos: number
  end_pos: number
  text: string
  speaker: string | null
  speaker_key: string | null
  confidence: number
  kind: 'direct' | 'partial' | 'scare'
  corrected: number
  highlight_id: number | null
}

const toQuote = (r: Row): DetectedQuoteRow => ({
  id: r.id,
  articleId: r.article_id,
  start: r.start_pos,
  end: r.end_pos,
  text: r.text,
  speaker: r.speaker,
  confidence: r.confidence,
  kind: r.kind,
  corrected: r.corrected === 1,
  highlightId: r.highlight_id
})

/**
 * Replaces an article's detected quotes. Quotes whose speaker the user corrected are kept
 * (and new detections over the same words are skipped), so a correction survives re-imports.
 */
export function storeQuotes(db: DB, articleId: number, found: FoundQuote[]): void {
  db.prepare('DELETE FROM quotes WHERE article_id = ? AND corrected = 0').run(articleId)
  const kept = db.prepare<[number], { text: string }>('SELECT text FROM quotes WHERE article_id = ?').all(articleId)
  const keptTexts = new Set(kept.map((k) => k.text))
  const insert = db.prepare(
    `INSERT INTO quotes(article_id, start_pos, end_pos, text, speaker, speaker_key, confidence, kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
  )
  for (const q of found) {
    if (keptTexts.has(q.text) || q.end <= q.start) continue
    insert.run(articleId, q.start, q.end, q.text, q.speaker, q.speakerKey, q.confidence, q.kind)
  }
}

export function articleQuotes(db: DB, articleId: number): DetectedQuoteRow[] {
  return (db.prepare('SELECT * FROM quotes WHERE article_id = ? ORDER BY start_pos').all(articleId) as Row[]).map(toQuote)
}

export function getQuote(db: DB, id: number): DetectedQuoteRow | null {
  const r = db.prepare('SELECT * FROM quotes WHERE id = ?').get(id) as Row | undefined
  return r ? toQuote(r) : null
}

/** The user's correction: a new speaker (or none) with its key, kept from now on. */
export function correctSpeaker(db: DB, id: number, speaker: string | null, key: string | null): void {
  db.prepare('UPDATE quotes SET speaker = ?, speaker_key = ?, corrected = 1, confidence = 1 WHERE id = ?').run(speaker, key, id)
}

export function linkHighlight(db: DB, quoteId: number, highlightId: number): void {
  db.prepare('UPDATE quotes SET highlight_id = ? WHERE id = ?').run(highlightId, quoteId)
}

/** Where a key points after the user's merges (one hop is all merges ever make). */
export function resolveKey(db: DB, key: string): string {
  const r = db.prepare<[string], { speaker_key: string }>('SELECT speaker_key FROM speaker_aliases WHERE alias_key = ?').get(key)
  return r?.speaker_key ?? key
}

/** The keys merged into `key` by the user. */
export function aliasKeysOf(db: DB, key: string): string[] {
  return db.prepare<[string], { alias_key: string }>('SELECT alias_key FROM speaker_aliases WHERE speaker_key = ?').all(key).map((r) => r.alias_key)
}

/** One speaker name under one key (after the user's merges), with its counts. */
export interface SpeakerNameRow {
  key: string
  name: string
  quotes: number
  articles: number
}

/** Every speaker name quoted across the archive (scare quotes aside), under its merged key. */
export function speakerNames(db: DB): SpeakerNameRow[] {
  return db
    .prepare(
      `SELECT coalesce(a.speaker_key, q.speaker_key) AS key, q.speaker AS name, count(*) AS quotes,
              count(DISTINCT q.article_id) AS articles
       FROM quotes q LEFT JOIN speaker_aliases a ON a.alias_key = q.speaker_key
       WHERE q.speaker_key IS NOT NULL AND q.kind != 'scare'
       GROUP BY key, q.speaker`
    )
    .all() as SpeakerNameRow[]
}

/** Makes the key `fromKey` an alias of `intoKey` (and earlier aliases of `fromKey` follow it). */
export function setSpeakerAlias(db: DB, fromKey: string, intoKey: string): void {
  db.prepare('INSERT OR REPLACE INTO speaker_aliases(alias_key, speaker_key) VALUES (?, ?)').run(fromKey, intoKey)
  db.prepare('UPDATE speaker_aliases SET speaker_key = ? WHERE speaker_key = ?').run(intoKey, fromKey)
}

/** A speaker's quotes across the archive, newest article first. */
export function quotesBySpeaker(db: DB, speakerKeys: string[], limit: number, offset: number): { total: number; items: DetectedQuoteRow[] } {
  const keys = JSON.stringify(speakerKeys)
  const where = `q.speaker_key IN (SELECT value FROM json_each(?)) AND q.kind != 'scare'`
  const total = (db.prepare(`SELECT count(*) AS n FROM quotes q WHERE ${where}`).get(keys) as { n: number }).n
  const rows = db
    .prepare(
      `SELECT q.* FROM quotes q JOIN articles a ON a.id = q.article_id WHERE ${where}
       ORDER BY coalesce(a.published_at, a.saved_at) DESC, q.start_pos LIMIT ? OFFSET ?`
    )
    .all(keys, limit, offset) as Row[]
  return { total, items: rows.map(toQuote) }
}

/** Where a speaker is quoted (outlets by quote count, most first) and the span of those articles' dates. */
export function speakerSpread(db: DB, speakerKeys: string[]): { outlets: { value: string; count: number }[]; first: string | null; last: string | null } {
  const keys = JSON.stringify(speakerKeys)
  const from = `FROM quotes q JOIN articles a ON a.id = q.article_id
    WHERE q.speaker_key IN (SELECT value FROM json_each(?)) AND q.kind != 'scare'`
  const outlets = db
    .prepare(`SELECT coalesce(a.site, '') AS value, count(*) AS count ${from} GROUP BY value ORDER BY count DESC, value LIMIT 20`)
    .all(keys) as { value: string; count: number }[]
  const span = db
    .prepare(`SELECT min(coalesce(a.published_at, a.saved_at)) AS first, max(coalesce(a.published_at, a.saved_at)) AS last ${from}`)
    .get(keys) as { first: string | null; last: string | null }
  return { outlets: outlets.filter((o) => o.value !== ''), ...span }
}
