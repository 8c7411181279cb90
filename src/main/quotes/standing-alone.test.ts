import { describe, expect, it } from 'vitest'
import { lastStandingAlone } from './speaker-context'

/** The pattern lastStandingAlone stands in for, as speaker-context compiled it per name. */
function byPattern(text: string, form: string): number {
  const re = new RegExp(`(?<![\\p{L}\\p{N}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'gu')
  let at = -1
  for (let m = re.exec(text); m; m = re.exec(text)) at = Math.max(at, m.index)
  return at
}

describe('lastStandingAlone', () => {
  it('finds the last place a name stands alone, as the pattern does', () => {
    expect(lastStandingAlone('Sondland said. Later Sondland’s aide and Sondlands', 'Sondland')).toBe(21)
    expect(lastStandingAlone('Smithson met Smith.', 'Smith')).toBe(13)
    expect(lastStandingAlone('Smithson', 'Smith')).toBe(-1)
    expect(lastStandingAlone('2Lee Lee3 Lee', 'Lee')).toBe(10)
    expect(lastStandingAlone('', 'Lee')).toBe(-1)
  })

  it('resumes after a match as a global pattern does: overlapping forms count once', () => {
    // "A-A" at 0 stands alone; the one at 2 overlaps it, and the pattern never sees it.
    expect(lastStandingAlone('A-A-A', 'A-A')).toBe(byPattern('A-A-A', 'A-A'))
    expect(lastStandingAlone('A-A-A', 'A-A')).toBe(0)
  })

  it('reads letters outside the BMP and accents as letters', () => {
    expect(lastStandingAlone('𝐀Lee Lee', 'Lee')).toBe(6)
    expect(lastStandingAlone('éLee', 'Lee')).toBe(-1)
    expect(lastStandingAlone('Lee\u0301', 'Lee')).toBe(0) // a combining mark is not a letter (\\p{M})
  })

  it('agrees with the pattern on many generated texts', () => {
    let seed = 7
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n)
    const pieces = ['Lee', 'Ann', 'A-A', ' ', '-', 'é', '𝐀', '1', '’s', '.', 'x', '\u0301', 'Ann Lee']
    let found = 0
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: 1 + rnd(12) }, () => pieces[rnd(pieces.length)]).join('')
      for (const form of ['Lee', 'Ann', 'A-A', 'Ann Lee', 'é']) {
        const want = byPattern(text, form)
        expect(lastStandingAlone(text, form)).toBe(want)
        found += +(want >= 0)
      }
    }
    expect(found).toBeGreaterThan(1000)
  })
})
