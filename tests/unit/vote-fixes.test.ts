// Putting votes right, on a real Y.Doc: hands counts stored as typed, the announce warnings rule,
// cancelling an open vote (the meeting goes on), corrections beside the announced result, and
// re-votes linked to the vote they repeat.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { moveMotion, proposeMotion, readMotion } from '../../src/shared/doc/motions'
import { closeSession } from '../../src/shared/doc/session'
import { closeVote, openVote, readVote, readVotes, setHandsCount, standingResult, voteInput } from '../../src/shared/doc/votes'
import { cancelVote, openRevote, recordCorrection } from '../../src/shared/doc/voteFixes'
import type { VoteId } from '../../src/shared/domain/ids'
import { blocksAnnounce, evaluateVote, voteWarnings } from '../../src/shared/domain/votes'
import { expectDocError, replicaOf, syncAll } from './helpers'
import { at, debating, inSession, rawSet, SECONDING, type Setup } from './session-helpers'

const SETTINGS = { quorumRule: 'more_than_half' } as const
const WHO = { by: '王主任', reason: '计票员少数了后排两位' }

function handsVote(s: Setup, counts?: { for: number; against: number; abstain: number }): VoteId {
  const id = openVote(s.doc, debating(s), { method: 'hands', rule: 'simple_majority' }, at(20))
  if (counts) for (const k of ['for', 'against', 'abstain'] as const) setHandsCount(s.doc, id, k, counts[k])
  return id
}

function announce(doc: Y.Doc, id: VoteId, minute = 25) {
  const result = evaluateVote(voteInput(doc, id, SETTINGS)!)
  closeVote(doc, id, { ballots: [], result }, at(minute))
  return result
}

describe('hands counts stored as typed', () => {
  it('stores each field at once, and the announcement freezes exactly what was typed', () => {
    const s = inSession({ n: 7 })
    const id = handsVote(s)
    setHandsCount(s.doc, id, 'for', 4)
    expect(readVote(s.doc, id)!.handsCounts).toEqual({ for: 4, against: 0, abstain: 0 })
    setHandsCount(s.doc, id, 'against', 2)
    setHandsCount(s.doc, id, 'abstain', 1)
    // No save step: a second device sees the typed counts, and so does the announcement.
    const other = replicaOf(s.doc)
    expect(readVote(other, id)!.handsCounts).toEqual({ for: 4, against: 2, abstain: 1 })
    const result = announce(s.doc, id)
    expect(result.counts).toMatchObject({ for: 4, against: 2, abstain: 1 })
    expect(result.outcome).toBe('passed')
    expect(readVote(s.doc, id)!.result!.counts).toMatchObject({ for: 4, against: 2, abstain: 1 })
  })

  it('keeps a sum above the eligible voters as typed (a slip mid-typing) and the rules refuse to announce it', () => {
    const s = inSession({ n: 5 })
    const id = handsVote(s)
    setHandsCount(s.doc, id, 'for', 30)
    expect(readVote(s.doc, id)!.handsCounts.for).toBe(30)
    expect(evaluateVote(voteInput(s.doc, id, SETTINGS)!).outcome).toBe('rejected')
    setHandsCount(s.doc, id, 'for', 3)
    expect(evaluateVote(voteInput(s.doc, id, SETTINGS)!).outcome).toBe('passed')
  })

  it('refuses what is not a whole number, naming the field, and keeps the stored value', () => {
    const s = inSession({ n: 5 })
    const id = handsVote(s, { for: 2, against: 1, abstain: 0 })
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) {
      const e = expectDocError(() => setHandsCount(s.doc, id, 'against', bad), 'invalidInput')
      expect(e.detail).toEqual({ against: 'countInvalid' })
    }
    expect(readVote(s.doc, id)!.handsCounts).toEqual({ for: 2, against: 1, abstain: 0 })
  })
})

describe('the announce warnings rule', () => {
  it('warns when nobody voted, when only abstentions were cast, and blocks more votes than voters', () => {
    expect(voteWarnings({ for: 0, against: 0, abstain: 0 }, 26)).toEqual([{ code: 'noVotesCast', params: { cast: 0, eligible: 26 }, blocking: false }])
    expect(voteWarnings({ for: 0, against: 0, abstain: 3 }, 26).map((w) => w.code)).toEqual(['noValidVotes'])
    const over = voteWarnings({ for: 20, against: 5, abstain: 2 }, 26)
    expect(over.map((w) => w.code)).toEqual(['countsExceedEligible'])
    expect(blocksAnnounce(over)).toBe(true)
    expect(voteWarnings({ for: 13, against: 12, abstain: 1 }, 26)).toEqual([])
    expect(blocksAnnounce(voteWarnings({ for: 0, against: 0, abstain: 0 }, 26))).toBe(false)
  })

  it('gives no warning for counts that are not whole numbers (the validator refuses them instead)', () => {
    expect(voteWarnings({ for: 1.5, against: 0, abstain: 0 }, 5)).toEqual([])
  })
})

