import { describe, expect, it } from 'vitest'
import { detectQuotes } from './detect'
import { CANDIDATE_FEATURES, NOBODY_FEATURES, type CandidateSet } from './ranker-candidates'
import { applyRanker, decide, probabilities, type RankerModel, type RankerUse } from './ranker'
import { RANKER } from './ranker-weights'
import type { DetectedQuote } from './quote-type'

const TEXT =
  'Acme Corp. announced layoffs on Monday. Jane Cook, the chief executive, said the cuts were painful.\n\n' +
  '“We had no choice,” she said.\n\n' +
  'The union called the plan a “betrayal” of its members.\n\n' +
  'Mark Hill, a union organiser, joined the protest on Tuesday. “This is not over.”'

function gathered(text: string): { sets: CandidateSet[]; quotes: DetectedQuote[] } {
  let sets: CandidateSet[] = []
  const quotes = detectQuotes(text, {}, { ranker: null, onCandidates: (s) => (sets = s) })
  return { sets, quotes }
}
const feature = (set: CandidateSet, name: string, f: (typeof CANDIDATE_FEATURES)[number]) => set.candidates.find((c) => c.name === name)?.features[CANDIDATE_FEATURES.indexOf(f)]
const nobody = (set: CandidateSet, f: (typeof NOBODY_FEATURES)[number]) => set.nobody[NOBODY_FEATURES.indexOf(f)]

describe('ranker candidates', () => {
  it('gathers the speakers the rules can see, without changing what the rules decide', () => {
    const { sets, quotes } = gathered(TEXT)
    expect(quotes).toEqual(detectQuotes(TEXT, {}, { ranker: null }))
    expect(sets).toHaveLength(3)
    const [said, scare, over] = sets
    // The rule pick, also the previous sentence's subject and the last speaker (reported speech).
    expect(said.candidates[0].name).toBe('Jane Cook')
    expect(said.candidates[0].generators).toEqual(expect.arrayContaining(['prevSubject', 'lastSpeaker', 'nearPerson']))
    expect(feature(said, 'Jane Cook', 'rule')).toBe(1)
    expect(feature(said, 'Jane Cook', 'ruleConfidence')).toBe(quotes[0].confidence)
    expect(feature(said, 'Acme Corp.', 'organisation')).toBe(1)
    expect(feature(said, 'Acme Corp.', 'rule')).toBe(0)
    expect(feature(said, 'Jane Cook', 'firstPersonPerson')).toBe(1)
    expect(feature(said, 'Jane Cook', 'inParagraph')).toBe(0) // named in the paragraph before
    expect(nobody(said, 'verbDistance')).toBeLessThan(0.05) // “…,” she said
    expect(nobody(said, 'short')).toBe(0)
    // A scare quote: the rules name nobody, but keep the sentence's agent as a candidate.
    expect(quotes[1].speaker).toBeNull()
    expect(feature(scare, 'union', 'setAside')).toBe(1)
    expect(nobody(scare, 'scare')).toBe(1)
    expect(nobody(scare, 'ruleNone')).toBe(1)
    expect(nobody(scare, 'short')).toBe(1)
    // Narrative about Mark Hill, then his words; Jane Cook only as the last one quoted.
    expect(feature(over, 'Mark Hill', 'local')).toBe(1)
    expect(feature(over, 'Jane Cook', 'local')).toBe(0)
    expect(feature(over, 'Jane Cook', 'lastSpeaker')).toBe(1)
    expect(nobody(over, 'verbDistance')).toBe(1)
    expect(feature(over, 'Mark Hill', 'inParagraph')).toBe(1)
    expect(feature(over, 'Jane Cook', 'inParagraph')).toBe(0)
  })

  it('marks a candidate named right after the quote, in its sentence, in any language', () => {
    const text = 'Ana Ruiz a Petr Novák mluvili o zápase.\n\n“Vyhrajeme,” píše na Twitteru Ana Ruiz. Novák mlčel.'
    const { sets } = gathered(text)
    expect(feature(sets[0], 'Ana Ruiz', 'namedAfterClose')).toBe(1)
    expect(feature(sets[0], 'Petr Novák', 'namedAfterClose')).toBe(0) // named after the sentence's end
    expect(feature(sets[0], 'Petr Novák', 'inParagraph')).toBe(1)
  })

  it('offers only names written in the text: never a date, never a built string', () => {
    const { sets } = gathered(TEXT)
    const names = sets.flatMap((s) => s.candidates.map((c) => c.name))
    expect(names).not.toContain('Monday')
    expect(names).not.toContain('Tuesday')
    for (const n of names) expect(TEXT.toLowerCase()).toContain(n.toLowerCase())
    for (const s of sets) {
      expect(s.nobody).toHaveLength(NOBODY_FEATURES.length)
      for (const c of s.candidates) expect(c.features).toHaveLength(CANDIDATE_FEATURES.length)
    }
  })
})

