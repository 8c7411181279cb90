/**
 * W3C Web Annotation selectors over an article's plain text, and Hypothesis-style
 * re-anchoring: when the text changes (re-extraction, a corrected article), each highlight
 * is placed again from its selectors, or reported as an orphan — never silently moved onto
 * unrelated text.
 *
 * Offsets count UTF-16 code units of `docText(doc).text`, as the selectors do.
 */
import type { TextSelectors } from '../../shared/types'
import { UserError } from '../../shared/result'
import { cachedLooseText, looseQuote, originalRange, type LooseText } from './normalize'
import { compilePattern, editDistance, findStarts, reverseString, scanCost, searchEnds, type Pattern } from './myers'

/** Length of the TextQuoteSelector's prefix and suffix. */
export const CONTEXT_LENGTH = 32

export type AnchorMethod = 'position' | 'quote' | 'fuzzy'

/**
 * Where a highlight landed. With 'position' and 'quote', text.slice(start, end) equals the
 * stored quote exactly; 'fuzzy' means the quote was found modulo formatting or small edits.
 */
export interface Anchored {
  start: number
  end: number
  method: AnchorMethod
}

export interface Range {
  start: number
  end: number
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff
/** True when offset i falls between the two halves of a surrogate pair (inside one emoji). */
const splitsPair = (text: string, i: number): boolean =>
  i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i))

// ---------------------------------------------------------------------------------------
// Describing a range

export function describeRange(text: string, start: number, end: number): TextSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new UserError('invalid_input', `Highlight range must be whole numbers, got ${start}..${end}.`)
  }
  if (start < 0 || end > text.length || start > end) {
    throw new UserError('invalid_input', `Highlight range ${start}..${end} is outside the text (0..${text.length}).`)
  }
  if (start === end) throw new UserError('invalid_input', 'Highlight range is empty: select some text.')
  if (splitsPair(text, start) || splitsPair(text, end)) {
    throw new UserError('invalid_input', `Highlight range ${start}..${end} cuts a character in half.`)
  }
  return {
    start,
    end,
    exact: text.slice(start, end),
    // Context must not begin or end with half a surrogate pair: stored as UTF-8 it would
    // turn into U+FFFD and never match the text again.
    prefix: text.slice(snapForward(text, Math.max(0, start - CONTEXT_LENGTH)), start),
    suffix: text.slice(end, snapBack(text, Math.min(text.length, end + CONTEXT_LENGTH)))
  }
}

const snapForward = (text: string, i: number): number => (splitsPair(text, i) ? i + 1 : i)
const snapBack = (text: string, i: number): number => (splitsPair(text, i) ? i - 1 : i)

// ---------------------------------------------------------------------------------------
// Finding a typed or pasted quote (CLI `highlight add --quote`)

/**
 * The one place `quote` occurs in `text`. Tried in turn: exactly; ignoring differences of
 * whitespace, curly/straight quotes, dashes, soft hyphens and Unicode composition; the same
 * ignoring case. The first form that occurs decides: once → its range in the original
 * text, more than once → 'ambiguous'.
 */
export function findQuote(text: string, quote: string): Range | 'missing' | 'ambiguous' {
  if (quote.trim() === '') throw new UserError('invalid_input', 'The quote to highlight is empty.')
  const exact = occurrences(text, quote, 2)
  if (exact.length > 0) return exact.length === 1 ? { start: exact[0], end: exact[0] + quote.length } : 'ambiguous'
  for (const fold of [false, true]) {
    const lt = cachedLooseText(text, fold)
    const q = looseQuote(quote, fold)
    if (q === '') continue
    const hits = occurrences(lt.text, q, 2)
    if (hits.length > 0) return hits.length === 1 ? originalRange(lt, hits[0], q.length) : 'ambiguous'
  }
  return 'missing'
}

/** Start offsets of `needle` in `hay` (overlapping ones too), at most `limit`. */
function occurrences(hay: string, needle: string, limit = Number.POSITIVE_INFINITY): number[] {
  const found: number[] = []
  for (let i = hay.indexOf(needle); i !== -1 && found.length < limit; i = hay.indexOf(needle, i + 1)) found.push(i)
  return found
}

// ---------------------------------------------------------------------------------------
// Anchoring

/**
 * Place stored selectors in (possibly changed) text: (1) the position, if the text there
 * still is the quote; (2) exact quote search, several occurrences decided by prefix/suffix
 * agreement then by nearness to the old position; (3) fuzzy: the quote modulo formatting,
 * then within an edit budget (see fuzzyQuote); (4) null — an orphan.
 */
