import type { DetectedQuoteRow, Speaker } from '../../shared/types'
import type { DB } from './connection'
import { speakerKey, sameSpeaker } from '../quotes/aliases'

/** What detection found in one article (the worker sends this with the prepared article). */
export type FoundQuote = Pick<DetectedQuoteRow, 'start' | 'end' | 'text' | 'speaker' | 'confidence' | 'kind'>

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
    insert.run(articleId, q.start, q.end, q.text, q.speaker, q.speaker ? speakerKey(q.speaker) : null, q.confidence, q.kind)
  }
}

export function articleQuotes(db: DB, articleId: number): DetectedQuoteRow[] {
  return (db.prepare('SELECT * FROM quotes WHERE article_id = ? ORDER BY start_pos').all(articleId) as Row[]).map(toQuote)
}

export function getQuote(db: DB, id: number): DetectedQuoteRow | null {
  const r = db.prepare('SELECT * FROM quotes WHERE id = ?').get(id) as Row | undefined
  return r ? toQuote(r) : null
}

/** The user's correction: a new speaker (or none), kept from now on. */
export function correctSpeaker(db: DB, id: number, speaker: string | null): void {
  db.prepare('UPDATE quotes SET speaker = ?, speaker_key = ?, corrected = 1, confidence = 1 WHERE id = ?').run(
    speaker,
    speaker ? speakerKey(speaker) : null,
    id
  )
}

export function linkHighlight(db: DB, quoteId: number, highlightId: number): void {
  db.prepare('UPDATE quotes SET highlight_id = ? WHERE id = ?').run(highlightId, quoteId)
}

/** Where a key points after the user's merges (one hop is all merges ever make). */
export function resolveKey(db: DB, key: string): string {
  const r = db.prepare<[string], { speaker_key: string }>('SELECT speaker_key FROM speaker_aliases WHERE alias_key = ?').get(key)
  return r?.speaker_key ?? key
}

/** Every key that means the same person as `key`: itself, merged aliases, and short forms found by name. */
export function keysFor(db: DB, name: string): string[] {
  const target = resolveKey(db, speakerKey(name))
  const keys = new Set([target])
  for (const r of db.prepare<[string], { alias_key: string }>('SELECT alias_key FROM speaker_aliases WHERE speaker_key = ?').all(target)) keys.add(r.alias_key)
  const speakers = listSpeakers(db, 10_000)
  const exact = speakers.filter((s) => s.keys.includes(target))
  // "Tillerson" asks for the one speaker of that surname, when there is only one.
  const byName = exact.length ? exact : speakers.filter((s) => sameSpeaker(name, s.name))
  if (byName.length === 1 || exact.length) for (const s of byName) for (const k of s.keys) keys.add(k)
  return [...keys]
}

/**
 * The people (and organisations) quoted across the archive, most quoted first. Keys that
 * the user merged are one speaker; a surname alone ("tillerson") joins the one full name
 * that ends with it ("rex tillerson"), but not when two full names share that surname.
 */
export function listSpeakers(db: DB, limit = 500): Speaker[] {
  const rows = db
    .prepare(
      `SELECT coalesce(a.speaker_key, q.speaker_key) AS key, q.speaker AS name, count(*) AS quotes,
              count(DISTINCT q.article_id) AS articles, max(length(q.speaker)) AS len
       FROM quotes q LEFT JOIN speaker_aliases a ON a.alias_key = q.speaker_key
       WHERE q.speaker_key IS NOT NULL AND q.kind != 'scare'
       GROUP BY key, q.speaker`
    )
    .all() as { key: string; name: string; quotes: number; articles: number }[]
  const byKey = new Map<string, Speaker>()
  for (const r of rows) {
    const s = byKey.get(r.key) ?? { key: r.key, name: r.name, quotes: 0, articles: 0, aliases: [], keys: [r.key] }
    s.quotes += r.quotes
    s.articles += r.articles
    if (r.name.length > s.name.length) s.name = r.name
    if (!s.aliases.includes(r.name)) s.aliases.push(r.name)
    byKey.set(r.key, s)
  }
  mergeShortForms(byKey)
  return [...byKey.values()].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name)).slice(0, limit)
}

function mergeShortForms(byKey: Map<string, Speaker>): void {
  const all = [...byKey.values()]
  for (const short of all.filter((s) => !s.key.includes(' '))) {
    const full = all.filter((s) => s !== short && s.key.includes(' ') && sameSpeaker(short.name, s.name))
    if (full.length !== 1) continue
    const into = full[0]
    into.quotes += short.quotes
    into.articles += short.articles
    into.aliases.push(...short.aliases.filter((a) => !into.aliases.includes(a)))
    into.keys.push(...short.keys)
    byKey.delete(short.key)
  }
}

/** Makes `from` another name of `into` everywhere (and keeps it so for future imports). */
export function mergeSpeakers(db: DB, from: string, into: string): void {
  const fromKey = resolveKey(db, speakerKey(from))
  const intoKey = resolveKey(db, speakerKey(into))
  if (fromKey === intoKey) return
  db.prepare('INSERT OR REPLACE INTO speaker_aliases(alias_key, speaker_key) VALUES (?, ?)').run(fromKey, intoKey)
  // Earlier merges into `from` now point at `into` too.
  db.prepare('UPDATE speaker_aliases SET speaker_key = ? WHERE speaker_key = ?').run(intoKey, fromKey)
}

/** A speaker's quotes across the archive, newest article first. */
export function quotesBySpeaker(db: DB, name: string, limit: number, offset: number): { total: number; items: DetectedQuoteRow[] } {
  const keys = JSON.stringify(keysFor(db, name))
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
