import { describe, expect, it } from 'vitest'
import { collapseSpaces } from './spaces'

// Every character \s matches, and some it does not.
const SPACES = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff']
const OTHERS = ['a', 'Z', '.', '“', '\u200b', 'é', '😀', '\u0000']

describe('collapseSpaces', () => {
  it('is /\\s+/g → " " on hand-made cases', () => {
    for (const s of ['', ' ', '  ', 'a', ' a ', 'a  b', 'a\nb', 'a \n b', '\n a', 'a\t', 'a \u00a0b', 'one two three', '\u3000\u3000x']) {
      expect(collapseSpaces(s)).toBe(s.replace(/\s+/g, ' '))
    }
  })

  it('is /\\s+/g → " " on 20,000 random strings of spaces and other characters', () => {
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (let n = 0; n < 20_000; n++) {
      let s = ''
      const length = Math.floor(next() * 24)
      for (let i = 0; i < length; i++) {
        const pool = next() < 0.5 ? SPACES : OTHERS
        // Plain spaces most often, as in text.
        s += next() < 0.4 ? ' ' : pool[Math.floor(next() * pool.length)]
      }
      expect(collapseSpaces(s), JSON.stringify(s)).toBe(s.replace(/\s+/g, ' '))
    }
  })
})
