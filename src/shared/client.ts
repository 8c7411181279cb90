/**
 * Builds a ClipfileApi from a transport, in one loop over the contract. The preload uses
 * it over ipcRenderer.invoke, the browser build over fetch.
 */
import type { ClipfileApi } from './api'
import { methodNames, type MethodName } from './methods'
import type { Result } from './result'

export type Transport = (method: MethodName, payload: unknown) => Promise<Result<unknown>>

export function createClient(transport: Transport): ClipfileApi {
  const api = {} as Record<MethodName, (input: unknown) => Promise<Result<unknown>>>
  for (const name of methodNames) {
    api[name] = async (input) => {
      try {
        return await transport(name, input ?? {})
      } catch (e) {
        return { ok: false, error: { code: 'internal', message: `Clipfile could not be reached: ${(e as Error).message}` } }
      }
    }
  }
  return api as ClipfileApi
}
