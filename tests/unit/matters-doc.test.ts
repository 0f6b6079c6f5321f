// The matters document of a council year on real Yjs replicas: a request on a paper form through
// its matter, path, follow-up and reply; two laptops offline (a request recorded on each; a reply on
// one and a merge on the other) agree after syncing both ways; and a seeded fuzz over random
// interleavings of edits and partial syncs always converges to one state that keeps the rules.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mattersDocName, parseAnyDocName } from '../../src/shared/doc/names'
import {
  addRequest,
  initMattersDoc,
  openMatter,
  readMatterPath,
  readMatters,
  readRequestStates,
  recordOutcome,
  recordReply,
  recordStep,
  updateRequest,
  type Recorder,
} from '../../src/shared/doc/matters'
import { readStepsOfMeeting, replyToAllOfMatter } from '../../src/shared/doc/mattersLinks'
import { addMilestone, addNote, attachFile, completeFollowUp, openFollowUp, readAllFileRefs, readAttachments, readFollowUpState, readMilestones, readNotes, updateFollowUp, updateMilestone } from '../../src/shared/doc/mattersFollowUp'
import { DocError } from '../../src/shared/doc/errors'
import { waitingRequests, type RequestFields } from '../../src/shared/matters/requests'
import { referencedHashes } from '../../src/shared/files/fileRef'
import type { MatterFields } from '../../src/shared/matters/matter'
import { COUNCIL_ID, expectDocError, newDoc, replicaOf, stateOf, syncAll } from './helpers'

const who = (n: number, by = 'laptop-a'): Recorder => ({ now: new Date(Date.UTC(2026, 2, 1, 8) + n * 60_000).toISOString(), by })
const fields = (o: Partial<RequestFields> = {}): RequestFields => ({
  receivedOn: '2026-03-02',
  channel: 'householdForm',
  category: 'repairs',
  requester: { kind: 'household', name: '3栋2单元301 李家', refId: 'hh-3-2-301' },
  place: { building: '3', unit: '2', room: '301' },
  text: '3栋电梯经常停运',
  ...o,
})
const matterFields = (o: Partial<MatterFields> = {}): MatterFields => ({
  title: '3栋加装电梯维修基金',
  description: '',
  proposer: { kind: 'partyBranch', name: '社区党委' },
  path: 'fourTwo',
  openedOn: '2026-03-10',
  ...o,
})

function yearDoc(clientID?: number): Y.Doc {
  const doc = newDoc(clientID)
  initMattersDoc(doc, COUNCIL_ID, 2026)
  return doc
}

