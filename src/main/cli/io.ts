/**
 * The command line's streams and conventions: data on stdout, messages for people on stderr
 * (scripts read stdout), exit codes. Commands write through a CliIo, so tests run the CLI in
 * their own process and read what it printed.
 */
import { UserError, type Result } from '../../shared/result'

export interface CliIo {
  /** One line of data (stdout). */
  out(line: string): void
  /** Text as it is (stdout): exports, help. */
  write(text: string): void
  /** One line for a person (stderr). */
  say(line: string): void
  /** A progress line that redraws itself; only on a terminal. */
  progress(text: string): void
  /** Everything on stdin, as text. */
  stdin(): Promise<string>
  env: NodeJS.ProcessEnv
  /** Whether stdout is a terminal (bold snippets). */
  stdoutIsTTY: boolean
}

/** The real process's streams. */
export function processIo(): CliIo {
  let progressShown = false
  const clearProgress = () => {
    if (progressShown) process.stderr.write('\r\x1b[K')
    progressShown = false
  }
  return {
    out: (line) => {
      process.stdout.write(line + '\n')
    },
    write: (text) => {
      process.stdout.write(text)
    },
    say: (line) => {
      clearProgress()
      process.stderr.write(line + '\n')
    },
    progress: (text) => {
      if (!process.stderr.isTTY) return
      const width = process.stderr.columns ?? 100
      process.stderr.write('\r\x1b[K' + text.slice(0, width - 1))
      progressShown = true
    },
    stdin: async () => {
      const chunks: Buffer[] = []
      for await (const c of process.stdin) chunks.push(c as Buffer)
      return Buffer.concat(chunks).toString('utf8')
    },
    env: process.env,
    stdoutIsTTY: Boolean(process.stdout.isTTY)
  }
}

/** Exit codes: 0 ok, 1 some items failed, 2 bad usage or a bad query. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const

/** Thrown for bad usage; the CLI prints the message and exits 2. */
export class UsageError extends Error {}

/** Throws the result's error as a UserError, or returns its value. */
export function unwrap<T>(r: Result<T>): T {
  if (r.ok) return r.value
  throw new UserError(r.error.code, r.error.message)
}

export function formatDate(iso: string | null): string {
  if (!iso) return '—'
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 10)
}

export function pad(s: string, n: number): string {
  const t = s.length > n ? s.slice(0, n - 1) + '…' : s
  return t.padEnd(n)
}
