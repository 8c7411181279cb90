import type { Handlers } from '../../src/main/api'
import { methodNames } from '../../src/shared/methods'

/** The handlers, each telling `record` its method's name before it runs: a refused request must never reach one. */
export function countedHandlers(handlers: Handlers, record: (name: string) => void): Handlers {
  return Object.fromEntries(
    methodNames.map((name) => [
      name,
      (input: unknown) => {
        record(name)
        return (handlers[name] as (i: unknown) => unknown)(input)
      }
    ])
  ) as unknown as Handlers
}
