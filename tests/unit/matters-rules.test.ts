// The pure rules of requests, matters' paths, follow-up and file references (src/shared/matters,
// src/shared/files): what a secretary is allowed to record, what stands when two records collide,
// and which follow-ups are overdue.
import { describe, expect, it } from 'vitest'
import { fileRefErrors, MAX_FILE_BYTES, referencedHashes, safeFileName, type FileRef } from '../../src/shared/files/fileRef'
import { completionRefusal, followUpState, overdueFollowUps, type FollowUp, type Milestone } from '../../src/shared/matters/followUp'
import { resolvePath, stepRefusal, readySteps, type StepEntry, type StepRecord } from '../../src/shared/matters/matterPath'
import { outcomeRefusal, replyRefusal, requestErrors, requestsOfMatter, resolveRequests, waitingRequests, type OutcomeEntry, type ReplyEntry, type ResidentRequest } from '../../src/shared/matters/requests'

const req = (id: string, receivedOn: string, recordedAt = `${receivedOn}T08:00:00.000Z`): ResidentRequest => ({
  id,
  receivedOn,
  channel: 'householdForm',
  category: 'repairs',
  requester: { kind: 'resident', name: '王阿姨' },
  place: { building: '3', unit: '2', room: '301' },
  text: '楼道灯坏了',
  recordedAt,
  recordedBy: 'laptop-a',
})
let n = 0
const out = (requestId: string, o: Partial<OutcomeEntry> & Pick<OutcomeEntry, 'kind'>, at: string): OutcomeEntry => ({ id: `o${++n}`, requestId, on: '2026-03-10', at, by: 'a', ...o }) as OutcomeEntry
const reply = (requestId: string, final: boolean, at = '2026-03-20T00:00:00.000Z'): ReplyEntry => ({ id: `r${++n}`, requestId, on: '2026-03-20', how: 'phone', what: '已修好', final, at, by: 'a' })

