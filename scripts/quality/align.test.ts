import { describe, expect, it } from 'vitest'
import { alignOffsets, carryRanges, type Range } from './align'

const at = (text: string, part: string): Range<'heading' | 'caption'> => {
  const start = text.indexOf(part)
  if (start < 0) throw new Error(`${part} not in text`)
  return { start, end: start + part.length, kind: 'caption' }
}
const texts = (to: string, rs: Range<unknown>[]) => rs.map((r) => to.slice(r.start, r.end))

describe('aligning a fresh extraction with the labelled text', () => {
  it('maps each character of a paragraph both texts have, across paragraphs only one has', () => {
    const from = 'Intro.\n\nA photo caption\n\n“We will,” she said.'
    const to = 'Feb. 21, 2019\n\nIntro.\n\nA photo caption\n\nRelated: other story\n\n“We will,” she said.'
    const map = alignOffsets(from, to)
    const i = from.indexOf('she')
    expect(to.slice(map[i], map[i] + 3)).toBe('she')
    expect(map[from.indexOf('caption')]).toBe(to.indexOf('caption'))
    expect(texts(to, carryRanges([at(from, 'A photo caption')], from, to))).toEqual(['A photo caption'])
  })
  it('follows a caption re-broken into paragraphs, and splits it by the labelled paragraphs', () => {
    // The labelled text had the credit as its own paragraph; today's extraction joins them.
    const from = 'Body text.\n\n1Password scannt QR-Codes. (Bild: Hersteller)\n\nMore text.'
    const to = 'Body text.\n\n1Password scannt QR-Codes.\n\n(Bild: Hersteller)\n\nMore text.'
    expect(texts(to, carryRanges([at(from, '1Password scannt QR-Codes. (Bild: Hersteller)')], from, to))).toEqual(['1Password scannt QR-Codes.', '(Bild: Hersteller)'])
  })
  it('drops a range whose words the labelled text lacks or has inside other prose', () => {
    const from = 'Lead.\n\nA caption only today\n\nEnd.'
    const to = 'Lead.\n\nEnd.'
    expect(carryRanges([at(from, 'A caption only today')], from, to)).toEqual([])
    // The caption was merged into the next paragraph in the labelled text: not a block there.
    const split = 'Lead.\n\n© Credit Nintendo\n\nNintendo shocked the world.'
    const merged = 'Lead.\n\n© Credit Nintendo Nintendo shocked the world.'
    expect(carryRanges([at(split, '© Credit Nintendo')], split, merged)).toEqual([])
  })
  it('does not map a stretch whose words changed, only the paragraphs around it', () => {
    const from = 'One.\n\nA heading today\n\nTwo.'
    const to = 'One.\n\nA heading then\n\nTwo.'
    const map = alignOffsets(from, to)
    expect(map[from.indexOf('today')]).toBe(-1)
    expect(map[from.indexOf('Two')]).toBe(to.indexOf('Two'))
    expect(carryRanges([at(from, 'A heading today')], from, to)).toEqual([])
  })
  it('keeps whitespace-only differences inside a paragraph', () => {
    const from = 'Title  line\n\nBody.'
    const to = 'Title line\n\nBody.'
    expect(texts(to, carryRanges([{ ...at(from, 'Title  line'), kind: 'heading' }], from, to))).toEqual(['Title line'])
  })
})
