// The result notice (实施结果公开) on real Yjs replicas: posted only once the follow-up is complete
// and not before it, with the minutes' 公示 rules (place, period); objections recorded and handled;
// two laptops correcting the notice offline each keep their field.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addRequest, initMattersDoc, openMatter, readMatterPath, recordStep, type Recorder } from '../../src/shared/doc/matters'
import { addMilestone, completeFollowUp, openFollowUp, updateMilestone } from '../../src/shared/doc/mattersFollowUp'
import { addResultObjection, handleResultObjection, postResultNotice, postResultNoticeAndStep, readResultNotice, readResultObjections } from '../../src/shared/doc/mattersResultNotice'
import { COUNCIL_ID, expectDocError, newDoc, replicaOf, syncAll } from './helpers'

const who = (n: number): Recorder => ({ now: new Date(Date.UTC(2026, 2, 1, 8) + n * 60_000).toISOString(), by: 'laptop-a' })

function resolvedMatter(): { doc: Y.Doc; matterId: string } {
  const doc = newDoc()
  initMattersDoc(doc, COUNCIL_ID, 2026)
  const r = addRequest(doc, { receivedOn: '2026-03-02', channel: 'visit', category: 'greening', requester: { kind: 'resident', name: '王阿姨' }, place: {}, text: '花坛缺人打理' }, who(1))
  const matterId = openMatter(doc, { title: '花坛认养', description: '', proposer: { kind: 'member', name: '李明' }, path: 'councilOnly', openedOn: '2026-03-05' }, [r], who(2))
  recordStep(doc, matterId, 'councilDeliberation', { mode: 'outside', date: '2026-03-10', body: '议事会', outcome: 'approved' }, false, who(3))
  openFollowUp(doc, matterId, { owner: '绿化志愿队', deadline: '2026-04-30' }, '2026-03-11')
  return { doc, matterId }
}

