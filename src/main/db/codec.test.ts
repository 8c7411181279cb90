import { describe, expect, it } from 'vitest'
import { packDocText, packJsonText, packVersionBlob, unpackDocText, unpackVersionBlob } from './codec'
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

describe('reader documents packed against their text', () => {
  // A document as the reader schema stores it: the text's paragraphs inside JSON.
  const docJson = (text: string): string =>
    JSON.stringify({ type: 'doc', content: text.split('\n\n').map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })) })

  it('rebuilds the document exactly, in fewer bytes than gzip', () => {
    const json = docJson(article)
    const packed = packDocText(json, article)
    expect(unpackDocText(packed, article)).toBe(json)
    // This text's 30-word vocabulary already suits gzip; real pages pack in about half (docs/benchmarks.md).
    expect(packed.length).toBeLessThan(packJsonText(json).length * 0.8)
  })

  it('still reads documents stored gzip-compressed, and documents of articles with no text or over 32 KiB of it', () => {
    const json = docJson(article)
    expect(unpackDocText(packJsonText(json), article)).toBe(json)
    expect(unpackDocText(packDocText('{"type":"doc"}', ''), '')).toBe('{"type":"doc"}')
    const long = `${article}\n\n${article}\n\n${article}\n\n${'é中'.repeat(3000)}`
    expect(Buffer.byteLength(long)).toBeGreaterThan(64 * 1024)
    expect(unpackDocText(packDocText(docJson(long), long), long)).toBe(docJson(long))
  })

  it('needs the text it was packed with (it is the row\'s own text column)', () => {
    const json = docJson(article)
    const packed = packDocText(json, article)
    let out: string | Error
    try {
      out = unpackDocText(packed, article.replace('Paragraph 3:', 'Paragraph 9:'))
    } catch (e) {
      out = e as Error
    }
    expect(out).not.toBe(json)
  })
})
