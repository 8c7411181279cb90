/**
 * Trains the speaker ranker (src/main/quotes/ranker.ts) on the TUNE half only, and measures it
 * the only honest way the tune half allows: 5-fold cross-validation grouped by article (the
 * rules were written on these articles, so their plain tune score is inflated; a fold's
 * articles are never seen by the model or threshold scored on them). Thresholds — the rules'
 * confidence cut-off as much as the ranker's — are chosen inside each training fold by an inner
 * cross-validation, never on the fold scored.
 *
 *   npx tsx scripts/quality/train-ranker.ts            # CV tables, the weights it would write
 *   npx tsx scripts/quality/train-ranker.ts --write    # and write src/main/quotes/ranker-weights.ts
 *
 * Never reads the held-out half.
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { detectQuotes, type DetectedQuote } from '../../src/main/quotes/detect'
import { CANDIDATE_FEATURES, GENERATORS, NOBODY_FEATURES, type CandidateSet } from '../../src/main/quotes/ranker-candidates'
import { decide, type RankerModel } from '../../src/main/quotes/ranker'
import { makeRng } from '../../test/support/prng'
import { BANDS, TRAITS, loadHalf, overlap, speakerRight, type RealArticle, type RealLabel, type Trait } from './quotes-real'
import { predict, train, type Example, type Weights } from './softmax'

export const SEED = 13
export const FOLDS = 5
export const TRAIN = { l2: 0.01, iterations: 300, rate: 0.05 }
/** A threshold must keep precision when named at least this high on the data that chooses it. */
export const MIN_PRECISION = 0.97
const RULE_CUTS = [0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]
const RANKER_CUTS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]

/** One detected quotation as a training example, with what scoring needs. */
export interface Row {
  example: Example
  /** Whether naming each candidate would be right. */
  correct: boolean[]
  /** The rule pick's candidate index (-1: the rules named nobody) and confidence. */
  rule: number
  ruleConfidence: number
  /** The matched label (null: a detection that is no labelled quotation). */
  label: RealLabel | null
}
export interface ArticleRows {
  id: string
  rows: Row[]
  /** Traits of the labelled quotes no detection matched (they count against speaker-right). */
  missed: Trait[][]
}

/** Runs the rules with candidate gathering on, and turns every detection into a row. */
export function extract(articles: readonly RealArticle[]): ArticleRows[] {
  return articles.map((a) => {
    let sets: CandidateSet[] = []
    const found = detectQuotes(a.text, { furniture: a.furniture }, { ranker: null, onCandidates: (s) => (sets = s) })
    const matchOf = new Map<DetectedQuote, RealLabel>()
    const missed: Trait[][] = []
    for (const l of a.quotes) {
      const d = found.find((x) => !matchOf.has(x) && overlap(x, l) >= 0.8 * (l.end - l.start))
      if (d) matchOf.set(d, l.label)
      else missed.push(l.label.traits)
    }
    const rows = found.map((d, i): Row => {
      const set = sets[i]
      const label = matchOf.get(d) ?? null
      const correct = set.candidates.map((c) => label !== null && label.speaker !== null && speakerRight(c.name, label.speaker, a.entities))
      const rule = d.speaker ? set.candidates.findIndex((c) => c.features[0] === 1) : -1
      const targets = correct.flatMap((ok, k) => (ok ? [k] : []))
      return {
        example: { candidates: set.candidates.map((c) => c.features), nobody: set.nobody, targets: targets.length ? targets : [set.candidates.length] },
        correct,
        rule,
        ruleConfidence: d.confidence,
        label
      }
    })
    return { id: a.id, rows, missed }
  })
}

const RULE_FEATURES = 4
const RULE_NONE = NOBODY_FEATURES.indexOf('ruleNone')

/** The example as the ranker would see it had the rules named nobody: no rule features, no rule-only candidate. */
export function silenced(r: Row): Example {
  if (r.rule < 0) return r.example
  const keep = r.example.candidates.map((f, k) => k).filter((k) => r.example.candidates[k].slice(RULE_FEATURES, RULE_FEATURES + GENERATORS.length).some((x) => x !== 0))
  const candidates = keep.map((k) => r.example.candidates[k].map((x, i) => (i < RULE_FEATURES ? 0 : x)))
  const targets = keep.flatMap((k, j) => (r.correct[k] ? [j] : []))
  const nobody = r.example.nobody.map((x, i) => (i === RULE_NONE ? 1 : x))
  return { candidates, nobody, targets: targets.length ? targets : [candidates.length] }
}

