import { describe, expect, it } from 'vitest'
import { packVersionBlob, unpackVersionBlob } from './codec'
import { makeRng } from '../../../test/support/prng'

// 4,000 words of varied prose, as articles are (a repetitive text would make deltas look better).
const rnd = makeRng(6)
const WORDS = 'the council met on Tuesday to discuss plan which has divided residents for years officials said would be reviewed again next spring after public consultation critics decision came too late costs'.split(' ')
const article = Array.from({ length: 200 }, (_, p) =>
  `Paragraph ${p}: ` + Array.from({ length: 20 }, () => WORDS[Math.floor(rnd() * WORDS.length)]).join(' ') + '.'
).join('\n\n')

describe('older versions stored as deltas', () => {
  it('stores a small edit in a few dozen bytes, and rebuilds the content exactly', () => {
    const next = Buffer.from(article.replace('Paragraph 120: ', 'Paragraph 120: In short, '))
    const old = Buffer.from(article)
    const packed = packVersionBlob(old, next)
    expect(packed.length).toBeLessThan(100)
    expect(unpackVersionBlob(packed, next).equals(old)).toBe(true)
  })

  it('stores content unlike its successor whole, compressed', () => {
    const old = Buffer.from(article)
    const packed = packVersionBlob(old, Buffer.from('Nothing in common.'))
    expect(packed.length).toBeLessThan(old.length / 2)
    expect(unpackVersionBlob(packed, null).equals(old)).toBe(true)
    expect(unpackVersionBlob(packVersionBlob(old, null), null).equals(old)).toBe(true)
  })

  it('refuses to rebuild from the wrong successor (the delta carries a checksum)', () => {
    const next = Buffer.from(article.replace('Paragraph 7:', 'Paragraph seven:'))
    const packed = packVersionBlob(Buffer.from(article), next)
    expect(() => unpackVersionBlob(packed, Buffer.from(article.replace('Paragraph 14:', 'Paragraph fourteen:')))).toThrow()
    expect(() => unpackVersionBlob(packed, null)).toThrow(/needs the next version/)
  })
})
