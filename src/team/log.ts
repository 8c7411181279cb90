/** The team server's log: one JSON object per line, each request with its id. */
export type LogSink = (line: string) => void

export interface RequestLog {
  id: string
  method: string
  path: string
  status: number
  ms: number
  user?: string
  error?: string
}

export function createLogger(sink: LogSink = (l) => process.stderr.write(l + '\n')) {
  return {
    request: (r: RequestLog) => sink(JSON.stringify({ t: new Date().toISOString(), ...r })),
    info: (msg: string, extra: Record<string, unknown> = {}) => sink(JSON.stringify({ t: new Date().toISOString(), msg, ...extra }))
  }
}
export type Logger = ReturnType<typeof createLogger>
