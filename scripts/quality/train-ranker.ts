/**
 * Trains the speaker ranker (src/main/quotes/ranker.ts) and measures it by 5-fold
 * cross-validation grouped by article (a fold's articles are never seen by the model or the
 * threshold scored on them). Since round 5 it trains on the tune half AND the retired round-4
 * held-out half (docs/quotes.md "Round 5": the only labelled text on which the rules fail as
 * they do on unseen articles); the numbers are reported separately for the held-out-half
 * articles (the figure that predicts unseen text) and the tune-half ones (where the rules were
 * written, so inflated). Folds are stratified by half. The ranker's threshold is chosen inside
 * each training fold by an inner cross-validation, never on the fold scored.
 *
 *   npx tsx scripts/quality/train-ranker.ts                        # CV tables, the weights it would write
 *   npx tsx scripts/quality/train-ranker.ts --train tune           # round 1's protocol (tune half only)
 *   npx tsx scripts/quality/train-ranker.ts --objective precision  # threshold: most precise keeping the rules' right
 *   npx tsx scripts/quality/train-ranker.ts --write                # and write src/main/quotes/ranker-weights.ts
 *
 * Never reads round 7's `blind` set: it is the held-out set now, scored once per detector version by the lead.
 */
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { detectQuotes, type DetectedQuote } from '../../src/main/quotes/detect'
import { CANDIDATE_FEATURES, GENERATORS, NOBODY_FEATURES, type CandidateSet } from '../../src/main/quotes/ranker-candidates'
import { decide, type RankerModel, type RankerUse } from '../../src/main/quotes/ranker'
import { makeRng } from '../../test/support/prng'
import { BANDS, TRAITS, loadHalf, overlap, speakerRight, type RealArticle, type RealLabel, type Trait } from './quotes-real'
import { predict, train, type Example, type Weights } from './softmax'

export const SEED = 13
export const FOLDS = 5
export const TRAIN = { l2: 0.01, iterations: 300, rate: 0.05 }
/** The sets the ranker may learn from (round 5's `fresh`, retired in round 7, among them); round 7's `blind` is the held-out set and never one of them. */
export const HALVES = ['tune', 'heldout', 'fresh'] as const
export type Half = (typeof HALVES)[number]
/** What the shipped weights are trained on (train-ranker.test.ts reproduces them from it). */
export const DEFAULT_TRAIN: readonly Half[] = ['tune', 'heldout']
/** The least gain in speaker right (share of labelled quotes) that counts as beating the rules. */
export const MIN_GAIN = 0.01
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
  half: Half
  rows: Row[]
  /** Traits of the labelled quotes no detection matched (they count against speaker-right). */
  missed: Trait[][]
}

/** Runs the rules with candidate gathering on, and turns every detection into a row. */
export function extract(articles: readonly RealArticle[], half: Half): ArticleRows[] {
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
    return { id: a.id, half, rows, missed }
  })
}

/** The training articles of the given halves, in a fixed order. */
export function loadTraining(halves: readonly Half[]): ArticleRows[] {
  return halves.flatMap((h) => extract(loadHalf(h), h))
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
  // The abstainer is the full ranker read differently (its probability for the rules' pick).
  return train(
    arts.flatMap((a) => a.rows.map((r) => (mode === 'fill' ? silenced(r) : r.example))),
    DIMS,
    TRAIN
  )
}

/** Articles into `k` folds, each half shuffled and dealt on its own so every fold gets its share of both. */
export function stratifiedFolds(arts: readonly ArticleRows[], k: number, seed: number): ArticleRows[][] {
  const out: ArticleRows[][] = Array.from({ length: k }, () => [])
  for (const h of HALVES)
    folds(
      arts.filter((a) => a.half === h),
      k,
      seed
    ).forEach((f, i) => out[i].push(...f))
  return out
}

/** Items into `k` folds by a seeded shuffle. */
export function folds<T>(items: readonly T[], k: number, seed: number): T[][] {
  const rng = makeRng(seed)
  const order = items.map((x, i) => ({ x, r: rng(), i })).sort((a, b) => a.r - b.r || a.i - b.i)
  const out: T[][] = Array.from({ length: k }, () => [])
  order.forEach((o, i) => out[i % k].push(o.x))
  return out
}

/**
 * rules: as shipped (cut 0); ranker: decides every quote; fill: only where the rules name nobody;
 * abstain: keeps or drops the rules' pick by the ranker's probability for it, never adds one.
 */
