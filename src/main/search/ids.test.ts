import { describe, expect, it } from 'vitest'
import { makeRng } from '../../../test/support/prng'
import { uniqueDesc } from './ids'

/** The plain way: sort, descending, drop repeats. */
const reference = (ids: number[]) => [...new Set(ids)].sort((a, b) => b - a)

describe('uniqueDesc', () => {
  it('equals sorting and removing repeats, for lists made of a few ascending runs (merged) or many (sorted)', () => {
    const rng = makeRng(17)
    const int = (n: number) => Math.floor(rng() * n)
    for (let trial = 0; trial < 400; trial++) {
      const runs = 1 + int(trial % 2 ? 12 : 5)
      const ids: number[] = []
      for (let r = 0; r < runs; r++) {
        // An index's ids: ascending, sometimes repeated (a speaker quoted twice in one article).
        let id = int(50)
        for (let k = int(30); k > 0; k--) {
          ids.push(id)
          id += int(3)
        }
      }
      if (trial % 7 === 0) ids.reverse()
      expect(uniqueDesc(ids), JSON.stringify(ids)).toEqual(reference(ids))
    }
    expect(uniqueDesc([])).toEqual([])
    expect(uniqueDesc([5])).toEqual([5])
  })
})