describe('matters document', () => {
  it('is named by council and year, and the name parses back', () => {
    const name = mattersDocName(COUNCIL_ID, 2026)
    expect(name).toBe(`council/${COUNCIL_ID}/matters/2026`)
    expect(parseAnyDocName(name)).toEqual({ kind: 'matters', councilId: COUNCIL_ID, year: 2026 })
    expect(parseAnyDocName(`council/${COUNCIL_ID}/matters/26`)).toBeNull()
  })

  it('a request from a paper form becomes a matter, goes through 四议两公开, is followed up and replied to', () => {
    const doc = yearDoc()
    const r1 = addRequest(doc, fields(), who(1))
    const r2 = addRequest(doc, fields({ receivedOn: '2026-03-03', requester: { kind: 'resident', name: '赵先生' }, text: '电梯又坏了' }), who(2))
    expectDocError(() => addRequest(doc, fields({ receivedOn: '2025-12-30' }), who(3)), 'invalidInput')
    updateRequest(doc, r1, { category: 'safety' })
    recordOutcome(doc, { kind: 'merged', into: r1, requestId: r2, on: '2026-03-05' }, who(4))
    const matterId = openMatter(doc, matterFields(), [r1], who(5))
    // A request already decided cannot be gathered again: nothing is written.
    const before = stateOf(doc)
    expectDocError(() => openMatter(doc, matterFields({ title: '另一个' }), [r2], who(6)), 'badTransition')
    expect(stateOf(doc)).toEqual(before)

    const scan = { hash: 'b'.repeat(64), name: '党委会议记录.pdf', type: 'application/pdf' as const, size: 20_000 }
    const e = expectDocError(() => recordStep(doc, matterId, 'committeesDiscussion', { mode: 'outside', date: '2026-03-12', body: '两委', outcome: 'approved' }, false, who(7)), 'badTransition')
    expect(e.detail).toEqual({ reason: 'dependencyPending' })
    recordStep(doc, matterId, 'partyProposal', { mode: 'outside', date: '2026-03-11', body: '社区党委', outcome: 'done', scan }, false, who(8))
    recordStep(doc, matterId, 'committeesDiscussion', { mode: 'outside', date: '2026-03-12', body: '社区两委', outcome: 'approved' }, false, who(9))
    recordStep(doc, matterId, 'partyMembersReview', { mode: 'outside', date: '2026-03-15', body: '社区党员大会', outcome: 'approved', attendance: { present: 30, due: 40 } }, false, who(10))
    expectDocError(() => openFollowUp(doc, matterId, { owner: '物业', deadline: '2026-06-30' }, '2026-03-20'), 'badTransition')
    recordStep(doc, matterId, 'residentsResolution', { mode: 'meeting', date: '2026-03-20', meetingId: 'meeting-0001', agendaItemId: 'item-0001', motionId: 'motion-0001', outcome: 'approved' }, false, who(11))
    recordStep(doc, matterId, 'resolutionNotice', { mode: 'outside', date: '2026-03-21', body: '社区公示栏', outcome: 'done', until: '2026-03-28' }, false, who(12))
    expect(readMatterPath(doc, matterId)).toMatchObject({ outcome: 'resolved', resolvedOn: '2026-03-20' })

    openFollowUp(doc, matterId, { owner: '物业服务中心', deadline: '2026-05-31' }, '2026-03-22')
    updateFollowUp(doc, matterId, { owner: '物业服务中心 张经理' })
    const m1 = addMilestone(doc, matterId, { title: '维保单位报价', due: '2026-04-10' })
    const m2 = addMilestone(doc, matterId, { title: '完成维修', due: '2026-05-20' })
    updateMilestone(doc, m1, { doneOn: '2026-04-08', note: '三家比价' })
    attachFile(doc, { kind: 'milestone', id: m1 }, { hash: 'c'.repeat(64), name: '报价单.jpg', type: 'image/jpeg', size: 300_000 }, who(13))
    addNote(doc, matterId, { on: '2026-04-09', text: '居民代表参与比价' }, who(14))
    expect(readFollowUpState(doc, matterId, '2026-06-02')!.state).toMatchObject({ status: 'overdue', daysOverdue: 2, done: 1, total: 2 })
    expectDocError(() => completeFollowUp(doc, matterId, '2026-05-25'), 'badTransition')
    expectDocError(() => recordStep(doc, matterId, 'resultNotice', { mode: 'outside', date: '2026-05-26', body: '公示栏', outcome: 'done' }, false, who(15)), 'badTransition')
    updateMilestone(doc, m2, { doneOn: '2026-05-24' })
    completeFollowUp(doc, matterId, '2026-05-25')
    recordStep(doc, matterId, 'resultNotice', { mode: 'outside', date: '2026-05-26', body: '公示栏', outcome: 'done' }, true, who(16))
    expect(readMatterPath(doc, matterId)!.outcome).toBe('complete')

    // The meeting's side of the link: which step its motion carried.
    expect(readStepsOfMeeting(doc, 'meeting-0001', 'motion-0001').map((e) => e.step)).toEqual(['residentsResolution'])
    // Both residents are owed a reply: the merged one too; one reply to all records one each.
    expect(waitingRequests(readRequestStates(doc)).map((s) => s.request.id)).toEqual([r1, r2])
    recordReply(doc, { requestId: r1, on: '2026-05-27', how: 'inPerson', what: '电梯已修复，当面告知', final: true }, who(17))
    expect(replyToAllOfMatter(doc, matterId, { on: '2026-05-27', how: 'noticeBoard', what: '电梯已修复' }, who(18))).toEqual([r2])
    expect(waitingRequests(readRequestStates(doc))).toEqual([])
    expect(replyToAllOfMatter(doc, matterId, { on: '2026-05-28', how: 'phone', what: '再次告知' }, who(19))).toEqual([])

    expect(readMilestones(doc, matterId).map((m) => m.title)).toEqual(['维保单位报价', '完成维修'])
    expect(readNotes(doc, matterId)).toHaveLength(1)
    expect(readAttachments(doc, { kind: 'milestone', id: m1 }).map((a) => a.file.name)).toEqual(['报价单.jpg'])
    expect(readMatters(doc)[0]!.title).toBe('3栋加装电梯维修基金')
    expect(referencedHashes(readAllFileRefs(doc))).toEqual(['b'.repeat(64), 'c'.repeat(64)])
    // The document holds references only: no byte of any file.
    expect(JSON.stringify(doc.toJSON()).length).toBeLessThan(20_000)
  })

  it('two laptops offline: a request on each; a reply on one and a merge on the other; both agree after syncing both ways', () => {
    const a = yearDoc(1)
    const b = replicaOf(a, 2)
    const ra = addRequest(a, fields({ text: '小区门口路灯不亮' }), who(1, 'a'))
    const rb = addRequest(b, fields({ text: '门口路灯坏了', receivedOn: '2026-03-04', channel: 'visit' }), who(2, 'b'))
    syncAll(a, b)
    // Offline again: a replies to rb (an interim reply), b merges rb into ra.
    recordReply(a, { requestId: rb, on: '2026-03-05', how: 'phone', what: '已收到，正在核实', final: false }, who(3, 'a'))
    recordOutcome(b, { kind: 'merged', into: ra, requestId: rb, on: '2026-03-05' }, who(3, 'b'))
    syncAll(a, b)
    const sa = readRequestStates(a)
    expect(sa).toEqual(readRequestStates(b))
    expect(sa.get(rb)).toMatchObject({ status: 'merged', root: ra, replies: [{ what: '已收到，正在核实' }], finalReply: null })
    expect(waitingRequests(sa).map((s) => s.request.id)).toEqual([ra, rb])
  })

  it('two laptops deciding the same request differently keep both; the earlier stands on both', () => {
    const a = yearDoc(1)
    const r1 = addRequest(a, fields(), who(1))
    const r2 = addRequest(a, fields({ text: '同上' }), who(2))
    const b = replicaOf(a, 2)
    recordOutcome(a, { kind: 'declined', reason: '属于物业职责，已转物业', requestId: r2, on: '2026-03-06' }, who(10, 'a'))
    recordOutcome(b, { kind: 'merged', into: r1, requestId: r2, on: '2026-03-06' }, who(9, 'b'))
    syncAll(a, b)
    for (const d of [a, b]) expect(readRequestStates(d).get(r2)).toMatchObject({ status: 'merged', conflicts: [{ kind: 'declined' }] })
  })
})

