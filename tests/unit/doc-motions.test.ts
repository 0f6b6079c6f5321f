// Motions: one on the floor at a time, seconding, the status machine, amendments (voted first; an
// adopted one keeps both texts), and recusals.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  amendmentsOf,
  applyAdoptedAmendment,
  editMotionText,
  motionsOf,
  moveMotion,
  onFloor,
  proposeMotion,
  readMotion,
  readMotions,
  secondMotion,
} from '../../src/shared/doc/motions'
import { readRecusals, recuse, unrecuse } from '../../src/shared/doc/recusals'
import { closeVote, openVote, readVote, setHandsCounts, voteInput } from '../../src/shared/doc/votes'
import type { AgendaItemId, MemberId, MotionId } from '../../src/shared/domain/ids'
import { canMoveMotion, MOTION_STATUSES, type MotionStatus } from '../../src/shared/domain/motion'
import { evaluateVote } from '../../src/shared/domain/votes'
import { expectDocError, stateOf } from './helpers'
import { at, debating, inSession, memberId, NO_SECONDING, noticedMeeting, rawSet, SECONDING, type Setup } from './session-helpers'

const SETTINGS = { quorumRule: 'more_than_half' } as const

/** Votes on a motion by show of hands and closes the vote with the evaluated result. */
function handsVote(s: Setup, motionId: MotionId, counts: { for: number; against: number; abstain: number }, minute = 30) {
  const voteId = openVote(s.doc, motionId, { method: 'hands', rule: 'simple_majority' }, at(minute))
  setHandsCounts(s.doc, voteId, counts)
  const result = evaluateVote(voteInput(s.doc, voteId, SETTINGS)!)
  closeVote(s.doc, voteId, { ballots: [], result }, at(minute + 1))
  return { voteId, result }
}

const propose = (s: Setup, text = '动议', itemIndex = 0, proposer = 0, parentId?: MotionId) =>
  proposeMotion(s.doc, { itemId: s.itemIds[itemIndex]!, proposerId: s.ids[proposer]!, text, parentId: parentId ?? null }, at(5))

describe('proposing', () => {
  it('proposes a motion with its first text version', () => {
    const s = inSession()
    const id = propose(s, '  同意3栋加装电梯  ')
    expect(readMotion(s.doc, id)).toEqual({
      id,
      itemId: s.itemIds[0],
      parentId: null,
      proposerId: s.ids[0],
      seconders: [],
      text: '同意3栋加装电梯',
      status: 'proposed',
      createdAt: at(5),
      order: expect.any(String),
      textVersions: [{ text: '同意3栋加装电梯', at: at(5), amendmentId: null }],
      statusLog: [],
    })
    expect(motionsOf(s.doc, s.itemIds[0]!).map((m) => m.id)).toEqual([id])
    expect(motionsOf(s.doc, s.itemIds[1]!)).toEqual([])
  })

  it('refuses bad input and anything outside the session, writing nothing', () => {
    const s = inSession()
    const before = stateOf(s.doc)
    expect(expectDocError(() => propose(s, ' '), 'invalidInput').detail).toEqual({ text: 'textRequired' })
    expect(expectDocError(() => propose(s, '长'.repeat(5001)), 'invalidInput').detail).toEqual({ text: 'textTooLong' })
    expectDocError(() => proposeMotion(s.doc, { itemId: 'ffffffff-0000-0000-0000-000000000000' as AgendaItemId, proposerId: s.ids[0]!, text: 'x' }, at(5)), 'notFound')
    expectDocError(() => proposeMotion(s.doc, { itemId: s.itemIds[0]!, proposerId: memberId(99), text: 'x' }, at(5)), 'notOnRoster')
    expect(stateOf(s.doc)).toEqual(before)
    const { doc, itemIds } = noticedMeeting()
    expectDocError(() => proposeMotion(doc, { itemId: itemIds[0]!, proposerId: memberId(1), text: 'x' }, at(5)), 'wrongMeetingStatus')
  })
})

