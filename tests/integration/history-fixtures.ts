// A council with a history, for the tests of joining it (not a test file itself): `count` monthly
// meetings, each made a week before it is held, written by the shared document code, and stored
// straight into a sync server's data folder through the server's storage (before the server
// starts), as the stores of a long-connected council would have left them. No Vitest here: the
// e2e spec of joining (tests/e2e/join-history.spec.ts) uses it too.
import * as Y from 'yjs'
import { indexMeeting, initCouncilDoc } from '../../src/shared/doc/council'
import { addAgendaItem, initMeetingDoc } from '../../src/shared/doc/meeting'
import { councilDocName, meetingDocName } from '../../src/shared/doc/names'
import { defaultCouncilInput } from '../../src/shared/domain/council'
import { asCouncilId, newMeetingId, type CouncilId, type MeetingId } from '../../src/shared/domain/ids'
import { openStorage } from '../../src/server/storage'

export interface HistoryCouncil {
  councilId: CouncilId
  name: string
  /** The meetings' ids, the most recently made first. */
  newestFirst: MeetingId[]
  /** Document name -> its whole state. */
  docs: Map<string, Uint8Array>
}

export interface HistoryOptions {
  /** Each meeting's one agenda item has a description this long. */
  descriptionChars?: number
  name?: string
  /** Meetings (0 = the oldest) the council document lists but whose own document was never stored. */
  leaveOut?: number[]
}

/** The council and its meetings, monthly from January 2023. */
export function historyCouncil(count: number, options: HistoryOptions = {}): HistoryCouncil {
  const { descriptionChars = 4000, name = '桂溪社区居民议事会', leaveOut = [] } = options
  const councilId = asCouncilId(crypto.randomUUID())
  const council = new Y.Doc()
  initCouncilDoc(council, councilId, { ...defaultCouncilInput('resident', '2023-01-01'), name, community: '桂溪社区', street: '桂溪街道' }, '2023-01-02T02:00:00.000Z')
  const docs = new Map<string, Uint8Array>()
  const oldestFirst: MeetingId[] = []
  for (let i = 0; i < count; i++) {
    const id = newMeetingId()
    const held = new Date(Date.UTC(2023, i, 10))
    const made = new Date(held.getTime() - 7 * 86_400_000).toISOString()
    const doc = new Y.Doc()
    const startsAt = `${held.toISOString().slice(0, 10)}T19:30`
    initMeetingDoc(doc, { councilId, meetingId: id }, { title: `${held.getUTCFullYear()}年${held.getUTCMonth() + 1}月议事会`, startsAt, place: '社区活动室', convener: '李主任' }, made)
    const description = '3栋加装电梯的方案，'.repeat(Math.ceil(descriptionChars / 10)).slice(0, descriptionChars)
    addAgendaItem(doc, { title: '加装电梯', description, proposer: '王五', source: 'residents', expectedMinutes: 20, attachments: [] })
    indexMeeting(council, id, made)
    if (!leaveOut.includes(i)) docs.set(meetingDocName(councilId, id), Y.encodeStateAsUpdate(doc))
    oldestFirst.push(id)
  }
  docs.set(councilDocName(councilId), Y.encodeStateAsUpdate(council))
  return { councilId, name, newestFirst: oldestFirst.reverse(), docs }
}

/** Puts the documents into a (not yet started) sync server's SQLite data folder. */
export async function storeInDataDir(dataDir: string, docs: Map<string, Uint8Array>): Promise<void> {
  const storage = await openStorage('sqlite', dataDir)
  try {
    for (const [name, update] of docs) await storage.documents.store(name, update)
  } finally {
    await storage.close()
  }
}