describe('cancelling an open vote', () => {
  it('records who, why and when, sends the motion back to debate, and lets the meeting vote again', () => {
    const s = inSession({ n: 5 })
    const motionId = debating(s)
    // A secret ballot under an owners' rule, as older versions could open it: it has no owners'
    // figures, so the rules refuse to announce it. Opening one is refused now; cancelling frees the old ones.
    expectDocError(() => openVote(s.doc, motionId, { method: 'secret', rule: 'double_majority_ordinary' }, at(19)), 'invalidInput')
    const stuck = openVote(s.doc, motionId, { method: 'secret', rule: 'simple_majority' }, at(20))
    rawSet(s.doc, 'votes', stuck, 'rule', 'double_majority_ordinary')
    expect(evaluateVote(voteInput(s.doc, stuck, SETTINGS)!).outcome).toBe('rejected')
    cancelVote(s.doc, stuck, { by: ' 王主任 ', reason: '规则选错，业主面积无法在会上统计' }, at(22))
    const v = readVote(s.doc, stuck)!
    expect(v.cancelled).toEqual({ by: '王主任', reason: '规则选错，业主面积无法在会上统计', at: at(22) })
    expect(v.closedAt).toBe(at(22))
    expect(v.result).toBeNull()
    expect(readMotion(s.doc, motionId)!.status).toBe('debating')
    // Nothing blocks: a new vote opens on the same motion, announces, and the session can close.
    const again = openVote(s.doc, motionId, { method: 'hands', rule: 'simple_majority' }, at(23))
    setHandsCount(s.doc, again, 'for', 4)
    announce(s.doc, again, 24)
    expect(readMotion(s.doc, motionId)!.status).toBe('passed')
    closeSession(s.doc, at(40))
  })

  it('lets the motion be withdrawn after the cancel, and another motion be proposed', () => {
    const s = inSession({ n: 5 })
    const id = handsVote(s)
    const motionId = readVote(s.doc, id)!.motionId
    cancelVote(s.doc, id, WHO, at(21))
    moveMotion(s.doc, motionId, 'withdrawn', SECONDING, at(22))
    expect(() => proposeMotion(s.doc, { itemId: s.itemIds[1]!, proposerId: s.ids[2]!, text: '垃圾分类试点' }, at(23))).not.toThrow()
  })

  it('refuses without who or why, and refuses a vote already closed', () => {
    const s = inSession({ n: 5 })
    const id = handsVote(s, { for: 3, against: 1, abstain: 0 })
    expect(expectDocError(() => cancelVote(s.doc, id, { by: ' ', reason: '' }, at(21)), 'invalidInput').detail).toEqual({ by: 'required', reason: 'required' })
    expect(readVote(s.doc, id)!.closedAt).toBeNull()
    announce(s.doc, id)
    expectDocError(() => cancelVote(s.doc, id, WHO, at(30)), 'voteClosed')
  })

  it('converges: a cancel made on one laptop is the same on the other', () => {
    const s = inSession({ n: 5 })
    const id = handsVote(s)
    const b = replicaOf(s.doc)
    cancelVote(s.doc, id, WHO, at(21))
    syncAll(s.doc, b)
    expect(readVote(b, id)!.cancelled).toEqual(readVote(s.doc, id)!.cancelled)
  })
})

