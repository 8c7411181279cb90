import { describe, expect, it } from 'vitest'
import { makeRng } from '../../test/support/prng'
import { loss, predict, train, type Example } from './softmax'

/**
 * A synthetic problem the trainer must learn: 2–4 candidates with two noise features and one
 * "marked" flag; the marked candidate is right, and with none marked (a quarter of examples,
 * flagged by nobody's second feature) nobody is.
 */
function problem(seed: number, n: number): Example[] {
  const rng = makeRng(seed)
  return Array.from({ length: n }, () => {
    const k = 2 + Math.floor(rng() * 3)
    const marked = rng() < 0.75 ? Math.floor(rng() * k) : -1
    const candidates = Array.from({ length: k }, (_, i) => [i === marked ? 1 : 0, rng(), rng()])
    return { candidates, nobody: [1, marked < 0 ? 1 : 0], targets: [marked < 0 ? k : marked] }
  })
}
const accuracy = (w: ReturnType<typeof train>, ex: Example[]) =>
  ex.filter((e) => {
    const p = predict(w, e)
    return e.targets.includes(p.indexOf(Math.max(...p)))
  }).length / ex.length

describe('softmax trainer', () => {
  const dims = { candidate: 3, nobody: 2 }

  it('learns a separable rule and generalises to fresh examples', () => {
    const w = train(problem(1, 300), dims, { l2: 0.001, iterations: 300 })
    expect(accuracy(w, problem(2, 300))).toBe(1)
    // The marked flag carries the decision; the noise features stay small.
    expect(w.candidate[0]).toBeGreaterThan(2)
    expect(Math.abs(w.candidate[1])).toBeLessThan(w.candidate[0] / 4)
    expect(loss(w, problem(2, 300))).toBeLessThan(0.1)
  })

  it('cannot learn what the features do not say (targets at random stay near chance)', () => {
    const rng = makeRng(3)
    const shuffled = problem(4, 300).map((e) => ({ ...e, targets: [Math.floor(rng() * (e.candidates.length + 1))] }))
    const w = train(shuffled, dims, { l2: 0.001, iterations: 300 })
    const fresh = problem(5, 300).map((e) => ({ ...e, targets: [Math.floor(rng() * (e.candidates.length + 1))] }))
    expect(accuracy(w, fresh)).toBeLessThan(0.5)
  })

  it('is deterministic, and L2 shrinks the weights', () => {
    const ex = problem(6, 200)
    expect(train(ex, dims)).toEqual(train(ex, dims))
    const loose = train(ex, dims, { l2: 0.0001 })
    const tight = train(ex, dims, { l2: 1 })
    expect(Math.abs(tight.candidate[0])).toBeLessThan(Math.abs(loose.candidate[0]))
  })

  it('takes several right options as one (a speaker under two names)', () => {
    const e: Example = { candidates: [[1], [1], [0]], nobody: [1], targets: [0, 1] }
    const w = train([e], { candidate: 1, nobody: 1 }, { l2: 0, iterations: 200 })
    const p = predict(w, e)
    expect(p[0] + p[1]).toBeGreaterThan(0.95)
  })
})
