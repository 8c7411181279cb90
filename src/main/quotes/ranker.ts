/**
 * The learned speaker ranker: for a quotation, a softmax over the candidate speakers the rules
 * can see (ranker-candidates.ts) and "nobody". Its weights come from
 * scripts/quality/train-ranker.ts (trained on the tune half and the retired round-4 held-out half;
 * docs/quotes.md "Round 5").
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
  /**
   * How the ranker's decision combines with the rules': `decide` — it names the speaker of every
   * quote; `fill` — the rules' speaker stands wherever they name one, the ranker decides the
   * others; `abstain` — it only keeps or drops the rules' speaker (kept when its probability for
   * that speaker reaches the threshold, with that probability as the confidence), never adds one.
   */
  use: RankerUse
}
export type RankerUse = 'decide' | 'fill' | 'abstain'


/** The probability of each candidate, then of nobody (last). */
export function probabilities(set: CandidateSet, model: Pick<RankerModel, 'candidate' | 'nobody'>): number[] {
  return softmax(model, set.candidates.map((c) => c.features), set.nobody)
}

/** The softmax over each candidate's features and nobody's (last): the model the trainer fits, too. */
export function softmax(w: { candidate: readonly number[]; nobody: readonly number[] }, candidates: readonly (readonly number[])[], nobody: readonly number[]): number[] {
  const scores = candidates.map((f) => dot(w.candidate, f))
  scores.push(dot(w.nobody, nobody))
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

/** The rules' own pick (the candidate with the `rule` feature) when its probability reaches the threshold. */
function rulePick(set: CandidateSet, probs: readonly number[], threshold: number): { index: number; p: number } | null {
  const index = set.candidates.findIndex((c) => c.features[0] === 1)
  return index >= 0 && probs[index] >= threshold ? { index, p: probs[index] } : null
}

/** Replaces each quote's speaker by the ranker's decision (its probability as the confidence). */
export function applyRanker(out: DetectedQuote[], sets: readonly CandidateSet[], model: RankerModel): void {
  for (let i = 0; i < out.length; i++) {
    const set = sets[i]
    const dq = out[i]
    if (model.use === 'fill' && dq.speaker) continue
    if (model.use === 'abstain' && !dq.speaker) continue
    const probs = probabilities(set, model)
    const pick = model.use === 'abstain' ? rulePick(set, probs, model.threshold) : decide(probs, model.threshold)
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
