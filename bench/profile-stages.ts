/**
 * Reads a V8 CPU profile (`node --cpu-prof`) and attributes every sample to the deepest
 * import stage on its stack (a stage = one of the functions below), so a profile of
 * bench/import-stages.ts says how much of the import each stage costs, callees included.
 *
 *   npx tsx bench/profile-stages.ts /tmp/prof/CPU.*.cpuprofile
 */
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string }
  children?: number[]
}
interface Profile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

/** Functions that start a stage; the deepest one on a sample's stack takes the sample. */
const STAGES = [
  'readabilityAlone',
  'prepareArticle',
  'decodeHtml',
  'extractArticle',
  'parseDocument',
  'limitDepth',
  'nestingWithin',
  'looksBinary',
  'resolveLazyImages',
  'readMetadata',
  'visibleByline',
  'visibleDate',
  'normaliseCaptions',
  'markFurniture',
  'findStandfirst',
  'isProbablyReaderable',
  'runReadability',
  'cleanArticle',
  'addStandfirst',
  'resolveCredit',
  'chooseLanguage',
  'localiseImagesIn',
  'domToDoc',
  'dropBylineBlock',
  'docText',
  'furnitureRanges',
  'toJSON',
  'betterExcerpt',
  'countWords',
  'hashText',
  'usedAssets',
  'countImages',
  'findQuotes',
  'slimRawPage',
  'storeArticle',
  'findDuplicate',
  'insertArticleRow',
  'writeContent',
  'packJsonText',
  'packBytes',
  'insertVersion',
  'storeQuotes',
  'followNewSave',
  'close'
]
const STAGE_SET = new Set(STAGES)

function attribute(path: string): Map<string, number> {
  const p = JSON.parse(readFileSync(path, 'utf8')) as Profile
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const stageOf = new Map<number, string>()
  const resolve = (id: number): string => {
    const known = stageOf.get(id)
    if (known !== undefined) return known
    const node = byId.get(id)!
    const name = node.callFrame.functionName
    const up = parent.get(id)
    const own = STAGE_SET.has(name) ? name : null
    // The deepest stage wins: a node's own name if it is one, else its parent's stage.
    const stage = own ?? (up === undefined ? '(outside)' : resolve(up))
    stageOf.set(id, stage)
    return stage
  }
  const totals = new Map<string, number>()
  const focus = process.env.STAGE
  const selfIn = new Map<string, number>()
  const idle = new Set(['(idle)', '(program)', '(garbage collector)'])
  for (let i = 0; i < p.samples.length; i++) {
    const node = byId.get(p.samples[i])!
    const special = idle.has(node.callFrame.functionName) ? node.callFrame.functionName : null
    const stage = special ?? resolve(node.id)
    totals.set(stage, (totals.get(stage) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000)
    if (focus && stage === focus) {
      const f = node.callFrame as { functionName: string; url: string; lineNumber?: number }
      const key = `${f.functionName || '(anon)'} ${f.url.split('/').slice(-2).join('/')}:${(f.lineNumber ?? 0) + 1}`
      selfIn.set(key, (selfIn.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000)
    }
  }
  if (focus) for (const [k, ms] of [...selfIn].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`    self in ${focus}: ${ms.toFixed(0).padStart(6)} ms ${k}`)
  return totals
}

for (const path of process.argv.slice(2)) {
  const totals = attribute(path)
  const all = [...totals.values()].reduce((a, b) => a + b, 0)
  console.log(`${path}: ${(all / 1000).toFixed(1)} s sampled`)
  // The import's stages against Readability alone, samples on the JavaScript thread (the
  // garbage collector's share cannot be told apart by stage, and is left out of both).
  const other = new Set(['readabilityAlone', '(outside)', '(idle)', '(program)', '(garbage collector)'])
  const imported = [...totals].filter(([k]) => !other.has(k)).reduce((a, [, ms]) => a + ms, 0)
  const readability = totals.get('readabilityAlone') ?? NaN
  console.log(`  import stages ${imported.toFixed(0)} ms = ${(imported / readability).toFixed(2)}× readabilityAlone ${readability.toFixed(0)} ms; garbage collector ${(totals.get('(garbage collector)') ?? 0).toFixed(0)} ms`)
  for (const [stage, ms] of [...totals].sort((a, b) => b[1] - a[1])) {
    if (ms / all < 0.002) continue
    console.log(`  ${stage.padEnd(22)} ${ms.toFixed(0).padStart(7)} ms  ${((100 * ms) / all).toFixed(1)}%`)
  }
}
