// Importing into a register that already has people or households: which rows are new (added),
// which match someone already there (skipped, or updated field by field with old → new shown
// before anything is written), and which still block the import. Pure: the plan is what the
// preview shows and exactly what the one write applies.

/** What to do with a row that matches an entry already on the register. */
export const EXISTING_CHOICES = ['skip', 'update'] as const
export type ExistingChoice = (typeof EXISTING_CHOICES)[number]

export type PlannedAction = 'add' | 'update' | 'skip' | 'unchanged' | 'blocked'

export interface FieldChange<F> {
  field: keyof F & string
  from: F[keyof F]
  to: F[keyof F]
}

export interface PlannedRow<F> {
  rowNumber: number
  action: PlannedAction
  /** The register entry the row matches, or null for a new one. */
  existingId: string | null
  /** update: the fields that change; skip: those that would have changed. */
  changes: FieldChange<F>[]
}

export interface ImportPlan<F> {
  rows: PlannedRow<F>[]
  add: F[]
  updates: { id: string; patch: Partial<F>; changes: FieldChange<F>[] }[]
  counts: Record<PlannedAction, number>
  /** Nothing blocks, and there is something to write. */
  ready: boolean
}

export interface PlanInput<F> {
  rows: readonly { rowNumber: number; fields: F; errors: readonly { code: string }[] }[]
  existing: readonly ({ id: string } & F)[]
  /** The key a row and a register entry are matched by (the same as the parser's duplicate key). */
  keyOf: (f: F) => string
  /** Whether a register entry counts as on the register (a member who left is not matched). */
  isCurrent: (e: F) => boolean
  /** The fields an import may change on a matched entry: those the file has a column for, outside the key. */
  compared: readonly (keyof F & string)[]
  choice: ExistingChoice
}

/** The parser's code for "already on the register": here a match, not a problem. */
const MATCH = 'duplicateExisting'

// An empty cell never erases what the register holds: a file without a phone for someone is not
// a request to delete the phone. Leaving or clearing a value stays an edit on the register.
const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '')

export function fieldChanges<F>(current: F, next: F, compared: readonly (keyof F & string)[]): FieldChange<F>[] {
  const out: FieldChange<F>[] = []
  for (const field of compared) {
    const to = next[field]
    const from = current[field]
    if (isBlank(to) || to === from) continue
    out.push({ field, from, to })
  }
  return out
}

export function planImport<F>(input: PlanInput<F>): ImportPlan<F> {
  const byKey = new Map<string, { id: string } & F>()
  for (const e of input.existing) if (input.isCurrent(e)) byKey.set(input.keyOf(e), e)
  const rows: PlannedRow<F>[] = []
  const add: F[] = []
  const updates: ImportPlan<F>['updates'] = []
  const counts: Record<PlannedAction, number> = { add: 0, update: 0, skip: 0, unchanged: 0, blocked: 0 }
  for (const r of input.rows) {
    const problems = r.errors.filter((e) => e.code !== MATCH)
    const match = r.errors.some((e) => e.code === MATCH) ? byKey.get(input.keyOf(r.fields)) : undefined
    let planned: PlannedRow<F>
    if (problems.length > 0) planned = { rowNumber: r.rowNumber, action: 'blocked', existingId: match?.id ?? null, changes: [] }
    else if (!match) {
      planned = { rowNumber: r.rowNumber, action: 'add', existingId: null, changes: [] }
      add.push(r.fields)
    } else {
      const changes = fieldChanges<F>(match, r.fields, input.compared)
      const action: PlannedAction = changes.length === 0 ? 'unchanged' : input.choice === 'update' ? 'update' : 'skip'
      planned = { rowNumber: r.rowNumber, action, existingId: match.id, changes }
      if (action === 'update') {
        const patch: Partial<F> = {}
        for (const c of changes) (patch as Record<string, unknown>)[c.field] = c.to
        updates.push({ id: match.id, patch, changes })
      }
    }
    counts[planned.action]++
    rows.push(planned)
  }
  return { rows, add, updates, counts, ready: counts.blocked === 0 && add.length + updates.length > 0 }
}
