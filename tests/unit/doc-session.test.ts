// The session: opening on quorum or with a recorded override, the current item, and closing only
// once no vote is open.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { headcount, markPresent, startSignIn } from '../../src/shared/doc/attendance'
import { readMeeting, readStatusLog } from '../../src/shared/doc/meeting'
import { closeSession, openSession, readSession, setCurrentItem } from '../../src/shared/doc/session'
import { closeVote, openVote, setHandsCounts, voteInput } from '../../src/shared/doc/votes'
import type { AgendaItemId, MotionId } from '../../src/shared/domain/ids'
import { evaluateQuorum, evaluateVote } from '../../src/shared/domain/votes'
import { expectDocError, newMeetingDoc, stateOf } from './helpers'
import { at, debating, inSession, noticedMeeting, rawSet, register } from './session-helpers'

/** A noticed meeting with `present` of `n` members signed in as present. */
function signedIn(n: number, present: number) {
  const { doc, itemIds } = noticedMeeting()
  const members = register(n)
  startSignIn(doc, members, at(-30))
  members.slice(0, present).forEach((m) => markPresent(doc, m.id, at(-20)))
  return { doc, itemIds }
}

describe('openSession', () => {
  it('opens a noticed meeting with quorum, logging the transition', () => {
    const { doc } = signedIn(5, 4)
    const q = evaluateQuorum('at_least_two_thirds', headcount(doc, at(0)))
    expect(q.met).toBe(true)
    openSession(doc, { quorumMet: q.met }, at(0))
    expect(readMeeting(doc)?.status).toBe('in_session')
    expect(readStatusLog(doc).at(-1)).toEqual({ from: 'noticed', to: 'in_session', at: at(0) })
    expect(readSession(doc)).toEqual({ signInStartedAt: at(-30), openedAt: at(0), quorumMet: true, override: null, currentItemId: null, closedAt: null })
  })

  it('refuses to open without quorum unless overridden, writing nothing', () => {
    const { doc } = signedIn(5, 3)
    const q = evaluateQuorum('at_least_two_thirds', headcount(doc, at(0)))
    expect(q).toMatchObject({ met: false, present: 3, required: 4 })
    const before = stateOf(doc)
    expectDocError(() => openSession(doc, { quorumMet: q.met }, at(0)), 'quorumNotMet')
    expect(stateOf(doc)).toEqual(before)
    expect(readMeeting(doc)?.status).toBe('noticed')
  })

  it('records an override: who decided, why and when', () => {
    const { doc } = signedIn(5, 3)
    openSession(doc, { quorumMet: false, override: { by: ' 李主任 ', reason: ' 暴雨，部分成员无法到场，先议不需表决的事项 ' } }, at(3))
    expect(readSession(doc)).toMatchObject({
      openedAt: at(3),
      quorumMet: false,
      override: { by: '李主任', reason: '暴雨，部分成员无法到场，先议不需表决的事项', at: at(3) },
    })
    expect(readMeeting(doc)?.status).toBe('in_session')
  })

  it('refuses an override without a name or reason, and does not store one when quorum is met', () => {
    const { doc } = signedIn(5, 3)
    const before = stateOf(doc)
    const e = expectDocError(() => openSession(doc, { quorumMet: false, override: { by: ' ', reason: '' } }, at(0)), 'invalidInput')
    expect(e.detail).toEqual({ by: 'nameRequired', reason: 'reasonRequired' })
    expectDocError(() => openSession(doc, { quorumMet: false, override: { by: '李', reason: '理'.repeat(501) } }, at(0)), 'invalidInput')
    expect(stateOf(doc)).toEqual(before)
    openSession(doc, { quorumMet: true, override: { by: '李', reason: '无' } }, at(0))
    expect(readSession(doc).override).toBeNull()
  })

  it('refuses a draft, an open or a closed meeting, and a bad time', () => {
    expectDocError(() => openSession(newMeetingDoc(), { quorumMet: true }, at(0)), 'wrongMeetingStatus')
    const { doc } = signedIn(3, 3)
    expectDocError(() => openSession(doc, { quorumMet: true }, 'now'), 'invalidInput')
    openSession(doc, { quorumMet: true }, at(0))
    expectDocError(() => openSession(doc, { quorumMet: true }, at(1)), 'wrongMeetingStatus')
  })
})

describe('setCurrentItem', () => {
  it('sets and clears the item under discussion; it must be on the agenda', () => {
    const s = inSession()
    setCurrentItem(s.doc, s.itemIds[1]!)
    expect(readSession(s.doc).currentItemId).toBe(s.itemIds[1])
    const before = stateOf(s.doc)
    expect(expectDocError(() => setCurrentItem(s.doc, 'ffffffff-0000-0000-0000-000000000000' as AgendaItemId), 'notFound').detail).toMatchObject({
      itemId: 'ffffffff-0000-0000-0000-000000000000',
    })
    setCurrentItem(s.doc, s.itemIds[1]!) // unchanged: nothing written
    expect(stateOf(s.doc)).toEqual(before)
    setCurrentItem(s.doc, null)
    expect(readSession(s.doc).currentItemId).toBeNull()
  })

  it('is refused outside the session', () => {
    const { doc, itemIds } = noticedMeeting()
    expectDocError(() => setCurrentItem(doc, itemIds[0]!), 'wrongMeetingStatus')
  })
})

describe('closeSession', () => {
  it('closes the session once no vote is open', () => {
    const s = inSession({ n: 5 })
    const motion = debating(s)
    const voteId = openVote(s.doc, motion, { method: 'hands', rule: 'simple_majority' }, at(20))
    const before = stateOf(s.doc)
    expect(expectDocError(() => closeSession(s.doc, at(30)), 'voteOpen').detail).toEqual({ voteId })
    expect(stateOf(s.doc)).toEqual(before)
    setHandsCounts(s.doc, voteId, { for: 4, against: 1, abstain: 0 })
    const result = evaluateVote(voteInput(s.doc, voteId, { quorumRule: 'at_least_two_thirds' })!)
    closeVote(s.doc, voteId, { ballots: [], result }, at(25))
    closeSession(s.doc, at(90))
    expect(readMeeting(s.doc)?.status).toBe('closed')
    expect(readSession(s.doc).closedAt).toBe(at(90))
    expect(readStatusLog(s.doc).at(-1)).toEqual({ from: 'in_session', to: 'closed', at: at(90) })
  })

  it('refuses while a motion is being voted on, even without an open vote in the document', () => {
    const s = inSession()
    const motion: MotionId = debating(s)
    // As a replica can see it mid-sync: the motion's status arrived, the vote not yet.
    rawSet(s.doc, 'motions', motion, 'status', 'voting')
    expect(expectDocError(() => closeSession(s.doc, at(90)), 'voteOpen').detail).toEqual({ motionId: motion })
  })

  it('refuses a meeting not in session', () => {
    const { doc } = noticedMeeting()
    expectDocError(() => closeSession(doc, at(90)), 'wrongMeetingStatus')
  })
})

describe('readSession', () => {
  it('reads an empty or damaged session as nothing set', () => {
    expect(readSession(new Y.Doc())).toEqual({ signInStartedAt: null, openedAt: null, quorumMet: null, override: null, currentItemId: null, closedAt: null })
    const doc = new Y.Doc()
    doc.getMap('session').set('openedAt', at(0))
    doc.getMap('session').set('override', { by: 42 })
    doc.getMap('session').set('quorumMet', 'yes')
    expect(readSession(doc)).toMatchObject({ openedAt: at(0), quorumMet: false, override: null })
  })
})
