/**
 * Word-level diff of two texts (two versions of an article, a headline, a byline).
 *
 * Myers' algorithm (jsdiff's `diffArrays`) costs O((N+M)·D): fine within a sentence, too slow
 * over a 50,000-word article with edits everywhere (a second or more). So it runs twice, at
 * two scales. First over sentences — cut at paragraph breaks and sentence ends, a rule that
 * only looks at neighbouring tokens, so an edit never moves a cut elsewhere — where two
 * sentences count as the same when most of their words are (Dice ≥ 0.5): this pairs each
 * edited sentence with its old self and leaves added and removed sentences unpaired. Then,
 * word by word, within each pair of sentences that differ. Both passes share one deadline;
 * a pair the deadline cuts short is shown as removed-then-added whole (`coarse`).
 *
 * Tokens are words (letters, digits and marks, joined by inner apostrophes, hyphens, points
 * and commas: "don't", "U.S", "1,200"), runs of whitespace, and single punctuation marks; in
 * Chinese and Japanese each character is a word. Concatenating the equal and delete runs gives the
 * earlier text exactly, equal and insert runs the later one.
 */
import { diffArrays } from 'diff'
import type { DiffChange } from '../../shared/types'

export interface TextDiff {
  changes: DiffChange[]
  /** Words (not spaces or punctuation) only the later / only the earlier text has. */
  inserted: number
  deleted: number
  /** The deadline cut the word-level pass short somewhere. */
  coarse: boolean
}

export interface DiffOptions {
  /** Milliseconds the whole diff may take before the rest is done coarsely (default 2,000). */
  timeoutMs?: number
}

// Character classes, decided once per character (a regex per character would dominate).
const SPACE = 1
const WORD = 2
const PUNCT = 3
const IDEOGRAPH = 4 // Chinese and Japanese: each character is a word
const CLASS = new Uint8Array(0x10000)
const IS_SPACE = /\s/u
const IS_WORD_CHAR = /[\p{L}\p{N}\p{M}]/u
const IS_IDEOGRAPH = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u

function classOf(code: number): number {
  let c = CLASS[code]
  if (c === 0) {
    const ch = String.fromCharCode(code)
    c = IS_SPACE.test(ch) ? SPACE : IS_IDEOGRAPH.test(ch) ? IDEOGRAPH : IS_WORD_CHAR.test(ch) ? WORD : PUNCT
    CLASS[code] = c
  }
  return c
}

/** Marks that join two runs of letters or digits into one word: don't, U.S., 1,200, well-known. */
const JOINERS = new Set([0x27, 0x2019, 0x2e, 0x2c, 0x2d, 0xad])

/** The tokens of a text; joined they give the text back. */
export function tokenize(text: string): string[] {
  const out: string[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    const start = i
    const c = classOf(text.charCodeAt(i))
    if (c === SPACE) {
      while (i < n && classOf(text.charCodeAt(i)) === SPACE) i++
    } else if (c === WORD) {
      for (;;) {
        while (i < n && classOf(text.charCodeAt(i)) === WORD) i++
        if (i + 1 < n && JOINERS.has(text.charCodeAt(i)) && classOf(text.charCodeAt(i + 1)) === WORD) i++
        else break
      }
    } else {
      // One punctuation mark or one ideograph; a surrogate pair stays whole.
      i += text.charCodeAt(i) >= 0xd800 && text.charCodeAt(i) <= 0xdbff && i + 1 < n ? 2 : 1
    }
    out.push(text.slice(start, i))
  }
  return out
}

/** A word (counted in summaries), not spaces or punctuation. */
export const isWord = (token: string): boolean => {
  const c = classOf(token.charCodeAt(0))
  return c === WORD || c === IDEOGRAPH
}

/** Diffs two texts word by word. */
export function diffTexts(before: string, after: string, o: DiffOptions = {}): TextDiff {
  const deadline = Date.now() + (o.timeoutMs ?? 2000)
  const out = new Output()
  if (before === after) {
    out.push('equal', before, 0)
    return out.result()
  }
  const dict = new Map<string, number>()
  const a = encode(tokenize(before), dict)
  const b = encode(tokenize(after), dict)
  const ua = units(a)
  const ub = units(b)
  const similar = similarity(a, b, ua, ub)
  const aligned = diffArrays(
    ua.map((_, i) => i),
    ub.map((_, j) => j),
    { comparator: (i: number, j: number) => similar(i, j), timeout: Math.max(1, deadline - Date.now()) }
  )
  if (!aligned) {
    // Too different to align in time: compare the whole texts word by word with what is left.
    wordDiff(out, a, b, { from: 0, to: a.ids.length }, { from: 0, to: b.ids.length }, deadline)
    return out.result()
  }
  let i = 0
  let j = 0
  for (const part of aligned) {
    for (let k = 0; k < part.count; k++) {
      if (part.removed) out.pushTokens('delete', a, ua[i++])
      else if (part.added) out.pushTokens('insert', b, ub[j++])
      else wordDiff(out, a, b, ua[i++], ub[j++], deadline)
    }
  }
  return out.result()
}

