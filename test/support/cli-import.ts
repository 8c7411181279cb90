/** Helpers for tests that run a real `clipfile import` in another process and interfere with it. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { articlePage } from './pages'
import { CLI_BUNDLE } from '../../scripts/build-cli.js'

const WORDS = 'harbour council ferry budget minister strike tariff river election court inquiry vaccine drought port mayor treaty'.split(' ')

/** `count` distinct article pages (distinct titles and text, so none is a duplicate of another). */
export function writeArticleFolder(dir: string, count: number): string {
  mkdirSync(dir, { recursive: true })
  for (let i = 0; i < count; i++) {
    const w = (k: number) => WORDS[(i * 7 + k * 3) % WORDS.length]
    const paragraphs = Array.from(
      { length: 6 },
      (_, p) =>
        `Report ${i}, part ${p}: the ${w(p)} and the ${w(p + 1)} were debated again on day ${i + p}, with officials saying item ${i * 31 + p} ` +
        `would be reviewed before the ${w(p + 2)} vote; critics called figure ${i * 17 + p * 5} a sign that the plan had failed.`
    )
    writeFileSync(join(dir, `article-${String(i).padStart(4, '0')}.html`), articlePage({ title: `Article number ${i} on the ${w(0)}`, paragraphs }))
  }
  return dir
}

export interface ImportLine {
  source: string
  ok: boolean
  status?: string
  id?: number
  title?: string
  error?: string
}

export interface RunningImport {
  child: ChildProcess
  /** Every JSON line printed so far, in order. */
  lines: ImportLine[]
  /** Resolves when `n` lines with ok:true have been printed (rejects if the process ends first). */
  okLines(n: number): Promise<void>
  /** Resolves with the exit code and signal once the process is gone and stdout is drained. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>
}

/** Starts `clipfile --db <db> import <paths…> --json` and parses its lines as they arrive. */
export function startImport(dbPath: string, paths: string[]): RunningImport {
  const child = spawn(process.execPath, [CLI_BUNDLE, '--db', dbPath, 'import', ...paths, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] })
  const lines: ImportLine[] = []
  let stderr = ''
  child.stderr!.on('data', (c) => (stderr += c))
  const waiters: { n: number; resolve: () => void; reject: (e: Error) => void }[] = []
  const okCount = () => lines.filter((l) => l.ok).length
  const rl = createInterface({ input: child.stdout! })
  rl.on('line', (line) => {
    if (!line.trim()) return
    lines.push(JSON.parse(line) as ImportLine)
    for (const w of [...waiters]) {
      if (okCount() >= w.n) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve()
      }
    }
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    let status: { code: number | null; signal: NodeJS.Signals | null } | null = null
    let closed = false
    const done = () => status && closed && resolve({ ...status, stderr })
    child.on('exit', (code, signal) => {
      status = { code, signal }
      done()
    })
    rl.on('close', () => {
      closed = true
      done()
      for (const w of waiters.splice(0)) w.reject(new Error(`import ended after ${okCount()} saved articles (wanted ${w.n}): ${stderr}`))
    })
  })
  return {
    child,
    lines,
    exited,
    okLines: (n) =>
      okCount() >= n ? Promise.resolve() : new Promise<void>((resolve, reject) => waiters.push({ n, resolve, reject }))
  }
}