const DIMS = { candidate: CANDIDATE_FEATURES.length, nobody: NOBODY_FEATURES.length }

/**
 * Trains on every detection; for `fill` (the ranker decides only where the rules name nobody),
 * on every detection as if the rules had named nobody (silenced): what the context alone says.
 */
export function fit(arts: readonly ArticleRows[], mode: Mode = 'ranker'): Weights {
  return train(
    arts.flatMap((a) => a.rows.map((r) => (mode === 'fill' ? silenced(r) : r.example))),
    DIMS,
    TRAIN
  )
}

/** Articles into `k` folds by a seeded shuffle. */
export function folds<T>(items: readonly T[], k: number, seed: number): T[][] {
  const rng = makeRng(seed)
  const order = items.map((x, i) => ({ x, r: rng(), i })).sort((a, b) => a.r - b.r || a.i - b.i)
  const out: T[][] = Array.from({ length: k }, () => [])
  order.forEach((o, i) => out[i % k].push(o.x))
  return out
}

type Mode = 'rules' | 'ranker' | 'fill'
/** Out-of-fold probabilities per row (by article id), from models trained on the other folds. */
function outOfFold(arts: readonly ArticleRows[], k: number, seed: number, mode: Mode): Map<Row, number[]> {
  const out = new Map<Row, number[]>()
  for (const test of folds(arts, k, seed)) {
    const w = fit(arts.filter((a) => !test.includes(a)), mode)
    for (const a of test) for (const r of a.rows) out.set(r, predict(w, r.example))
  }
  return out
}

function choice(r: Row, mode: Mode, cut: number, probs: number[] | undefined): { index: number; p: number } | null {
  const rules = r.rule >= 0 && r.ruleConfidence >= cut ? { index: r.rule, p: r.ruleConfidence } : null
  if (mode === 'rules') return rules
  if (mode === 'fill' && r.rule >= 0) return { index: r.rule, p: r.ruleConfidence }
  return decide(probs!, cut)
}

export interface Tally {
  labelled: number
  right: number
  named: number
  namedRight: number
  bands: { named: number; right: number }[]
  traits: Record<Trait, { n: number; right: number }>
}

function tally(): Tally {
  return { labelled: 0, right: 0, named: 0, namedRight: 0, bands: BANDS.map(() => ({ named: 0, right: 0 })), traits: Object.fromEntries(TRAITS.map((t) => [t, { n: 0, right: 0 }])) as Tally['traits'] }
}

function add(t: Tally, a: ArticleRows, mode: Mode, cut: number, probs: Map<Row, number[]>): void {
  for (const m of a.missed) {
    t.labelled++
    for (const tr of m) t.traits[tr].n++
  }
  for (const r of a.rows) {
    const c = choice(r, mode, cut, probs.get(r))
    const ok = c ? r.correct[c.index] : r.label?.speaker === null
    if (c) {
      t.named++
      if (ok) t.namedRight++
      const b = t.bands[BANDS.findIndex(([lo]) => c.p >= lo)]
      b.named++
      if (ok) b.right++
    }
    if (!r.label) continue
    t.labelled++
    if (ok) t.right++
    for (const tr of r.label.traits) {
      t.traits[tr].n++
      if (ok) t.traits[tr].right++
    }
  }
}

/** The cut-off with the most speakers right whose precision when named stays ≥ MIN_PRECISION (else the most precise). */
function chooseCut(arts: readonly ArticleRows[], mode: Mode, probs: Map<Row, number[]>): number {
  let best: { cut: number; right: number; precision: number } | null = null
  for (const cut of mode === 'rules' ? RULE_CUTS : RANKER_CUTS) {
    const t = tally()
    for (const a of arts) add(t, a, mode, cut, probs)
    const precision = t.named ? t.namedRight / t.named : 1
    const ok = precision >= MIN_PRECISION
    const better = !best || (ok && (best.precision < MIN_PRECISION || t.right > best.right)) || (!ok && best.precision < MIN_PRECISION && precision > best.precision)
    if (better) best = { cut, right: t.right, precision }
  }
  return best!.cut
}

