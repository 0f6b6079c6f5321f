// The meeting document: details, status with its log, and the agenda ordered by fractional index.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import fc from 'fast-check'
import {
  addAgendaItem,
  initMeetingDoc,
  moveAgendaItem,
  readAgenda,
  readMeeting,
  readStatusLog,
  removeAgendaItem,
  transitionMeeting,
  updateAgendaItem,
  updateMeeting,
} from '../../src/shared/doc/meeting'
import type { AgendaItemId } from '../../src/shared/domain/ids'
import type { MeetingStatus } from '../../src/shared/domain/meeting'
import { COUNCIL_ID, expectDocError, itemFields, MEETING_ID, meetingFields, newMeetingDoc, NOW, stateOf } from './helpers'

const T1 = '2025-03-07T09:00:00.000Z'
const T2 = '2025-03-10T19:30:00.000Z'
const T3 = '2025-03-10T21:00:00.000Z'
const UNKNOWN = 'ffffffff-0000-0000-0000-000000000000' as AgendaItemId

/** A draft meeting with items titled as given, in that order. */
function meetingWith(...titles: string[]): { doc: Y.Doc; ids: AgendaItemId[] } {
  const doc = newMeetingDoc()
  const ids = titles.map((title) => addAgendaItem(doc, itemFields({ title })))
  return { doc, ids }
}

const titles = (doc: Y.Doc) => readAgenda(doc).map((i) => i.title)

describe('initMeetingDoc and readMeeting', () => {
  it('round-trips a new meeting as a draft', () => {
    const doc = new Y.Doc()
    initMeetingDoc(doc, { councilId: COUNCIL_ID, meetingId: MEETING_ID }, meetingFields({ title: '  三月议事会 ', place: ' 活动室 ' }), NOW)
    expect(readMeeting(doc)).toEqual({
      ...meetingFields(),
      title: '三月议事会',
      place: '活动室',
      id: MEETING_ID,
      councilId: COUNCIL_ID,
      status: 'draft',
      createdAt: NOW,
      noticedAt: null,
    })
    expect(readAgenda(doc)).toEqual([])
    expect(readStatusLog(doc)).toEqual([])
  })

  it('refuses invalid details and writes nothing', () => {
    const doc = new Y.Doc()
    const e = expectDocError(
      () => initMeetingDoc(doc, { councilId: COUNCIL_ID, meetingId: MEETING_ID }, meetingFields({ title: ' ', startsAt: '2025-03-10 19:30' }), NOW),
      'invalidInput',
    )
    expect(e.detail).toEqual({ title: 'titleRequired', startsAt: 'startsAtInvalid' })
    expect(readMeeting(doc)).toBeNull()
    expect(stateOf(doc)).toEqual(stateOf(new Y.Doc()))
  })

  it('reads nothing from an empty document', () => {
    expect(readMeeting(new Y.Doc())).toBeNull()
  })
})

describe('updateMeeting', () => {
  it('edits the details of a draft', () => {
    const doc = newMeetingDoc()
    updateMeeting(doc, meetingFields({ title: '四月议事会', startsAt: '2025-04-10T19:30', place: '二楼会议室' }))
    expect(readMeeting(doc)).toMatchObject({ title: '四月议事会', startsAt: '2025-04-10T19:30', place: '二楼会议室', status: 'draft' })
  })

  it('after the notice, keeps the time and place residents were told, but allows a corrected title', () => {
    const { doc } = meetingWith('加装电梯')
    transitionMeeting(doc, 'noticed', T1)
    const before = stateOf(doc)
    expectDocError(() => updateMeeting(doc, meetingFields({ startsAt: '2025-03-11T19:30' })), 'agendaLocked')
    expectDocError(() => updateMeeting(doc, meetingFields({ place: '别处' })), 'agendaLocked')
    expect(stateOf(doc)).toEqual(before)
    updateMeeting(doc, meetingFields({ title: '三月居民议事会' }))
    expect(readMeeting(doc)?.title).toBe('三月居民议事会')
  })

  it('refuses an uninitialised document', () => {
    expectDocError(() => updateMeeting(new Y.Doc(), meetingFields()), 'notFound')
  })
})

