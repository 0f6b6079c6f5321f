// Schema version, named migrations, and read-only handling of documents from a newer Yishi.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { assertWritable, metaOf, migrate, ORIGIN_MIGRATION, schemaState, SCHEMA_VERSION, type Migration } from '../../src/shared/doc/schema'
import {
  addMember,
  addMembers,
  indexMeeting,
  initCouncilDoc,
  readCouncil,
  readMembers,
  removeMistakenMember,
  updateCouncil,
  updateMember,
} from '../../src/shared/doc/council'
import {
  addAgendaItem,
  initMeetingDoc,
  moveAgendaItem,
  readAgenda,
  removeAgendaItem,
  transitionMeeting,
  updateAgendaItem,
  updateMeeting,
} from '../../src/shared/doc/meeting'
import type { MeetingId } from '../../src/shared/domain/ids'
import {
  COUNCIL_ID,
  councilInput,
  expectDocError,
  itemFields,
  MEETING_ID,
  meetingFields,
  memberFields,
  newCouncilDoc,
  newDoc,
  newMeetingDoc,
  NOW,
  stateOf,
} from './helpers'

const OTHER_MEETING = '9d1e2f3a-3333-4c4d-9e5f-6a7b8c9d0e1f' as MeetingId

describe('schemaState', () => {
  it('calls a new doc empty', () => {
    expect(schemaState(new Y.Doc())).toEqual({ state: 'empty' })
  })

  it('calls a freshly initialised council or meeting doc current', () => {
    expect(schemaState(newCouncilDoc())).toEqual({ state: 'current', kind: 'council' })
    expect(schemaState(newMeetingDoc())).toEqual({ state: 'current', kind: 'meeting' })
    expect(metaOf(newCouncilDoc()).get('schemaVersion')).toBe(SCHEMA_VERSION)
  })

  it('calls a doc with a higher version newer and one with a lower version older', () => {
    const doc = newCouncilDoc()
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    expect(schemaState(doc)).toEqual({ state: 'newer', version: SCHEMA_VERSION + 1, kind: 'council' })
    expect(schemaState(doc, SCHEMA_VERSION + 2)).toEqual({ state: 'older', version: SCHEMA_VERSION + 1, kind: 'council' })
  })

  it.each<[string, Record<string, unknown>]>([
    ['a version that is a string', { schemaVersion: '1', kind: 'council' }],
    ['version 0', { schemaVersion: 0, kind: 'council' }],
    ['a fractional version', { schemaVersion: 1.5, kind: 'meeting' }],
    ['no version', { kind: 'council' }],
    ['an unknown kind', { schemaVersion: 1, kind: 'campaign-of-the-future' }],
    ['no kind', { schemaVersion: 1 }],
  ])('calls meta with %s invalid', (_label, meta) => {
    const doc = new Y.Doc()
    for (const [k, v] of Object.entries(meta)) metaOf(doc).set(k, v)
    expect(schemaState(doc)).toEqual({ state: 'invalid' })
    expectDocError(() => migrate(doc), 'invalidDocument')
    expectDocError(() => assertWritable(doc), 'invalidDocument')
  })
})

