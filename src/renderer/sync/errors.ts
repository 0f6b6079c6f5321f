// Sync failures as values: a code the screens translate (sync:errors.<code>) and its parameters.
export type SyncErrorCode =
  | 'invalidUrl'
  | 'invalidCode'
  | 'authFailed'
  | 'serverUnreachable'
  | 'timeout'
  | 'offline'
  | 'empty'
  | 'refused'
  | 'noSecret'

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`sync: ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`)
    this.name = 'SyncError'
  }
}