describe('transitionMeeting', () => {
  it('moves along the state machine and logs each transition', () => {
    const { doc } = meetingWith('加装电梯')
    transitionMeeting(doc, 'noticed', T1)
    transitionMeeting(doc, 'in_session', T2)
    transitionMeeting(doc, 'closed', T3)
    expect(readMeeting(doc)).toMatchObject({ status: 'closed', noticedAt: T1 })
    expect(readStatusLog(doc)).toEqual([
      { from: 'draft', to: 'noticed', at: T1 },
      { from: 'noticed', to: 'in_session', at: T2 },
      { from: 'in_session', to: 'closed', at: T3 },
    ])
  })

  it('refuses to skip steps, with the attempted transition as detail, and writes nothing', () => {
    const { doc } = meetingWith('加装电梯')
    const before = stateOf(doc)
    const e = expectDocError(() => transitionMeeting(doc, 'closed', T1), 'badTransition')
    expect(e.detail).toEqual({ from: 'draft', to: 'closed' })
    expect(stateOf(doc)).toEqual(before)
    expect(readMeeting(doc)?.status).toBe('draft')
    expect(readStatusLog(doc)).toEqual([])
  })

  it('refuses to go back to draft after the notice', () => {
    const { doc } = meetingWith('加装电梯')
    transitionMeeting(doc, 'noticed', T1)
    expectDocError(() => transitionMeeting(doc, 'draft', T2), 'badTransition')
    expect(readMeeting(doc)?.status).toBe('noticed')
  })

  it('refuses a notice with an empty agenda', () => {
    const doc = newMeetingDoc()
    const before = stateOf(doc)
    const e = expectDocError(() => transitionMeeting(doc, 'noticed', T1), 'invalidInput')
    expect(e.detail).toEqual({ agenda: 'empty' })
    expect(stateOf(doc)).toEqual(before)
    expect(readMeeting(doc)?.noticedAt).toBeNull()
  })

  it('follows a return by the street office back to redrafting', () => {
    const { doc } = meetingWith('加装电梯')
    const path: MeetingStatus[] = ['noticed', 'in_session', 'closed', 'minutes_drafted', 'signed', 'published', 'submitted', 'returned', 'minutes_drafted']
    path.forEach((to, i) => transitionMeeting(doc, to, `2025-03-${String(10 + i).padStart(2, '0')}T00:00:00.000Z`))
    expect(readMeeting(doc)?.status).toBe('minutes_drafted')
    expect(readStatusLog(doc).map((e) => e.to)).toEqual(path)
  })

  it('refuses an uninitialised document', () => {
    expectDocError(() => transitionMeeting(new Y.Doc(), 'noticed', T1), 'notFound')
  })
})

describe('agenda items', () => {
  it('adds items at the end, in order, and reads their fields back trimmed', () => {
    const doc = newMeetingDoc()
    const a = addAgendaItem(doc, itemFields({ title: ' 加装电梯 ', description: ' 方案 ', attachments: [' 方案.pdf ', '  ', '图纸.dwg'] }))
    const b = addAgendaItem(doc, itemFields({ title: '垃圾分类', source: 'higher_level', expectedMinutes: 15 }))
    const agenda = readAgenda(doc)
    expect(agenda.map((i) => i.id)).toEqual([a, b])
    expect(agenda[0]).toMatchObject({ title: '加装电梯', description: '方案', attachments: ['方案.pdf', '图纸.dwg'], source: 'residents', expectedMinutes: 20 })
    expect(agenda[1]).toMatchObject({ title: '垃圾分类', source: 'higher_level', expectedMinutes: 15, attachments: [] })
    expect(agenda[0]!.order < agenda[1]!.order).toBe(true)
  })

  it('refuses an invalid item and writes nothing', () => {
    const doc = newMeetingDoc()
    const before = stateOf(doc)
    const e = expectDocError(() => addAgendaItem(doc, itemFields({ title: '', expectedMinutes: 0 })), 'invalidInput')
    expect(e.detail).toEqual({ title: 'titleRequired', expectedMinutes: 'minutesInvalid' })
    expect(stateOf(doc)).toEqual(before)
  })

  it('stores a hostile title verbatim, as data', () => {
    const doc = newMeetingDoc()
    addAgendaItem(doc, itemFields({ title: '<img src=x onerror=alert(1)>', description: '{{constructor.constructor("x")()}}' }))
    expect(readAgenda(doc)[0]).toMatchObject({ title: '<img src=x onerror=alert(1)>', description: '{{constructor.constructor("x")()}}' })
  })

  it('updates an item, keeping its place', () => {
    const { doc, ids } = meetingWith('甲', '乙', '丙')
    const order = readAgenda(doc)[1]!.order
    updateAgendaItem(doc, ids[1]!, itemFields({ title: '乙（修订）', attachments: ['新方案.pdf'], expectedMinutes: 45 }))
    const item = readAgenda(doc)[1]!
    expect(item).toMatchObject({ id: ids[1], title: '乙（修订）', attachments: ['新方案.pdf'], expectedMinutes: 45, order })
    expect(titles(doc)).toEqual(['甲', '乙（修订）', '丙'])
  })

  it('writes only the fields that changed', () => {
    const { doc, ids } = meetingWith('甲')
    const before = Y.encodeStateVector(doc)
    updateAgendaItem(doc, ids[0]!, itemFields({ title: '甲' }))
    expect(Y.encodeStateVector(doc)).toEqual(before)
  })

  it('refuses an invalid update and an unknown item', () => {
    const { doc, ids } = meetingWith('甲')
    const before = stateOf(doc)
    expectDocError(() => updateAgendaItem(doc, ids[0]!, itemFields({ source: 'nobody' as never })), 'invalidInput')
    expectDocError(() => updateAgendaItem(doc, UNKNOWN, itemFields()), 'notFound')
    expectDocError(() => removeAgendaItem(doc, UNKNOWN), 'notFound')
    expectDocError(() => moveAgendaItem(doc, UNKNOWN, 0), 'notFound')
    expect(stateOf(doc)).toEqual(before)
  })

  it('removes an item', () => {
    const { doc, ids } = meetingWith('甲', '乙', '丙')
    removeAgendaItem(doc, ids[1]!)
    expect(titles(doc)).toEqual(['甲', '丙'])
    // Adding after a removal still appends at the end.
    addAgendaItem(doc, itemFields({ title: '丁' }))
    expect(titles(doc)).toEqual(['甲', '丙', '丁'])
  })
})