describe('migrate', () => {
  /** A test chain v1 → v2 → v3, each step leaving a trace and logging its run. */
  function chain(runs: string[]): Migration[] {
    return [
      {
        name: '0002-agenda-durations',
        from: 1,
        to: 2,
        run: (doc) => {
          runs.push(`0002@${String(metaOf(doc).get('schemaVersion'))}`)
          doc.getMap('trace').set('v2', true)
        },
      },
      {
        name: '0003-member-roles',
        from: 2,
        to: 3,
        run: (doc) => {
          runs.push(`0003@${String(metaOf(doc).get('schemaVersion'))}`)
          // The second step sees what the first one wrote.
          doc.getMap('trace').set('v3', doc.getMap('trace').get('v2') === true)
        },
      },
    ]
  }

  it('runs the chain in order, one step per transaction, and records the names', () => {
    const doc = newCouncilDoc()
    const runs: string[] = []
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    // Listed out of order on purpose: steps are chosen by version, not by position.
    const applied = migrate(doc, [...chain(runs)].reverse(), 3)
    expect(applied).toEqual(['0002-agenda-durations', '0003-member-roles'])
    expect(runs).toEqual(['0002@1', '0003@2'])
    expect(origins).toEqual([ORIGIN_MIGRATION, ORIGIN_MIGRATION])
    expect(metaOf(doc).get('schemaVersion')).toBe(3)
    expect((metaOf(doc).get('migrations') as Y.Array<string>).toArray()).toEqual(['0002-agenda-durations', '0003-member-roles'])
    expect(doc.getMap('trace').toJSON()).toEqual({ v2: true, v3: true })
    expect(schemaState(doc, 3)).toEqual({ state: 'current', kind: 'council' })
    // Migrating again finds nothing to do and writes nothing.
    const before = stateOf(doc)
    expect(migrate(doc, chain(runs), 3)).toEqual([])
    expect(stateOf(doc)).toEqual(before)
    // The data written before the migration is still there.
    expect(readCouncil(doc)?.name).toBe(councilInput().name)
  })

  it('continues from where a document stands, appending to its migration log', () => {
    const doc = newCouncilDoc()
    const runs: string[] = []
    migrate(doc, chain(runs).slice(0, 1), 2)
    expect(migrate(doc, chain(runs), 3)).toEqual(['0003-member-roles'])
    expect(runs).toEqual(['0002@1', '0003@2'])
    expect((metaOf(doc).get('migrations') as Y.Array<string>).toArray()).toEqual(['0002-agenda-durations', '0003-member-roles'])
  })

  it('migrates the replica that receives a migrated document without running anything', () => {
    const a = newCouncilDoc()
    migrate(a, chain([]), 3)
    const b = newDoc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const runs: string[] = []
    expect(migrate(b, chain(runs), 3)).toEqual([])
    expect(runs).toEqual([])
  })

  it('does nothing to an empty document or a current one', () => {
    const empty = new Y.Doc()
    expect(migrate(empty, chain([]), 3)).toEqual([])
    expect(schemaState(empty)).toEqual({ state: 'empty' })
    const current = newCouncilDoc()
    const before = stateOf(current)
    expect(migrate(current)).toEqual([])
    expect(stateOf(current)).toEqual(before)
  })

  it('refuses a gap in the chain before running any step, leaving the document as it was', () => {
    const doc = newCouncilDoc()
    const runs: string[] = []
    const before = stateOf(doc)
    // v1 → v2 exists, v2 → v3 does not.
    expectDocError(() => migrate(doc, chain(runs).slice(0, 1), 3), 'missingMigration')
    expect(runs).toEqual([])
    expect(stateOf(doc)).toEqual(before)
    expect(metaOf(doc).get('schemaVersion')).toBe(1)
    // The first step is missing.
    expectDocError(() => migrate(doc, chain(runs).slice(1), 3), 'missingMigration')
    expect(runs).toEqual([])
    expect(stateOf(doc)).toEqual(before)
  })

  it('refuses a step that goes backwards or past the current version', () => {
    const doc = newCouncilDoc()
    const before = stateOf(doc)
    const backwards: Migration = { name: 'bad', from: 1, to: 1, run: () => undefined }
    expectDocError(() => migrate(doc, [backwards], 3), 'missingMigration')
    const overshoot: Migration = { name: 'too-far', from: 1, to: 4, run: () => undefined }
    expectDocError(() => migrate(doc, [overshoot], 3), 'missingMigration')
    expect(stateOf(doc)).toEqual(before)
  })

  it('refuses a document from a newer Yishi without touching it', () => {
    const doc = newCouncilDoc()
    metaOf(doc).set('schemaVersion', 4)
    const before = stateOf(doc)
    const runs: string[] = []
    expectDocError(() => migrate(doc, chain(runs), 3), 'newerSchema')
    expect(runs).toEqual([])
    expect(stateOf(doc)).toEqual(before)
  })
})