describe('corrections', () => {
  it('keeps the announced result and records the corrected counts evaluated by the same rules', () => {
    const s = inSession({ n: 26, present: 20 })
    // The original bug: announced before the counts were stored, frozen as 0/0/0, failed.
    const id = handsVote(s)
    const announced = announce(s.doc, id)
    expect(announced).toMatchObject({ outcome: 'failed', counts: { for: 0, against: 0, abstain: 0 } })
    const motionId = readVote(s.doc, id)!.motionId
    expect(readMotion(s.doc, motionId)!.status).toBe('failed')

    const corrected = recordCorrection(s.doc, id, { counts: { for: 12, against: 5, abstain: 3 }, ...WHO }, SETTINGS, at(30))
    expect(corrected).toEqual(evaluateVote({ ...voteInput(s.doc, id, SETTINGS)!, counts: { for: 12, against: 5, abstain: 3 } }))
    expect(corrected.outcome).toBe('passed')
    const v = readVote(s.doc, id)!
    expect(v.result).toEqual(announced)
    expect(v.corrections).toHaveLength(1)
    expect(v.corrections[0]).toMatchObject({ counts: { for: 12, against: 5, abstain: 3 }, by: WHO.by, reason: WHO.reason, at: at(30) })
    expect(standingResult(v)).toEqual(corrected)
    // The motion follows the corrected outcome; its status log keeps the announced one.
    const m = readMotion(s.doc, motionId)!
    expect(m.status).toBe('passed')
  })

  it('refuses impossible corrected counts with the rules’ reasons, and records nothing', () => {
    const s = inSession({ n: 5 })
    const id = handsVote(s, { for: 3, against: 1, abstain: 0 })
    announce(s.doc, id)
    const e = expectDocError(() => recordCorrection(s.doc, id, { counts: { for: 5, against: 3, abstain: 0 }, ...WHO }, SETTINGS, at(30)), 'correctionRejected')
    expect((e.detail as { reasons: { code: string }[] }).reasons[0]!.code).toBe('countsExceedEligible')
    expect(readVote(s.doc, id)!.corrections).toEqual([])
  })

  it('refuses an open vote, a cancelled vote, and a correction without a reason', () => {
    const s = inSession({ n: 5 })
    const id = handsVote(s, { for: 3, against: 1, abstain: 0 })
    expectDocError(() => recordCorrection(s.doc, id, { counts: { for: 3, against: 1, abstain: 0 }, ...WHO }, SETTINGS, at(21)), 'voteOpen')
    cancelVote(s.doc, id, WHO, at(22))
    expectDocError(() => recordCorrection(s.doc, id, { counts: { for: 3, against: 1, abstain: 0 }, ...WHO }, SETTINGS, at(23)), 'voteNotAnnounced')
    const next = openVote(s.doc, readVote(s.doc, id)!.motionId, { method: 'hands', rule: 'simple_majority' }, at(24))
    announce(s.doc, next, 26)
    expectDocError(() => recordCorrection(s.doc, next, { counts: { for: 3, against: 1, abstain: 0 }, by: '王主任', reason: ' ' }, SETTINGS, at(27)), 'invalidInput')
  })

  it('may be recorded after the session closed, and a later correction stands', () => {
    const s = inSession({ n: 5 })
    const id = handsVote(s, { for: 1, against: 3, abstain: 0 })
    announce(s.doc, id)
    closeSession(s.doc, at(40))
    recordCorrection(s.doc, id, { counts: { for: 3, against: 1, abstain: 0 }, ...WHO }, SETTINGS, at(50))
    recordCorrection(s.doc, id, { counts: { for: 2, against: 2, abstain: 1 }, by: '王主任', reason: '复核录像' }, SETTINGS, at(60))
    const v = readVote(s.doc, id)!
    expect(v.corrections.map((c) => c.counts.for)).toEqual([3, 2])
    expect(standingResult(v)!.outcome).toBe('failed')
    expect(readMotion(s.doc, v.motionId)!.status).toBe('failed')
  })

  it('refuses to flip an amendment’s outcome (its text already went into the motion)', () => {
    const s = inSession({ n: 5 })
    const main = debating(s)
    const amendment = proposeMotion(s.doc, { itemId: s.itemIds[0]!, proposerId: s.ids[2]!, text: '改为2栋', parentId: main }, at(10))
    moveMotion(s.doc, amendment, 'debating', { secondingRequired: false }, at(11))
    const id = openVote(s.doc, amendment, { method: 'hands', rule: 'simple_majority' }, at(12))
    setHandsCount(s.doc, id, 'for', 4)
    announce(s.doc, id, 13)
    expectDocError(() => recordCorrection(s.doc, id, { counts: { for: 1, against: 3, abstain: 0 }, ...WHO }, SETTINGS, at(14)), 'correctionChangesAmendment')
    // A correction that keeps the outcome is fine.
    expect(recordCorrection(s.doc, id, { counts: { for: 3, against: 1, abstain: 0 }, ...WHO }, SETTINGS, at(15)).outcome).toBe('passed')
  })
})

describe('re-votes', () => {
  it('opens a new vote on the same motion, linked to the first with its reason; both stay on record', () => {
    const s = inSession({ n: 5 })
    const first = handsVote(s, { for: 2, against: 2, abstain: 1 })
    announce(s.doc, first)
    const motionId = readVote(s.doc, first)!.motionId
    expect(readMotion(s.doc, motionId)!.status).toBe('failed')
    const second = openRevote(s.doc, first, { method: 'roll_call', rule: 'simple_majority', by: '王主任', reason: '有两位成员举手不清' }, at(30))
    const v = readVote(s.doc, second)!
    expect(v.revoteOf).toEqual({ voteId: first, by: '王主任', reason: '有两位成员举手不清', at: at(30) })
    expect(v.motionId).toBe(motionId)
    expect(v.method).toBe('roll_call')
    expect(readMotion(s.doc, motionId)!.status).toBe('voting')
    expect(readVotes(s.doc).map((x) => x.id)).toEqual([first, second])
    expect(readVote(s.doc, first)!.result!.outcome).toBe('failed')
    // Only the latest vote of a motion may be repeated or corrected.
    expectDocError(() => recordCorrection(s.doc, first, { counts: { for: 3, against: 1, abstain: 0 }, ...WHO }, SETTINGS, at(31)), 'voteSuperseded')
  })

  it('refuses while another vote is open, or another motion is on the floor', () => {
    const s = inSession({ n: 5 })
    const first = handsVote(s, { for: 3, against: 1, abstain: 0 })
    announce(s.doc, first)
    proposeMotion(s.doc, { itemId: s.itemIds[1]!, proposerId: s.ids[2]!, text: '垃圾分类试点' }, at(30))
    expectDocError(() => openRevote(s.doc, first, { method: 'hands', rule: 'simple_majority', ...WHO }, at(31)), 'motionOnFloor')
    expect(readMotion(s.doc, readVote(s.doc, first)!.motionId)!.status).toBe('passed')
  })
})
