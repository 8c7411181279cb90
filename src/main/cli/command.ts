import type { App } from '../app'
import type { CliValues } from './args'
import type { CliIo } from './io'

/** What every command gets: the open archive, its arguments and options, the streams. */
export interface CommandContext {
  app: App
  args: string[]
  values: CliValues
  io: CliIo
  /** The built UI, for `serve`. */
  rendererDir: string
}

/** A command: runs, answers with the exit code (throws UsageError or UserError for the CLI to explain). */
export type Command = (c: CommandContext) => Promise<number>
