import { describe, expect, it } from 'vitest'
import { weightedFrequency } from './rank'

describe('weightedFrequency', () => {
  // ts_rank values as PostgreSQL 15 returns them for one term, weights {0.1, 0.5, 0.2, 1.0}.
  it('turns a single term’s ts_rank back into FTS5’s weighted frequency', () => {
    expect(weightedFrequency(0)).toBe(0)
    expect(weightedFrequency(Math.fround(0.1 / 1.64493406685))).toBe(1) // once in the text
    expect(weightedFrequency(Math.fround((0.1 + 0.1 / 4) / 1.64493406685))).toBe(2) // twice in the text
    expect(weightedFrequency(Math.fround(1 / 1.64493406685))).toBe(10) // once in the title
  })
})
