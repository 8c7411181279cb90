/**
 * Speakers across the archive: the names detection found, joined by the user's merges and by
 * surname ("Tillerson" is "Rex Tillerson" when only one Tillerson is quoted).
 */
import type { Speaker } from '../../shared/types'
import type { DB } from '../db/connection'
import * as q from '../db/quotes'
import { sameSpeaker, speakerKey } from './aliases'

/**
 * The people (and organisations) quoted across the archive, most quoted first. Keys that
 * the user merged are one speaker; a surname alone ("tillerson") joins the one full name
 * that ends with it ("rex tillerson"), but not when two full names share that surname.
 */
export function listSpeakers(db: DB, limit = 500): Speaker[] {
  const byKey = new Map<string, Speaker>()
  for (const r of q.speakerNames(db)) {
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

/** Every key that means the same person as `name`: its own, merged aliases, and short forms found by name. */
export function keysFor(db: DB, name: string): string[] {
  const target = q.resolveKey(db, speakerKey(name))
  const keys = new Set([target, ...q.aliasKeysOf(db, target)])
  const speakers = listSpeakers(db, 10_000)
  const exact = speakers.filter((s) => s.keys.includes(target))
  // "Tillerson" asks for the one speaker of that surname, when there is only one.
  const byName = exact.length ? exact : speakers.filter((s) => sameSpeaker(name, s.name))
  if (byName.length === 1 || exact.length) for (const s of byName) for (const k of s.keys) keys.add(k)
  return [...keys]
}

/** Makes `from` another name of `into` everywhere (and keeps it so for future imports). */
export function mergeSpeakers(db: DB, from: string, into: string): void {
  const fromKey = q.resolveKey(db, speakerKey(from))
  const intoKey = q.resolveKey(db, speakerKey(into))
  if (fromKey !== intoKey) q.setSpeakerAlias(db, fromKey, intoKey)
}
