// Owners' rules in a meeting vote, on a real Y.Doc: a show of hands takes the owners' figures as
// typed, a roll call computes them from who voted and each member's floor area on the register
// (a missing one typed on the vote), a secret ballot refuses them; all in exact hundredths of m²,
// including areas whose decimal sums trip floating point.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { markPresent, startSignIn } from '../../src/shared/doc/attendance'
import { openSession } from '../../src/shared/doc/session'
import { closeVote, openVote, readVote, recordRollCall, setHandsCount, voteInput } from '../../src/shared/doc/votes'
import { setOwnerFigure, setVoteArea } from '../../src/shared/doc/voteOwners'
import type { VoteId } from '../../src/shared/domain/ids'
import { parseArea } from '../../src/shared/domain/member'
import { evaluateVote, resultWarnings, rulesForMethod } from '../../src/shared/domain/votes'
import { expectDocError } from './helpers'
import { at, debating, inSession, noticedMeeting, register, type Setup } from './session-helpers'

const SETTINGS = { quorumRule: 'more_than_half' } as const
const evaluate = (doc: Y.Doc, id: VoteId) => evaluateVote(voteInput(doc, id, SETTINGS)!)
const m2 = (text: string): number => {
  const p = parseArea(text)
  if (!p.ok || p.value === null) throw new Error(`not an area: ${text}`)
  return p.value
}

/** A session whose members have these floor areas (hundredths of m²; null: none on the register). */
function withAreas(areas: (number | null)[]): Setup {
  const { doc, itemIds } = noticedMeeting()
  const members = register(areas.length, (i) => ({ areaCentiM2: areas[i - 1] ?? null }))
  startSignIn(doc, members, at(-30))
  for (const m of members) markPresent(doc, m.id, at(-20))
  openSession(doc, { quorumMet: true }, at(0))
  return { doc, itemIds, members, ids: members.map((m) => m.id) }
}

describe('which rules a meeting vote offers', () => {
  it('offers the owners’ rules for a show of hands and a roll call, never for a secret ballot', () => {
    expect(rulesForMethod('hands')).toContain('double_majority_major')
    expect(rulesForMethod('roll_call')).toContain('unanimity_affected')
    expect(rulesForMethod('secret')).not.toContain('double_majority_ordinary')
    expect(rulesForMethod('secret')).not.toContain('unanimity_affected')
    const s = inSession({ n: 5 })
    expectDocError(() => openVote(s.doc, debating(s), { method: 'secret', rule: 'double_majority_ordinary' }, at(20)), 'invalidInput')
  })
})

describe('show of hands: the owners’ figures as typed', () => {
  it('stores each figure as typed and evaluates the double majority from them', () => {
    const s = inSession({ n: 5 })
    const id = openVote(s.doc, debating(s), { method: 'hands', rule: 'double_majority_ordinary' }, at(20))
    setHandsCount(s.doc, id, 'for', 4)
    setHandsCount(s.doc, id, 'against', 1)
    // Nothing typed yet: the rules refuse to announce, naming what is missing.
    expect(evaluate(s.doc, id)).toMatchObject({ outcome: 'rejected', reasons: [{ code: 'ownersRequired' }] })
    const figures = { totalOwners: 120, totalArea: m2('10250.75'), participatingOwners: 90, participatingArea: m2('8000.5'), forOwners: 50, forArea: m2('4100.26') }
    for (const [k, v] of Object.entries(figures)) setOwnerFigure(s.doc, id, k as keyof typeof figures, v)
    expect(readVote(s.doc, id)!.ownerFigures).toEqual(figures)
    const result = evaluate(s.doc, id)
    expect(result.outcome).toBe('passed')
    expect(result.figures!.map((f) => [f.name, f.value, f.of, f.met])).toEqual([
      ['participationArea', 800050, 1025075, true],
      ['participationOwners', 90, 120, true],
      ['approvalArea', 410026, 800050, true],
      ['approvalOwners', 50, 90, true],
    ])
    // The owners' figures decide: no "nobody voted" warning although no member's hand was counted.
    setHandsCount(s.doc, id, 'for', 0)
    setHandsCount(s.doc, id, 'against', 0)
    const frozen = evaluate(s.doc, id)
    expect(resultWarnings(frozen, 5)).toEqual([])
    closeVote(s.doc, id, { ballots: [], result: frozen }, at(25))
    expect(readVote(s.doc, id)!.result!.figures).toEqual(result.figures)
  })

  it('warns that nobody voted when no owner took part', () => {
    const s = inSession({ n: 5 })
    const id = openVote(s.doc, debating(s), { method: 'hands', rule: 'double_majority_ordinary' }, at(20))
    for (const [k, v] of Object.entries({ totalOwners: 10, totalArea: 100000, participatingOwners: 0, participatingArea: 0, forOwners: 0, forArea: 0 }))
      setOwnerFigure(s.doc, id, k as 'totalOwners', v)
    const result = evaluate(s.doc, id)
    expect(result.outcome).toBe('failed')
    expect(resultWarnings(result, 5).map((w) => w.code)).toEqual(['noVotesCast'])
  })

  it('refuses a figure that is not a whole number, and clears one typed away', () => {
    const s = inSession({ n: 5 })
    const id = openVote(s.doc, debating(s), { method: 'hands', rule: 'double_majority_major' }, at(20))
    expect(expectDocError(() => setOwnerFigure(s.doc, id, 'forArea', 12.5), 'invalidInput').detail).toEqual({ forArea: 'countInvalid' })
    setOwnerFigure(s.doc, id, 'forOwners', 7)
    setOwnerFigure(s.doc, id, 'forOwners', null)
    expect(readVote(s.doc, id)!.ownerFigures).toEqual({})
  })

  it('is exact where floating point is not: 0.58 m² of 0.87 m² is exactly two thirds', () => {
    // The trap: 0.58 × 100 in floating point is 57.99999999999999, so a float conversion loses a
    // hundredth and the participation share falls just short of two thirds.
    expect(Math.floor(0.58 * 100)).toBe(57)
    expect(m2('0.58')).toBe(58)
    const s = inSession({ n: 5 })
    const id = openVote(s.doc, debating(s), { method: 'hands', rule: 'double_majority_ordinary' }, at(20))
    setHandsCount(s.doc, id, 'for', 2)
    for (const [k, v] of Object.entries({ totalOwners: 3, totalArea: m2('0.87'), participatingOwners: 2, participatingArea: m2('0.58'), forOwners: 2, forArea: m2('0.58') }))
      setOwnerFigure(s.doc, id, k as 'totalOwners', v)
    const participation = evaluate(s.doc, id).figures!.find((f) => f.name === 'participationArea')!
    expect(participation).toMatchObject({ value: 58, of: 87, required: 58, met: true })
  })
})

