/** The command line's options, parsed once for every command. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './io'

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
  tag: { type: 'string', multiple: true },
  force: { type: 'boolean', default: false },
  limit: { type: 'string' },
  offset: { type: 'string' },
  sort: { type: 'string' },
  port: { type: 'string' },
  'capture-port': { type: 'string' },
  host: { type: 'string' },
  quote: { type: 'string' },
  color: { type: 'string' },
  note: { type: 'string' },
  format: { type: 'string' },
  query: { type: 'string' },
  article: { type: 'string' },
  out: { type: 'string' },
  repair: { type: 'boolean', default: false },
  exact: { type: 'boolean', default: false },
  // team
  database: { type: 'string' },
  token: { type: 'string' },
  role: { type: 'string' },
  share: { type: 'string' },
  all: { type: 'boolean', default: false },
  'max-body': { type: 'string' },
  rate: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  due: { type: 'boolean', default: false },
  // articles
  title: { type: 'string' },
  author: { type: 'string', multiple: true },
  outlet: { type: 'string' },
  published: { type: 'string' },
  reset: { type: 'string', multiple: true },
  again: { type: 'boolean', default: false },
  retry: { type: 'boolean', default: false },
  'fetch-images': { type: 'boolean', default: false },
  state: { type: 'string' },
  starred: { type: 'boolean' }
} satisfies ParseArgsConfig['options']

export type CliValues = ReturnType<typeof parseCli>['values']

export function parseCli(argv: string[]) {
  return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
}

/** A whole-number option, checked against its range. */
export function intOption(value: string | undefined, name: string, fallback: number, min = 0, max = 1_000_000): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} takes a whole number from ${min} to ${max}`)
  return n
}

/** An article id given as an argument. */
export function idArg(text: string | undefined): number {
  const id = Number(text)
  if (!text || !Number.isInteger(id) || id <= 0) throw new UsageError(`expected an article id (a positive number), got "${text ?? ''}"`)
  return id
}