describe('requests', () => {
  it('checks what a request needs: a date, a known channel and category, who asked and what', () => {
    expect(requestErrors({ receivedOn: '2026-02-30', channel: 'fax' as never, category: 'repairs', requester: { kind: 'resident', name: ' ' }, place: {}, text: '' })).toEqual({
      receivedOn: 'dateInvalid',
      channel: 'unknownValue',
      requester: 'required',
      text: 'required',
    })
    expect(requestErrors(req('a', '2026-03-01'))).toEqual({})
  })

  it('the earliest recorded outcome stands; a later one from another laptop is kept as a conflict', () => {
    const states = resolveRequests(
      [req('aaaaaaaa', '2026-03-01'), req('bbbbbbbb', '2026-03-02')],
      [out('aaaaaaaa', { kind: 'declined', reason: '不属于社区事务' }, '2026-03-10T10:00:00.000Z'), out('aaaaaaaa', { kind: 'merged', into: 'bbbbbbbb' }, '2026-03-10T09:00:00.000Z')],
      [],
    )
    const a = states.get('aaaaaaaa')!
    expect(a.status).toBe('merged')
    expect(a.root).toBe('bbbbbbbb')
    expect(a.conflicts.map((c) => c.kind)).toEqual(['declined'])
  })

  it('two laptops merging two requests into each other: the later merge does not stand (no loop)', () => {
    const states = resolveRequests(
      [req('aaaaaaaa', '2026-03-01'), req('bbbbbbbb', '2026-03-02')],
      [out('aaaaaaaa', { kind: 'merged', into: 'bbbbbbbb' }, '2026-03-10T09:00:00.000Z'), out('bbbbbbbb', { kind: 'merged', into: 'aaaaaaaa' }, '2026-03-10T09:30:00.000Z')],
      [],
    )
    expect(states.get('aaaaaaaa')!.status).toBe('merged')
    expect(states.get('bbbbbbbb')!.status).toBe('open')
    expect(states.get('bbbbbbbb')!.conflicts).toHaveLength(1)
  })

  it('refuses a merge into itself, into a declined request, in a loop, a decline without reason, a date before receipt', () => {
    const states = resolveRequests(
      [req('aaaaaaaa', '2026-03-01'), req('bbbbbbbb', '2026-03-02'), req('cccccccc', '2026-03-03')],
      [out('cccccccc', { kind: 'declined', reason: '重复' }, '2026-03-05T00:00:00.000Z'), out('bbbbbbbb', { kind: 'merged', into: 'aaaaaaaa' }, '2026-03-05T00:00:00.000Z')],
      [],
    )
    const on = '2026-03-10'
    expect(outcomeRefusal(states, { requestId: 'aaaaaaaa', kind: 'merged', into: 'aaaaaaaa', on })).toBe('mergeSelf')
    expect(outcomeRefusal(states, { requestId: 'aaaaaaaa', kind: 'merged', into: 'cccccccc', on })).toBe('mergeTargetClosed')
    expect(outcomeRefusal(states, { requestId: 'aaaaaaaa', kind: 'merged', into: 'bbbbbbbb', on })).toBe('mergeCycle')
    expect(outcomeRefusal(states, { requestId: 'aaaaaaaa', kind: 'declined', reason: '  ', on })).toBe('reasonRequired')
    expect(outcomeRefusal(states, { requestId: 'aaaaaaaa', kind: 'declined', reason: '重复', on: '2026-02-01' })).toBe('beforeReceived')
    expect(outcomeRefusal(states, { requestId: 'bbbbbbbb', kind: 'declined', reason: '重复', on })).toBe('alreadyDecided')
    expect(outcomeRefusal(states, { requestId: 'aaaaaaaa', kind: 'matter', matterId: 'm', on })).toBeNull()
  })

  it('a final reply waits for an outcome; interim replies do not; waiting lists oldest first until the final reply', () => {
    const requests = [req('cccccccc', '2026-03-03'), req('aaaaaaaa', '2026-03-01'), req('bbbbbbbb', '2026-03-01', '2026-03-01T07:00:00.000Z')]
    const states = resolveRequests(requests, [out('aaaaaaaa', { kind: 'matter', matterId: 'm1' }, '2026-03-10T00:00:00.000Z')], [reply('aaaaaaaa', true), reply('bbbbbbbb', false)])
    expect(replyRefusal(states, { requestId: 'cccccccc', on: '2026-03-20', how: 'phone', what: '收到', final: true })).toBe('noOutcomeYet')
    expect(replyRefusal(states, { requestId: 'cccccccc', on: '2026-03-20', how: 'phone', what: '收到', final: false })).toBeNull()
    expect(replyRefusal(states, { requestId: 'cccccccc', on: '2026-03-20', how: 'phone', what: ' ', final: false })).toBe('replyEmpty')
    expect(waitingRequests(states).map((s) => s.request.id)).toEqual(['bbbbbbbb', 'cccccccc'])
  })

  it('a matter gathers the requests turned into it and those merged into them', () => {
    const states = resolveRequests(
      [req('aaaaaaaa', '2026-03-01'), req('bbbbbbbb', '2026-03-02'), req('cccccccc', '2026-03-03')],
      [out('bbbbbbbb', { kind: 'merged', into: 'aaaaaaaa' }, '2026-03-05T00:00:00.000Z'), out('aaaaaaaa', { kind: 'matter', matterId: 'm1' }, '2026-03-06T00:00:00.000Z')],
      [],
    )
    expect(requestsOfMatter(states, 'm1').map((s) => s.request.id)).toEqual(['aaaaaaaa', 'bbbbbbbb'])
  })
})

const outside = (date: string, outcome: 'approved' | 'rejected' | 'done' = 'approved'): StepRecord => ({ mode: 'outside', date, body: '社区党委', outcome })
let k = 0
const entry = (step: StepEntry['step'], rec: StepRecord, at = `2026-04-01T00:00:${String(++k % 60).padStart(2, '0')}.000Z`): StepEntry => ({ ...rec, id: `s${String(k).padStart(4, '0')}`, matterId: 'm1', step, at, by: 'a' })