/** Nested cross-validation of a mode: per outer fold, the cut chosen by inner CV on its training articles. */
export function crossValidate(arts: readonly ArticleRows[], mode: Mode): { tally: Tally; cuts: number[] } {
  const t = tally()
  const cuts: number[] = []
  for (const test of folds(arts, FOLDS, SEED)) {
    const trainArts = arts.filter((a) => !test.includes(a))
    const inner = mode === 'rules' ? new Map<Row, number[]>() : outOfFold(trainArts, FOLDS - 1, SEED + 1, mode)
    const cut = chooseCut(trainArts, mode, inner)
    cuts.push(cut)
    const probs = new Map<Row, number[]>()
    if (mode !== 'rules') {
      const w = fit(trainArts, mode)
      for (const a of test) for (const r of a.rows) probs.set(r, predict(w, r.example))
    }
    for (const a of test) add(t, a, mode, cut, probs)
  }
  return { tally: t, cuts }
}

/**
 * How much of the rules' own attributions the context alone would recover: for every quote the
 * rules attributed, the fill model's pick with the rules silenced (out of fold, at cut `cut`).
 * A proxy for quotes whose attribution the rules do not read (not a score of the app).
 */
export function silencedRecovery(arts: readonly ArticleRows[], cut: number): { rows: number; named: number; right: number } {
  const out = { rows: 0, named: 0, right: 0 }
  for (const test of folds(arts, FOLDS, SEED)) {
    const w = fit(
      arts.filter((a) => !test.includes(a)),
      'fill'
    )
    for (const a of test)
      for (const r of a.rows) {
        if (r.rule < 0 || !r.label?.speaker) continue
        const e = silenced(r)
        out.rows++
        const c = decide(predict(w, e), cut)
        if (!c) continue
        out.named++
        if (e.targets.includes(c.index)) out.right++
      }
  }
  return out
}

/**
 * How well each confidence predicts whether the rules' speaker is right, where the rules name one:
 * the Brier score (mean squared error, lower is better) of the rules' confidence and of the
 * ranker's out-of-fold probability for that same speaker — the ranker as a calibrator only.
 */