export function anchor(text: string, sel: TextSelectors): Anchored | null {
  if (sel.exact === '') return null
  if (positionHolds(text, sel)) return { start: sel.start, end: sel.end, method: 'position' }
  return exactQuote(text, sel) ?? looseMatch(text, sel) ?? fuzzyQuote(text, sel)
}

function positionHolds(text: string, sel: TextSelectors): boolean {
  const { start, end, exact } = sel
  return (
    Number.isInteger(start) && start >= 0 && end - start === exact.length && end <= text.length && text.startsWith(exact, start)
  )
}

function exactQuote(text: string, sel: TextSelectors): Anchored | null {
  const starts = occurrences(text, sel.exact)
  const ranges = starts.map((s) => ({ start: s, end: s + sel.exact.length }))
  const best = bestByContext(text, sel, ranges)
  return best && { ...best, method: 'quote' }
}

/** The quote ignoring whitespace, quote-mark, dash and composition differences. */
function looseMatch(text: string, sel: TextSelectors): Anchored | null {
  const q = looseQuote(sel.exact)
  if (q === '') return null
  const lt: LooseText = cachedLooseText(text)
  const ranges = occurrences(lt.text, q).map((i) => originalRange(lt, i, q.length))
  const best = bestByContext(text, sel, ranges)
  return best && { ...best, method: 'fuzzy' }
}

/** Among exact candidates: most context characters agreeing, then nearest the old start. */
function bestByContext(text: string, sel: TextSelectors, ranges: Range[]): Range | null {
  let best: Range | null = null
  let bestAgree = -1
  let bestDist = Number.POSITIVE_INFINITY
  for (const r of ranges) {
    const agree = contextAgreement(text, r, sel)
    const dist = Math.abs(r.start - sel.start)
    if (agree > bestAgree || (agree === bestAgree && dist < bestDist)) {
      ;[best, bestAgree, bestDist] = [r, agree, dist]
    }
  }
  return best
}

/** Characters of the stored prefix/suffix that the text around r still has, adjacent to r. */
function contextAgreement(text: string, r: Range, sel: TextSelectors): number {
  let before = 0
  while (
    before < sel.prefix.length &&
    r.start - before > 0 &&
    text.charCodeAt(r.start - before - 1) === sel.prefix.charCodeAt(sel.prefix.length - before - 1)
  ) {
    before++
  }
  let after = 0
  while (after < sel.suffix.length && text.charCodeAt(r.end + after) === sel.suffix.charCodeAt(after)) after++
  // An empty stored prefix means the quote opened the text; still true there is agreement.
  const edges = (sel.prefix === '' && r.start === 0 ? 1 : 0) + (sel.suffix === '' && r.end === text.length ? 1 : 0)
  return before + after + edges
}

// ---------------------------------------------------------------------------------------
// Fuzzy matching

/**
 * Edit budget: a fuzzy match may differ from the quote by at most 20% of its length
 * (a changed word in a sentence, fixed typos, changed punctuation). Quotes under 5
 * characters therefore get no budget: too short to tell an edit from another word.
 */
export const FUZZY_MAX_ERROR_RATE = 0.2
/** Longer quotes are not fuzzy-matched: verifying them costs O(m²/32). */
export const FUZZY_MAX_QUOTE = 10_000
/** Characters searched on each side of the old position before searching everywhere. */
const NEAR_RADIUS = 2_000
/** Most block steps (characters × ⌈m/32⌉) one bit-parallel pass may take. */
const SCAN_BUDGET = 4_000_000
/** Candidate occurrences scored in full, fewest edits first. */
const MAX_CANDIDATES = 16

export const maxErrors = (quoteLength: number): number => Math.floor(quoteLength * FUZZY_MAX_ERROR_RATE)

interface Compiled {
  forward: Pattern
  reversed: Pattern
  k: number
}

/**
 * Approximate search for the quote, first within NEAR_RADIUS of the old position, then in
 * the whole text. Each pass is Myers' bit-parallel scan when within SCAN_BUDGET, otherwise
 * (long quote or huge text) only windows around exact hits of pieces of the quote are
 * scanned. Candidates are ranked by quote similarity, then context, then position.
 */
