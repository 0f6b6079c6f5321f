// Register edits: every write is one transaction, reported saved once stored on this device.
import type { MemberFields } from '../../../shared/domain/member'
import type { MemberId } from '../../../shared/domain/ids'
import { addMember, addMembers, updateMember } from '../../../shared/doc/council'
import { ORIGIN_IMPORT } from '../../../shared/doc/schema'
import { importMembersMerge, type ImportResult } from '../../../shared/doc/registerImport'
import type { ImportPlan } from '../../../shared/import/merge'
import type { AppEnv } from '../../app/env'
import type { DocHandle } from '../../sync/docs'

export async function saveNewMember(env: AppEnv, h: DocHandle, f: MemberFields): Promise<MemberId> {
  const id = addMember(h.doc, f, env.now())
  await env.docs.whenStored(h.name)
  return id
}

export async function saveMember(env: AppEnv, h: DocHandle, id: MemberId, f: MemberFields): Promise<void> {
  updateMember(h.doc, id, f, env.now())
  await env.docs.whenStored(h.name)
}

/** All rows in one transaction: a failed import writes nothing. */
export async function importMembers(env: AppEnv, h: DocHandle, rows: readonly MemberFields[]): Promise<number> {
  const ids = addMembers(h.doc, rows, env.now(), ORIGIN_IMPORT)
  await env.docs.whenStored(h.name)
  return ids.length
}

/** A merge plan's adds and updates in one transaction (updates kept in each member's history). */
export async function importMembersMerged(env: AppEnv, h: DocHandle, plan: ImportPlan<MemberFields>): Promise<ImportResult> {
  const result = importMembersMerge(h.doc, plan.add, plan.updates, env.now(), ORIGIN_IMPORT)
  await env.docs.whenStored(h.name)
  return result
}
