/**
 * The index of the last value at or before `pos` in an ascending list (0 when `pos` lies
 * before them all): binary search, for offsets of blocks or sentences in a text.
 */
export function lastAtOrBefore(ascending: readonly number[], pos: number): number {
  let lo = 0
  let hi = ascending.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (ascending[mid] <= pos) lo = mid
    else hi = mid - 1
  }
  return lo
}
