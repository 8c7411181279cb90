/**
 * A plain softmax-over-candidates trainer (conditional logit with a "nobody" option): each
 * example offers some candidates (feature vectors scored by one shared weight vector) and
 * "nobody" (its own features and weights); the loss is the negative log of the probability the
 * model gives to the right options, plus an L2 penalty. Full-batch Adam from zero weights: no
 * randomness, so the same examples always give the same weights.
 */
import { softmax } from '../../src/main/quotes/ranker'
export interface Example {
  candidates: readonly (readonly number[])[]
  nobody: readonly number[]
  /** The right options: candidate indices, or `candidates.length` for nobody. Never empty. */
  targets: readonly number[]
}
export interface Weights {
  candidate: number[]
  nobody: number[]
}
export interface TrainOptions {
  l2?: number
  iterations?: number
  rate?: number
}

/** Probabilities of each candidate and, last, of nobody. */
export function predict(w: Weights, e: Pick<Example, 'candidates' | 'nobody'>): number[] {
  return softmax(w, e.candidates, e.nobody)
}

/** The mean negative log-likelihood of the right options (without the penalty). */
export function loss(w: Weights, examples: readonly Example[]): number {
  let l = 0
  for (const e of examples) {
    const p = predict(w, e)
    l -= Math.log(Math.max(1e-12, e.targets.reduce((a, t) => a + p[t], 0)))
  }
  return l / Math.max(1, examples.length)
}

/** Trains the weights; the nobody bias (nobody feature 0) is not penalised. */
export function train(examples: readonly Example[], dims: { candidate: number; nobody: number }, opts: TrainOptions = {}): Weights {
  const { l2 = 0.01, iterations = 400, rate = 0.05 } = opts
  const n = dims.candidate + dims.nobody
  const w = new Float64Array(n)
  const m = new Float64Array(n)
  const v = new Float64Array(n)
  const g = new Float64Array(n)
  const b1 = 0.9
  const b2 = 0.999
  const view = (): Weights => ({ candidate: [...w.subarray(0, dims.candidate)], nobody: [...w.subarray(dims.candidate)] })
  for (let it = 1; it <= iterations; it++) {
    g.fill(0)
    const cur = view()
    for (const e of examples) {
      const p = predict(cur, e)
      const right = e.targets.reduce((a, t) => a + p[t], 0)
      // d(-log Σ_right p)/d score_k = p_k - [k right] p_k / Σ_right p
      const k0 = e.candidates.length
      for (let k = 0; k <= k0; k++) {
        const coef = p[k] - (e.targets.includes(k) ? p[k] / Math.max(1e-12, right) : 0)
        if (coef === 0) continue
        if (k < k0) {
          const f = e.candidates[k]
          for (let i = 0; i < f.length; i++) g[i] += coef * f[i]
        } else {
          for (let i = 0; i < e.nobody.length; i++) g[dims.candidate + i] += coef * e.nobody[i]
        }
      }
    }
    const N = Math.max(1, examples.length)
    for (let i = 0; i < n; i++) {
      const grad = g[i] / N + (i === dims.candidate ? 0 : l2 * w[i])
      m[i] = b1 * m[i] + (1 - b1) * grad
      v[i] = b2 * v[i] + (1 - b2) * grad * grad
      const mh = m[i] / (1 - b1 ** it)
      const vh = v[i] / (1 - b2 ** it)
      w[i] -= (rate * mh) / (Math.sqrt(vh) + 1e-8)
    }
  }
  return view()
}
