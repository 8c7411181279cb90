/**
 * The shape of the house, kept: no import cycles in src/ (product code, tests aside), and a
 * db layer that only reads and writes rows — it imports nothing above it but the shared
 * contract's types. Imports are read from the source text, as a reader of the tree sees them.
 */
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const SRC = join(ROOT, 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx|mts)$/.test(name) && !/\.test\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : []
  })
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
  }
  return null
}

/** file → the files of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8')
    const targets = [...text.matchAll(IMPORT)]
      .map((m) => resolveImport(file, m[1] ?? m[2]))
      .filter((t): t is string => t !== null && t.startsWith(SRC))
    graph.set(file, [...new Set(targets)])
  }
  return graph
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0
  const stack: string[] = []
  const on = new Set<string>()
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const found: string[][] = []
  const visit = (v: string) => {
    idx.set(v, index)
    low.set(v, index++)
    stack.push(v)
    on.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!))
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = []
      let w: string
      do {
        w = stack.pop()!
        on.delete(w)
        scc.push(w)
      } while (w !== v)
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.map((f) => relative(ROOT, f)).sort())
    }
  }
  for (const v of graph.keys()) if (!idx.has(v)) visit(v)
  return found
}

describe('the shape of src/', () => {
  const graph = importGraph()

  it('reads the imports of the whole tree', () => {
    expect(graph.size).toBeGreaterThan(100)
    // A known edge, so a broken reader of imports cannot pass the tests below by seeing none.
    expect(graph.get(join(SRC, 'main/import/store.ts'))).toContain(join(SRC, 'main/db/articles.ts'))
  })

  it('has no import cycles', () => {
    expect(cycles(graph)).toEqual([])
  })

  it('finds a cycle when there is one', () => {
    const a = join(SRC, 'x/a.ts')
    const b = join(SRC, 'x/b.ts')
    expect(cycles(new Map([[a, [b]], [b, [a]]]))).toEqual([['src/x/a.ts', 'src/x/b.ts']])
  })

  it('keeps the db layer to rows: it imports only itself and the shared contract', () => {
    const db = join(SRC, 'main/db') + '/'
    const shared = join(SRC, 'shared') + '/'
    const outside = [...graph]
      .filter(([file]) => file.startsWith(db))
      .flatMap(([file, targets]) => targets.filter((t) => !t.startsWith(db) && !t.startsWith(shared)).map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`))
    expect(outside).toEqual([])
  })

  it('keeps the team server its own host: it takes only the query language from the desktop side, which reaches it over HTTP', () => {
    const team = join(SRC, 'team') + '/'
    const main = join(SRC, 'main') + '/'
    const allowed = ['main/search/parse.ts', 'main/search/tsquery.ts', 'main/version.ts'].map((f) => join(SRC, f))
    const fromTeam = [...graph]
      .filter(([file]) => file.startsWith(team))
      .flatMap(([file, targets]) => targets.filter((t) => t.startsWith(main) && !allowed.includes(t)).map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`))
    expect(fromTeam).toEqual([])
    const intoTeam = [...graph]
      .filter(([file]) => file.startsWith(main) && file !== join(SRC, 'main/cli/commands/team.ts'))
      .flatMap(([file, targets]) => targets.filter((t) => t.startsWith(team)).map((t) => `${relative(ROOT, file)} → ${relative(ROOT, t)}`))
    expect(intoTeam).toEqual([])
  })
})
