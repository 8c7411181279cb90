/**
 * What changed between two versions, in a sentence's worth of facts: words inserted and
 * deleted, headline and byline changed, and the detected quotations that were corrected,
 * added or removed — a changed quotation is often the story.
 */
import type { ChangeSummary, QuoteChange } from '../../shared/types'
import { looseQuote } from '../annotate/normalize'
import type { TextDiff } from './diff'
import { isWord, tokenize } from './diff'
import { collapseSpaces } from '../../shared/spaces'

/** A quotation as detection reports it (scare quotes are not speech and are left out). */
export interface QuoteLike {
  text: string
  speaker: string | null
  kind: string
}

export function summarize(
  text: TextDiff,
  title: { before: string; after: string },
  byline: { before: string | null; after: string | null },
  quotes: { before: QuoteLike[]; after: QuoteLike[] }
): ChangeSummary {
  return {
    inserted: text.inserted,
    deleted: text.deleted,
    titleChanged: norm(title.before) !== norm(title.after),
    bylineChanged: norm(byline.before ?? '') !== norm(byline.after ?? ''),
    quotes: quoteChanges(quotes.before, quotes.after)
  }
}

const norm = (s: string): string => collapseSpaces(s).trim()

/**
 * Quotations only one version has. One that was removed and one that was added with most
 * of its words (Dice ≥ 0.5, best pairs first) are one quotation changed; the rest were
 * added or removed. Differences of formatting alone (quote marks, spaces) are not changes.
 */
export function quoteChanges(before: QuoteLike[], after: QuoteLike[]): QuoteChange[] {
  const speech = (qs: QuoteLike[]) => qs.filter((q) => q.kind !== 'scare')
  const key = (q: QuoteLike) => looseQuote(q.text, true)
  const afterKeys = new Set(speech(after).map(key))
  const beforeKeys = new Set(speech(before).map(key))
  const removed = dedupe(speech(before).filter((q) => !afterKeys.has(key(q))), key)
  const added = dedupe(speech(after).filter((q) => !beforeKeys.has(key(q))), key)
  const pairs: { r: number; a: number; score: number }[] = []
  removed.forEach((r, ri) =>
    added.forEach((a, ai) => {
      const score = dice(words(r.text), words(a.text))
      if (score >= 0.5) pairs.push({ r: ri, a: ai, score })
    })
  )
  pairs.sort((x, y) => y.score - x.score)
  const usedR = new Set<number>()
  const usedA = new Set<number>()
  const changes: { at: number; change: QuoteChange }[] = []
  for (const p of pairs) {
    if (usedR.has(p.r) || usedA.has(p.a)) continue
    usedR.add(p.r)
    usedA.add(p.a)
    const a = added[p.a]
    changes.push({ at: p.a, change: { kind: 'changed', before: removed[p.r].text, after: a.text, speaker: a.speaker ?? removed[p.r].speaker } })
  }
  added.forEach((a, i) => usedA.has(i) || changes.push({ at: i, change: { kind: 'added', before: null, after: a.text, speaker: a.speaker } }))
  const inOrder = changes.sort((x, y) => x.at - y.at).map((c) => c.change)
  removed.forEach((r, i) => usedR.has(i) || inOrder.push({ kind: 'removed', before: r.text, after: null, speaker: r.speaker }))
  return inOrder
}

function dedupe<T>(items: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((t) => !seen.has(key(t)) && seen.add(key(t)))
}

const words = (text: string): string[] => tokenize(text.toLowerCase()).filter(isWord)

function dice(a: string[], b: string[]): number {
  if (a.length + b.length === 0) return 1
  const counts = new Map<string, number>()
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1)
  let common = 0
  for (const w of b) {
    const n = counts.get(w) ?? 0
    if (n > 0) {
      common++
      counts.set(w, n - 1)
    }
  }
  return (2 * common) / (a.length + b.length)
}
