import { describe, expect, it } from 'vitest'
import { RANKER, RANKER_TRAINED_ON } from '../../src/main/quotes/ranker-weights'
import { CANDIDATE_FEATURES, NOBODY_FEATURES } from '../../src/main/quotes/ranker-candidates'
import { DEFAULT_TRAIN, fit, folds, loadTraining, parseTrain } from './train-ranker'

describe('the ranker weights', () => {
  it('are what train-ranker.ts produces from its training halves (retrain with --write after changing features or rules)', () => {
    expect(RANKER_TRAINED_ON).toEqual(DEFAULT_TRAIN)
    const w = fit(loadTraining(RANKER_TRAINED_ON), RANKER.use === 'fill' ? 'fill' : 'ranker')
    const round = (x: number) => Math.round(x * 1e4) / 1e4
    expect(RANKER.candidateFeatures).toEqual([...CANDIDATE_FEATURES])
    expect(RANKER.nobodyFeatures).toEqual([...NOBODY_FEATURES])
    expect(w.candidate.map(round)).toEqual(RANKER.candidate)
    expect(w.nobody.map(round)).toEqual(RANKER.nobody)
  })

  it('groups folds by article, the same way every run', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `a${i}`)
    const f = folds(ids, 5, 13)
    expect(f.flat().sort()).toEqual([...ids].sort())
    expect(f.map((x) => x.length)).toEqual([3, 3, 2, 2, 2])
    expect(folds(ids, 5, 13)).toEqual(f)
  })

  it('never trains on the blind held-out set', () => {
    expect(parseTrain(undefined)).toEqual(['tune', 'heldout'])
    expect(parseTrain('tune,fresh')).toEqual(['tune', 'fresh'])
    expect(() => parseTrain('tune,blind')).toThrow(/blind set is the held-out set/)
  })
})
