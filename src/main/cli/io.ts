/** Output helpers: data on stdout, human messages on stderr (scripts read stdout). */
export const out = (line: string): void => {
  process.stdout.write(line + '\n')
}
export const say = (line: string): void => {
  process.stderr.write(line + '\n')
}
export const json = (value: unknown): void => out(JSON.stringify(value))

/** Exit codes: 0 ok, 1 some items failed, 2 bad usage or a bad query. */
export const EXIT = { ok: 0, someFailed: 1, usage: 2 } as const

/** Thrown for bad usage; the CLI prints the message and exits 2. */
export class UsageError extends Error {}

export const isTTY = (): boolean => Boolean(process.stderr.isTTY)

/** A single-line progress display on stderr that redraws itself on a terminal. */
export function progressLine(): { update(text: string): void; done(): void } {
  let shown = false
  return {
    update(text) {
      if (!isTTY()) return
      const width = process.stderr.columns ?? 100
      process.stderr.write('\r\x1b[K' + text.slice(0, width - 1))
      shown = true
    },
    done() {
      if (shown) process.stderr.write('\r\x1b[K')
      shown = false
    }
  }
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
