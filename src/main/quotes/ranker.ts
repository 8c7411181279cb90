/**
 * The learned speaker ranker: for a quotation, a softmax over the candidate speakers the rules
 * can see (ranker-candidates.ts) and "nobody". Its weights come from
 * scripts/quality/train-ranker.ts (trained on the tune half only; docs/quotes.md "Round 5").
 * The probability of the chosen speaker is the confidence shown, so the UI's bands ("probably
 * X?" 0.6–0.8, "possibly X?" below) are the model's own odds.
 */
import type { CandidateSet } from './ranker-candidates'
import type { DetectedQuote } from './quote-type'

export interface RankerModel {
  /** Feature names, in weight order (ranker-candidates.ts CANDIDATE_FEATURES / NOBODY_FEATURES). */
  candidateFeatures: readonly string[]
  nobodyFeatures: readonly string[]
  candidate: readonly number[]
  nobody: readonly number[]
  /** Below this probability the ranker names nobody (chosen by cross-validation). */
  threshold: number
  /** True: the rules' speaker stands wherever they name one; the ranker decides only the others. */
  onlyWhereRulesNameNobody: boolean
}

/** The probability of each candidate, then of nobody (last). */
export function probabilities(set: CandidateSet, model: Pick<RankerModel, 'candidate' | 'nobody'>): number[] {
  const scores = set.candidates.map((c) => dot(model.candidate, c.features))
  scores.push(dot(model.nobody, set.nobody))
  const max = Math.max(...scores)
  const exps = scores.map((s) => Math.exp(s - max))
  const sum = exps.reduce((a, b) => a + b, 0)
  return exps.map((e) => e / sum)
}

function dot(w: readonly number[], f: readonly number[]): number {
  let s = 0
  for (let i = 0; i < f.length; i++) s += w[i] * f[i]
  return s
}

/**
 * The candidate the model names (index, probability): the likeliest candidate when its
 * probability reaches the threshold — even below nobody's, when the threshold says so — else null.
 */
export function decide(probs: readonly number[], threshold: number): { index: number; p: number } | null {
  let best = -1
  for (let i = 0; i < probs.length - 1; i++) if (best < 0 || probs[i] > probs[best]) best = i
  return best >= 0 && probs[best] >= threshold ? { index: best, p: probs[best] } : null
}

/** Replaces each quote's speaker by the ranker's decision (its probability as the confidence). */
export function applyRanker(out: DetectedQuote[], sets: readonly CandidateSet[], model: RankerModel): void {
  for (let i = 0; i < out.length; i++) {
    const set = sets[i]
    const pick = decide(probabilities(set, model), model.threshold)
    const dq = out[i]
    if (model.onlyWhereRulesNameNobody && dq.speaker) continue
    if (!pick) {
      out[i] = { ...dq, speaker: null, speakerMention: null, confidence: 0.2, evidence: 'none' }
      continue
    }
    const c = set.candidates[pick.index]
    const same = dq.speaker === c.name
    out[i] = {
      ...dq,
      speaker: c.name,
      speakerMention: same ? dq.speakerMention : c.mention,
      confidence: Math.round(pick.p * 100) / 100,
      evidence: `ranker/${same ? dq.evidence : c.generators.join('+')}`
    }
  }
}
