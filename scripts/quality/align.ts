/**
 * Carries page structure found on a fresh extraction over to the frozen, labelled text.
 *
 * The quote labels refer to the article text as Clipfile extracted it when labelling began
 * (scripts/quality/quotes/texts); extraction has changed since (#14), so a page re-extracted
 * today gives a slightly different text: a date line or "Related:" link gone, a caption split
 * off or merged with its credit. Its headings and captions are still the same blocks. This maps
 * offsets from the fresh text to the labelled one — paragraphs equal up to whitespace are
 * matched in order (longest common subsequence), and the text between two matched paragraphs is
 * mapped character by character when it is the same apart from whitespace — so a structural
 * range can be moved across exactly where its words are the same words.
 */

interface Para {
  start: number
  end: number
  key: string
}

function paras(text: string): Para[] {
  const out: Para[] = []
  let start = 0
  for (;;) {
    const i = text.indexOf('\n\n', start)
    const end = i < 0 ? text.length : i
    out.push({ start, end, key: text.slice(start, end).replace(/\s+/g, ' ').trim() })
    if (i < 0) return out
    start = i + 2
  }
}

/** Index pairs of the longest common subsequence of two key lists. */
function lcs(a: string[], b: string[]): [number, number][] {
  const n = a.length
  const m = b.length
  const len = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1))
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) len[i][j] = a[i] === b[j] ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1])
  const out: [number, number][] = []
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (a[i] === b[j]) out.push([i++, j++])
    else if (len[i + 1][j] >= len[i][j + 1]) i++
    else j++
  }
  return out
}

/** Offsets of the non-space characters of text[start, end). */
function solid(text: string, start: number, end: number): number[] {
  const out: number[] = []
  for (let i = start; i < end; i++) if (!/\s/.test(text[i])) out.push(i)
  return out
}

/**
 * A map from offsets of the non-space characters of `from` to the same characters in `to`,
 * where the two texts are the same words: -1 for a character with no counterpart.
 */
export function alignOffsets(from: string, to: string): Int32Array {
  const map = new Int32Array(from.length).fill(-1)
  const fp = paras(from)
  const tp = paras(to)
  const pair = (fs: number, fe: number, ts: number, te: number) => {
    const a = solid(from, fs, fe)
    const b = solid(to, ts, te)
    if (a.length !== b.length || a.some((i, k) => from[i] !== to[b[k]])) return
    a.forEach((i, k) => (map[i] = b[k]))
  }
  const anchors = lcs(
    fp.map((p) => p.key),
    tp.map((p) => p.key)
  )
  let fi = 0
  let ti = 0
  for (const [i, j] of [...anchors, [fp.length, tp.length] as [number, number]]) {
    // The stretch before this anchor: the same words, only re-broken into paragraphs?
    if (i > fi && j > ti) pair(fp[fi].start, fp[i - 1].end, tp[ti].start, tp[j - 1].end)
    if (i < fp.length) pair(fp[i].start, fp[i].end, tp[j].start, tp[j].end)
    fi = i + 1
    ti = j + 1
  }
  return map
}

export interface Range<K> {
  start: number
  end: number
  kind: K
}

/**
 * Structural ranges of `from` (headings, captions) moved onto `to`: each becomes the paragraphs
 * of `to` that its words cover entirely, one range a paragraph (the detector marks furniture by
 * paragraph). A range whose words are not all in `to`, in the same order, is dropped.
 */
export function carryRanges<K>(ranges: readonly Range<K>[], from: string, to: string, map: Int32Array = alignOffsets(from, to)): Range<K>[] {
  const tp = paras(to)
  const out: Range<K>[] = []
  for (const r of ranges) {
    const own = solid(from, r.start, r.end)
    if (!own.length || own.some((i) => map[i] < 0)) continue
    const lo = map[own[0]]
    const hi = map[own[own.length - 1]] + 1
    // The same words, contiguous in `to`: nothing of `to` slipped in between.
    if (solid(to, lo, hi).length !== own.length) continue
    for (const p of tp) {
      const body = solid(to, p.start, p.end)
      if (body.length && body[0] >= lo && body[body.length - 1] < hi) out.push({ start: p.start, end: p.end, kind: r.kind })
    }
  }
  return out
}
