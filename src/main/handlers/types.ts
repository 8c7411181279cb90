import type { MethodName, Outputs, ParsedInput } from '../../shared/api'
import { UserError } from '../../shared/result'

/** What main does for each method, given input that already passed its schema. */
export type Handlers = {
  [K in MethodName]: (input: ParsedInput<K>) => Promise<Outputs[K]> | Outputs[K]
}

/** The handlers of one area of the contract (the methods of its `…Outputs`). */
export type AreaHandlers<O> = Pick<Handlers, keyof O & MethodName>

export const notFound = (what: string, id: number): UserError => new UserError('not_found', `No ${what} with id ${id}.`)
