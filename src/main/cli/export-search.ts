import type { App } from '../app'
import { UsageError } from './io'

/** `export --query`: the highlights of a search. Filled in by the search feature. */
export async function exportSearch(_app: App, _query: string, _format: 'md', _out: string | undefined): Promise<number> {
  throw new UsageError('--query needs the search feature, which this build does not have yet')
}
