import { describe, expect, it } from 'vitest'
import { lastAtOrBefore } from './sorted'

describe('lastAtOrBefore', () => {
  it('finds the last start at or before a position', () => {
    const starts = [0, 10, 25, 40]
    expect(lastAtOrBefore(starts, 0)).toBe(0)
    expect(lastAtOrBefore(starts, 9)).toBe(0)
    expect(lastAtOrBefore(starts, 10)).toBe(1)
    expect(lastAtOrBefore(starts, 39)).toBe(2)
    expect(lastAtOrBefore(starts, 1000)).toBe(3)
  })
  it('answers 0 before the first value and for a list of one', () => {
    expect(lastAtOrBefore([5, 8], 2)).toBe(0)
    expect(lastAtOrBefore([7], 100)).toBe(0)
  })
})