describe('roll call: the figures from the register’s floor areas', () => {
  it('adds up who took part and who approved, live, in hundredths of m² (0.1 + 2.2 is exactly half of 4.6)', () => {
    const s = withAreas([m2('0.1'), m2('2.2'), m2('2.3')])
    const id = openVote(s.doc, debating(s), { method: 'roll_call', rule: 'double_majority_ordinary' }, at(20))
    recordRollCall(s.doc, id, s.ids[0]!, 'for', at(21))
    recordRollCall(s.doc, id, s.ids[1]!, 'for', at(22))
    expect(evaluate(s.doc, id).figures!.find((f) => f.name === 'participationOwners')).toMatchObject({ value: 2, of: 3 })
    recordRollCall(s.doc, id, s.ids[2]!, 'against', at(23))
    const result = evaluate(s.doc, id)
    // Approving area 0.1 + 2.2 of 4.6 m² is exactly one half, which is not "more than half".
    // In floating point 0.1 + 2.2 is 2.3000000000000003, and the same comparison wrongly passes.
    expect((0.1 + 2.2) * 2 > 0.1 + 2.2 + 2.3).toBe(true)
    expect(result.figures!.find((f) => f.name === 'approvalArea')).toMatchObject({ value: 230, of: 460, required: 231, met: false })
    expect(result.outcome).toBe('failed')
    expect(result.reasons[0]!.code).toBe('approvalAreaNotMoreThanHalf')
    closeVote(s.doc, id, { ballots: [], result }, at(25))
    expect(readVote(s.doc, id)!.result!.outcome).toBe('failed')
  })

  it('refuses to announce while a member has no floor area, until it is typed on the vote', () => {
    const s = withAreas([m2('85.5'), null, m2('60')])
    const id = openVote(s.doc, debating(s), { method: 'roll_call', rule: 'double_majority_ordinary' }, at(20))
    for (const i of [0, 1, 2]) recordRollCall(s.doc, id, s.ids[i]!, 'for', at(21 + i))
    expect(evaluate(s.doc, id).outcome).toBe('rejected')
    setVoteArea(s.doc, id, s.ids[1]!, m2('72.25'))
    const result = evaluate(s.doc, id)
    expect(result.outcome).toBe('passed')
    expect(result.figures!.find((f) => f.name === 'participationArea')).toMatchObject({ value: 8550 + 7225 + 6000, of: 21775 })
  })

  it('takes the number of affected owners for unanimity, typed on the roll call', () => {
    const s = withAreas([100, 200, 300])
    const id = openVote(s.doc, debating(s), { method: 'roll_call', rule: 'unanimity_affected' }, at(20))
    for (const i of [0, 1]) recordRollCall(s.doc, id, s.ids[i]!, 'for', at(21 + i))
    expect(evaluate(s.doc, id).outcome).toBe('rejected')
    setOwnerFigure(s.doc, id, 'affectedOwners', 2)
    const passed = evaluate(s.doc, id)
    expect(passed.outcome).toBe('passed')
    expect(passed.reasons[0]!.code).toBe('passedUnanimity')
    setOwnerFigure(s.doc, id, 'affectedOwners', 3)
    expect(evaluate(s.doc, id).outcome).toBe('failed')
  })

  it('refuses figures on a closed vote', () => {
    const s = withAreas([100, 200, 300])
    const id = openVote(s.doc, debating(s), { method: 'roll_call', rule: 'double_majority_ordinary' }, at(20))
    for (const i of [0, 1, 2]) recordRollCall(s.doc, id, s.ids[i]!, 'for', at(21 + i))
    closeVote(s.doc, id, { ballots: [], result: evaluate(s.doc, id) }, at(25))
    expectDocError(() => setVoteArea(s.doc, id, s.ids[0]!, 5000), 'voteClosed')
    expect(Y.encodeStateAsUpdate(s.doc).length).toBeGreaterThan(0)
  })
})
