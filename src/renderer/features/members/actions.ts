// Register edits: every write is one transaction, reported saved once stored on this device.
import type { MemberFields } from '../../../shared/domain/member'
import type { MemberId } from '../../../shared/domain/ids'
import { addMember, addMembers, updateMember } from '../../../shared/doc/council'
import { ORIGIN_IMPORT } from '../../../shared/doc/schema'
import { importMembersMerge, type ImportResult } from '../../../shared/doc/registerImport'
import type { ImportPlan } from '../../../shared/import/merge'
import type { AppEnv } from '../../kit/env'
import type { DocHandle } from '../../sync/docs'
import { writeDoc } from '../../kit/write'

export async function saveNewMember(env: AppEnv, h: DocHandle, f: MemberFields): Promise<MemberId> {
  return writeDoc(env, h, (d, now) => addMember(d, f, now))
}

export async function saveMember(env: AppEnv, h: DocHandle, id: MemberId, f: MemberFields): Promise<void> {
  await writeDoc(env, h, (d, now) => void updateMember(d, id, f, now))
}

/** All rows in one transaction: a failed import writes nothing. */
export async function importMembers(env: AppEnv, h: DocHandle, rows: readonly MemberFields[]): Promise<number> {
  const ids = await writeDoc(env, h, (d, now) => addMembers(d, rows, now, ORIGIN_IMPORT))
  return ids.length
}

/** A merge plan's adds and updates in one transaction (updates kept in each member's history). */
export async function importMembersMerged(env: AppEnv, h: DocHandle, plan: ImportPlan<MemberFields>): Promise<ImportResult> {
  return writeDoc(env, h, (d, now) => importMembersMerge(d, plan.add, plan.updates, now, ORIGIN_IMPORT))
}
