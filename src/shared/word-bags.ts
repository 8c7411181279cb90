/** Bags of words (word → count) and how much two of them share: the measure of token overlap. */

export function bagOf(tokens: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>()
  for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1)
  return counts
}

/** The words two bags share (each counted as often as the poorer bag has it), and the size of each. */
export function overlap(a: Map<string, number>, b: Map<string, number>): { common: number; sizeA: number; sizeB: number } {
  let common = 0
  let sizeA = 0
  let sizeB = 0
  for (const n of a.values()) sizeA += n
  for (const [w, n] of b) {
    sizeB += n
    common += Math.min(n, a.get(w) ?? 0)
  }
  return { common, sizeA, sizeB }
}
