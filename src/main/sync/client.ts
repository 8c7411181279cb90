/** The desktop's side of the wire: calls to a team server, with errors a person can read. */
import { UserError } from '../../shared/result'
import type { PullResponse, PushRequest, PushResponse, SyncVersion, TeamRole } from '../../shared/sync'

export interface TeamEndpoint {
  url: string
  token: string
}

/** The server could not be reached (offline, stopped): the outbox keeps everything for later. */
export class TeamUnreachable extends UserError {
  constructor(url: string, cause: string) {
    super('unsupported', `The team server at ${url} cannot be reached (${cause}). Your changes stay in the outbox and go out at the next sync.`)
    this.name = 'TeamUnreachable'
  }
}

const TIMEOUT_MS = 120_000

async function call<T>(e: TeamEndpoint, method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  let res: Response
  try {
    res = await fetch(new URL(path, e.url), {
      method,
      headers: { Authorization: `Bearer ${e.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS)
    })
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause
    throw new TeamUnreachable(e.url, cause?.code ?? cause?.message ?? (err as Error).message)
  }
  let json: { ok?: boolean; value?: T; error?: { code?: string; message?: string } }
  try {
    json = (await res.json()) as typeof json
  } catch {
    throw new TeamUnreachable(e.url, `HTTP ${res.status} without a JSON answer; is this a Clipfile team server?`)
  }
  if (res.ok && json.ok) return json.value as T
  const message = json.error?.message ?? `HTTP ${res.status}`
  if (res.status >= 500 || res.status === 429) throw new TeamUnreachable(e.url, message)
  const code = res.status === 404 ? 'not_found' : res.status === 409 ? 'conflict' : res.status === 400 ? 'invalid_input' : 'unsupported'
  throw new UserError(code, `The team server refused: ${message}`)
}

export const whoami = (e: TeamEndpoint) => call<{ name: string; role: TeamRole; schema: number; version: string }>(e, 'GET', '/whoami')
export const push = (e: TeamEndpoint, req: PushRequest) => call<PushResponse>(e, 'POST', '/sync/push', req)
export const pull = (e: TeamEndpoint, since: number, limit = 200) => call<PullResponse>(e, 'POST', '/sync/pull', { protocol: 1, since, limit })
export const version = (e: TeamEndpoint, uuid: string) => call<SyncVersion>(e, 'GET', `/sync/version/${uuid}`)
export const versions = (e: TeamEndpoint, uuids: string[]) => call<{ versions: SyncVersion[] }>(e, 'POST', '/sync/versions', { uuids })
/** A contract method on the team server (search, getArticle, …). */
export const method = <T>(e: TeamEndpoint, name: string, input: unknown) => call<T>(e, 'POST', `/api/${name}`, input)