function fuzzyQuote(text: string, sel: TextSelectors): Anchored | null {
  const m = sel.exact.length
  const k = maxErrors(m)
  if (k === 0 || m > FUZZY_MAX_QUOTE) return null
  const c: Compiled = { forward: compilePattern(sel.exact), reversed: compilePattern(reverseString(sel.exact)), k }
  const hint = Math.min(Math.max(0, sel.start), text.length)
  const near = { from: Math.max(0, hint - NEAR_RADIUS), to: Math.min(text.length, hint + m + NEAR_RADIUS) }
  const nearIsAll = near.from === 0 && near.to === text.length
  const found = bestFuzzy(text, sel, c, near) ?? (nearIsAll ? null : bestFuzzy(text, sel, c, { from: 0, to: text.length }))
  return found && { ...toWords(text, sel, toContext(text, sel, found, k)), method: 'fuzzy' }
}

/** Characters of the stored context that must reappear for toContext to move a fuzzy match's edge. */
const CONTEXT_PROBE = 8

/**
 * A fuzzy match finds the fewest edits, which can cut words off where the text changed:
 * "We are close to" found in "We are not yet close to" as "ot yet close to". When the
 * stored context reappears within the edit budget of an edge, the edge moves to meet it
 * (the words between the context and the quote belong to the quote as it now reads).
 */
function toContext(text: string, sel: TextSelectors, r: Range, k: number): Range {
  let { start, end } = r
  const tail = sel.prefix.slice(-CONTEXT_PROBE)
  if (tail.length === CONTEXT_PROBE) {
    const at = nearest(text, tail, start - tail.length, k)
    if (at !== null && at + tail.length < end) start = at + tail.length
  }
  const head = sel.suffix.slice(0, CONTEXT_PROBE)
  if (head.length === CONTEXT_PROBE) {
    const at = nearest(text, head, end, k)
    if (at !== null && at > start) end = at
  }
  return snapRange(text, { start, end })
}

/** The occurrence of `needle` starting nearest `around` (at most `k` away), or null. */
function nearest(text: string, needle: string, around: number, k: number): number | null {
  let best: number | null = null
  for (let i = text.indexOf(needle, Math.max(0, around - k)); i !== -1 && i <= around + k; i = text.indexOf(needle, i + 1)) {
    if (best === null || Math.abs(i - around) < Math.abs(best - around)) best = i
  }
  return best
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c)

/** A quote that began (ended) at a word's edge is not left starting (ending) inside a word. */
function toWords(text: string, sel: TextSelectors, r: Range): Range {
  let { start, end } = r
  const beganAtEdge = !isWordChar(sel.prefix[sel.prefix.length - 1]) || !isWordChar(sel.exact[0])
  const endedAtEdge = !isWordChar(sel.suffix[0]) || !isWordChar(sel.exact[sel.exact.length - 1])
  if (beganAtEdge) while (start > 0 && isWordChar(text[start - 1]) && isWordChar(text[start])) start--
  if (endedAtEdge) while (end < text.length && isWordChar(text[end - 1]) && isWordChar(text[end])) end++
  return snapRange(text, { start, end })
}

function bestFuzzy(text: string, sel: TextSelectors, c: Compiled, span: { from: number; to: number }): Range | null {
  const windows = scanCost(c.forward, span.to - span.from) <= SCAN_BUDGET ? [span] : seedWindows(text, sel.exact, c.k, span)
  // Ends tied within one occurrence are separate candidates: context picks the right one.
  const ends = windows
    .flatMap((w) => searchEnds(c.forward, text, w.from, w.to, c.k))
    .flatMap((hit) => hit.ends.map((end) => ({ end, errors: hit.errors })))
    .sort((a, b) => a.errors - b.errors)
    .slice(0, MAX_CANDIDATES)
  let best: Range | null = null
  let bestScore = Number.NEGATIVE_INFINITY
  for (const { end } of ends) {
    const { starts, errors } = findStarts(c.reversed, text, end, c.k)
    if (errors > c.k) continue
    for (const start of starts) {
      const s = fuzzyScore(text, sel, { start, end }, errors)
      if (s > bestScore) [best, bestScore] = [{ start, end }, s]
    }
  }
  return best && snapRange(text, best)
}

/**
 * Rank of a candidate, weighted like Hypothesis: the quote matters most, the contexts
 * separate equally good copies and trim ragged ends, the position breaks remaining ties.
 */