// ---------------------------------------------------------------------------------------
// Tokens and sentence units

interface Encoded {
  tokens: string[]
  ids: Int32Array
  /** 1 where the token is a word. */
  words: Uint8Array
}

interface Span {
  from: number
  to: number
}

function encode(tokens: string[], dict: Map<string, number>): Encoded {
  const ids = new Int32Array(tokens.length)
  const words = new Uint8Array(tokens.length)
  for (let k = 0; k < tokens.length; k++) {
    let id = dict.get(tokens[k])
    if (id === undefined) dict.set(tokens[k], (id = dict.size))
    ids[k] = id
    words[k] = isWord(tokens[k]) ? 1 : 0
  }
  return { tokens, ids, words }
}

const ENDS_SENTENCE = new Set(['.', '!', '?', '…', '。', '！', '？'])
const CLOSERS = new Set(['"', '”', '’', "'", ')', '»'])

/** Cuts after a line break, and after the space that follows a sentence's end (and its closing quote). */
function units(e: Encoded): Span[] {
  const out: Span[] = []
  let from = 0
  const t = e.tokens
  for (let k = 0; k < t.length; k++) {
    const tok = t[k]
    let cut = false
    if (e.words[k] === 0 && tok.trim() === '' && k > 0) {
      const prev = t[k - 1]
      const beforePrev = k > 1 ? t[k - 2] : ''
      cut = tok.includes('\n') || ENDS_SENTENCE.has(prev) || (CLOSERS.has(prev) && ENDS_SENTENCE.has(beforePrev))
    }
    if (cut) {
      out.push({ from, to: k + 1 })
      from = k + 1
    }
  }
  if (from < t.length) out.push({ from, to: t.length })
  return out
}

/**
 * Whether sentence i of a and sentence j of b are "the same sentence, perhaps edited":
 * identical, or sharing most of their words (Dice coefficient over word multisets ≥ 0.5).
 */
function similarity(a: Encoded, b: Encoded, ua: Span[], ub: Span[]): (i: number, j: number) => boolean {
  const sortedWords = (e: Encoded, s: Span): Int32Array => {
    const w: number[] = []
    for (let k = s.from; k < s.to; k++) if (e.words[k]) w.push(e.ids[k])
    return Int32Array.from(w).sort()
  }
  const hash = (e: Encoded, s: Span): string => e.tokens.slice(s.from, s.to).join('')
  const ha = ua.map((s) => hash(a, s))
  const hb = ub.map((s) => hash(b, s))
  const wa: (Int32Array | undefined)[] = []
  const wb: (Int32Array | undefined)[] = []
  const cache = new Map<number, boolean>()
  return (i, j) => {
    if (ha[i] === hb[j]) return true
    const key = i * (ub.length + 1) + j
    const known = cache.get(key)
    if (known !== undefined) return known
    const x = (wa[i] ??= sortedWords(a, ua[i]))
    const y = (wb[j] ??= sortedWords(b, ub[j]))
    const same = dice(x, y) >= 0.5
    cache.set(key, same)
    return same
  }
}

function dice(x: Int32Array, y: Int32Array): number {
  if (x.length === 0 && y.length === 0) return 1
  if (Math.min(x.length, y.length) * 3 < Math.max(x.length, y.length)) return 0
  let common = 0
  for (let p = 0, q = 0; p < x.length && q < y.length; ) {
    if (x[p] === y[q]) {
      common++
      p++
      q++
    } else if (x[p] < y[q]) p++
    else q++
  }
  return (2 * common) / (x.length + y.length)
}

// ---------------------------------------------------------------------------------------
// Word level

