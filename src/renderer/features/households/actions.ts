// Household register edits: every write is one transaction on the households document, reported
// saved only once y-indexeddb has stored it on this device (as members/actions.ts).
import type { HouseholdFields, HouseholdId } from '../../../shared/domain/household'
import type { CouncilId } from '../../../shared/domain/ids'
import { addHousehold, addHouseholds, updateHousehold } from '../../../shared/doc/households'
import { ORIGIN_IMPORT } from '../../../shared/doc/schema'
import { importHouseholdsMerge, type ImportResult } from '../../../shared/doc/registerImport'
import type { ImportPlan } from '../../../shared/import/merge'
import type { AppEnv } from '../../app/env'
import type { DocHandle } from '../../sync/docs'

export async function saveNewHousehold(env: AppEnv, h: DocHandle, councilId: CouncilId, f: HouseholdFields): Promise<HouseholdId> {
  const id = addHousehold(h.doc, councilId, f, env.now())
  await env.docs.whenStored(h.name)
  return id
}

/** Resolves false when nothing changed (no history entry is written then). `by` is who made the change, as typed. */
export async function saveHousehold(env: AppEnv, h: DocHandle, id: HouseholdId, f: HouseholdFields, by: string): Promise<boolean> {
  const changed = updateHousehold(h.doc, id, f, env.now(), by)
  await env.docs.whenStored(h.name)
  return changed
}

/** All rows in one transaction: a failed import writes nothing. */
export async function importHouseholds(env: AppEnv, h: DocHandle, councilId: CouncilId, rows: readonly HouseholdFields[]): Promise<number> {
  const ids = addHouseholds(h.doc, councilId, rows, env.now(), ORIGIN_IMPORT)
  await env.docs.whenStored(h.name)
  return ids.length
}

/** A merge plan's adds and updates in one transaction; `by` is what each household's history names as the source. */
export async function importHouseholdsMerged(env: AppEnv, h: DocHandle, councilId: CouncilId, plan: ImportPlan<HouseholdFields>, by: string): Promise<ImportResult> {
  const result = importHouseholdsMerge(h.doc, councilId, plan.add, plan.updates, env.now(), by, ORIGIN_IMPORT)
  await env.docs.whenStored(h.name)
  return result
}