function fuzzyScore(text: string, sel: TextSelectors, r: Range, errors: number): number {
  const quote = 1 - errors / sel.exact.length
  const prefix = similarity(sel.prefix, text.slice(Math.max(0, r.start - sel.prefix.length), r.start))
  const suffix = similarity(sel.suffix, text.slice(r.end, r.end + sel.suffix.length))
  const position = 1 - Math.min(1, Math.abs(r.start - sel.start) / Math.max(1, text.length))
  const length = 1 - Math.min(1, Math.abs(r.end - r.start - sel.exact.length) / sel.exact.length)
  return 50 * quote + 20 * prefix + 20 * suffix + 2 * position + length
}

function similarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length)
  return len === 0 ? 1 : 1 - editDistance(a, b) / len
}

/** Never leave half an emoji at either end of a fuzzy range. */
function snapRange(text: string, r: Range): Range {
  return { start: splitsPair(text, r.start) ? r.start - 1 : r.start, end: splitsPair(text, r.end) ? r.end + 1 : r.end }
}

/**
 * Windows worth a bit-parallel scan when scanning all of `span` is too much work (a long
 * quote, or a huge text): find up to 16 pieces of the quote exactly and open a window
 * where the whole quote would lie, most-voted places first. Pieces are 32 characters (a
 * quarter of the quote when shorter), so a quote with edits scattered all through it
 * finds no intact piece here and becomes an orphan; edits in one region leave the rest.
 */
function seedWindows(text: string, quote: string, k: number, span: { from: number; to: number }): Array<{ from: number; to: number }> {
  const pieceLength = Math.min(32, Math.max(4, Math.floor(quote.length / 4)))
  const pieces = Math.min(16, Math.floor(quote.length / pieceLength))
  const votes = new Map<number, number>()
  for (let p = 0; p < pieces; p++) {
    const offset = Math.floor((p * (quote.length - pieceLength)) / Math.max(1, pieces - 1))
    const piece = quote.slice(offset, offset + pieceLength)
    for (const at of occurrences(text, piece, 64)) {
      if (at < span.from || at >= span.to) continue
      // Bucket the implied start so hits of one occurrence vote together despite edits.
      const bucket = Math.round((at - offset) / Math.max(1, k))
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1)
    }
  }
  const top = [...votes.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4)
  return top.map(([bucket]) => {
    const start = bucket * Math.max(1, k)
    return { from: Math.max(span.from, start - 2 * k), to: Math.min(span.to, start + quote.length + 2 * k) }
  })
}

// ---------------------------------------------------------------------------------------
// Re-anchoring a whole article

export interface Reanchored<H extends TextSelectors> {
  highlight: H
  /** New selectors over the new text; the old ones unchanged when orphaned. */
  selectors: TextSelectors
  orphan: boolean
  method: AnchorMethod | null
}

/**
 * Re-anchor every highlight of an article whose text changed from oldText to newText.
 * The old positions are first carried through the edit (the common head stays, the common
 * tail shifts), so highlights outside the changed region anchor by position, unsearched.
 */
export function reanchorAll<H extends TextSelectors>(oldText: string, newText: string, highlights: H[]): Array<Reanchored<H>> {
  const shift = positionShift(oldText, newText)
  return highlights.map((h) => {
    const found = anchor(newText, { ...h, start: shift(h.start), end: shift(h.end) })
    if (!found) return { highlight: h, selectors: pickSelectors(h), orphan: true, method: null }
    return { highlight: h, selectors: describeRange(newText, found.start, found.end), orphan: false, method: found.method }
  })
}

const pickSelectors = (s: TextSelectors): TextSelectors => ({
  start: s.start,
  end: s.end,
  exact: s.exact,
  prefix: s.prefix,
  suffix: s.suffix
})

/** Maps an old offset to where it probably is in the new text (one edited region assumed). */
function positionShift(oldText: string, newText: string): (offset: number) => number {
  if (oldText === newText) return (x) => x
  const limit = Math.min(oldText.length, newText.length)
  let head = 0
  while (head < limit && oldText.charCodeAt(head) === newText.charCodeAt(head)) head++
  let tail = 0
  while (
    tail < limit - head &&
    oldText.charCodeAt(oldText.length - 1 - tail) === newText.charCodeAt(newText.length - 1 - tail)
  ) {
    tail++
  }
  const delta = newText.length - oldText.length
  return (x) => {
    if (x <= head) return x
    if (x >= oldText.length - tail) return x + delta
    return Math.min(Math.max(x, head), newText.length - tail)
  }
}