describe('moveAgendaItem', () => {
  it('moves an item to the first place', () => {
    const { doc, ids } = meetingWith('甲', '乙', '丙', '丁')
    moveAgendaItem(doc, ids[2]!, 0)
    expect(titles(doc)).toEqual(['丙', '甲', '乙', '丁'])
  })

  it('moves an item to the last place', () => {
    const { doc, ids } = meetingWith('甲', '乙', '丙', '丁')
    moveAgendaItem(doc, ids[0]!, 3)
    expect(titles(doc)).toEqual(['乙', '丙', '丁', '甲'])
  })

  it('moves an item into the middle, both forwards and backwards', () => {
    const { doc, ids } = meetingWith('甲', '乙', '丙', '丁')
    moveAgendaItem(doc, ids[0]!, 2)
    expect(titles(doc)).toEqual(['乙', '丙', '甲', '丁'])
    moveAgendaItem(doc, ids[3]!, 1)
    expect(titles(doc)).toEqual(['乙', '丁', '丙', '甲'])
  })

  it('clamps an index outside the agenda', () => {
    const { doc, ids } = meetingWith('甲', '乙', '丙')
    moveAgendaItem(doc, ids[1]!, 99)
    expect(titles(doc)).toEqual(['甲', '丙', '乙'])
    moveAgendaItem(doc, ids[1]!, -4)
    expect(titles(doc)).toEqual(['乙', '甲', '丙'])
  })

  it('touches only the moved item', () => {
    const { doc, ids } = meetingWith('甲', '乙', '丙')
    const orders = new Map(readAgenda(doc).map((i) => [i.id, i.order]))
    moveAgendaItem(doc, ids[2]!, 1)
    for (const item of readAgenda(doc)) if (item.id !== ids[2]) expect(item.order).toBe(orders.get(item.id))
  })

  it('matches a plain array model for any sequence of adds, moves and removes (property)', () => {
    type Op = { t: 'add' } | { t: 'move'; pick: number; to: number } | { t: 'remove'; pick: number }
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.constant<Op>({ t: 'add' }),
      fc.record({ t: fc.constant('move' as const), pick: fc.nat(), to: fc.integer({ min: -1, max: 12 }) }),
      fc.record({ t: fc.constant('remove' as const), pick: fc.nat() }),
    )
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const doc = newMeetingDoc()
        const model: AgendaItemId[] = []
        let n = 0
        for (const o of ops) {
          if (o.t === 'add') {
            model.push(addAgendaItem(doc, itemFields({ title: `item ${n++}` })))
          } else if (model.length > 0) {
            const id = model[o.pick % model.length]!
            model.splice(model.indexOf(id), 1)
            if (o.t === 'move') {
              moveAgendaItem(doc, id, o.to)
              model.splice(Math.max(0, Math.min(o.to, model.length)), 0, id)
            } else {
              removeAgendaItem(doc, id)
            }
          }
          expect(readAgenda(doc).map((i) => i.id)).toEqual(model)
        }
      }),
      { numRuns: 150 },
    )
  })
})

describe('after the notice the agenda is locked', () => {
  const paths: [MeetingStatus[]][] = [[['noticed']], [['noticed', 'in_session']], [['noticed', 'in_session', 'closed']]]
  it.each(paths)(
    'refuses add, update, remove and move after %j, changing nothing',
    (path) => {
      const { doc, ids } = meetingWith('甲', '乙')
      for (const to of path) transitionMeeting(doc, to, T1)
      const before = stateOf(doc)
      expectDocError(() => addAgendaItem(doc, itemFields({ title: '临时动议' })), 'agendaLocked')
      expectDocError(() => updateAgendaItem(doc, ids[0]!, itemFields({ title: '改' })), 'agendaLocked')
      expectDocError(() => removeAgendaItem(doc, ids[0]!), 'agendaLocked')
      expectDocError(() => moveAgendaItem(doc, ids[1]!, 0), 'agendaLocked')
      expect(stateOf(doc)).toEqual(before)
      expect(titles(doc)).toEqual(['甲', '乙'])
    },
  )
})
