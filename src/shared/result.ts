/** Error codes that cross the bridge. A person reads `message`; code is for programs. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'bad_query'
  | 'import_failed'
  | 'unsupported'
  | 'internal'

export interface ApiError {
  code: ErrorCode
  message: string
}

/** Every method's answer: a value, or an error a person can read (never a stack trace). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** An error thrown by services whose message is fit to show to a user as it is. */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'UserError'
  }
}

