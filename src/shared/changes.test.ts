import { describe, expect, it } from 'vitest'
import { describeSummary, diffRows, inlineParagraphs } from './changes'
import type { DiffChange } from './types'

const eq = (text: string): DiffChange => ({ op: 'equal', text })
const ins = (text: string): DiffChange => ({ op: 'insert', text })
const del = (text: string): DiffChange => ({ op: 'delete', text })

describe('describeSummary', () => {
  it('says what changed in a line', () => {
    const quote = { kind: 'changed' as const, before: 'a', after: 'b', speaker: null }
    expect(describeSummary({ inserted: 120, deleted: 45, titleChanged: true, bylineChanged: false, quotes: [quote, quote] })).toBe(
      '+120 / −45 words, headline changed, 2 quotes changed'
    )
    expect(describeSummary({ inserted: 0, deleted: 0, titleChanged: false, bylineChanged: true, quotes: [{ ...quote, kind: 'removed' }] })).toBe(
      'byline changed, 1 quote removed'
    )
    expect(describeSummary({ inserted: 0, deleted: 0, titleChanged: false, bylineChanged: false, quotes: [] })).toBe('no change in the words')
  })
})

describe('diff layout', () => {
  const changes = [eq('One stays.\n\nThe '), del('quick'), ins('slow'), eq(' fox.\n\n'), ins('Added.\n\n'), eq('Three.\n\n'), del('Removed.\n\n'), eq('End.')]

  it('puts each paragraph beside its counterpart: unchanged, edited, added, removed', () => {
    expect(diffRows(changes)).toEqual([
      { before: [eq('One stays.')], after: [eq('One stays.')], changed: false },
      { before: [eq('The '), del('quick'), eq(' fox.')], after: [eq('The '), ins('slow'), eq(' fox.')], changed: true },
      { before: null, after: [ins('Added.')], changed: true },
      { before: [eq('Three.')], after: [eq('Three.')], changed: false },
      { before: [del('Removed.')], after: null, changed: true },
      { before: [eq('End.')], after: [eq('End.')], changed: false }
    ])
  })

  it('puts a paragraph added at the end, or removed there, in a row of its own', () => {
    expect(diffRows([eq('One.\n\nTwo '), ins('now '), eq('ends.'), ins('\n\nAdded.')])).toEqual([
      { before: [eq('One.')], after: [eq('One.')], changed: false },
      { before: [eq('Two '), eq('ends.')], after: [eq('Two '), ins('now '), eq('ends.')], changed: true },
      { before: null, after: [ins('Added.')], changed: true }
    ])
    expect(diffRows([eq('One.'), del('\n\nGone.'), eq('\n\nThree.')])).toEqual([
      { before: [eq('One.')], after: [eq('One.')], changed: false },
      { before: [del('Gone.')], after: null, changed: true },
      { before: [eq('Three.')], after: [eq('Three.')], changed: false }
    ])
  })

  it('keeps a split paragraph in one row, with the break marked', () => {
    expect(diffRows([eq('A '), ins('x.\n\nY'), eq(' b.')])).toEqual([
      { before: [eq('A '), eq(' b.')], after: [eq('A '), ins('x.'), ins('\n\n'), ins('Y'), eq(' b.')], changed: true }
    ])
  })

  it('lays the inline view out in paragraphs', () => {
    expect(inlineParagraphs(changes)).toEqual([
      [eq('One stays.')],
      [eq('The '), del('quick'), ins('slow'), eq(' fox.')],
      [ins('Added.')],
      [eq('Three.')],
      [del('Removed.')],
      [eq('End.')]
    ])
  })
})
