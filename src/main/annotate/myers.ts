/**
 * Approximate string matching with Myers' bit-parallel edit-distance algorithm
 * (Myers 1999, multi-word blocks as in Hyyrö 2003). One pass over a text computes, for
 * every end position, the smallest edit distance between the pattern and any substring
 * ending there, in O(textLength × ⌈m / 32⌉) word operations instead of O(n × m) cells.
 *
 * Offsets are UTF-16 code units, like the selectors.
 */

const W = 32

export interface Pattern {
  length: number
  blocks: number
  /** Bit i%32 of peq[c][i/32] is set when pattern[i] has char code c. */
  peq: Map<number, Int32Array>
  /** Bit of the pattern's last row inside the last block. */
  lastBit: number
  zero: Int32Array
}

export function compilePattern(pattern: string): Pattern {
  const blocks = Math.max(1, Math.ceil(pattern.length / W))
  const peq = new Map<number, Int32Array>()
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charCodeAt(i)
    let v = peq.get(c)
    if (!v) peq.set(c, (v = new Int32Array(blocks)))
    v[(i / W) | 0] |= 1 << i % W
  }
  return { length: pattern.length, blocks, peq, lastBit: 1 << (pattern.length - 1) % W, zero: new Int32Array(blocks) }
}

/** Work, in block steps, of scanning `length` characters: what the callers budget. */
export const scanCost = (p: Pattern, length: number): number => p.blocks * length

/**
 * Scan text[from, to) forwards (step +1) or backwards (step -1, reading the text and the
 * pattern reversed). `onScore(k, d)` gets, after k characters, the distance d.
 * Free start (search): d = min distance of the pattern to a substring ending at char k.
 * Anchored: d = distance of the pattern to exactly the k characters read so far.
 */
export function scan(
  p: Pattern,
  text: string,
  from: number,
  to: number,
  opts: { anchored: boolean; reverse: boolean },
  onScore: (consumed: number, distance: number) => void
): void {
  const P = new Int32Array(p.blocks).fill(-1)
  const M = new Int32Array(p.blocks)
  let score = p.length
  const count = to - from
  for (let k = 0; k < count; k++) {
    const c = text.charCodeAt(opts.reverse ? to - 1 - k : from + k)
    const eq = p.peq.get(c) ?? p.zero
    // Row 0 is all zeros when the match may start anywhere, 0,1,2,… when anchored.
    let carry = opts.anchored ? 1 : 0
    for (let b = 0; b < p.blocks; b++) {
      carry = advanceBlock(P, M, b, eq[b], carry, b === p.blocks - 1 ? p.lastBit : 1 << 31)
    }
    score += carry
    onScore(k + 1, score)
  }
}

/** One 32-row block of one column; returns the horizontal delta at the block's last row. */
function advanceBlock(P: Int32Array, M: Int32Array, b: number, eqIn: number, hin: number, highBit: number): number {
  const Pv = P[b]
  const Mv = M[b]
  let eq = eqIn
  const Xv = eq | Mv
  if (hin < 0) eq |= 1
  const Xh = (((eq & Pv) + Pv) ^ Pv) | eq
  let Ph = Mv | ~(Xh | Pv)
  let Mh = Pv & Xh
  const hout = Ph & highBit ? 1 : Mh & highBit ? -1 : 0
  Ph <<= 1
  Mh <<= 1
  if (hin < 0) Mh |= 1
  else if (hin > 0) Ph |= 1
  P[b] = Mh | ~(Xv | Ph)
  M[b] = Ph & Xv
  return hout
}

/** Ties are kept (up to this many) so that context can decide between them. */
const MAX_TIES = 8

/**
 * An approximate occurrence: the ends (exclusive) where it reaches its fewest edits.
 * Several ends tie when, say, the last word changed ("jumped" vs "jumps").
 */
export interface EndMatch {
  ends: number[]
  errors: number
}

/**
 * Approximate occurrences in text[from, to) with at most maxErrors edits: each run of
 * consecutive qualifying ends counts as one occurrence, represented by its best ends.
 */
export function searchEnds(p: Pattern, text: string, from: number, to: number, maxErrors: number): EndMatch[] {
  const found: EndMatch[] = []
  let run: EndMatch | null = null
  let lastEnd = -2
  scan(p, text, from, to, { anchored: false, reverse: false }, (k, d) => {
    if (d > maxErrors) return
    const end = from + k
    if (!run || end !== lastEnd + 1) found.push((run = { ends: [end], errors: d }))
    else if (d < run.errors) run = Object.assign(run, { ends: [end], errors: d })
    else if (d === run.errors && run.ends.length < MAX_TIES) run.ends.push(end)
    lastEnd = end
  })
  return found
}

/**
 * Where a match ending at `end` may start: the starts whose substring [start, end) is
 * closest to the pattern. `reversed` is the compiled reverse of the pattern.
 */
export function findStarts(reversed: Pattern, text: string, end: number, maxErrors: number): { starts: number[]; errors: number } {
  const from = Math.max(0, end - reversed.length - maxErrors)
  let best = { starts: [] as number[], errors: Number.POSITIVE_INFINITY }
  scan(reversed, text, from, end, { anchored: true, reverse: true }, (k, d) => {
    if (d < best.errors) best = { starts: [end - k], errors: d }
    else if (d === best.errors && best.starts.length < MAX_TIES) best.starts.push(end - k)
  })
  return best
}

export function reverseString(s: string): string {
  let r = ''
  for (let i = s.length - 1; i >= 0; i--) r += s[i]
  return r
}

/** Plain Levenshtein distance, for short strings (the 32-character contexts). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0
  let prev = new Int32Array(b.length + 1).map((_, j) => j)
  let cur = new Int32Array(b.length + 1)
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1)
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1)
    }
    ;[prev, cur] = [cur, prev]
  }
  return prev[b.length]
}
