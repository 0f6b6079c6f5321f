// Household register edits: every write is one transaction on the households document, reported
// saved only once y-indexeddb has stored it on this device (as members/actions.ts).
import type { HouseholdFields, HouseholdId } from '../../../shared/domain/household'
import type { CouncilId } from '../../../shared/domain/ids'
import { addHousehold, addHouseholds, updateHousehold } from '../../../shared/doc/households'
import { ORIGIN_IMPORT } from '../../../shared/doc/schema'
import { importHouseholdsMerge, type ImportResult } from '../../../shared/doc/registerImport'
import type { ImportPlan } from '../../../shared/import/merge'
import type { AppEnv } from '../../kit/env'
import type { DocHandle } from '../../sync/docs'
import { writeDoc } from '../../kit/write'

export async function saveNewHousehold(env: AppEnv, h: DocHandle, councilId: CouncilId, f: HouseholdFields): Promise<HouseholdId> {
  return writeDoc(env, h, (d, now) => addHousehold(d, councilId, f, now))
}

/** Resolves false when nothing changed (no history entry is written then). `by` is who made the change, as typed. */
export async function saveHousehold(env: AppEnv, h: DocHandle, id: HouseholdId, f: HouseholdFields, by: string): Promise<boolean> {
  return writeDoc(env, h, (d, now) => updateHousehold(d, id, f, now, by))
}

/** All rows in one transaction: a failed import writes nothing. */
export async function importHouseholds(env: AppEnv, h: DocHandle, councilId: CouncilId, rows: readonly HouseholdFields[]): Promise<number> {
  const ids = await writeDoc(env, h, (d, now) => addHouseholds(d, councilId, rows, now, ORIGIN_IMPORT))
  return ids.length
}

/** A merge plan's adds and updates in one transaction; `by` is what each household's history names as the source. */
export async function importHouseholdsMerged(env: AppEnv, h: DocHandle, councilId: CouncilId, plan: ImportPlan<HouseholdFields>, by: string): Promise<ImportResult> {
  return writeDoc(env, h, (d, now) => importHouseholdsMerge(d, councilId, plan.add, plan.updates, now, by, ORIGIN_IMPORT))
}
