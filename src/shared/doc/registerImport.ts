// The one write of an import into a register that may already have entries: the new rows added
// and the matched ones updated (each update kept in the entry's history, as an edit is), in ONE
// transaction, after every row has been checked, so an import is applied whole or not at all.
import type * as Y from 'yjs'
import { validateHousehold, type HouseholdFields, type HouseholdId } from '../domain/household'
import type { CouncilId, MemberId } from '../domain/ids'
import { validateMember, type MemberFields } from '../domain/member'
import { hasErrors } from './entries'
import { addMembers, readMemberById, updateMember } from './council'
import { DocError } from './errors'
import { addHouseholds, readHouseholdById, updateHousehold } from './households'
import { assertWritable, ORIGIN_IMPORT } from './schema'

export interface RegisterUpdate<F> {
  id: string
  patch: Partial<F>
}

export interface ImportResult {
  added: number
  updated: number
}


/** Every update checked against the entry as it is now, before anything is written. */
function checkUpdates<F>(updates: readonly RegisterUpdate<F>[], read: (id: string) => F | null, validate: (f: F) => object): void {
  const bad: { id: string; errors: object }[] = []
  for (const u of updates) {
    const current = read(u.id)
    if (!current) throw new DocError('notFound', { id: u.id })
    const errors = validate({ ...current, ...u.patch })
    if (hasErrors(errors)) bad.push({ id: u.id, errors })
  }
  if (bad.length) throw new DocError('invalidInput', bad)
}

export function importMembersMerge(doc: Y.Doc, add: readonly MemberFields[], updates: readonly RegisterUpdate<MemberFields>[], now: string, origin: unknown = ORIGIN_IMPORT): ImportResult {
  assertWritable(doc)
  checkUpdates(updates, (id) => readMemberById(doc, id as MemberId), validateMember)
  const bad = add.map((f, index) => ({ index, errors: validateMember(f) })).filter((r) => hasErrors(r.errors))
  if (bad.length) throw new DocError('invalidInput', bad)
  let updated = 0
  // Nested transactions join this one: one update on the wire, one undo step.
  doc.transact(() => {
    if (add.length) addMembers(doc, add, now, origin)
    for (const u of updates) if (updateMember(doc, u.id as MemberId, u.patch, now, origin)) updated++
  }, origin)
  return { added: add.length, updated }
}

/** `by`: what the households' history says made the change (the import and its file). */
export function importHouseholdsMerge(
  doc: Y.Doc,
  councilId: CouncilId,
  add: readonly HouseholdFields[],
  updates: readonly RegisterUpdate<HouseholdFields>[],
  now: string,
  by: string,
  origin: unknown = ORIGIN_IMPORT,
): ImportResult {
  assertWritable(doc)
  checkUpdates(updates, (id) => readHouseholdById(doc, id as HouseholdId), validateHousehold)
  const bad = add.map((f, index) => ({ index, errors: validateHousehold(f) })).filter((r) => hasErrors(r.errors))
  if (bad.length) throw new DocError('invalidInput', bad)
  let updated = 0
  doc.transact(() => {
    if (add.length) addHouseholds(doc, councilId, add, now, origin)
    for (const u of updates) if (updateHousehold(doc, u.id as HouseholdId, u.patch, now, by, origin)) updated++
  }, origin)
  return { added: add.length, updated }
}
