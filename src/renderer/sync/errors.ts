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
  /** The server holds this council under another key (features/sync/NewLaptopHelp.tsx says what to do). */
  | 'otherKey'
  /** An inviting code (shared/sync/inviteKey.ts) that is not one, is another council's, or is not this council's key. */
  | 'keyInvalid'
  | 'keyOtherCouncil'
  | 'keyMismatch'

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`sync: ${code}${Object.keys(params).length ? ` ${JSON.stringify(params)}` : ''}`)
    this.name = 'SyncError'
  }
}