function wordDiff(out: Output, a: Encoded, b: Encoded, sa: Span, sb: Span, deadline: number): void {
  // The shared head and tail need no search (most pairs differ in a word or two).
  let head = 0
  while (sa.from + head < sa.to && sb.from + head < sb.to && a.ids[sa.from + head] === b.ids[sb.from + head]) head++
  let tail = 0
  while (
    sa.to - tail > sa.from + head &&
    sb.to - tail > sb.from + head &&
    a.ids[sa.to - 1 - tail] === b.ids[sb.to - 1 - tail]
  ) {
    tail++
  }
  out.pushTokens('equal', a, { from: sa.from, to: sa.from + head })
  const midA = { from: sa.from + head, to: sa.to - tail }
  const midB = { from: sb.from + head, to: sb.to - tail }
  // With one token left on a side there is nothing for a search to find.
  if (midA.to - midA.from <= 1 || midB.to - midB.from <= 1) {
    out.pushTokens('delete', a, midA)
    out.pushTokens('insert', b, midB)
  } else {
    const left = timeLeft(deadline)
    const parts = left > 0 ? diffArrays(Array.from(a.ids.subarray(midA.from, midA.to)), Array.from(b.ids.subarray(midB.from, midB.to)), { timeout: left }) : undefined
    if (!parts) {
      out.coarse = true
      out.pushTokens('delete', a, midA)
      out.pushTokens('insert', b, midB)
    } else {
      let i = midA.from
      let j = midB.from
      for (const p of parts) {
        if (p.removed) out.pushTokens('delete', a, { from: i, to: (i += p.count) })
        else if (p.added) out.pushTokens('insert', b, { from: j, to: (j += p.count) })
        else {
          out.pushTokens('equal', a, { from: i, to: (i += p.count) })
          j += p.count
        }
      }
    }
  }
  out.pushTokens('equal', a, { from: sa.to - tail, to: sa.to })
}

const timeLeft = (deadline: number): number => deadline - Date.now()

/**
 * Collects runs: merges neighbours of the same kind, puts the deletions of a changed passage
 * before its insertions, and folds a space alone between two changes into them, so that
 * "the [quick → slow] [brown → red] fox" reads "the [quick brown → slow red] fox".
 */
class Output {
  private runs: { op: DiffChange['op']; parts: string[] }[] = []
  inserted = 0
  deleted = 0
  coarse = false

  pushTokens(op: DiffChange['op'], e: Encoded, s: Span): void {
    if (s.to <= s.from) return
    let words = 0
    for (let k = s.from; k < s.to; k++) words += e.words[k]
    this.push(op, e.tokens.slice(s.from, s.to).join(''), words)
  }

  push(op: DiffChange['op'], text: string, words: number): void {
    if (text === '') return
    if (op === 'insert') this.inserted += words
    if (op === 'delete') this.deleted += words
    const runs = this.runs
    const last = runs[runs.length - 1]
    if (last?.op === op) {
      last.parts.push(text)
      return
    }
    // delete after insert within one changed passage: keep deletions first.
    if (op === 'delete' && last?.op === 'insert' && runs[runs.length - 2]?.op === 'delete') {
      runs[runs.length - 2].parts.push(text)
      return
    }
    if (op === 'delete' && last?.op === 'insert') {
      runs.splice(runs.length - 1, 0, { op, parts: [text] })
      return
    }
    runs.push({ op, parts: [text] })
  }

  result(): TextDiff {
    return { changes: absorbSpaces(this.runs.map((r) => ({ op: r.op, text: r.parts.join('') }))), inserted: this.inserted, deleted: this.deleted, coarse: this.coarse }
  }
}

/** An equal run of spaces alone between a replaced passage and the next change joins them (in both texts). */
function absorbSpaces(runs: DiffChange[]): DiffChange[] {
  const out: DiffChange[] = []
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]
    const del = lastOf(out, 'delete')
    const ins = lastOf(out, 'insert')
    const next = runs[k + 1]
    if (r.op === 'equal' && del && ins && next && next.op !== 'equal' && /^[ \t]+$/.test(r.text)) {
      del.text += r.text
      ins.text += r.text
      continue
    }
    if (r.op !== 'equal' && (del || ins)) {
      const target = r.op === 'delete' ? del : ins
      if (target) target.text += r.text
      // A deletion joining an insertion-only passage goes in front of it.
      else if (r.op === 'delete') out.splice(out.length - 1, 0, { ...r })
      else out.push({ ...r })
      continue
    }
    out.push({ ...r })
  }
  return out
}

/** The run of kind `op` in the changed passage at the end of `out`, if any. */
function lastOf(out: DiffChange[], op: DiffChange['op']): DiffChange | undefined {
  for (let k = out.length - 1; k >= 0 && out[k].op !== 'equal'; k--) if (out[k].op === op) return out[k]
  return undefined
}
