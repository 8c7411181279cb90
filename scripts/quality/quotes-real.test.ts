import { describe, expect, it } from 'vitest'
import type { DetectedQuote } from '../../src/main/quotes/detect'
import { entitiesOf, inText, isInvented, loadHalf, locate, score, speakerRight, toArticle, type Entity, type LabelFile } from './quotes-real'

const entities: Entity[] = [
  { name: 'Hori Parata', type: 'person', forms: ['Hori Parata', 'Parata'] },
  { name: 'Te Kaurinui Robert Parata', type: 'person', forms: ['Te Kaurinui'] },
  { name: 'Department of Conservation', type: 'organisation', forms: ['the conservation department'] },
  { name: 'a ranger', type: 'role', forms: ['the ranger'] }
]

describe('speaker matching', () => {
  it('takes a form the article uses, exactly, before any looser match', () => {
    // "Parata" is Hori's form: the son, who shares the surname, is not meant.
    expect(entitiesOf('Parata', entities).map((e) => e.name)).toEqual(['Hori Parata'])
    expect(speakerRight('Parata', 'Hori Parata', entities)).toBe(true)
    expect(speakerRight('Parata', 'Te Kaurinui Robert Parata', entities)).toBe(false)
    expect(speakerRight('Mr. Te Kaurinui', 'Te Kaurinui Robert Parata', entities)).toBe(true)
  })
  it('accepts titles, determiners and case around a known name or role', () => {
    expect(speakerRight('conservation department', 'Department of Conservation', entities)).toBe(true)
    expect(speakerRight('ranger', 'a ranger', entities)).toBe(true)
  })
  it('is right on a scare quote only when nobody is named', () => {
    expect(speakerRight(null, null, entities)).toBe(true)
    expect(speakerRight('Parata', null, entities)).toBe(false)
    expect(speakerRight(null, 'Hori Parata', entities)).toBe(false)
  })
  it('calls a name outside every entity invented', () => {
    expect(isInvented('Yet Parata Volker', entities)).toBe(true)
    expect(isInvented('Hori Parata', entities)).toBe(false)
    // Invented is measured against the speakers; a name of the text that did not speak is
    // still in the text.
    expect(inText('Hori Parata', 'Whale whisperer Hori  Parata spoke.')).toBe(true)
    expect(inText('Chaos In', 'The Birth of Chaos\n\nIn the fall')).toBe(false)
    // A labelled speaker missing from the entity list is still a speaker.
    expect(speakerRight('the spokesman', 'spokesman', [])).toBe(true)
  })
})

describe('scoring an article', () => {
  const text = 'Intro “Glory to all,” a caption.\n\n“We must go,” said Parata. The ranger called it “a zoo.” Some “scare” here.'
  const file: LabelFile = {
    id: 'tiny',
    entities,
    quotes: [
      { text: 'We must go,', speaker: 'Hori Parata', speakerType: 'person', kind: 'direct', traits: ['name'] },
      { text: 'a zoo.', speaker: 'a ranger', speakerType: 'role', kind: 'partial', traits: ['role', 'fragment'] },
      { text: 'scare', speaker: null, speakerType: null, kind: 'scare', traits: [] }
    ],
    notQuotes: [{ text: 'Glory to all,', why: 'caption' }]
  }
  const article = toArticle(file, text)
  const det = (t: string, speaker: string | null, confidence: number): DetectedQuote => {
    const { start, end } = locate(text, t)
    return { start, end, text: t, speaker, speakerMention: null, confidence, kind: speaker ? 'direct' : 'scare', evidence: 'test' }
  }

  it('counts spans, speakers, invented names, furniture and bands', () => {
    const s = score([article], () => [
      det('Glory to all,', 'Glory', 0.85),
      det('We must go', 'Parata', 0.95), // 10 of 11 characters: still the span
      det('a zoo', 'Hori Parata', 0.7), // wrong speaker
      det('sca', null, 0.2) // 3 of 5 characters: not the span
    ])
    expect(s.spanFound).toBe(2)
    expect(s.speakerRight).toBe(1)
    expect([s.named, s.namedRight]).toEqual([3, 1])
    expect(s.invented).toBe(1)
    expect(s.inventedNames).toEqual(['tiny: Glory'])
    expect(s.furnitureFound).toBe(1)
    expect(s.traits.role).toMatchObject({ n: 1, found: 1, right: 0, wrong: 1 })
    expect(s.kinds.scare).toMatchObject({ n: 1, found: 0 })
    expect(s.bands.map((b) => [b.named, b.right])).toEqual([[1, 1], [1, 0], [1, 0], [0, 0], [0, 0]])
  })
  it('finds the n-th occurrence and refuses text that is not there', () => {
    expect(locate('a “x” b “x”', 'x', 1)).toEqual({ start: 9, end: 10 })
    expect(() => locate('abc', 'zz', 0, 'tiny')).toThrow(/tiny/)
  })
})

describe('the real-coverage tune half', () => {
  // Guards against regressions, a little under the measured numbers (docs/quotes.md). The
  // held-out half is never asserted: a failing test there would invite tuning on it.
  it('stays at its measured level', () => {
    const s = score(loadHalf('tune'))
    expect(s.spanFound / s.labelled).toBeGreaterThanOrEqual(0.97)
    expect(s.speakerRight / s.labelled).toBeGreaterThanOrEqual(0.88)
    expect(s.namedRight / s.named).toBeGreaterThanOrEqual(0.96)
    // Round 4's tune half (585 quotes) has one: "Washington" for reported speech inside reported speech.
    expect(s.invented).toBeLessThanOrEqual(1)
    expect(s.furnitureFound).toBe(0)
  })
})