describe('one motion on the floor', () => {
  it('blocks a second main motion, on any item, while one is proposed, seconded, debating or voting', () => {
    const s = inSession()
    const first = propose(s, '甲')
    const check = () => {
      const before = stateOf(s.doc)
      expect(expectDocError(() => propose(s, '乙', 1, 2), 'motionOnFloor').detail).toEqual({ motionId: first })
      expect(stateOf(s.doc)).toEqual(before)
    }
    check() // proposed
    secondMotion(s.doc, first, s.ids[1]!, at(6))
    check() // seconded
    moveMotion(s.doc, first, 'debating', SECONDING, at(7))
    check() // debating
    const voteId = openVote(s.doc, first, { method: 'hands', rule: 'simple_majority' }, at(20))
    check() // voting
    setHandsCounts(s.doc, voteId, { for: 1, against: 3, abstain: 1 })
    closeVote(s.doc, voteId, { ballots: [], result: evaluateVote(voteInput(s.doc, voteId, SETTINGS)!) }, at(21))
    expect(readMotion(s.doc, first)?.status).toBe('failed')
    const second = propose(s, '乙', 1, 2)
    expect(onFloor(s.doc).map((m) => m.id)).toEqual([second])
  })

  it.each(['withdrawn', 'deferred'] as const)('frees the floor once the motion is %s', (to) => {
    const s = inSession()
    const first = propose(s)
    moveMotion(s.doc, first, to, SECONDING, at(8))
    expect(readMotion(s.doc, first)?.statusLog).toEqual([{ from: 'proposed', to, at: at(8) }])
    expect(() => propose(s, '下一项')).not.toThrow()
  })
})

describe('seconding and the status machine', () => {
  it('the first second moves proposed to seconded; more seconders are kept once each', () => {
    const s = inSession()
    const id = propose(s)
    secondMotion(s.doc, id, s.ids[1]!, at(6))
    secondMotion(s.doc, id, s.ids[2]!, at(6))
    const before = stateOf(s.doc)
    secondMotion(s.doc, id, s.ids[1]!, at(7))
    expect(stateOf(s.doc)).toEqual(before)
    expect(readMotion(s.doc, id)).toMatchObject({ status: 'seconded', seconders: [s.ids[1], s.ids[2]], statusLog: [{ from: 'proposed', to: 'seconded', at: at(6) }] })
  })

  it('refuses the proposer, a non-member and an observer as seconders', () => {
    const s = inSession()
    const id = propose(s)
    expect(expectDocError(() => secondMotion(s.doc, id, s.ids[0]!, at(6)), 'invalidInput').detail).toEqual({ seconder: 'proposerCannotSecond' })
    expectDocError(() => secondMotion(s.doc, id, memberId(42), at(6)), 'notOnRoster')
    rawSet(s.doc, 'roster', s.ids[4]!, 'role', 'observer')
    expectDocError(() => secondMotion(s.doc, id, s.ids[4]!, at(6)), 'notOnRoster')
    expectDocError(() => secondMotion(s.doc, 'ffffffff-0000-0000-0000-000000000000' as MotionId, s.ids[1]!, at(6)), 'notFound')
  })

  it('needs a second before debate when the council requires it; not otherwise', () => {
    const s = inSession()
    const id = propose(s)
    const e = expectDocError(() => moveMotion(s.doc, id, 'debating', SECONDING, at(7)), 'badMotionTransition')
    expect(e.detail).toEqual({ from: 'proposed', to: 'debating' })
    moveMotion(s.doc, id, 'debating', NO_SECONDING, at(7))
    expect(readMotion(s.doc, id)?.status).toBe('debating')
  })

  it('accepts exactly the transitions of the status machine (property)', () => {
    const reach: Record<MotionStatus, (s: Setup, id: MotionId) => void> = {
      proposed: () => {},
      seconded: (s, id) => secondMotion(s.doc, id, s.ids[1]!, at(6)),
      debating: (s, id) => moveMotion(s.doc, id, 'debating', NO_SECONDING, at(7)),
      voting: (s, id) => (reach.debating(s, id), openVote(s.doc, id, { method: 'hands', rule: 'simple_majority' }, at(8))),
      passed: (s, id) => (reach.debating(s, id), handsVote(s, id, { for: 5, against: 0, abstain: 0 })),
      failed: (s, id) => (reach.debating(s, id), handsVote(s, id, { for: 0, against: 5, abstain: 0 })),
      withdrawn: (s, id) => moveMotion(s.doc, id, 'withdrawn', SECONDING, at(7)),
      deferred: (s, id) => moveMotion(s.doc, id, 'deferred', SECONDING, at(7)),
    }
    fc.assert(
      fc.property(fc.constantFrom(...MOTION_STATUSES), fc.constantFrom('debating' as const, 'withdrawn' as const, 'deferred' as const), fc.boolean(), (from, to, required) => {
        const s = inSession()
        const id = propose(s)
        reach[from](s, id)
        expect(readMotion(s.doc, id)?.status).toBe(from)
        const rules = { secondingRequired: required }
        if (canMoveMotion(from, to, rules)) {
          moveMotion(s.doc, id, to, rules, at(9))
          expect(readMotion(s.doc, id)?.status).toBe(to)
        } else {
          const before = stateOf(s.doc)
          expectDocError(() => moveMotion(s.doc, id, to, rules, at(9)), 'badMotionTransition')
          expect(stateOf(s.doc)).toEqual(before)
        }
      }),
      { numRuns: 60, seed: 7 },
    )
  })

  it('edits the text before debate, keeping each wording; not after', () => {
    const s = inSession()
    const id = propose(s, '初稿')
    editMotionText(s.doc, id, '修改稿', at(6))
    expect(readMotion(s.doc, id)).toMatchObject({ text: '修改稿', textVersions: [{ text: '初稿', amendmentId: null }, { text: '修改稿', at: at(6), amendmentId: null }] })
    moveMotion(s.doc, id, 'debating', NO_SECONDING, at(7))
    expectDocError(() => editMotionText(s.doc, id, '再改', at(8)), 'badMotionTransition')
  })
})