describe('paths', () => {
  it('四议两公开: only the first step is ready; each step waits for the one before it', () => {
    const empty = resolvePath('fourTwo', [])
    expect(readySteps(empty)).toEqual(['partyProposal'])
    expect(stepRefusal(empty, 'committeesDiscussion', outside('2026-04-02'), false)).toBe('dependencyPending')
    expect(stepRefusal(empty, 'partyProposal', outside('2026-04-01', 'done'), false)).toBeNull()
    expect(stepRefusal(empty, 'partyProposal', outside('2026-04-01', 'approved'), false)).toBe('outcomeNotAllowed')
    const one = resolvePath('fourTwo', [entry('partyProposal', outside('2026-04-05', 'done'))])
    expect(readySteps(one)).toEqual(['committeesDiscussion'])
    expect(stepRefusal(one, 'committeesDiscussion', outside('2026-04-04'), false)).toBe('beforeDependency')
    expect(stepRefusal(one, 'partyProposal', outside('2026-04-05', 'done'), false)).toBe('alreadyRecorded')
  })

  it('a step outside Yishi needs its body; a Yishi meeting only where Yishi runs the body', () => {
    const one = resolvePath('fourTwo', [entry('partyProposal', outside('2026-04-05', 'done'))])
    expect(stepRefusal(one, 'committeesDiscussion', { mode: 'outside', date: '2026-04-06', body: ' ', outcome: 'approved' }, false)).toBe('bodyRequired')
    expect(stepRefusal(one, 'committeesDiscussion', { mode: 'meeting', date: '2026-04-06', meetingId: 'mt', outcome: 'approved' }, false)).toBe('notInYishi')
    expect(stepRefusal(one, 'committeesDiscussion', { mode: 'outside', date: '2026-04-06', body: '两委', outcome: 'approved', attendance: { present: 9, due: 7 } }, false)).toBe('attendanceInvalid')
    const council = resolvePath('councilOnly', [])
    expect(stepRefusal(council, 'councilDeliberation', { mode: 'meeting', date: '2026-04-06', meetingId: 'mt', motionId: 'mo', outcome: 'approved' }, false)).toBeNull()
  })

  it('skipping needs a reason and never skips the resolution; a rejection stops the path', () => {
    const empty = resolvePath('fourTwo', [])
    expect(stepRefusal(empty, 'partyProposal', { mode: 'skipped', date: '2026-04-01', reason: '' }, false)).toBe('reasonRequired')
    const skipped = resolvePath('fourTwo', [
      entry('partyProposal', { mode: 'skipped', date: '2026-04-01', reason: '党组织书记兼任主任，直接提交两委' }),
      entry('committeesDiscussion', outside('2026-04-02')),
      entry('partyMembersReview', outside('2026-04-03')),
    ])
    expect(readySteps(skipped)).toEqual(['residentsResolution'])
    expect(stepRefusal(skipped, 'residentsResolution', { mode: 'skipped', date: '2026-04-04', reason: '急' }, false)).toBe('cannotSkip')
    const rejected = resolvePath('fourTwo', [entry('partyProposal', outside('2026-04-01', 'done')), entry('committeesDiscussion', outside('2026-04-02', 'rejected'))])
    expect(rejected.outcome).toBe('rejected')
    expect(rejected.steps[2]!.state).toBe('stopped')
    expect(stepRefusal(rejected, 'partyMembersReview', outside('2026-04-03'), false)).toBe('pathStopped')
  })

  it('the resolution opens the follow-up; the result notice waits for the follow-up to be complete', () => {
    const path = resolvePath('fourTwo', [
      entry('partyProposal', outside('2026-04-01', 'done')),
      entry('committeesDiscussion', outside('2026-04-02')),
      entry('partyMembersReview', outside('2026-04-03')),
      entry('residentsResolution', { mode: 'meeting', date: '2026-04-10', meetingId: 'mt', motionId: 'mo', outcome: 'approved' }),
      entry('resolutionNotice', { mode: 'outside', date: '2026-04-11', body: '公示栏', outcome: 'done', until: '2026-04-18' }),
    ])
    expect(path.outcome).toBe('resolved')
    expect(path.resolvedOn).toBe('2026-04-10')
    const notice: StepRecord = { mode: 'outside', date: '2026-06-01', body: '公示栏', outcome: 'done' }
    expect(stepRefusal(path, 'resultNotice', notice, false)).toBe('followUpNotDone')
    expect(stepRefusal(path, 'resultNotice', notice, true)).toBeNull()
  })

  it('two records of one step: the earlier recorded stands, the other is a conflict; an entry recorded before its dependency stood does not stand', () => {
    const path = resolvePath('councilOnly', [
      entry('councilNotice', outside('2026-04-02', 'done'), '2026-04-01T00:00:00.000Z'),
      entry('councilDeliberation', outside('2026-04-01'), '2026-04-01T10:00:00.000Z'),
      entry('councilDeliberation', outside('2026-04-01', 'rejected'), '2026-04-01T09:00:00.000Z'),
    ])
    expect(path.steps[0]!.state).toBe('rejected')
    expect(path.steps[0]!.conflicts).toHaveLength(1)
    expect(path.steps[1]!.entry).toBeNull()
    expect(path.steps[1]!.conflicts).toHaveLength(1)
  })
})

