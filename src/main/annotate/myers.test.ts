import { describe, expect, it } from 'vitest'
import { compilePattern, editDistance, findStarts, reverseString, scan, searchEnds } from './myers'
import { int, makeRng, pick, type Rng } from '../../../test/support/prng'

/** Reference: semi-global DP, distance of the pattern to the best substring ending at each j. */
function naiveEnds(pattern: string, text: string): number[] {
  let prev = Array.from({ length: pattern.length + 1 }, (_, i) => i)
  const out: number[] = []
  for (let j = 1; j <= text.length; j++) {
    const cur = [0]
    for (let i = 1; i <= pattern.length; i++) {
      const sub = prev[i - 1] + (pattern[i - 1] === text[j - 1] ? 0 : 1)
      cur[i] = Math.min(sub, prev[i] + 1, cur[i - 1] + 1)
    }
    out.push(cur[pattern.length])
    prev = cur
  }
  return out
}

const randomString = (rng: Rng, len: number, alphabet: string): string =>
  Array.from({ length: len }, () => pick(rng, [...alphabet])).join('')

describe('myers bit-parallel search', () => {
  it('matches the naive DP for random patterns of 1 to 100 chars (multi-block)', () => {
    const rng = makeRng(7)
    for (let n = 0; n < 300; n++) {
      const pattern = randomString(rng, int(rng, 1, 100), 'abcd')
      const text = randomString(rng, int(rng, 0, 150), 'abcde')
      const got: number[] = []
      scan(compilePattern(pattern), text, 0, text.length, { anchored: false, reverse: false }, (_, d) => got.push(d))
      expect(got).toEqual(naiveEnds(pattern, text))
    }
  })

  it('anchored reverse scan gives the plain edit distance of each suffix', () => {
    const rng = makeRng(11)
    for (let n = 0; n < 200; n++) {
      const pattern = randomString(rng, int(rng, 1, 80), 'abc')
      const text = randomString(rng, int(rng, 1, 100), 'abc')
      const got: number[] = []
      scan(compilePattern(reverseString(pattern)), text, 0, text.length, { anchored: true, reverse: true }, (_, d) =>
        got.push(d)
      )
      const want = Array.from({ length: text.length }, (_, k) => editDistance(pattern, text.slice(text.length - 1 - k)))
      expect(got).toEqual(want)
    }
  })

  it('finds the start and end of an approximate occurrence', () => {
    const text = 'The quick brown fox jumps over the lazy dog'
    const pattern = 'brwn fox jumped'
    const [hit] = searchEnds(compilePattern(pattern), text, 0, text.length, 3)
    expect(hit.errors).toBe(3)
    // "jump", "jumps" and "jumps " all end a 3-edit match; context decides later.
    expect(hit.ends.map((e) => text.slice(0, e).slice(-5))).toEqual([' jump', 'jumps', 'umps '])
    const { starts, errors } = findStarts(compilePattern(reverseString(pattern)), text, hit.ends[1], 3)
    expect(errors).toBe(3)
    expect(starts.map((s) => text.slice(s, hit.ends[1]))).toContain('brown fox jumps')
  })

  it('reports nothing when the pattern is too far from the text', () => {
    expect(searchEnds(compilePattern('zzzzzz'), 'abcdefgh', 0, 8, 2)).toEqual([])
  })
})
