// Writes of the requests screens, each resolved once stored on this device (kit/write.ts). The
// rules are src/shared's (matters/requests.ts through doc/matters.ts); this file only says which
// year's document a write goes to and groups what one press of a button writes.
import { addRequest, mattersYear, openMatter, recordOutcome, recordReply, updateRequest } from '../../../shared/doc/matters'
import { attachFile, detachFile } from '../../../shared/doc/mattersFollowUp'
import { DocError } from '../../../shared/doc/errors'
import { mattersDocName } from '../../../shared/doc/names'
import { asCouncilId } from '../../../shared/domain/ids'
import type { FileRef } from '../../../shared/files/fileRef'
import type { MatterFields } from '../../../shared/matters/matter'
import { requestErrors, type RequestFields, type ReplyChannel } from '../../../shared/matters/requests'
import type { IsoDate } from '../../../shared/domain/dates'
import type { AppEnv } from '../../kit/env'
import { writeDoc } from '../../kit/write'
import { startYearDoc } from '../../kit/yearDoc'
import type { DocHandle } from '../../sync/docs'

type Handle = Pick<DocHandle, 'doc' | 'name'>

/**
 * Records a new request in the matters document of the year it was received (started first if
 * nobody recorded that year yet), with its attached files, in one store. Checked before any
 * document is opened, so a bad date never starts a year.
 */
export async function saveNewRequest(
  env: AppEnv,
  council: Handle,
  councilId: string,
  fields: RequestFields,
  files: readonly FileRef[],
  by: string,
): Promise<{ year: number; requestId: string }> {
  const errors = requestErrors(fields)
  if (Object.keys(errors).length > 0) throw new DocError('invalidInput', errors)
  const year = Number(fields.receivedOn.slice(0, 4))
  const name = mattersDocName(asCouncilId(councilId), year)
  const handle = await env.docs.acquire(name)
  try {
    // A year written by a newer Yishi is shown, never written (a read-only council never reaches here).
    if (handle.readOnly) throw new DocError('newerSchema')
    await startYearDoc(env, council, councilId, 'matters', handle, year)
    const requestId = await writeDoc(env, handle, (doc, now) => {
      const id = addRequest(doc, fields, { now, by })
      for (const f of files) attachFile(doc, { kind: 'request', id }, f, { now, by })
      return id
    })
    return { year, requestId }
  } finally {
    await env.docs.release(name)
  }
}

/** Corrects the changed fields of a request (the date stays in its year: the document is the year's). */
export async function saveRequest(env: AppEnv, h: Handle, requestId: string, patch: Partial<RequestFields>): Promise<void> {
  await writeDoc(env, h, (doc) => {
    // Moving a request to another year would need it to move document: refused, with the field named.
    if (patch.receivedOn && patch.receivedOn.slice(0, 4) !== String(mattersYear(doc))) throw new DocError('invalidInput', { receivedOn: 'otherYear' })
    updateRequest(doc, requestId, patch)
  })
}

export async function attachRequestFiles(env: AppEnv, h: Handle, requestId: string, files: readonly FileRef[], by: string): Promise<void> {
  await writeDoc(env, h, (doc, now) => {
    for (const f of files) attachFile(doc, { kind: 'request', id: requestId }, f, { now, by })
  })
}

export async function removeRequestFile(env: AppEnv, h: Handle, attachmentId: string): Promise<void> {
  await writeDoc(env, h, (doc) => detachFile(doc, attachmentId))
}

export async function mergeRequest(env: AppEnv, h: Handle, requestId: string, into: string, on: IsoDate, by: string): Promise<void> {
  await writeDoc(env, h, (doc, now) => recordOutcome(doc, { kind: 'merged', into, requestId, on }, { now, by }))
}

export async function declineRequest(env: AppEnv, h: Handle, requestId: string, reason: string, on: IsoDate, by: string): Promise<void> {
  await writeDoc(env, h, (doc, now) => recordOutcome(doc, { kind: 'declined', reason, requestId, on }, { now, by }))
}

/** Opens a matter from this request and the others chosen (all still open, or nothing is written); the matter's id. */
export async function makeMatter(env: AppEnv, h: Handle, fields: MatterFields, requestIds: readonly string[], by: string): Promise<string> {
  return writeDoc(env, h, (doc, now) => openMatter(doc, fields, requestIds, { now, by }))
}

export async function saveReply(env: AppEnv, h: Handle, reply: { requestId: string; on: IsoDate; how: ReplyChannel; what: string; final: boolean }, by: string): Promise<void> {
  await writeDoc(env, h, (doc, now) => recordReply(doc, reply, { now, by }))
}