describe('follow-up', () => {
  const f: FollowUp = { matterId: 'm1', owner: '物业公司', deadline: '2026-06-30', openedOn: '2026-04-10', completedOn: null }
  const ms = (doneOn: string | null, due = '2026-05-01'): Milestone => ({ id: `ms${++n}`, matterId: 'm1', title: '采购', due, doneOn, note: '', order: `a${n}` })

  it('not started, in progress, overdue by days, done', () => {
    expect(followUpState(f, [ms(null)], '2026-04-20').status).toBe('notStarted')
    expect(followUpState(f, [ms('2026-04-15'), ms(null, '2026-04-18')], '2026-04-20')).toMatchObject({ status: 'inProgress', done: 1, total: 2, lateMilestones: [{ due: '2026-04-18' }] })
    expect(followUpState(f, [], '2026-07-03')).toMatchObject({ status: 'overdue', daysOverdue: 3 })
    expect(followUpState({ ...f, completedOn: '2026-06-01' }, [], '2026-07-03').status).toBe('done')
  })

  it('completion waits for every milestone; overdue follow-ups are listed longest overdue first', () => {
    expect(completionRefusal(f, [ms(null)], '2026-06-01')).toBe('milestonesOpen')
    expect(completionRefusal(f, [ms('2026-05-01')], '2026-04-01')).toBe('beforeOpened')
    expect(completionRefusal(f, [ms('2026-05-01')], '2026-06-01')).toBeNull()
    const g: FollowUp = { ...f, matterId: 'm2', deadline: '2026-05-31' }
    expect(overdueFollowUps([f, g, { ...f, matterId: 'm3', completedOn: '2026-05-01', deadline: '2026-04-30' }], [], '2026-07-10').map((x) => x.followUp.matterId)).toEqual(['m2', 'm1'])
  })
})

describe('file references', () => {
  const ref: FileRef = { hash: 'a'.repeat(64), name: '现场照片.jpg', type: 'image/jpeg', size: 1234 }
  it('accepts a valid reference and names every problem of a bad one', () => {
    expect(fileRefErrors(ref)).toEqual({})
    expect(fileRefErrors({ hash: 'A'.repeat(64), name: '../x', type: 'text/html', size: MAX_FILE_BYTES + 1 })).toEqual({ hash: 'hashInvalid', name: 'nameInvalid', type: 'typeNotAllowed', size: 'tooLarge' })
    expect(fileRefErrors(null)).toMatchObject({ hash: 'hashInvalid', size: 'sizeInvalid' })
  })
  it('makes names safe and keeps the extension of a long one; lists hashes once, sorted', () => {
    expect(safeFileName('C:\\scans/会议记录.pdf')).toBe('C:_scans_会议记录.pdf')
    const long = safeFileName(`${'长'.repeat(300)}.jpeg`)
    expect(long.length).toBe(120)
    expect(long.endsWith('.jpeg')).toBe(true)
    expect(referencedHashes([ref, { ...ref, hash: '0'.repeat(64) }, ref])).toEqual(['0'.repeat(64), 'a'.repeat(64)])
  })
})
