/**
 * Sorted id lists (newest, i.e. highest id, first): how match sets are combined in
 * JavaScript once read from their indexes (match.ts).
 */

/** Past this many ascending runs, a list is sorted rather than merged. */
const MAX_RUNS = 8

/**
 * Sorted descending, without duplicates. A set's SQL lists each index's ids in ascending
 * order (a tag's articles, one outlet's, one speaker kind's), one run per arm: a few runs are
 * merged in linear time; anything else is sorted.
 */
export function uniqueDesc(ids: number[]): number[] {
  const starts = [0]
  for (let i = 1; i < ids.length && starts.length <= MAX_RUNS; i++) if (ids[i] < ids[i - 1]) starts.push(i)
  if (starts.length <= MAX_RUNS) {
    let out: number[] = []
    for (let r = 0; r < starts.length; r++) {
      const run = ids.slice(starts[r], starts[r + 1] ?? ids.length).reverse()
      out = r === 0 ? dedupDesc(run) : mergeDesc(out, run)
    }
    return out
  }
  const sorted = Float64Array.from(ids).sort()
  const out: number[] = []
  for (let i = sorted.length - 1; i >= 0; i--) if (out.length === 0 || out[out.length - 1] !== sorted[i]) out.push(sorted[i])
  return out
}

/** A list sorted descending (repeats allowed) without its repeats. */
function dedupDesc(desc: number[]): number[] {
  const out: number[] = []
  for (const id of desc) if (out.length === 0 || out[out.length - 1] !== id) out.push(id)
  return out
}

/** Both lists (sorted descending) → the ids in both: by lookups when one is much shorter. */
export function intersectDesc(a: number[], b: number[]): number[] {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a]
  if (small.length * 16 < large.length) return small.filter((id) => hasDesc(large, id))
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push(a[i++])
      j++
    } else if (a[i] > b[j]) i++
    else j++
  }
  return out
}

/** `a` without the ids of `b` (both sorted descending). */
export function minusDesc(a: number[], b: number[]): number[] {
  if (b.length === 0) return a
  const out: number[] = []
  let j = 0
  for (const id of a) {
    while (j < b.length && b[j] > id) j++
    if (j >= b.length || b[j] !== id) out.push(id)
  }
  return out
}

/** Two lists sorted in descending order → one, without duplicates (a linear merge). */
export function mergeDesc(a: number[], b: number[]): number[] {
  const out: number[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i] : -Infinity
    const y = j < b.length ? b[j] : -Infinity
    const v = x >= y ? x : y
    if (x === v) i++
    if (y === v) j++
    if (out.length === 0 || out[out.length - 1] !== v) out.push(v)
  }
  return out
}

/** Whether `id` is in `desc` (sorted in descending order). */
export function hasDesc(desc: number[], id: number): boolean {
  let lo = 0
  let hi = desc.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (desc[mid] === id) return true
    if (desc[mid] > id) lo = mid + 1
    else hi = mid - 1
  }
  return false
}
