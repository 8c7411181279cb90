/** Team membership rows: configuration, the outbox, pulled history, refusals, the applying flag. */
import { randomUUID } from 'node:crypto'
import type { DB } from './connection'

export type TeamConfigKey = 'url' | 'token' | 'user' | 'role' | 'client' | 'cursor' | 'policy' | 'shareTags' | 'lastSync' | 'lastError' | 'lastAttempt'

export function getConfig(db: DB, key: TeamConfigKey): string | null {
  return db.prepare<[string], { value: string }>('SELECT value FROM team_config WHERE key = ?').get(key)?.value ?? null
}

export function setConfig(db: DB, key: TeamConfigKey, value: string | null): void {
  if (value === null) db.prepare('DELETE FROM team_config WHERE key = ?').run(key)
  else db.prepare('INSERT INTO team_config(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value)
}

export function clearConfig(db: DB): void {
  db.prepare('DELETE FROM team_config').run()
}

export interface OutboxRow {
  id: number
  op_id: string
  kind: 'article' | 'article-tags' | 'article-delete' | 'highlight' | 'highlight-delete'
  uuid: string
  fields: string | null
  base_rev: string | null
}

export function outbox(db: DB, limit: number): OutboxRow[] {
  return db.prepare<[number], OutboxRow>('SELECT id, op_id, kind, uuid, fields, base_rev FROM team_outbox ORDER BY id LIMIT ?').all(limit)
}

export function outboxCount(db: DB): number {
  return (db.prepare('SELECT count(*) AS n FROM team_outbox').get() as { n: number }).n
}

export function deleteOutbox(db: DB, ids: number[]): void {
  const del = db.prepare('DELETE FROM team_outbox WHERE id = ?')
  for (const id of ids) del.run(id)
}

/** Record UUIDs with changes still waiting to be pushed, by kind. */
export function pendingFor(db: DB, uuid: string): OutboxRow[] {
  return db.prepare<[string], OutboxRow>('SELECT id, op_id, kind, uuid, fields, base_rev FROM team_outbox WHERE uuid = ? ORDER BY id').all(uuid)
}

export function enqueue(db: DB, kind: OutboxRow['kind'], uuid: string, fields: string[] | null = null, baseRev: string | null = null): void {
  db.prepare('INSERT INTO team_outbox(op_id, kind, uuid, fields, base_rev, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    randomUUID(), kind, uuid, fields ? JSON.stringify(fields) : null, baseRev, new Date().toISOString()
  )
}

/** Pulled changes must not go back out: the outbox triggers stay quiet while this returns. */
export function whileApplying<T>(db: DB, work: () => T): T {
  db.prepare('INSERT INTO team_applying(x) VALUES (1)').run()
  try {
    return work()
  } finally {
    db.prepare('DELETE FROM team_applying').run()
  }
}

export interface TeamArticleRow {
  id: number
  uuid: string
  team: 'shared' | 'pulled' | null
  team_version: string | null
  content_hash: string
  saved_at: string
}

export function articleByUuid(db: DB, uuid: string): TeamArticleRow | null {
  return db.prepare<[string], TeamArticleRow>('SELECT id, uuid, team, team_version, content_hash, saved_at FROM articles WHERE uuid = ?').get(uuid) ?? null
}

export function articleById(db: DB, id: number): TeamArticleRow | null {
  return db.prepare<[number], TeamArticleRow>('SELECT id, uuid, team, team_version, content_hash, saved_at FROM articles WHERE id = ?').get(id) ?? null
}

export function setArticleTeam(db: DB, id: number, o: { uuid?: string; team?: 'shared' | 'pulled'; addedBy?: string | null; version?: string | null }): void {
  db.prepare(
    `UPDATE articles SET uuid = coalesce(@uuid, uuid), team = coalesce(@team, team), added_by = CASE WHEN @setAddedBy THEN @addedBy ELSE added_by END,
       team_version = CASE WHEN @setVersion THEN @version ELSE team_version END WHERE id = @id`
  ).run({ id, uuid: o.uuid ?? null, team: o.team ?? null, setAddedBy: o.addedBy !== undefined ? 1 : 0, addedBy: o.addedBy ?? null, setVersion: o.version !== undefined ? 1 : 0, version: o.version ?? null })
}

/** Outbox rows naming an article by its old UUID follow it when the team merged it into another. */
export function rekeyOutbox(db: DB, from: string, to: string): void {
  db.prepare('UPDATE team_outbox SET uuid = ? WHERE uuid = ?').run(to, from)
}

/** Private articles that a policy shares: all of them, or those carrying one of some tags. */
export function privateArticleIds(db: DB, tags: string[] | null): number[] {
  if (tags === null) return db.prepare('SELECT id FROM articles WHERE team IS NULL ORDER BY id').pluck().all() as number[]
  return db
    .prepare(
      `SELECT DISTINCT a.id FROM articles a JOIN article_tags at ON at.article_id = a.id JOIN tags t ON t.id = at.tag_id
       WHERE a.team IS NULL AND t.name IN (SELECT value FROM json_each(?)) ORDER BY a.id`
    )
    .pluck()
    .all(JSON.stringify(tags)) as number[]
}

export function highlightUuidsOf(db: DB, articleId: number): string[] {
  return db.prepare('SELECT uuid FROM highlights WHERE article_id = ? ORDER BY id').pluck().all(articleId) as string[]
}

export interface TeamHighlightRow {
  id: number
  uuid: string
  article_id: number
  rev: string | null
  color: string
  note: string
  exact: string
  prefix: string
  suffix: string
  start_pos: number
  end_pos: number
  created_at: string
  tags: string | null
  /** The version it was made on, and its words there. */
  version: number
  original_exact: string
}

export function highlightByUuid(db: DB, uuid: string): TeamHighlightRow | null {
  return (
    db
      .prepare<[string], TeamHighlightRow>(
        `SELECT h.id, h.uuid, h.article_id, h.rev, h.color, h.note, h.exact, h.prefix, h.suffix, h.start_pos, h.end_pos, h.created_at, h.version, h.original_exact,
           (SELECT json_group_array(t.name) FROM (SELECT t.name FROM highlight_tags ht JOIN tags t ON t.id = ht.tag_id WHERE ht.highlight_id = h.id ORDER BY t.name COLLATE NOCASE) t) AS tags
         FROM highlights h WHERE h.uuid = ?`
      )
      .get(uuid) ?? null
  )
}

export function setHighlightTeam(db: DB, id: number, o: { rev?: string; author?: string | null; color?: string; note?: string }): void {
  db.prepare(
    `UPDATE highlights SET rev = coalesce(@rev, rev), author = CASE WHEN @setAuthor THEN @author ELSE author END,
       color = coalesce(@color, color), note = coalesce(@note, note) WHERE id = @id`
  ).run({ id, rev: o.rev ?? null, setAuthor: o.author !== undefined ? 1 : 0, author: o.author ?? null, color: o.color ?? null, note: o.note ?? null })
}

export function setHighlightRev(db: DB, uuid: string, rev: string): void {
  db.prepare('UPDATE highlights SET rev = ? WHERE uuid = ?').run(rev, uuid)
}

export interface HistoryRow {
  rev: string
  highlight_uuid: string
  seq: number
  author: string
  made_at: string
  fields: string
  conflicts: string
}

export function addHistory(db: DB, r: HistoryRow): void {
  db.prepare(
    'INSERT OR IGNORE INTO team_history(rev, highlight_uuid, seq, author, made_at, fields, conflicts) VALUES (@rev, @highlight_uuid, @seq, @author, @made_at, @fields, @conflicts)'
  ).run(r)
}

export function historyOf(db: DB, highlightUuid: string): HistoryRow[] {
  return db.prepare<[string], HistoryRow>('SELECT * FROM team_history WHERE highlight_uuid = ? ORDER BY seq').all(highlightUuid)
}

export function addRejection(db: DB, kind: string, uuid: string, reason: string): void {
  db.prepare('INSERT INTO team_rejections(kind, uuid, reason, at) VALUES (?, ?, ?, ?)').run(kind, uuid, reason, new Date().toISOString())
}

export function rejections(db: DB, limit = 20): { kind: string; uuid: string; reason: string; at: string }[] {
  return db.prepare('SELECT kind, uuid, reason, at FROM team_rejections ORDER BY id DESC LIMIT ?').all(limit) as { kind: string; uuid: string; reason: string; at: string }[]
}

/** The local ids of articles known by these UUIDs. */
export function idsByUuid(db: DB, uuids: string[]): Map<string, number> {
  const rows = db.prepare('SELECT uuid, id FROM articles WHERE uuid IN (SELECT value FROM json_each(?))').all(JSON.stringify(uuids)) as { uuid: string; id: number }[]
  return new Map(rows.map((r) => [r.uuid, r.id]))
}