describe('ranker decisions', () => {
  const only = (f: (typeof CANDIDATE_FEATURES)[number], threshold: number, use: RankerUse = 'decide'): RankerModel => ({
    candidateFeatures: CANDIDATE_FEATURES,
    nobodyFeatures: NOBODY_FEATURES,
    candidate: CANDIDATE_FEATURES.map((x) => (x === f ? 5 : 0)),
    nobody: NOBODY_FEATURES.map(() => 0),
    threshold,
    use
  })

  it('names the likeliest candidate with its probability as the confidence, or nobody below the threshold', () => {
    const { sets, quotes } = gathered(TEXT)
    const byLast = only('lastSpeaker', 0.5)
    const out = [...quotes]
    applyRanker(out, sets, byLast)
    expect(out[2].speaker).toBe('Jane Cook') // the model's choice, not the rules' Mark Hill
    expect(out[2].confidence).toBe(Math.round(probabilities(sets[2], byLast)[1] * 100) / 100)
    expect(out[2].evidence).toBe('ranker/lastSpeaker')
    const strict = [...quotes]
    applyRanker(strict, sets, only('lastSpeaker', 0.999))
    expect(strict.map((q) => q.speaker)).toEqual([null, null, null])
    expect(strict[0].confidence).toBe(0.2)
    // Filling in only where the rules name nobody keeps the rules' speakers.
    const fill = [...quotes]
    applyRanker(fill, sets, only('setAside', 0.5, 'fill'))
    expect(fill.map((q) => q.speaker)).toEqual(['Jane Cook', 'union', 'Mark Hill'])
    // The abstainer keeps a rules' speaker it is sure of (its probability as the confidence),
    // drops one it is not, and never adds one where the rules name nobody.
    const keep = [...quotes]
    const trustRules = only('rule', 0.5, 'abstain')
    applyRanker(keep, sets, trustRules)
    expect(keep.map((q) => q.speaker)).toEqual(['Jane Cook', null, 'Mark Hill'])
    expect(keep[0].confidence).toBe(Math.round(probabilities(sets[0], trustRules)[0] * 100) / 100)
    const drop = [...quotes]
    applyRanker(drop, sets, only('setAside', 0.5, 'abstain'))
    expect(drop.map((q) => q.speaker)).toEqual([null, null, null])
  })

  it('abstains on an empty candidate set, and the threshold may name a candidate less likely than nobody', () => {
    expect(decide([1], 0)).toBeNull()
    expect(decide([0.3, 0.1, 0.6], 0.25)).toEqual({ index: 0, p: 0.3 })
    expect(decide([0.3, 0.1, 0.6], 0.35)).toBeNull()
  })

  it('ships weights for the features the extractor computes', () => {
    expect(RANKER.candidateFeatures).toEqual([...CANDIDATE_FEATURES])
    expect(RANKER.nobodyFeatures).toEqual([...NOBODY_FEATURES])
    expect(RANKER.candidate).toHaveLength(CANDIDATE_FEATURES.length)
    expect(RANKER.nobody).toHaveLength(NOBODY_FEATURES.length)
  })
})