describe('amendments', () => {
  it('an adopted amendment changes the parent’s text and both versions are kept', () => {
    const s = inSession()
    const main = debating(s, '同意加装电梯，费用按面积分摊')
    const amendment = propose(s, '同意加装电梯，费用按楼层和面积分摊', 0, 2, main)
    expect(readMotion(s.doc, amendment)).toMatchObject({ parentId: main, itemId: s.itemIds[0] })
    expect(amendmentsOf(s.doc, main).map((a) => a.id)).toEqual([amendment])
    secondMotion(s.doc, amendment, s.ids[3]!, at(10))
    moveMotion(s.doc, amendment, 'debating', SECONDING, at(11))
    // The parent cannot be put to the vote while its amendment is on the floor.
    expect(expectDocError(() => openVote(s.doc, main, { method: 'hands', rule: 'simple_majority' }, at(12)), 'amendmentPending').detail).toEqual({ motionId: amendment })
    handsVote(s, amendment, { for: 4, against: 1, abstain: 0 }, 20)
    const parent = readMotion(s.doc, main)!
    expect(parent.text).toBe('同意加装电梯，费用按楼层和面积分摊')
    expect(parent.textVersions).toEqual([
      { text: '同意加装电梯，费用按面积分摊', at: at(5), amendmentId: null },
      { text: '同意加装电梯，费用按楼层和面积分摊', at: at(21), amendmentId: amendment },
    ])
    expect(parent.status).toBe('debating')
    // Applying again changes nothing.
    const before = stateOf(s.doc)
    expect(applyAdoptedAmendment(s.doc, amendment, at(22))).toBe(false)
    expect(stateOf(s.doc)).toEqual(before)
    // Then the main motion is voted on, as amended.
    const { result } = handsVote(s, main, { for: 5, against: 0, abstain: 0 }, 40)
    expect(result.outcome).toBe('passed')
    expect(readMotion(s.doc, main)?.status).toBe('passed')
  })

  it('applyAdoptedAmendment applies an amendment adopted without it (e.g. closed by an older build)', () => {
    const s = inSession()
    const main = debating(s, '原文')
    const amendment = propose(s, '新文', 0, 2, main)
    moveMotion(s.doc, amendment, 'debating', NO_SECONDING, at(11))
    const voteId = openVote(s.doc, amendment, { method: 'hands', rule: 'simple_majority' }, at(12))
    // Simulate the status alone arriving: passed, text not yet applied.
    s.doc.transact(() => {
      rawSet(s.doc, 'motions', amendment, 'status', 'passed')
      rawSet(s.doc, 'votes', voteId, 'closedAt', at(13))
    })
    expect(applyAdoptedAmendment(s.doc, amendment, at(14))).toBe(true)
    expect(readMotion(s.doc, main)?.textVersions.map((v) => [v.text, v.amendmentId])).toEqual([
      ['原文', null],
      ['新文', amendment],
    ])
  })

  it('a failed amendment leaves the parent’s text alone and cannot be applied', () => {
    const s = inSession()
    const main = debating(s, '原文')
    const amendment = propose(s, '改文', 0, 2, main)
    moveMotion(s.doc, amendment, 'debating', NO_SECONDING, at(11))
    handsVote(s, amendment, { for: 1, against: 4, abstain: 0 }, 20)
    expect(readMotion(s.doc, main)).toMatchObject({ text: '原文', textVersions: [{ text: '原文' }] })
    expectDocError(() => applyAdoptedAmendment(s.doc, amendment, at(30)), 'badMotionTransition')
  })

  it('allows one amendment at a time, only to a main motion under debate', () => {
    const s = inSession()
    const proposed = propose(s, '原文')
    expect(expectDocError(() => propose(s, '改', 0, 2, proposed), 'badMotionTransition').detail).toEqual({ from: 'proposed', to: 'amended' })
    secondMotion(s.doc, proposed, s.ids[1]!, at(6))
    moveMotion(s.doc, proposed, 'debating', SECONDING, at(7))
    const a1 = propose(s, '改一', 0, 2, proposed)
    expect(expectDocError(() => propose(s, '改二', 0, 3, proposed), 'motionOnFloor').detail).toEqual({ motionId: a1 })
    expect(expectDocError(() => propose(s, '改改', 0, 3, a1), 'invalidInput').detail).toEqual({ parentId: 'amendmentOfAmendment' })
    // Amendments sit on the floor with their parent: no new main motion either.
    expectDocError(() => propose(s, '别的', 1, 3), 'motionOnFloor')
  })

  it('withdrawing the main motion takes its open amendment with it; refused while the amendment is voted', () => {
    const s = inSession()
    const main = debating(s)
    const amendment = propose(s, '改', 0, 2, main)
    moveMotion(s.doc, amendment, 'debating', NO_SECONDING, at(11))
    const voteId = openVote(s.doc, amendment, { method: 'hands', rule: 'simple_majority' }, at(12))
    expectDocError(() => moveMotion(s.doc, main, 'withdrawn', SECONDING, at(13)), 'amendmentPending')
    // As if that vote had been cancelled: the amendment back under debate.
    s.doc.transact(() => {
      rawSet(s.doc, 'motions', amendment, 'status', 'debating')
      s.doc.getMap('votes').delete(voteId)
    })
    moveMotion(s.doc, main, 'deferred', SECONDING, at(14))
    expect(readMotions(s.doc).map((m) => m.status)).toEqual(['deferred', 'deferred'])
    expect(onFloor(s.doc)).toEqual([])
  })
})

