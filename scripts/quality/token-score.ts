/**
 * Token-level scoring of extracted text against gold text, as article-extraction benchmarks
 * do it: both texts become a bag of tokens (case-folded, split at anything that is not a
 * letter, mark or digit; Chinese/Japanese one token per character, since those scripts
 * write no spaces), and the overlap of the two bags gives precision and recall.
 *
 * Half-level numbers are MACRO: the mean of the pages' precision, recall and F1, so a
 * long page counts as much as a short one (the benchmark the issue quotes does the same).
 * The micro numbers (summed over tokens) are reported beside them.
 */
import { bagOf, overlap } from '../../src/shared/word-bags'

export interface PageScore {
  /** Tokens in the extraction, in the gold text, and in both (counted with multiplicity). */
  predicted: number
  gold: number
  common: number
  precision: number
  recall: number
  f1: number
}

export interface HalfScore {
  pages: number
  precision: number
  recall: number
  f1: number
  micro: { precision: number; recall: number; f1: number }
}

/** A CJK character, or a run of other letters/marks/digits. */
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}])[\p{L}\p{M}\p{N}])+/gu
/** Soft hyphens, zero-width spaces and joiners, BOMs: invisible, and they split words. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g

/** The text's tokens, in order. */
export function tokenize(text: string): string[] {
  const folded = text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase()
  return folded.match(TOKEN) ?? []
}


const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r))

/** One page: how much of the extraction is gold (precision), how much of the gold was extracted (recall). */
export function scorePage(predictedText: string, goldText: string): PageScore {
  const { common, sizeA: nPred, sizeB: nGold } = overlap(bagOf(tokenize(predictedText)), bagOf(tokenize(goldText)))
  // Nothing extracted from an empty gold page is perfect; anything else over nothing is 0.
  const precision = nPred === 0 ? (nGold === 0 ? 1 : 0) : common / nPred
  const recall = nGold === 0 ? (nPred === 0 ? 1 : 0) : common / nGold
  return { predicted: nPred, gold: nGold, common, precision, recall, f1: f1(precision, recall) }
}

/** Several pages: macro means (each page counts once) and micro sums (each token counts once). */
export function scoreHalf(pages: PageScore[]): HalfScore {
  const n = pages.length
  const mean = (pick: (p: PageScore) => number): number => (n === 0 ? 0 : pages.reduce((s, p) => s + pick(p), 0) / n)
  const common = pages.reduce((s, p) => s + p.common, 0)
  const pred = pages.reduce((s, p) => s + p.predicted, 0)
  const gold = pages.reduce((s, p) => s + p.gold, 0)
  const microP = pred === 0 ? 0 : common / pred
  const microR = gold === 0 ? 0 : common / gold
  return {
    pages: n,
    precision: mean((p) => p.precision),
    recall: mean((p) => p.recall),
    f1: mean((p) => p.f1),
    micro: { precision: microP, recall: microR, f1: f1(microP, microR) }
  }
}
