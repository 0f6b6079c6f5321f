// The order a new device fetches a council's meetings in (meetingIdsNewestFirst): the most
// recently created first, whatever order the index was written or merged in; ties by id, and an
// entry without a createdAt (damaged) last rather than dropped.
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { indexMeeting, meetingIds, meetingIdsNewestFirst } from '../../src/shared/doc/council'
import type { MeetingId } from '../../src/shared/domain/ids'
import { newCouncilDoc, replicaOf, syncAll } from './helpers'

const id = (n: number) => `0000000${n}-0000-4000-8000-000000000000` as MeetingId

it('lists the meetings the most recently created first, ties by id, an entry without a date last', () => {
  const doc = newCouncilDoc()
  indexMeeting(doc, id(3), '2025-01-02T00:00:00.000Z')
  indexMeeting(doc, id(1), '2025-03-02T00:00:00.000Z')
  indexMeeting(doc, id(4), '2025-02-02T00:00:00.000Z')
  indexMeeting(doc, id(2), '2025-02-02T00:00:00.000Z')
  doc.getMap('meetings').set(id(5), 'not an entry')
  expect(meetingIdsNewestFirst(doc)).toEqual([id(1), id(2), id(4), id(3), id(5)])
  expect([...meetingIdsNewestFirst(doc)].sort()).toEqual([...meetingIds(doc)].sort())
})

it('gives the same order on two replicas that indexed meetings apart and merged', () => {
  const a = newCouncilDoc()
  const b = replicaOf(a)
  indexMeeting(a, id(1), '2025-01-02T00:00:00.000Z')
  indexMeeting(b, id(2), '2025-05-02T00:00:00.000Z')
  indexMeeting(a, id(3), '2025-03-02T00:00:00.000Z')
  syncAll(a, b)
  expect(meetingIdsNewestFirst(a)).toEqual([id(2), id(3), id(1)])
  expect(meetingIdsNewestFirst(b)).toEqual(meetingIdsNewestFirst(a))
  expect(meetingIdsNewestFirst(new Y.Doc())).toEqual([])
})
