// Meeting writes: each is one transaction on the meeting document, reported saved once stored;
// the meeting list (Dexie) follows through the projector.
import { newMeetingId, type AgendaItemId, type CouncilId, type MeetingId } from '../../../shared/domain/ids'
import { validateMeeting, type AgendaItemFields, type MeetingFields } from '../../../shared/domain/meeting'
import { indexMeeting } from '../../../shared/doc/council'
import { DocError } from '../../../shared/doc/errors'
import { addAgendaItem, initMeetingDoc, moveAgendaItem, removeAgendaItem, transitionMeeting, updateAgendaItem, updateMeeting } from '../../../shared/doc/meeting'
import { meetingDocName } from '../../../shared/doc/names'
import type { AppEnv } from '../../kit/env'
import type { DocHandle } from '../../sync/docs'
import { createIndexedDoc, writeDoc } from '../../kit/write'

export async function createMeeting(env: AppEnv, council: DocHandle, councilId: CouncilId, fields: MeetingFields): Promise<MeetingId> {
  const errors = validateMeeting(fields)
  if (Object.keys(errors).length) throw new DocError('invalidInput', errors)
  const meetingId = newMeetingId()
  const name = meetingDocName(councilId, meetingId)
  await createIndexedDoc(
    env,
    council,
    name,
    (doc, now) => initMeetingDoc(doc, { councilId, meetingId }, fields, now),
    (councilDoc, now) => indexMeeting(councilDoc, meetingId, now),
  )
  await env.projector.flush()
  return meetingId
}

export const saveMeetingFields = (env: AppEnv, h: DocHandle, f: MeetingFields) => writeDoc(env, h, (d) => updateMeeting(d, f))
export const saveNewItem = (env: AppEnv, h: DocHandle, f: AgendaItemFields) => writeDoc(env, h, (d) => void addAgendaItem(d, f))
export const saveItem = (env: AppEnv, h: DocHandle, id: AgendaItemId, f: AgendaItemFields) => writeDoc(env, h, (d) => updateAgendaItem(d, id, f))
export const deleteItem = (env: AppEnv, h: DocHandle, id: AgendaItemId) => writeDoc(env, h, (d) => removeAgendaItem(d, id))
export const moveItem = (env: AppEnv, h: DocHandle, id: AgendaItemId, to: number) => writeDoc(env, h, (d) => moveAgendaItem(d, id, to))
export const issueNotice = (env: AppEnv, h: DocHandle) => writeDoc(env, h, (d, now) => transitionMeeting(d, 'noticed', now))
