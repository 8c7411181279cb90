import { describe, expect, it } from 'vitest'
import { diffTexts, tokenize } from './diff'
import { makeRng } from '../../../test/support/prng'
import type { DiffChange } from '../../shared/types'

const side = (changes: DiffChange[], keep: 'insert' | 'delete') => changes.filter((c) => c.op !== keep).map((c) => c.text).join('')
const earlier = (c: DiffChange[]) => side(c, 'insert')
const later = (c: DiffChange[]) => side(c, 'delete')

describe('tokenize', () => {
  it('splits words, spaces and punctuation, and joins back to the text', () => {
    const text = "Don't say U.S. 1,200 well-known—“hi” 中文字 café 😀 end."
    const tokens = tokenize(text)
    expect(tokens.join('')).toBe(text)
    expect(tokens).toEqual([
      "Don't", ' ', 'say', ' ', 'U.S', '.', ' ', '1,200', ' ', 'well-known', '—', '“', 'hi', '”', ' ', '中', '文', '字', ' ', 'café', ' ', '😀', ' ', 'end', '.'
    ])
  })
})

describe('diffTexts', () => {
  it('marks changed words, an added paragraph and nothing else', () => {
    const a = 'The quick brown fox jumps over the lazy dog. It was “a good day,” he said.\n\nSecond paragraph stays.'
    const b = 'The slow red fox jumps over the lazy dog. It was “a great day,” he said.\n\nA new paragraph.\n\nSecond paragraph stays.'
    const d = diffTexts(a, b)
    expect(d.changes).toEqual([
      { op: 'equal', text: 'The ' },
      { op: 'delete', text: 'quick brown' },
      { op: 'insert', text: 'slow red' },
      { op: 'equal', text: ' fox jumps over the lazy dog. It was “a ' },
      { op: 'delete', text: 'good' },
      { op: 'insert', text: 'great' },
      { op: 'equal', text: ' day,” he said.\n\n' },
      { op: 'insert', text: 'A new paragraph.\n\n' },
      { op: 'equal', text: 'Second paragraph stays.' }
    ])
    expect(d).toMatchObject({ inserted: 6, deleted: 3, coarse: false })
  })

  it('gives one equal run for identical texts, and whole runs against an empty one', () => {
    expect(diffTexts('Same words.', 'Same words.')).toEqual({ changes: [{ op: 'equal', text: 'Same words.' }], inserted: 0, deleted: 0, coarse: false })
    expect(diffTexts('', 'Two words')).toMatchObject({ changes: [{ op: 'insert', text: 'Two words' }], inserted: 2, deleted: 0 })
    expect(diffTexts('Gone now.', '')).toMatchObject({ changes: [{ op: 'delete', text: 'Gone now.' }], inserted: 0, deleted: 2 })
  })

  it('keeps a removed sentence apart from the edited one beside it', () => {
    const a = 'Officials met on Monday. The talks lasted all night. A deal was struck at dawn.'
    const b = 'Officials met on Monday. A deal was finally struck at dawn.'
    expect(diffTexts(a, b).changes).toEqual([
      { op: 'equal', text: 'Officials met on Monday. ' },
      { op: 'delete', text: 'The talks lasted all night. ' },
      { op: 'equal', text: 'A deal was ' },
      { op: 'insert', text: 'finally ' },
      { op: 'equal', text: 'struck at dawn.' }
    ])
  })

  it('counts words in Chinese by character', () => {
    const d = diffTexts('我们今天开会。', '我们明天开会。')
    expect(d).toMatchObject({ inserted: 1, deleted: 1 })
    expect(later(d.changes)).toBe('我们明天开会。')
  })

  it('always rebuilds both texts exactly (random edits of random prose)', () => {
    const rnd = makeRng(16)
    const vocab = ['the', 'minister', 'said', 'Iran', '“we', 'will', 'not', 'leave,”', 'talks', 'in', 'Vienna', 'on', 'Monday', '—', 'a', 'deal', '1,200', "don't"]
    for (let round = 0; round < 100; round++) {
      const words = Array.from({ length: 5 + Math.floor(rnd() * 120) }, () => vocab[Math.floor(rnd() * vocab.length)])
      const joinWith = (ws: string[]) => ws.map((w, i) => w + (i % 17 === 16 ? '.\n\n' : i % 7 === 6 ? '. ' : ' ')).join('').trim()
      const edited = words.flatMap((w) => {
        const r = rnd()
        return r < 0.05 ? [] : r < 0.1 ? [w, vocab[Math.floor(rnd() * vocab.length)]] : r < 0.15 ? ['changed'] : [w]
      })
      const a = joinWith(words)
      const b = joinWith(edited)
      const d = diffTexts(a, b)
      expect(earlier(d.changes)).toBe(a)
      expect(later(d.changes)).toBe(b)
      // Runs alternate: never two of the same kind side by side, never an empty run.
      for (let k = 1; k < d.changes.length; k++) expect(d.changes[k].op === d.changes[k - 1].op).toBe(false)
      expect(d.changes.every((c) => c.text !== '')).toBe(true)
    }
  })

  it('gives a correct if coarse diff when out of time', () => {
    const a = Array.from({ length: 400 }, (_, i) => `Sentence ${i} says something about the talks.`).join(' ')
    const b = a.replace(/about the talks/g, 'regarding the negotiations')
    const d = diffTexts(a, b, { timeoutMs: 0 })
    expect(d.coarse).toBe(true)
    expect(earlier(d.changes)).toBe(a)
    expect(later(d.changes)).toBe(b)
  })
})