export function calibration(arts: readonly ArticleRows[]): { n: number; rules: number; ranker: number; bands: { rules: Tally['bands']; ranker: Tally['bands'] } } {
  const probs = outOfFold(arts, FOLDS, SEED, 'ranker')
  const out = { n: 0, rules: 0, ranker: 0, bands: { rules: tally().bands, ranker: tally().bands } }
  for (const a of arts)
    for (const r of a.rows) {
      if (r.rule < 0) continue
      const y = r.correct[r.rule] ? 1 : 0
      const p = probs.get(r)![r.rule]
      out.n++
      out.rules += (r.ruleConfidence - y) ** 2
      out.ranker += (p - y) ** 2
      for (const [bands, c] of [[out.bands.rules, r.ruleConfidence], [out.bands.ranker, p]] as const) {
        const b = bands[BANDS.findIndex(([lo]) => c >= lo)]
        b.named++
        b.right += y
      }
    }
  return { ...out, rules: out.rules / out.n, ranker: out.ranker / out.n }
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—')

export function describe(name: string, r: { tally: Tally; cuts: number[] }): string {
  const t = r.tally
  return [
    `### ${name} (cut-offs per fold: ${r.cuts.join(', ')})`,
    `speaker right ${pct(t.right, t.labelled)} (${t.right}/${t.labelled}); precision when named ${pct(t.namedRight, t.named)} (${t.namedRight}/${t.named})`,
    `bands: ${BANDS.map(([, b], i) => `${b} ${t.bands[i].right}/${t.bands[i].named} ${pct(t.bands[i].right, t.bands[i].named)}`).join(' · ')}`,
    `traits: ${TRAITS.map((tr) => `${tr} ${pct(t.traits[tr].right, t.traits[tr].n)}`).join(' · ')}`
  ].join('\n')
}

const round = (x: number) => Math.round(x * 1e4) / 1e4

/** The shipped model: weights from all tune articles, the cut-off from their out-of-fold probabilities. */
export function finalModel(arts: readonly ArticleRows[], mode: 'ranker' | 'fill', enabled: boolean): RankerModel & { enabled: boolean } {
  const w = fit(arts, mode)
  const threshold = chooseCut(arts, mode, outOfFold(arts, FOLDS, SEED, mode))
  return {
    enabled,
    onlyWhereRulesNameNobody: mode === 'fill',
    candidateFeatures: [...CANDIDATE_FEATURES],
    nobodyFeatures: [...NOBODY_FEATURES],
    candidate: w.candidate.map(round),
    nobody: w.nobody.map(round),
    threshold
  }
}

export function weightsFile(model: RankerModel & { enabled: boolean }): string {
  const list = (xs: readonly (string | number)[]) => `[${xs.map((x) => (typeof x === 'string' ? `'${x}'` : String(x))).join(', ')}]`
  return [
    '// Generated by scripts/quality/train-ranker.ts (tune half only, `--write`): do not edit by hand.',
    "import type { RankerModel } from './ranker'",
    '',
    '/** The speaker ranker shipped with the app; `enabled` only when it beat the rules in cross-validation. */',
    'export const RANKER: RankerModel & { enabled: boolean } = {',
    `  enabled: ${model.enabled},`,
    `  onlyWhereRulesNameNobody: ${model.onlyWhereRulesNameNobody},`,
    `  threshold: ${model.threshold},`,
    `  candidateFeatures: ${list(model.candidateFeatures)},`,
    `  nobodyFeatures: ${list(model.nobodyFeatures)},`,
    `  candidate: ${list(model.candidate)},`,
    `  nobody: ${list(model.nobody)}`,
    '}',
    ''
  ].join('\n')
}

export const WEIGHTS_PATH = join(dirname(fileURLToPath(import.meta.url)), '../../src/main/quotes/ranker-weights.ts')

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now()
  const arts = extract(loadHalf('tune'))
  console.log(`tune half: ${arts.length} articles, ${arts.reduce((n, a) => n + a.rows.length, 0)} detections; ${FOLDS}-fold CV by article (seed ${SEED}), inner CV for cut-offs, min precision ${MIN_PRECISION}\n`)
  const rules = crossValidate(arts, 'rules')
  const ranker = crossValidate(arts, 'ranker')
  const fill = crossValidate(arts, 'fill')
  console.log([describe('rules alone', rules), describe('rules + ranker (ranker decides every quote)', ranker), describe('rules + ranker (ranker only where the rules name nobody)', fill)].join('\n\n'))
  for (const cut of [0.3, 0.5, 0.7]) {
    const s = silencedRecovery(arts, cut)
    console.log(`\ncontext alone, rules silenced (fill model, cut ${cut}): of ${s.rows} quotes the rules attributed, named ${s.named}, right ${s.right} (${pct(s.right, s.rows)} recovered, precision ${pct(s.right, s.named)})`)
  }
  const cal = calibration(arts)
  const bandLine = (bands: Tally['bands']) => BANDS.map(([, b], i) => `${b} ${bands[i].right}/${bands[i].named}`).join(' · ')
  console.log(`\nconfidence of the rules' own speakers (${cal.n}), Brier score: rules ${cal.rules.toFixed(4)}, ranker probability (out of fold) ${cal.ranker.toFixed(4)}`)
  console.log(`  rules' bands: ${bandLine(cal.bands.rules)}\n  ranker bands: ${bandLine(cal.bands.ranker)}`)
  const wins = (r: typeof ranker) => r.tally.right > rules.tally.right && r.tally.namedRight / r.tally.named >= rules.tally.namedRight / rules.tally.named
  const mode = wins(fill) && (!wins(ranker) || fill.tally.right >= ranker.tally.right) ? 'fill' : 'ranker'
  const enabled = wins(mode === 'fill' ? fill : ranker)
  const model = finalModel(arts, mode, enabled)
  console.log(`\nshipped: mode ${mode}, ${enabled ? 'ENABLED (beats the rules in CV on right and precision)' : 'OFF (does not beat the rules in CV)'}, threshold ${model.threshold}`)
  console.log('candidate weights: ' + CANDIDATE_FEATURES.map((f, i) => `${f} ${model.candidate[i]}`).join(', '))
  console.log('nobody weights: ' + NOBODY_FEATURES.map((f, i) => `${f} ${model.nobody[i]}`).join(', '))
  if (process.argv.includes('--write')) {
    writeFileSync(WEIGHTS_PATH, weightsFile(model))
    console.log(`wrote ${WEIGHTS_PATH}`)
  }
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`)
}
