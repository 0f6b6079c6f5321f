// Tabling a fund year's listed projects in a meeting: the links live in the fund document; the
// meeting's own frozen vote results become each project's outcome; and the line the vote screen
// shows before a vote counts the approvals already voted that evening, so a project that would
// pass the money available is said to BEFORE its vote, and its approval is then refused.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { CouncilId } from '../../src/shared/domain/ids'
import { DocError } from '../../src/shared/doc/errors'
import { addProposal, book, initFundDoc, readDecisions, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { fundVoteLine, itemOutcomes, readTablings, recordTablings, standingTablings, tablingOfItem } from '../../src/shared/doc/fundTabling'
import { closeVote, openVote, setHandsCounts, voteInput } from '../../src/shared/doc/votes'
import type { MotionId } from '../../src/shared/domain/ids'
import { evaluateVote, type BallotCounts } from '../../src/shared/domain/votes'
import type { ProposalFields } from '../../src/shared/fund/proposals'
import { MEETING_ID } from './helpers'
import { at, debating, inSession, type Setup } from './session-helpers'

const council = 'council-0001' as CouncilId
const who = { by: '王秘书', now: '2025-03-01T08:00:00.000Z' }
const fields = (title: string, cost: number): ProposalFields => ({ title, description: '', category: 'facilities', source: { kind: 'partyBranch', name: '社区党委' }, estimatedCost: cost, beneficiaries: 100, proposedOn: '2025-02-10' })

/** A 2025 year with ¥1,000.00 available and three listed projects of ¥600, ¥500 and ¥300. */
function year() {
  const doc = new Y.Doc()
  initFundDoc(doc, council, 2025)
  book(doc, { kind: 'income', source: 'allocation', from: '街道办事处', amount: 80_000, on: '2025-01-10' }, who)
  book(doc, { kind: 'income', source: 'carryOver', from: '', amount: 20_000, on: '2025-01-10' }, who)
  const ids = [fields('楼道灯更换', 60_000), fields('健身器材', 50_000), fields('花园围栏', 30_000)].map((f) => addProposal(doc, f, who))
  for (const id of ids) screenProposal(doc, id, { kind: 'listed', priorityItem: null, on: '2025-03-01' }, who)
  return { doc, ids: ids as [string, string, string] }
}

function vote(s: Setup, text: string, itemIndex: number, counts: BallotCounts, minute: number): MotionId {
  const motion = debating(s, text, itemIndex)
  const id = openVote(s.doc, motion, { method: 'hands', rule: 'simple_majority' }, at(minute))
  setHandsCounts(s.doc, id, counts)
  closeVote(s.doc, id, { ballots: [], result: evaluateVote(voteInput(s.doc, id, { quorumRule: 'more_than_half' })!) }, at(minute + 1))
  return motion
}

describe('tabling the fund list in a meeting', () => {
  it('links each project to its agenda item, refusing one not listed or tabled twice', () => {
    const { doc, ids } = year()
    const s = inSession({ n: 5 })
    recordTablings(doc, MEETING_ID, [{ proposalId: ids[0], itemId: s.itemIds[0]!, budget: 60_000 }, { proposalId: ids[1], itemId: s.itemIds[1]!, budget: 50_000 }], '2025-03-05', who)
    expect(tablingOfItem(doc, MEETING_ID, s.itemIds[1]!)).toMatchObject({ proposalId: ids[1], budget: 50_000 })
    expect(standingTablings(doc).size).toBe(2)
    const refused = (items: Parameters<typeof recordTablings>[2]) => {
      try {
        recordTablings(doc, MEETING_ID, items, '2025-03-05', who)
      } catch (e) {
        return e instanceof DocError ? e.detail : e
      }
      return null
    }
    expect(refused([{ proposalId: ids[0], itemId: s.itemIds[0]!, budget: 60_000 }])).toEqual({ reason: 'alreadyTabled', proposalId: ids[0] })
    expect(refused([{ proposalId: 'nope', itemId: s.itemIds[0]!, budget: 1 }])).toEqual({ reason: 'notListed', proposalId: 'nope' })
    expect(refused([{ proposalId: ids[2], itemId: s.itemIds[0]!, budget: 0 }])).toEqual({ reason: 'budgetInvalid', proposalId: ids[2] })
    expect(readTablings(doc)).toHaveLength(2)
  })

  it('says before each vote whether the project fits, counting the votes frozen that evening', () => {
    const { doc, ids } = year()
    const s = inSession({ n: 5 })
    recordTablings(doc, MEETING_ID, [{ proposalId: ids[0], itemId: s.itemIds[0]!, budget: 60_000 }, { proposalId: ids[1], itemId: s.itemIds[1]!, budget: 50_000 }], '2025-03-05', who)
    expect(fundVoteLine(doc, s.doc, MEETING_ID, s.itemIds[0]!)).toMatchObject({ title: '楼道灯更换', budget: 60_000, approvedIfPassed: 60_000, over: 0 })
    expect(fundVoteLine(doc, s.doc, MEETING_ID, s.itemIds[1]!)).toMatchObject({ approvedIfPassed: 50_000, over: 0 })

    const first = vote(s, '同意楼道灯更换项目', 0, { for: 4, against: 1, abstain: 0 }, 10)
    expect(itemOutcomes(s.doc).get(s.itemIds[0]!)).toEqual({ itemId: s.itemIds[0], motionId: first, outcome: 'approved', on: '2025-03-10' })
    // Not yet recorded in the fund, the evening's approval already counts before the next vote.
    expect(fundVoteLine(doc, s.doc, MEETING_ID, s.itemIds[1]!)).toMatchObject({ approvedIfPassed: 110_000, over: 10_000 })

    recordDecision(doc, { proposalId: ids[0], outcome: 'approved', budget: 60_000, on: '2025-03-10', meetingId: MEETING_ID, motionId: first }, who)
    expect(fundVoteLine(doc, s.doc, MEETING_ID, s.itemIds[1]!)).toMatchObject({ approvedIfPassed: 110_000, over: 10_000 })
    expect(() => recordDecision(doc, { proposalId: ids[1], outcome: 'approved', budget: 50_000, on: '2025-03-10' }, who)).toThrow(DocError)

    const second = vote(s, '同意健身器材项目', 1, { for: 1, against: 4, abstain: 0 }, 20)
    expect(itemOutcomes(s.doc).get(s.itemIds[1]!)).toMatchObject({ motionId: second, outcome: 'rejected' })
    recordDecision(doc, { proposalId: ids[1], outcome: 'rejected', budget: 0, on: '2025-03-10', meetingId: MEETING_ID, motionId: second }, who)
    expect(readDecisions(doc)).toMatchObject({ approvedTotal: 60_000, overAvailable: null })
  })
})
