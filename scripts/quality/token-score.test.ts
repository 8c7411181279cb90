import { describe, expect, it } from 'vitest'
import { scoreHalf, scorePage, tokenize } from './token-score'

describe('tokenize', () => {
  it('folds case, splits at punctuation and keeps accented words whole', () => {
    expect(tokenize('The Président’s “plan”, 2024-03 — OK.')).toEqual(['the', 'président', 's', 'plan', '2024', '03', 'ok'])
  })

  it('counts Chinese and Japanese one character at a time, other scripts by word', () => {
    expect(tokenize('腾讯网 iPhone手机 東京へ')).toEqual(['腾', '讯', '网', 'iphone', '手', '机', '東', '京', 'へ'])
    expect(tokenize('Москва и Αθήνα, قالت الوزارة')).toEqual(['москва', 'и', 'αθήνα', 'قالت', 'الوزارة'])
  })

  it('ignores soft hyphens and zero-width characters inside words', () => {
    expect(tokenize('Netan\u00adyahu met\u200b them')).toEqual(['netanyahu', 'met', 'them'])
  })
})

describe('scorePage', () => {
  it('counts shared tokens with multiplicity', () => {
    // predicted: a a b c x (5)  gold: a b b c (4)  common: min(2,1)+min(1,2)+1 = 3
    const s = scorePage('a a b c x', 'a b b c')
    expect(s).toMatchObject({ predicted: 5, gold: 4, common: 3 })
    expect(s.precision).toBeCloseTo(3 / 5)
    expect(s.recall).toBeCloseTo(3 / 4)
    expect(s.f1).toBeCloseTo((2 * 0.6 * 0.75) / 1.35)
  })

  it('scores empty sides without dividing by zero', () => {
    expect(scorePage('', '')).toMatchObject({ precision: 1, recall: 1, f1: 1 })
    expect(scorePage('', 'gold words')).toMatchObject({ precision: 0, recall: 0, f1: 0 })
    expect(scorePage('junk', '')).toMatchObject({ precision: 0, recall: 0, f1: 0 })
  })
})

describe('scoreHalf', () => {
  it('averages pages for the macro numbers and sums tokens for the micro ones', () => {
    const a = scorePage('a b c d', 'a b c d') // P 1, R 1
    const b = scorePage('x y', 'x y z w') //      P 1, R 0.5
    const half = scoreHalf([a, b])
    expect(half.pages).toBe(2)
    expect(half.precision).toBeCloseTo(1)
    expect(half.recall).toBeCloseTo(0.75)
    expect(half.f1).toBeCloseTo((1 + 2 / 3) / 2)
    // micro: 6 common of 6 predicted, 6 of 8 gold
    expect(half.micro.precision).toBeCloseTo(1)
    expect(half.micro.recall).toBeCloseTo(6 / 8)
  })
})