export type Mode = 'rules' | 'ranker' | 'fill' | 'abstain'
/** Out-of-fold probabilities per row (by article id), from models trained on the other folds. */
export function outOfFold(arts: readonly ArticleRows[], k: number, seed: number, mode: Mode): Map<Row, number[]> {
  const out = new Map<Row, number[]>()
  for (const test of stratifiedFolds(arts, k, seed)) {
    const w = fit(arts.filter((a) => !test.includes(a)), mode)
    for (const a of test) for (const r of a.rows) out.set(r, predict(w, r.example))
  }
  return out
}

function choice(r: Row, mode: Mode, cut: number, probs: number[] | undefined): { index: number; p: number } | null {
  if (mode === 'rules') return r.rule >= 0 && r.ruleConfidence >= cut ? { index: r.rule, p: r.ruleConfidence } : null
  if (mode === 'fill' && r.rule >= 0) return { index: r.rule, p: r.ruleConfidence }
  if (mode === 'abstain') return r.rule >= 0 && probs![r.rule] >= cut ? { index: r.rule, p: probs![r.rule] } : null
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

/**
 * How a threshold is chosen (on out-of-fold probabilities of the training articles, judged on
 * their held-out-half articles when there are any — the rules fail there as on unseen text):
 * `right`: the most speakers right with precision when named ≥ the rules'; `precision`: the most
 * precise with speakers right ≥ the rules'. When no threshold meets the bound, the rules' own
 * behaviour is the fallback (threshold 1.01: the ranker names nobody it was not sure of).
 */
export type Objective = 'right' | 'precision'

function rate(t: Tally): { right: number; precision: number } {
  return { right: t.labelled ? t.right / t.labelled : 0, precision: t.named ? t.namedRight / t.named : 1 }
}

function chooseCut(arts: readonly ArticleRows[], mode: Mode, probs: Map<Row, number[]>, objective: Objective): number {
  const judged = arts.some((a) => a.half === 'heldout') ? arts.filter((a) => a.half === 'heldout') : arts
  const base = tally()
  for (const a of judged) add(base, a, 'rules', 0, probs)
  const rules = rate(base)
  let best: { cut: number; right: number; precision: number } | null = null
  for (const cut of RANKER_CUTS) {
    const t = tally()
    for (const a of judged) add(t, a, mode, cut, probs)
    const r = rate(t)
    const ok = objective === 'right' ? r.precision >= rules.precision : r.right >= rules.right
    const [main, second] = objective === 'right' ? ['right', 'precision'] as const : ['precision', 'right'] as const
    if (ok && (!best || r[main] > best[main] || (r[main] === best[main] && r[second] > best[second]))) best = { cut, ...r }
  }
  return best?.cut ?? 1.01
}

/** Nested cross-validation of a mode: per outer fold, the cut chosen by inner CV on its training articles. */
export interface Result {
  tally: Record<Half | 'all', Tally>
  cuts: number[]
}

export function crossValidate(arts: readonly ArticleRows[], mode: Mode, objective: Objective = 'right'): Result {
  const t = { tune: tally(), heldout: tally(), fresh: tally(), all: tally() }
  const cuts: number[] = []
  for (const test of stratifiedFolds(arts, FOLDS, SEED)) {
    const trainArts = arts.filter((a) => !test.includes(a))
    const inner = mode === 'rules' ? new Map<Row, number[]>() : outOfFold(trainArts, FOLDS - 1, SEED + 1, mode)
    const cut = mode === 'rules' ? 0 : chooseCut(trainArts, mode, inner, objective)
    cuts.push(cut)
    const probs = new Map<Row, number[]>()
    if (mode !== 'rules') {
      const w = fit(trainArts, mode)
      for (const a of test) for (const r of a.rows) probs.set(r, predict(w, r.example))
    }
    for (const a of test) {
      add(t[a.half], a, mode, cut, probs)
      add(t.all, a, mode, cut, probs)
    }
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
  for (const test of stratifiedFolds(arts, FOLDS, SEED)) {
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
 * Per half: the held-out-half articles are where a confidence has to hold on unseen text.
 */
export interface Calibration {
  n: number
  rules: number
  ranker: number
  bands: { rules: Tally['bands']; ranker: Tally['bands'] }
}
export function calibration(arts: readonly ArticleRows[]): Record<Half, Calibration> {
  const probs = outOfFold(arts, FOLDS, SEED, 'ranker')
  const empty = (): Calibration => ({ n: 0, rules: 0, ranker: 0, bands: { rules: tally().bands, ranker: tally().bands } })
  const out = { tune: empty(), heldout: empty(), fresh: empty() }
  for (const a of arts)
    for (const r of a.rows) {
      if (r.rule < 0) continue
      const o = out[a.half]
      const y = r.correct[r.rule] ? 1 : 0
      const p = probs.get(r)![r.rule]
      o.n++
      o.rules += (r.ruleConfidence - y) ** 2
      o.ranker += (p - y) ** 2
      for (const [bands, c] of [[o.bands.rules, r.ruleConfidence], [o.bands.ranker, p]] as const) {
        const b = bands[BANDS.findIndex(([lo]) => c >= lo)]
        b.named++
        b.right += y
      }
    }
  for (const o of Object.values(out)) {
    o.rules /= Math.max(1, o.n)
    o.ranker /= Math.max(1, o.n)
  }
  return out
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '—')

function describeTally(label: string, t: Tally): string {
  return [
    `${label}: speaker right ${pct(t.right, t.labelled)} (${t.right}/${t.labelled}); precision when named ${pct(t.namedRight, t.named)} (${t.namedRight}/${t.named})`,
    `  bands: ${BANDS.map(([, b], i) => `${b} ${t.bands[i].right}/${t.bands[i].named} ${pct(t.bands[i].right, t.bands[i].named)}`).join(' · ')}`,
    `  traits: ${TRAITS.map((tr) => `${tr} ${pct(t.traits[tr].right, t.traits[tr].n)} (${t.traits[tr].n})`).join(' · ')}`
  ].join('\n')
}

export function describe(name: string, r: Result): string {
  return [
    `### ${name} (cut-offs per fold: ${r.cuts.join(', ')})`,
    ...(r.tally.heldout.labelled ? [describeTally('held-out-half articles', r.tally.heldout)] : []),
    describeTally('tune-half articles', r.tally.tune)
  ].join('\n')
}

const round = (x: number) => Math.round(x * 1e4) / 1e4
const USE: Record<Exclude<Mode, 'rules'>, RankerUse> = { ranker: 'decide', fill: 'fill', abstain: 'abstain' }

/** The shipped model: weights from all training articles, the cut-off from their out-of-fold probabilities. */
export function finalModel(arts: readonly ArticleRows[], mode: Exclude<Mode, 'rules'>, enabled: boolean, objective: Objective): RankerModel & { enabled: boolean } {
  const w = fit(arts, mode)
  const threshold = chooseCut(arts, mode, outOfFold(arts, FOLDS, SEED, mode), objective)
  return {
    enabled,
    use: USE[mode],
    candidateFeatures: [...CANDIDATE_FEATURES],
    nobodyFeatures: [...NOBODY_FEATURES],
    candidate: w.candidate.map(round),
    nobody: w.nobody.map(round),
    threshold
  }
}

export function weightsFile(model: RankerModel & { enabled: boolean }, halves: readonly Half[]): string {
  const list = (xs: readonly (string | number)[]) => `[${xs.map((x) => (typeof x === 'string' ? `'${x}'` : String(x))).join(', ')}]`
  return [
    '// Generated by scripts/quality/train-ranker.ts (`--write`): do not edit by hand.',
    "import type { RankerModel } from './ranker'",
    '',
    '/** The halves of the labelled set the weights were trained on (never round 7\'s `blind` held-out set). */',
    `export const RANKER_TRAINED_ON = ${list(halves)} as const`,
    '',
    '/** The speaker ranker shipped with the app; `enabled` only when it beat the rules in cross-validation. */',
    'export const RANKER: RankerModel & { enabled: boolean } = {',
    `  enabled: ${model.enabled},`,
    `  use: '${model.use}',`,
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

/** `--train tune,heldout`: the sets to learn from; anything else (round 7's `blind` above all) is refused. */
export function parseTrain(arg: string | undefined): Half[] {
  if (arg === undefined) return [...DEFAULT_TRAIN]
  const halves = arg.split(',').map((x) => x.trim())
  for (const h of halves) if (!(HALVES as readonly string[]).includes(h)) throw new Error(`--train takes ${HALVES.join(', ')} (comma-separated), not "${h}": the blind set is the held-out set and is never trained on`)
  return halves as Half[]
}

function argOf(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now()
  const halves = parseTrain(argOf('--train'))
  const objective = (argOf('--objective') ?? 'right') as Objective
  if (objective !== 'right' && objective !== 'precision') throw new Error('--objective takes right or precision')
  const arts = loadTraining(halves)
  const count = (h: Half) => `${arts.filter((a) => a.half === h).length} ${h} articles (${arts.filter((a) => a.half === h).reduce((n, a) => n + a.rows.length, 0)} detections)`
  console.log(`training on ${halves.map(count).join(' + ')}; ${FOLDS}-fold CV by article, stratified by half (seed ${SEED}); threshold by inner CV, objective ${objective} (judged on the held-out-half articles of each training fold when there are any)\n`)
  const rules = crossValidate(arts, 'rules')
  const results = { ranker: crossValidate(arts, 'ranker', objective), fill: crossValidate(arts, 'fill', objective), abstain: crossValidate(arts, 'abstain', objective) }
  console.log(
    [
      describe('rules alone (as shipped)', rules),
      describe('rules + ranker (ranker decides every quote)', results.ranker),
      describe('rules + ranker (ranker only where the rules name nobody)', results.fill),
      describe('rules + ranker as abstainer (may drop a rules pick, never adds one)', results.abstain)
    ].join('\n\n')
  )
  for (const cut of [0.5, 0.7]) {
    const s = silencedRecovery(arts, cut)
    console.log(`\ncontext alone, rules silenced (fill model, cut ${cut}): of ${s.rows} quotes the rules attributed, named ${s.named}, right ${s.right} (${pct(s.right, s.rows)} recovered, precision ${pct(s.right, s.named)})`)
  }
  const cal = calibration(arts)
  const bandLine = (bands: Tally['bands']) => BANDS.map(([, b], i) => `${b} ${bands[i].right}/${bands[i].named}`).join(' · ')
  for (const h of halves) {
    const c = cal[h]
    console.log(`\nconfidence of the rules' own speakers, ${h}-half articles (${c.n}), Brier score: rules ${c.rules.toFixed(4)}, ranker probability (out of fold) ${c.ranker.toFixed(4)}`)
    console.log(`  rules' bands: ${bandLine(c.bands.rules)}\n  ranker bands: ${bandLine(c.bands.ranker)}`)
  }
  // Wins: on the articles that predict unseen text (the held-out half when trained on it), at
  // least MIN_GAIN more of the quotes' speakers right than the rules, without losing precision
  // when named. A gain of one or two quotes in five hundred is noise, not a reason to ship.
  const judged: Half | 'all' = halves.includes('heldout') ? 'heldout' : 'all'
  const rate = (r: Result) => ({ right: r.tally[judged].right / r.tally[judged].labelled, precision: r.tally[judged].namedRight / r.tally[judged].named })
  const wins = (r: Result) => rate(r).right >= rate(rules).right + MIN_GAIN && rate(r).precision >= rate(rules).precision
  for (const m of ['ranker', 'fill', 'abstain'] as const)
    console.log(`${m} on the ${judged} articles: right ${(100 * (rate(results[m]).right - rate(rules).right)).toFixed(1)} points, precision ${(100 * (rate(results[m]).precision - rate(rules).precision)).toFixed(1)} points against the rules`)
  const order = (['ranker', 'fill', 'abstain'] as const).filter((m) => wins(results[m])).sort((a, b) => rate(results[b]).right - rate(results[a]).right)
  const mode = order[0] ?? 'ranker'
  const model = finalModel(arts, mode, order.length > 0, objective)
  console.log(`\nshipped: use ${model.use}, ${model.enabled ? `ENABLED (beats the rules in CV on the ${judged} articles: right and precision)` : 'OFF (does not beat the rules in CV)'}, threshold ${model.threshold}`)
  console.log('candidate weights: ' + CANDIDATE_FEATURES.map((f, i) => `${f} ${model.candidate[i]}`).join(', '))
  console.log('nobody weights: ' + NOBODY_FEATURES.map((f, i) => `${f} ${model.nobody[i]}`).join(', '))
  if (process.argv.includes('--write')) {
    writeFileSync(WEIGHTS_PATH, weightsFile(model, halves))
    console.log(`wrote ${WEIGHTS_PATH}`)
  }
  console.log(`(${((performance.now() - t0) / 1000).toFixed(1)} s)`)
}
