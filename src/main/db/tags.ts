import { UserError } from '../../shared/result'
import type { TagCount } from '../../shared/types'
import type { DB } from './connection'
import { stmt } from './statements'

/** Returns the ids of `names`, creating the tags that do not exist (names match case-insensitively). */
export function ensureTags(db: DB, names: string[]): number[] {
  const find = stmt<[string], { id: number }>(db, 'SELECT id FROM tags WHERE name = ?')
  const create = stmt<[string]>(db, 'INSERT INTO tags(name) VALUES (?)')
  const ids: number[] = []
  for (const raw of names) {
    const name = raw.trim()
    if (!name) continue
    const row = find.get(name)
    const id = row ? row.id : Number(create.run(name).lastInsertRowid)
    if (!ids.includes(id)) ids.push(id)
  }
  return ids
}

/** Replaces the tags of an article. */
export function setArticleTags(db: DB, articleId: number, names: string[]): void {
  const ids = ensureTags(db, names)
  db.prepare('DELETE FROM article_tags WHERE article_id = ?').run(articleId)
  const add = db.prepare('INSERT INTO article_tags(article_id, tag_id) VALUES (?, ?)')
  for (const id of ids) add.run(articleId, id)
}

/** Adds tags to an article, keeping the ones it has. */
export function addArticleTags(db: DB, articleId: number, names: string[]): void {
  const add = stmt(db, 'INSERT OR IGNORE INTO article_tags(article_id, tag_id) VALUES (?, ?)')
  for (const id of ensureTags(db, names)) add.run(articleId, id)
}

/** Tag names per article, for a page of articles. */
export function tagsForArticles(db: DB, ids: number[]): Map<number, string[]> {
  const out = new Map<number, string[]>()
  if (ids.length === 0) return out
  const rows = db
    .prepare<[string], { article_id: number; name: string }>(
      `SELECT at.article_id, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id
       WHERE at.article_id IN (SELECT value FROM json_each(?)) ORDER BY t.name COLLATE NOCASE`
    )
    .all(JSON.stringify(ids))
  for (const r of rows) {
    const list = out.get(r.article_id) ?? []
    list.push(r.name)
    out.set(r.article_id, list)
  }
  return out
}

/** Every tag with its article and highlight counts, most used first. */
export function listTags(db: DB): TagCount[] {
  return db
    .prepare<[], TagCount>(
      `SELECT name, article_count AS articles, highlight_count AS highlights
       FROM tags ORDER BY article_count + highlight_count DESC, name COLLATE NOCASE`
    )
    .all()
}

/** Removes tags no article or highlight uses any more. */
export function pruneTags(db: DB): void {
  db.prepare(
    `DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags)
       AND id NOT IN (SELECT tag_id FROM highlight_tags)`
  ).run()
}

/**
 * Renames a tag. When another tag already has the new name (ignoring case), the two are
 * merged: everything tagged with either keeps one tag. Returns whether a merge happened.
 */
export function renameTag(db: DB, from: string, to: string): { name: string; merged: boolean } {
  const src = db.prepare<[string], { id: number; name: string }>('SELECT id, name FROM tags WHERE name = ?').get(from)
  if (!src) throw new UserError('not_found', `No tag named “${from}”.`)
  const dst = db.prepare<[string], { id: number }>('SELECT id FROM tags WHERE name = ?').get(to)
  if (!dst || dst.id === src.id) {
    db.prepare('UPDATE tags SET name = ? WHERE id = ?').run(to.trim(), src.id)
    return { name: to.trim(), merged: false }
  }
  db.prepare('INSERT OR IGNORE INTO article_tags(article_id, tag_id) SELECT article_id, ? FROM article_tags WHERE tag_id = ?').run(dst.id, src.id)
  const moved = db.prepare<[number], { highlight_id: number }>('SELECT highlight_id FROM highlight_tags WHERE tag_id = ?').all(src.id)
  const add = db.prepare('INSERT OR IGNORE INTO highlight_tags(highlight_id, tag_id) VALUES (?, ?)')
  for (const m of moved) add.run(m.highlight_id, dst.id)
  db.prepare('DELETE FROM tags WHERE id = ?').run(src.id)
  return { name: (db.prepare('SELECT name FROM tags WHERE id = ?').get(dst.id) as { name: string }).name, merged: true }
}