describe('a document from a newer Yishi is read-only', () => {
  function newerCouncil() {
    const doc = newCouncilDoc()
    const memberId = addMember(doc, memberFields(), NOW)
    indexMeeting(doc, MEETING_ID, NOW)
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    return { doc, memberId }
  }

  function newerMeeting() {
    const doc = newMeetingDoc()
    const itemId = addAgendaItem(doc, itemFields())
    addAgendaItem(doc, itemFields({ title: '垃圾分类' }))
    metaOf(doc).set('schemaVersion', SCHEMA_VERSION + 1)
    return { doc, itemId }
  }

  it('still reads', () => {
    const { doc } = newerCouncil()
    expect(schemaState(doc).state).toBe('newer')
    expect(readCouncil(doc)?.name).toBe(councilInput().name)
    expect(readMembers(doc)).toHaveLength(1)
    expect(readAgenda(newerMeeting().doc)).toHaveLength(2)
  })

  const councilWrites: [string, (doc: Y.Doc, memberId: ReturnType<typeof addMember>) => unknown][] = [
    ['initCouncilDoc', (doc) => initCouncilDoc(doc, COUNCIL_ID, councilInput({ name: '新名字' }), NOW)],
    ['updateCouncil', (doc) => updateCouncil(doc, councilInput({ name: '新名字' }))],
    ['addMember', (doc) => addMember(doc, memberFields({ name: '李四' }), NOW)],
    ['addMembers', (doc) => addMembers(doc, [memberFields({ name: '李四' })], NOW)],
    ['updateMember', (doc, id) => updateMember(doc, id, { name: '张三丰' }, NOW)],
    ['removeMistakenMember', (doc, id) => removeMistakenMember(doc, id)],
    ['indexMeeting', (doc) => indexMeeting(doc, OTHER_MEETING, NOW)],
  ]

  it.each(councilWrites)('refuses %s with newerSchema and leaves the council doc unchanged', (_name, write) => {
    const { doc, memberId } = newerCouncil()
    const before = stateOf(doc)
    expectDocError(() => write(doc, memberId), 'newerSchema')
    expect(stateOf(doc)).toEqual(before)
  })

  const meetingWrites: [string, (doc: Y.Doc, itemId: ReturnType<typeof addAgendaItem>) => unknown][] = [
    ['initMeetingDoc', (doc) => initMeetingDoc(doc, { councilId: COUNCIL_ID, meetingId: MEETING_ID }, meetingFields({ title: '改' }), NOW)],
    ['updateMeeting', (doc) => updateMeeting(doc, meetingFields({ title: '改' }))],
    ['transitionMeeting', (doc) => transitionMeeting(doc, 'noticed', NOW)],
    ['addAgendaItem', (doc) => addAgendaItem(doc, itemFields({ title: '新议题' }))],
    ['updateAgendaItem', (doc, id) => updateAgendaItem(doc, id, itemFields({ title: '改' }))],
    ['removeAgendaItem', (doc, id) => removeAgendaItem(doc, id)],
    ['moveAgendaItem', (doc, id) => moveAgendaItem(doc, id, 1)],
  ]

  it.each(meetingWrites)('refuses %s with newerSchema and leaves the meeting doc unchanged', (_name, write) => {
    const { doc, itemId } = newerMeeting()
    const before = stateOf(doc)
    expectDocError(() => write(doc, itemId), 'newerSchema')
    expect(stateOf(doc)).toEqual(before)
  })

  it('refuses writes to a document with invalid meta', () => {
    const doc = newCouncilDoc()
    metaOf(doc).set('kind', 'spreadsheet')
    const before = stateOf(doc)
    expectDocError(() => addMember(doc, memberFields(), NOW), 'invalidDocument')
    expectDocError(() => initCouncilDoc(doc, COUNCIL_ID, councilInput(), NOW), 'invalidDocument')
    expect(stateOf(doc)).toEqual(before)
  })
})