describe('result notice', () => {
  it('waits for the completed follow-up, follows the 公示 rules, and collects objections', () => {
    const { doc, matterId } = resolvedMatter()
    const m = addMilestone(doc, matterId, { title: '招募认养家庭', due: '2026-03-31' })
    const notice = { place: '小区公告栏', startDate: '2026-04-02', endDate: '2026-04-08' }
    expect(expectDocError(() => postResultNotice(doc, matterId, notice, who(4).now), 'badTransition').detail).toEqual({ reason: 'followUpNotDone' })
    expectDocError(() => addResultObjection(doc, matterId, { receivedOn: '2026-04-03', from: '赵先生', content: '有异议' }), 'badTransition')
    updateMilestone(doc, m, { doneOn: '2026-03-30' })
    completeFollowUp(doc, matterId, '2026-04-01')

    expect(expectDocError(() => postResultNotice(doc, matterId, { place: ' ', startDate: '2026-03-31', endDate: '2026-03-30' }, who(5).now), 'invalidInput').detail).toEqual({
      place: 'required',
      startDate: 'beforeCompleted',
      endDate: 'beforeStart',
    })
    expect(readResultNotice(doc, matterId)).toBeNull()
    postResultNotice(doc, matterId, notice, who(6).now)
    expect(readResultNotice(doc, matterId)).toEqual({ ...notice, postedAt: who(6).now })
    // Extended later: the days change, the day it was first posted stays.
    postResultNotice(doc, matterId, { ...notice, endDate: '2026-04-15' }, who(7).now)
    expect(readResultNotice(doc, matterId)).toEqual({ ...notice, endDate: '2026-04-15', postedAt: who(6).now })

    expect(expectDocError(() => addResultObjection(doc, matterId, { receivedOn: '2026-04-03', from: '', content: '' }), 'invalidInput').detail).toEqual({ from: 'required', content: 'required' })
    const o = addResultObjection(doc, matterId, { receivedOn: '2026-04-03', from: ' 赵先生 ', content: '东侧花坛没有补种' })
    expect(readResultObjections(doc, matterId)).toEqual([{ id: o, receivedOn: '2026-04-03', from: '赵先生', content: '东侧花坛没有补种', handling: '', handledOn: null }])
    expect(readResultObjections(doc, 'another-matter')).toEqual([])
    handleResultObjection(doc, o, { handling: '已补种并告知', handledOn: '2026-04-05' })
    expect(readResultObjections(doc, matterId)[0]).toMatchObject({ handling: '已补种并告知', handledOn: '2026-04-05' })
  })

  it('keeps both laptops’ corrections made offline', () => {
    const { doc: a, matterId } = resolvedMatter()
    completeFollowUp(a, matterId, '2026-04-01')
    postResultNotice(a, matterId, { place: '公告栏', startDate: '2026-04-02', endDate: '2026-04-08' }, who(4).now)
    const b = replicaOf(a)
    postResultNotice(a, matterId, { place: '1号楼公告栏', startDate: '2026-04-02', endDate: '2026-04-08' }, who(5).now)
    postResultNotice(b, matterId, { place: '公告栏', startDate: '2026-04-02', endDate: '2026-04-12' }, who(6).now)
    syncAll(a, b)
    expect(readResultNotice(a, matterId)).toEqual({ place: '1号楼公告栏', startDate: '2026-04-02', endDate: '2026-04-12', postedAt: who(4).now })
    expect(readResultNotice(b, matterId)).toEqual(readResultNotice(a, matterId))
  })

  it('posting the notice records the 四议两公开 path’s 实施结果公开 step from it, once', () => {
    const doc = newDoc()
    initMattersDoc(doc, COUNCIL_ID, 2026)
    const matterId = openMatter(doc, { title: '加装电梯', description: '', proposer: { kind: 'partyBranch', name: '社区党委' }, path: 'fourTwo', openedOn: '2026-03-01' }, [], who(1))
    const outside = (step: 'partyProposal' | 'committeesDiscussion' | 'partyMembersReview' | 'residentsResolution' | 'resolutionNotice', date: string, outcome: 'approved' | 'done') =>
      recordStep(doc, matterId, step, { mode: 'outside', date, body: '社区党委', outcome }, false, who(2))
    outside('partyProposal', '2026-03-02', 'done')
    outside('committeesDiscussion', '2026-03-03', 'approved')
    outside('partyMembersReview', '2026-03-04', 'approved')
    outside('residentsResolution', '2026-03-05', 'approved')
    outside('resolutionNotice', '2026-03-06', 'done')
    openFollowUp(doc, matterId, { owner: '物业', deadline: '2026-05-01' }, '2026-03-07')
    completeFollowUp(doc, matterId, '2026-04-20')
    const stepOf = () => readMatterPath(doc, matterId)?.steps.find((s) => s.template.key === 'resultNotice')
    expect(stepOf()?.state).toBe('ready')

    postResultNoticeAndStep(doc, matterId, { place: ' 3栋公告栏 ', startDate: '2026-04-21', endDate: '2026-04-27' }, who(3))
    expect(stepOf()?.state).toBe('done')
    expect(stepOf()?.entry).toMatchObject({ mode: 'outside', date: '2026-04-21', body: '3栋公告栏', outcome: 'done', until: '2026-04-27' })
    expect(readMatterPath(doc, matterId)?.outcome).toBe('complete')
    // Extended later: the notice changes, the step recorded from it stays the one entry.
    postResultNoticeAndStep(doc, matterId, { place: '3栋公告栏', startDate: '2026-04-21', endDate: '2026-05-05' }, who(4))
    expect(readResultNotice(doc, matterId)?.endDate).toBe('2026-05-05')
    expect(stepOf()?.conflicts).toEqual([])
  })

  it('a council-only path has no result step: the notice is posted alone', () => {
    const { doc, matterId } = resolvedMatter()
    completeFollowUp(doc, matterId, '2026-04-01')
    const before = readMatterPath(doc, matterId)
    postResultNoticeAndStep(doc, matterId, { place: '公告栏', startDate: '2026-04-02', endDate: '2026-04-08' }, who(4))
    expect(readResultNotice(doc, matterId)?.place).toBe('公告栏')
    expect(readMatterPath(doc, matterId)).toEqual(before)
  })
})
