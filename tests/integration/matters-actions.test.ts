// The matters screens' writes on a real local stack (Dexie on fake-indexeddb, real Yjs,
// y-indexeddb): a matter opened with the requests it gathers, its path chosen, its steps recorded
// outside Yishi (scan and further files stored with the step), skipped with a reason or linked to a
// meeting's motion, its follow-up opened as of the resolution; refusals (a step before the one it depends on, a skip without a reason, the
// path changed once a step stands) change nothing; all of it survives a restart.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { chooseMatterPath, openDirectMatter, recordMatterStep } from '../../src/renderer/features/matters/actions'
import { startFollowUp } from '../../src/renderer/features/matters/followUpActions'
import { saveNewRequest } from '../../src/renderer/features/requests/actions'
import { storeFile } from '../../src/renderer/data/blobs'
import { startYearDoc } from '../../src/renderer/kit/yearDoc'
import { readMatterPath, readMatters, readRequestStates } from '../../src/shared/doc/matters'
import { readStepsOfMeeting } from '../../src/shared/doc/mattersLinks'
import { readAttachments, readFollowUpState } from '../../src/shared/doc/mattersFollowUp'
import { councilDocName, mattersDocName } from '../../src/shared/doc/names'
import type { MatterFields } from '../../src/shared/matters/matter'
import type { RequestFields } from '../../src/shared/matters/requests'
import type { IsoDate } from '../../src/shared/domain/dates'
import { councilInput, expectRejectsDocError, newDevice, stateOf } from './env'

const d = (s: string) => s as IsoDate
const matter = (over: Partial<MatterFields> = {}): MatterFields => ({
  title: '3号楼加装电梯',
  description: '老人上下楼困难。',
  proposer: { kind: 'partyBranch', name: '清风社区党委' },
  path: 'fourTwo',
  openedOn: d('2025-03-01'),
  ...over,
})

const request = (text: string): RequestFields => ({ receivedOn: d('2025-02-20'), channel: 'visit', category: 'repairs', requester: { kind: 'resident', name: '王秀英' }, place: { building: '3' }, text })

describe('matters actions', () => {
  it('opens a matter with its requests, records its path in order and keeps it across a restart', async () => {
    const device = newDevice()
    let env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const council = await env.docs.acquire(councilDocName(councilId))
    const { requestId } = await saveNewRequest(env, council, councilId, request('3号楼想装电梯。'), [], '李秘书')
    const year = await env.docs.acquire(mattersDocName(councilId, 2025))
    const scan = await storeFile(env.db, new Uint8Array([1, 2, 3]), '党委会议记录.png', 'image/png', councilId, env.now())
    const page2 = await storeFile(env.db, new Uint8Array([4, 5, 6]), '第二页.png', 'image/png', councilId, env.now())

    const matterId = await openDirectMatter(env, year, matter({ path: 'councilOnly' }), [requestId])
    expect(readRequestStates(year.doc).get(requestId)).toMatchObject({ status: 'matter' })
    await chooseMatterPath(env, year, matterId, 'fourTwo')
    const p1 = await recordMatterStep(env, year, matterId, 'partyProposal', { mode: 'outside', date: d('2025-03-02'), body: '清风社区党委', outcome: 'done', scan }, [page2])
    expect(readAttachments(year.doc, { kind: 'step', id: p1 }).map((a) => a.file)).toEqual([page2])

    // Refused, with the rule's reason, and nothing written.
    const before = stateOf(year.doc)
    expect((await expectRejectsDocError(recordMatterStep(env, year, matterId, 'residentsResolution', { mode: 'outside', date: d('2025-03-05'), body: '居民代表会议', outcome: 'approved' }), 'badTransition')).detail).toEqual({ reason: 'dependencyPending' })
    expect((await expectRejectsDocError(recordMatterStep(env, year, matterId, 'committeesDiscussion', { mode: 'skipped', date: d('2025-03-05'), reason: '  ' }), 'badTransition')).detail).toEqual({ reason: 'reasonRequired' })
    expect((await expectRejectsDocError(recordMatterStep(env, year, matterId, 'committeesDiscussion', { mode: 'outside', date: d('2025-03-01'), body: '两委', outcome: 'approved' }), 'badTransition')).detail).toEqual({ reason: 'beforeDependency' })
    expect((await expectRejectsDocError(chooseMatterPath(env, year, matterId, 'councilOnly'), 'badTransition')).detail).toEqual({ reason: 'stepsRecorded' })
    expect(stateOf(year.doc)).toEqual(before)

    await recordMatterStep(env, year, matterId, 'committeesDiscussion', { mode: 'outside', date: d('2025-03-05'), body: '社区两委联席会议', outcome: 'approved', attendance: { present: 7, due: 9 } })
    await recordMatterStep(env, year, matterId, 'partyMembersReview', { mode: 'skipped', date: d('2025-03-06'), reason: '党委扩大会议已审议' })
    await recordMatterStep(env, year, matterId, 'residentsResolution', { mode: 'meeting', date: d('2025-03-10'), meetingId: 'meeting-1', agendaItemId: 'item-1', motionId: 'motion-1', outcome: 'approved' })
    // Recorded after the fact: the follow-up runs from the resolution, so its deadline may already be past.
    await startFollowUp(env, year, matterId, { owner: '清风物业服务中心', deadline: d('2025-04-01') }, d('2025-03-10'))
    expect(readFollowUpState(year.doc, matterId, d('2025-04-11'))?.state).toMatchObject({ status: 'overdue', daysOverdue: 10 })
    const stands = stateOf(year.doc)

    await env.docs.release(year.name)
    await env.docs.release(council.name)
    env = await device.restart(env)
    const again = await env.docs.acquire(mattersDocName(councilId, 2025))
    expect(stateOf(again.doc)).toEqual(stands)
    const path = readMatterPath(again.doc, matterId)!
    expect(path.steps.map((s) => s.state)).toEqual(['done', 'done', 'skipped', 'done', 'ready', 'waiting'])
    expect(path).toMatchObject({ outcome: 'resolved', resolvedOn: '2025-03-10' })
    expect(path.steps[0]!.entry).toMatchObject({ scan })
    expect(readStepsOfMeeting(again.doc, 'meeting-1').map((s) => s.step)).toEqual(['residentsResolution'])
    expect(readMatters(again.doc).map((m) => [m.title, m.path])).toEqual([['3号楼加装电梯', 'fourTwo']])
  })

  it('refuses a matter with bad fields or a request already decided, writing nothing', async () => {
    const device = newDevice()
    const env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const council = await env.docs.acquire(councilDocName(councilId))
    const year = await env.docs.acquire(mattersDocName(councilId, 2025))
    await startYearDoc(env, council, councilId, 'matters', year, 2025)
    const before = stateOf(year.doc)
    const bad = await expectRejectsDocError(openDirectMatter(env, year, matter({ title: ' ', proposer: { kind: 'member', name: '' }, openedOn: d('2025-02-30') })), 'invalidInput')
    expect(bad.detail).toEqual({ title: 'required', proposer: 'required', openedOn: 'dateInvalid' })
    expect(stateOf(year.doc)).toEqual(before)

    const { requestId } = await saveNewRequest(env, council, councilId, request('灯坏了。'), [], '')
    await openDirectMatter(env, year, matter(), [requestId])
    const taken = stateOf(year.doc)
    const twice = await expectRejectsDocError(openDirectMatter(env, year, matter({ title: '另一个议题' }), [requestId]), 'badTransition')
    expect(twice.detail).toMatchObject({ requestId })
    expect(stateOf(year.doc)).toEqual(taken)
  })
})
