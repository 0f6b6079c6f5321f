// A closed meeting for the minutes tests (not a test file itself): a recorder and an observer on
// the register, leave with a reason, an absentee, a guest observer, a recusal, an amended motion
// with speeches, and two closed votes.
import type * as Y from 'yjs'
import { addObserver, markAbsent, markLeave, markPresent, recordArrival, startSignIn } from '../../src/shared/doc/attendance'
import { readCouncil } from '../../src/shared/doc/council'
import { moveMotion, proposeMotion, secondMotion } from '../../src/shared/doc/motions'
import { recuse } from '../../src/shared/doc/recusals'
import { closeSession, openSession } from '../../src/shared/doc/session'
import { endSpeech, startSpeech } from '../../src/shared/doc/speeches'
import { closeVote, openVote, setHandsCounts, voteInput } from '../../src/shared/doc/votes'
import type { Council } from '../../src/shared/domain/council'
import type { Member } from '../../src/shared/domain/member'
import { evaluateVote } from '../../src/shared/domain/votes'
import type { MotionId, VoteId } from '../../src/shared/domain/ids'
import { newCouncilDoc } from './helpers'
import { at, noticedMeeting, register, SECONDING } from './session-helpers'

export const council = (): Council => readCouncil(newCouncilDoc())!

export interface Fixture {
  doc: Y.Doc
  members: Member[]
  motionId: MotionId
  amendmentId: MotionId
  voteIds: VoteId[]
}

/** Members 1…7: 2 is the recorder, 7 an observer on the register; 6 on leave, 5 absent, 4 late. */
export function closedMeeting(clientID?: number): Fixture {
  const { doc, itemIds } = noticedMeeting(clientID)
  const members = register(7, (i) => (i === 2 ? { role: 'recorder' } : i === 7 ? { role: 'observer' } : {}))
  const ids = members.map((m) => m.id)
  const [m1, m2, m3, m4, m5, m6] = ids as [Member['id'], Member['id'], Member['id'], Member['id'], Member['id'], Member['id']]
  startSignIn(doc, members, at(-30))
  for (const id of [m1, m2, m3, m4]) markPresent(doc, id, at(-20))
  markLeave(doc, m6, '出差', at(-25))
  markAbsent(doc, m5, at(-10))
  addObserver(doc, { name: '街道王科长', note: '街道办' }, at(-15))
  recuse(doc, itemIds[0]!, m3, '住3栋', at(-5))
  openSession(doc, { quorumMet: true }, at(0))
  recordArrival(doc, ids[6]!, at(3)) // the observer member arrives: listed, never counted
  const motionId = proposeMotion(doc, { itemId: itemIds[0]!, proposerId: m1, text: '同意3栋加装电梯' }, at(5))
  secondMotion(doc, motionId, m2, at(6))
  moveMotion(doc, motionId, 'debating', SECONDING, at(7))
  const sp = startSpeech(doc, { motionId, speakerId: m4, stance: 'against', summary: '担心噪音' }, at(8))
  endSpeech(doc, sp, at(10))
  const amendmentId = proposeMotion(doc, { itemId: itemIds[0]!, proposerId: m2, text: '同意3栋加装电梯，费用按楼层分摊', parentId: motionId }, at(11))
  moveMotion(doc, amendmentId, 'debating', { secondingRequired: false }, at(12))
  const settings = { quorumRule: 'more_than_half' } as const
  const vote = (motion: MotionId, minute: number, counts: { for: number; against: number; abstain: number }): VoteId => {
    const id = openVote(doc, motion, { method: 'hands', rule: 'simple_majority' }, at(minute))
    setHandsCounts(doc, id, counts)
    closeVote(doc, id, { ballots: [], result: evaluateVote(voteInput(doc, id, settings)!) }, at(minute + 1))
    return id
  }
  const v1 = vote(amendmentId, 13, { for: 2, against: 1, abstain: 0 })
  const v2 = vote(motionId, 15, { for: 3, against: 0, abstain: 0 })
  closeSession(doc, at(30))
  return { doc, members, motionId, amendmentId, voteIds: [v1, v2] }
}
