// Errors raised by document accessors, as codes the UI translates (errors.doc.<code>).
export type DocErrorCode =
  | 'newerSchema'
  | 'missingMigration'
  | 'invalidDocument'
  | 'notFound'
  | 'agendaLocked'
  | 'badTransition'
  | 'invalidInput'
  | 'memberHasHistory'

export class DocError extends Error {
  constructor(
    readonly code: DocErrorCode,
    readonly detail?: unknown,
  ) {
    super(`doc error: ${code}`)
    this.name = 'DocError'
  }
}