describe('recusals (回避)', () => {
  it('records, lists and removes a recusal per item and member', () => {
    const s = inSession()
    recuse(s.doc, s.itemIds[0]!, s.ids[2]!, ' 本人住3栋，与加装电梯有利害关系 ', at(1))
    recuse(s.doc, s.itemIds[0]!, s.ids[0]!, '亲属', at(2))
    recuse(s.doc, s.itemIds[1]!, s.ids[2]!, '承包方亲属', at(3))
    expect(readRecusals(s.doc, s.itemIds[0]!)).toEqual([
      { itemId: s.itemIds[0], memberId: s.ids[0], reason: '亲属', at: at(2) },
      { itemId: s.itemIds[0], memberId: s.ids[2], reason: '本人住3栋，与加装电梯有利害关系', at: at(1) },
    ])
    unrecuse(s.doc, s.itemIds[0]!, s.ids[0]!)
    expect(readRecusals(s.doc, s.itemIds[0]!).map((r) => r.memberId)).toEqual([s.ids[2]])
    expect(readRecusals(s.doc, s.itemIds[1]!).map((r) => r.memberId)).toEqual([s.ids[2]])
    expectDocError(() => unrecuse(s.doc, s.itemIds[0]!, s.ids[0]!), 'notFound')
  })

  it('excludes the recused from the vote’s eligible voters, and is frozen while that vote is open', () => {
    const s = inSession()
    recuse(s.doc, s.itemIds[0]!, s.ids[4]!, '利害关系', at(1))
    const voteId = openVote(s.doc, debating(s), { method: 'hands', rule: 'simple_majority' }, at(20))
    expect(readVote(s.doc, voteId)?.eligible).toEqual(s.ids.slice(0, 4))
    expect(voteInput(s.doc, voteId, SETTINGS)).toMatchObject({ members: 5, present: 5, recused: 1 })
    const before = stateOf(s.doc)
    expectDocError(() => recuse(s.doc, s.itemIds[0]!, s.ids[3]!, '后来想起', at(21)), 'voteOpen')
    expectDocError(() => unrecuse(s.doc, s.itemIds[0]!, s.ids[4]!), 'voteOpen')
    expect(stateOf(s.doc)).toEqual(before)
    recuse(s.doc, s.itemIds[1]!, s.ids[3]!, '另一议题', at(21)) // another item: allowed
  })

  it('refuses an empty reason, a non-member, an unknown item', () => {
    const s = inSession()
    expect(expectDocError(() => recuse(s.doc, s.itemIds[0]!, s.ids[0]!, ' ', at(1)), 'invalidInput').detail).toEqual({ reason: 'reasonRequired' })
    expectDocError(() => recuse(s.doc, s.itemIds[0]!, memberId(77) as MemberId, '因', at(1)), 'notOnRoster')
    expectDocError(() => recuse(s.doc, 'ffffffff-0000-0000-0000-000000000000' as AgendaItemId, s.ids[0]!, '因', at(1)), 'notFound')
  })
})
