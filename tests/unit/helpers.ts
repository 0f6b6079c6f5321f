// Builders and Yjs plumbing shared by the unit tests of src/shared (not a test file itself).
import * as Y from 'yjs'
import { asCouncilId, asMeetingId, type CouncilId, type MeetingId } from '../../src/shared/domain/ids'
import { defaultCouncilInput, type CouncilInput } from '../../src/shared/domain/council'
import type { MemberFields } from '../../src/shared/domain/member'
import type { AgendaItemFields, MeetingFields } from '../../src/shared/domain/meeting'
import { DocError, type DocErrorCode } from '../../src/shared/doc/errors'
import { initCouncilDoc } from '../../src/shared/doc/council'
import { initMeetingDoc } from '../../src/shared/doc/meeting'

export const NOW = '2025-03-01T09:00:00.000Z'
export const COUNCIL_ID: CouncilId = asCouncilId('0b7e2f8c-1111-4d2a-9c3e-5a6b7c8d9e0f')
export const MEETING_ID: MeetingId = asMeetingId('7f3c9a10-2222-4b5c-8d6e-0f1a2b3c4d5e')

export function councilInput(overrides: Partial<CouncilInput> = {}): CouncilInput {
  return { ...defaultCouncilInput('resident', '2024-01-15'), name: '桂溪社区居民议事会', community: '桂溪社区', street: '桂溪街道', ...overrides }
}

export function memberFields(overrides: Partial<MemberFields> = {}): MemberFields {
  return {
    name: '张三',
    role: 'councillor',
    building: '3栋',
    unit: '2单元',
    room: '501',
    areaCentiM2: 8550,
    phone: '138 0000 0000',
    joinedOn: '2024-01-15',
    leftOn: null,
    ...overrides,
  }
}

export function meetingFields(overrides: Partial<MeetingFields> = {}): MeetingFields {
  return { title: '三月议事会', startsAt: '2025-03-10T19:30', place: '社区活动室', convener: '李主任', ...overrides }
}

export function itemFields(overrides: Partial<AgendaItemFields> = {}): AgendaItemFields {
  return {
    title: '加装电梯',
    description: '3栋加装电梯的方案',
    proposer: '王五',
    source: 'residents',
    expectedMinutes: 20,
    attachments: [],
    ...overrides,
  }
}

/** A Y.Doc with a fixed client id, so conflict resolution is reproducible from a seed. */
export function newDoc(clientID?: number): Y.Doc {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  return doc
}

export function newCouncilDoc(input: Partial<CouncilInput> = {}): Y.Doc {
  const doc = newDoc()
  initCouncilDoc(doc, COUNCIL_ID, councilInput(input), NOW)
  return doc
}

export function newMeetingDoc(clientID?: number): Y.Doc {
  const doc = newDoc(clientID)
  initMeetingDoc(doc, { councilId: COUNCIL_ID, meetingId: MEETING_ID }, meetingFields(), NOW)
  return doc
}

/** The whole state of a doc, to prove that a refused write changed nothing. */
export const stateOf = (doc: Y.Doc): Uint8Array => Y.encodeStateAsUpdate(doc)

/** A replica of `source` on a new Y.Doc with its own client id. */
export function replicaOf(source: Y.Doc, clientID?: number): Y.Doc {
  const doc = newDoc(clientID)
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), 'remote')
  return doc
}

/** Sends `from` whatever `to` lacks (one direction only). */
export function send(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), 'remote')
}

/** Full exchange between every pair: afterwards every replica holds every update. */
export function syncAll(...docs: Y.Doc[]): void {
  for (let i = 0; i < docs.length; i++) {
    for (let j = 0; j < docs.length; j++) {
      if (i !== j) send(docs[i] as Y.Doc, docs[j] as Y.Doc)
    }
  }
}

/** Runs fn, expecting a DocError with `code`; returns the error for further checks. */
export function expectDocError(fn: () => unknown, code: DocErrorCode): DocError {
  try {
    fn()
  } catch (e) {
    if (e instanceof DocError && e.code === code) return e
    throw new Error(`expected DocError(${code}), got ${e instanceof DocError ? `DocError(${e.code})` : String(e)}`)
  }
  throw new Error(`expected DocError(${code}), but nothing was thrown`)
}