// ---- fuzz -----------------------------------------------------------------------------------

type Op =
  | { t: 'add'; dev: number; day: number }
  | { t: 'merge'; dev: number; i: number; j: number }
  | { t: 'decline'; dev: number; i: number }
  | { t: 'reply'; dev: number; i: number; final: boolean }
  | { t: 'matter'; dev: number; i: number }
  | { t: 'step'; dev: number; i: number; reject: boolean }
  | { t: 'sync'; from: number; to: number }

const dev = fc.nat(2)
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('add' as const), dev, day: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ t: fc.constant('merge' as const), dev, i: fc.nat(30), j: fc.nat(30) }),
  fc.record({ t: fc.constant('decline' as const), dev, i: fc.nat(30) }),
  fc.record({ t: fc.constant('reply' as const), dev, i: fc.nat(30), final: fc.boolean() }),
  fc.record({ t: fc.constant('matter' as const), dev, i: fc.nat(30) }),
  fc.record({ t: fc.constant('step' as const), dev, i: fc.nat(30), reject: fc.boolean() }),
  fc.record({ t: fc.constant('sync' as const), from: dev, to: dev }),
)

describe('matters document (fuzz over interleavings)', () => {
  it('three laptops editing and syncing in any order converge to one state that keeps the rules', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const first = yearDoc(1)
        const docs = [first, replicaOf(first, 2), replicaOf(first, 3)]
        let tick = 0
        ops.forEach((o) => {
          tick++
          if (o.t === 'sync') {
            if (o.from !== o.to) Y.applyUpdate(docs[o.to]!, Y.encodeStateAsUpdate(docs[o.from]!, Y.encodeStateVector(docs[o.to]!)), 'remote')
            return
          }
          const d = docs[o.dev]!
          // Each laptop's clock: a few minutes apart, so recording order and arrival order differ.
          const w: Recorder = { now: new Date(Date.UTC(2026, 2, 25) + tick * 60_000 + o.dev * 150_000).toISOString(), by: `dev${o.dev}` }
          const ids = [...readRequestStates(d).keys()]
          const pick = (i: number) => ids[i % Math.max(ids.length, 1)] ?? 'missing-id'
          const matters = readMatters(d)
          try {
            if (o.t === 'add') addRequest(d, fields({ receivedOn: `2026-03-${String(o.day).padStart(2, '0')}`, text: `诉求 ${tick}` }), w)
            else if (o.t === 'merge') recordOutcome(d, { kind: 'merged', into: pick(o.j), requestId: pick(o.i), on: '2026-03-21' }, w)
            else if (o.t === 'decline') recordOutcome(d, { kind: 'declined', reason: '重复', requestId: pick(o.i), on: '2026-03-21' }, w)
            else if (o.t === 'reply') recordReply(d, { requestId: pick(o.i), on: '2026-03-22', how: 'phone', what: '已答复', final: o.final }, w)
            else if (o.t === 'matter') openMatter(d, matterFields({ openedOn: '2026-03-21', path: o.i % 2 ? 'fourTwo' : 'councilOnly' }), [pick(o.i)], w)
            else if (o.t === 'step' && matters.length) {
              const m = matters[o.i % matters.length]!
              const next = readMatterPath(d, m.id)!.steps.find((s) => s.state === 'ready')
              if (next) {
                const decides = next.template.decides
                recordStep(d, m.id, next.template.key, { mode: 'outside', date: '2026-03-23', body: '两委', outcome: decides ? (o.reject ? 'rejected' : 'approved') : 'done' }, false, w)
              }
            }
          } catch (e) {
            // A refused edit (the rules said no on this replica) is fine; anything else is a bug.
            if (!(e instanceof DocError)) throw e
          }
        })
        syncAll(...docs)
        const states = docs.map((d) => readRequestStates(d))
        expect(states[1]).toEqual(states[0])
        expect(states[2]).toEqual(states[0])
        const paths = docs.map((d) => readMatters(d).map((m) => readMatterPath(d, m.id)))
        expect(paths[1]).toEqual(paths[0])
        expect(paths[2]).toEqual(paths[0])
        for (const s of states[0]!.values()) {
          // Merges end in a request that is not itself merged: no loop survives a merge of replicas.
          expect(states[0]!.get(s.root)!.status).not.toBe('merged')
          if (s.finalReply) expect(s.outcome).not.toBeNull()
        }
        for (const p of paths[0]!) {
          for (const step of p!.steps) {
            if (step.entry) for (const dep of step.template.dependsOn) expect(['done', 'skipped']).toContain(p!.steps.find((x) => x.template.key === dep)!.state)
          }
        }
      }),
      { numRuns: 60 },
    )
  })
})
