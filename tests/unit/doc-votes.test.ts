// Votes: eligibility frozen at the opening, show of hands, roll call decided by an explicit rule on
// every replica, the secret ballot sealed at close without voter, time or order, the frozen result,
// and entries that arrive after the close (late: shown, never counted, never dropped).
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { recordArrival, recordDeparture } from '../../src/shared/doc/attendance'
import { moveMotion, proposeMotion, readMotion } from '../../src/shared/doc/motions'
import { closeSession } from '../../src/shared/doc/session'
import { recuse } from '../../src/shared/doc/recusals'
import {
  checkOffVoter,
  closeVote,
  lateEntries,
  openVote,
  readVote,
  recordLate,
  recordRollCall,
  setHandsCounts,
  voteInput,
  type VoteMethod,
} from '../../src/shared/doc/votes'
import type { MemberId, VoteId } from '../../src/shared/domain/ids'
import { evaluateVote, type Choice, type VoteResult } from '../../src/shared/domain/votes'
import { expectDocError, replicaOf, stateOf, syncAll } from './helpers'
import { at, debating, inSession, NO_SECONDING, SECONDING, type Setup } from './session-helpers'

const SETTINGS = { quorumRule: 'more_than_half' } as const

function voteOn(s: Setup, method: VoteMethod, minute = 20): VoteId {
  return openVote(s.doc, debating(s), { method, rule: 'simple_majority' }, at(minute))
}

const evaluate = (doc: Y.Doc, id: VoteId, ballots?: Choice[]): VoteResult => evaluateVote(voteInput(doc, id, SETTINGS, ballots)!)

/** The ballots of a vote as a replica stores them: [clock, key, value] in the order they were written. */
function storedBallots(doc: Y.Doc, id: VoteId): { clock: number; key: string; value: unknown }[] {
  const box = (doc.getMap('votes').get(id) as Y.Map<unknown>).get('ballots') as Y.Map<unknown>
  const items = (box as unknown as { _map: Map<string, { id: { clock: number } }> })._map
  return [...items].map(([key, item]) => ({ clock: item.id.clock, key, value: box.get(key) })).sort((a, b) => a.clock - b.clock)
}

function checkOffClocks(doc: Y.Doc, id: VoteId): { clock: number; memberId: string }[] {
  const map = (doc.getMap('votes').get(id) as Y.Map<unknown>).get('checkedOff') as Y.Map<unknown>
  const items = (map as unknown as { _map: Map<string, { id: { clock: number } }> })._map
  return [...items].map(([memberId, item]) => ({ clock: item.id.clock, memberId })).sort((a, b) => a.clock - b.clock)
}

/** Seeds crypto.getRandomValues (mulberry32), so a shuffle replays from its seed. */
function seedRandom(seed: number): void {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) & 0xff
  }
  vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
    const bytes = new Uint8Array((array as ArrayBufferView).buffer, (array as ArrayBufferView).byteOffset, (array as ArrayBufferView).byteLength)
    for (let i = 0; i < bytes.length; i++) bytes[i] = next()
    return array
  })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('opening a vote', () => {
  it('freezes the eligible voters: present at the opening and not recused', () => {
    const s = inSession({ n: 6, present: 4 })
    recordArrival(s.doc, s.ids[4]!, at(10)) // late, but before the vote
    recordDeparture(s.doc, s.ids[1]!, at(15)) // left before the vote
    recuse(s.doc, s.itemIds[0]!, s.ids[2]!, '住3栋', at(16))
    const id = voteOn(s, 'hands', 20)
    recordArrival(s.doc, s.ids[5]!, at(21)) // after the opening: not a voter
    expect(readVote(s.doc, id)).toMatchObject({ method: 'hands', rule: 'simple_majority', openedAt: at(20), closedAt: null, eligible: [s.ids[0], s.ids[3], s.ids[4]] })
    expect(readMotion(s.doc, readVote(s.doc, id)!.motionId)?.status).toBe('voting')
    expect(voteInput(s.doc, id, SETTINGS)).toEqual({
      rule: 'simple_majority',
      quorum: { rule: 'more_than_half', recusedCountForQuorum: true },
      members: 6,
      present: 4,
      recused: 1,
      counts: { for: 0, against: 0, abstain: 0 },
    })
  })

  it('refuses a motion not under debate, a second open vote, an unknown method or rule', () => {
    const s = inSession()
    const motion = debating(s)
    expectDocError(() => openVote(s.doc, motion, { method: 'shout' as VoteMethod, rule: 'simple_majority' }, at(20)), 'invalidInput')
    expectDocError(() => openVote(s.doc, motion, { method: 'hands', rule: 'most' as never }, at(20)), 'invalidInput')
    const id = openVote(s.doc, motion, { method: 'hands', rule: 'simple_majority' }, at(20))
    const before = stateOf(s.doc)
    expect(expectDocError(() => openVote(s.doc, motion, { method: 'hands', rule: 'simple_majority' }, at(21)), 'voteOpen').detail).toEqual({ voteId: id })
    expect(stateOf(s.doc)).toEqual(before)
  })
})

describe('show of hands', () => {
  it('refuses counts whose sum exceeds the eligible voters present, writing nothing', () => {
    const s = inSession({ n: 7, present: 5 })
    const id = voteOn(s, 'hands')
    const before = stateOf(s.doc)
    expect(expectDocError(() => setHandsCounts(s.doc, id, { for: 3, against: 2, abstain: 1 }), 'countsExceedEligible').detail).toEqual({ cast: 6, eligible: 5 })
    expect(expectDocError(() => setHandsCounts(s.doc, id, { for: -1, against: 1.5, abstain: 0 }), 'invalidInput').detail).toEqual({ for: 'countInvalid', against: 'countInvalid' })
    expectDocError(() => recordRollCall(s.doc, id, s.ids[0]!, 'for', at(21)), 'wrongVoteMethod')
    expect(stateOf(s.doc)).toEqual(before)
    setHandsCounts(s.doc, id, { for: 3, against: 1, abstain: 1 })
    expect(readVote(s.doc, id)?.handsCounts).toEqual({ for: 3, against: 1, abstain: 1 })
  })

  it('closes with the announced result frozen, the motion decided', () => {
    const s = inSession({ n: 5 })
    const id = voteOn(s, 'hands')
    setHandsCounts(s.doc, id, { for: 3, against: 1, abstain: 1 })
    const result = evaluate(s.doc, id)
    expect(result.outcome).toBe('passed')
    closeVote(s.doc, id, { ballots: [], result }, at(25))
    const vote = readVote(s.doc, id)!
    expect(vote).toMatchObject({ closedAt: at(25), result })
    expect(readMotion(s.doc, vote.motionId)).toMatchObject({ status: 'passed', statusLog: expect.arrayContaining([{ from: 'voting', to: 'passed', at: at(25) }]) })
    expect(lateEntries(s.doc, id)).toEqual([])
    expectDocError(() => setHandsCounts(s.doc, id, { for: 0, against: 0, abstain: 0 }), 'voteClosed')
  })

  it('a vote without quorum at its time fails, its result marked invalid', () => {
    const s = inSession({ n: 5, present: 4 })
    recordDeparture(s.doc, s.ids[0]!, at(15))
    recordDeparture(s.doc, s.ids[1]!, at(16))
    const id = voteOn(s, 'hands', 20)
    setHandsCounts(s.doc, id, { for: 2, against: 0, abstain: 0 })
    const result = evaluateVote(voteInput(s.doc, id, { quorumRule: 'at_least_two_thirds' })!)
    expect(result).toMatchObject({ outcome: 'invalid', thresholdMet: true })
    closeVote(s.doc, id, { ballots: [], result }, at(25))
    expect(readVote(s.doc, id)?.result?.outcome).toBe('invalid')
    expect(readMotion(s.doc, readVote(s.doc, id)!.motionId)?.status).toBe('failed')
  })

  it('refuses a rejected result, a result that does not match the counts, and ballots', () => {
    const s = inSession({ n: 5 })
    const id = voteOn(s, 'hands')
    setHandsCounts(s.doc, id, { for: 3, against: 1, abstain: 0 })
    const result = evaluate(s.doc, id)
    const before = stateOf(s.doc)
    expect(expectDocError(() => closeVote(s.doc, id, { ballots: [], result: { ...result, outcome: 'rejected' } }, at(25)), 'invalidInput').detail).toEqual({ result: 'rejected' })
    const stale = { ...result, counts: { ...result.counts, for: 2 } }
    expect(expectDocError(() => closeVote(s.doc, id, { ballots: [], result: stale }, at(25)), 'resultMismatch').detail).toMatchObject({ expected: { for: 3, against: 1, abstain: 0 } })
    expect(expectDocError(() => closeVote(s.doc, id, { ballots: ['for'], result }, at(25)), 'invalidInput').detail).toEqual({ ballots: 'notSecret' })
    expect(stateOf(s.doc)).toEqual(before)
  })
})

describe('roll call', () => {
  it('keeps every entry and decides each member by the latest one', () => {
    const s = inSession({ n: 5 })
    const id = voteOn(s, 'roll_call')
    recordRollCall(s.doc, id, s.ids[0]!, 'for', at(21), '书记员电脑')
    recordRollCall(s.doc, id, s.ids[1]!, 'against', at(21))
    recordRollCall(s.doc, id, s.ids[0]!, 'abstain', at(22), '书记员电脑')
    const vote = readVote(s.doc, id)!
    expect(vote.rollCall).toHaveLength(3)
    expect(vote.rollCall[0]).toMatchObject({ memberId: s.ids[0], choice: 'abstain', device: '书记员电脑' })
    expect(vote.decisions.map((d) => [d.memberId, d.choice, d.conflicting.map((c) => c.choice)])).toEqual([
      [s.ids[0], 'abstain', ['for']],
      [s.ids[1], 'against', []],
    ])
    expect(voteInput(s.doc, id, SETTINGS)?.counts).toEqual({ for: 0, against: 1, abstain: 1 })
    expect(expectDocError(() => recordRollCall(s.doc, id, 'someone-else' as MemberId, 'for', at(23)), 'notEligible').detail).toEqual({ memberId: 'someone-else' })
    expectDocError(() => recordRollCall(s.doc, id, s.ids[2]!, 'maybe' as Choice, at(23)), 'invalidInput')
  })

  it('decides conflicting entries from two or three replicas by the same rule on every replica', () => {
    const s = inSession({ n: 5, clientID: 1 })
    const id = voteOn(s, 'roll_call')
    const a = s.doc
    const b = replicaOf(a, 2)
    const c = replicaOf(a, 3)
    // Member 1: two devices, different times: the later entry wins wherever it was made.
    recordRollCall(a, id, s.ids[0]!, 'for', at(22), 'A')
    recordRollCall(b, id, s.ids[0]!, 'against', at(21), 'B')
    // Member 2: the same instant (written two ways) on two devices: the greater entry id wins.
    const e1 = recordRollCall(b, id, s.ids[1]!, 'for', at(23), 'B')
    const e2 = recordRollCall(c, id, s.ids[1]!, 'against', at(23).replace('.000Z', 'Z'), 'C')
    // Member 3: one device only.
    recordRollCall(c, id, s.ids[2]!, 'abstain', at(24), 'C')
    // Before syncing, each device decides from what it has.
    expect(readVote(b, id)?.decisions.find((d) => d.memberId === s.ids[0])?.choice).toBe('against')
    syncAll(a, b, c)
    const tieWinner = e1 > e2 ? 'for' : 'against'
    for (const doc of [a, b, c]) {
      const vote = readVote(doc, id)!
      expect(vote.decisions.map((d) => [d.memberId, d.choice])).toEqual([
        [s.ids[0], 'for'],
        [s.ids[1], tieWinner],
        [s.ids[2], 'abstain'],
      ])
      expect(vote.decisions[0]?.conflicting.map((e) => e.device)).toEqual(['B'])
      expect(voteInput(doc, id, SETTINGS)).toEqual(voteInput(a, id, SETTINGS))
    }
  })
})

describe('secret ballot', () => {
  const CAST: Choice[] = ['for', 'for', 'for', 'against', 'against', 'abstain']

  /** Six voters check off in order m1…m6, each casting CAST[i] into a local box; then the close. */
  function secretVote(seed: number) {
    seedRandom(seed)
    const s = inSession({ n: 6, clientID: 1 })
    const id = voteOn(s, 'secret')
    const box: Choice[] = []
    s.ids.forEach((m, i) => {
      checkOffVoter(s.doc, id, m)
      box.push(CAST[i]!)
    })
    return { s, id, box }
  }

  it('keeps ballots out of the document while voting, and seals them without voter or time', () => {
    const { s, id, box } = secretVote(1)
    const json = JSON.stringify(s.doc.getMap('votes').toJSON())
    expect(json).not.toContain('"choice"')
    expect(readVote(s.doc, id)?.checkedOff).toEqual(s.ids)
    const result = evaluate(s.doc, id, box)
    expect(result.counts).toMatchObject({ for: 3, against: 2, abstain: 1 })
    closeVote(s.doc, id, { ballots: box, result }, at(30))
    const stored = storedBallots(s.doc, id)
    expect(stored).toHaveLength(6)
    for (const b of stored) {
      expect(b.key).toMatch(/^[0-9a-f]{32}$/)
      expect(Object.keys(b.value as object)).toEqual(['choice'])
    }
    const sealedJson = JSON.stringify((s.doc.getMap('votes').get(id) as Y.Map<unknown>).get('ballots'))
    for (const m of s.ids) expect(sealedJson).not.toContain(m)
    expect(sealedJson).not.toContain('2025-')
    // All ballots in one transaction, after every check-off: consecutive clocks, so timing tells nothing.
    const clocks = stored.map((b) => b.clock)
    expect(clocks).toEqual(clocks.map((_, i) => clocks[0]! + i))
    expect(Math.min(...clocks)).toBeGreaterThan(Math.max(...checkOffClocks(s.doc, id).map((c) => c.clock)))
    expect(readVote(s.doc, id)?.ballotCounts).toEqual({ for: 3, against: 2, abstain: 1 })
    // Another replica reads the same.
    expect(readVote(replicaOf(s.doc, 9), id)?.ballotCounts).toEqual({ for: 3, against: 2, abstain: 1 })
  })

  it('stores the ballots in an order unrelated to the casting order and the check-offs, across seeds', () => {
    const sequences = new Set<string>()
    let sameAsCast = 0
    let matches = 0
    const SEEDS = 40
    for (let seed = 1; seed <= SEEDS; seed++) {
      const { s, id, box } = secretVote(seed)
      closeVote(s.doc, id, { ballots: box, result: evaluate(s.doc, id, box) }, at(30))
      // What a replica receiving the update sees, in write order.
      const remote = replicaOf(s.doc, 50)
      const order = storedBallots(remote, id).map((b) => (b.value as { choice: Choice }).choice)
      expect([...order].sort()).toEqual([...CAST].sort())
      sequences.add(order.join(','))
      if (order.join() === CAST.join()) sameAsCast++
      // Pair the i-th check-off with the i-th stored ballot: how often does it reveal the voter's choice?
      const checkOffs = checkOffClocks(remote, id).map((c) => s.ids.indexOf(c.memberId as MemberId))
      matches += checkOffs.filter((voter, i) => CAST[voter] === order[i]).length
    }
    // 60 orders are possible; a shuffle that followed the casting or check-off order would give one.
    expect(sequences.size).toBeGreaterThan(15)
    expect(sameAsCast).toBeLessThanOrEqual(3)
    // Unshuffled, every pairing would match (6 per vote); at random about 2.3 of 6 do.
    expect(matches / (SEEDS * 6)).toBeLessThan(0.55)
  })

  it('refuses more ballots than voters checked off, a second check-off, a non-eligible voter', () => {
    const s = inSession({ n: 5, present: 4 })
    const id = voteOn(s, 'secret')
    checkOffVoter(s.doc, id, s.ids[0]!)
    checkOffVoter(s.doc, id, s.ids[1]!)
    expect(expectDocError(() => checkOffVoter(s.doc, id, s.ids[1]!), 'alreadyVoted').detail).toEqual({ memberId: s.ids[1] })
    expectDocError(() => checkOffVoter(s.doc, id, s.ids[4]!), 'notEligible') // not present at the opening
    const box: Choice[] = ['for', 'for', 'against']
    const before = stateOf(s.doc)
    expect(expectDocError(() => closeVote(s.doc, id, { ballots: box, result: evaluate(s.doc, id, box) }, at(30)), 'ballotsExceedVoters').detail).toEqual({
      ballots: 3,
      checkedOff: 2,
    })
    expect(stateOf(s.doc)).toEqual(before)
    // Fewer ballots than check-offs (a ballot lost) closes, the difference shows as not voted.
    const result = evaluate(s.doc, id, ['for'])
    expect(result.counts.notVoted).toBe(3)
    closeVote(s.doc, id, { ballots: ['for'], result }, at(30))
  })
})

describe('entries arriving after the close', () => {
  it('a roll-call entry from a device that was offline shows as late, outside the frozen result', () => {
    const s = inSession({ n: 5, clientID: 1 })
    const id = voteOn(s, 'roll_call')
    const a = s.doc
    const b = replicaOf(a, 2)
    recordRollCall(a, id, s.ids[0]!, 'for', at(21))
    recordRollCall(a, id, s.ids[1]!, 'for', at(22))
    recordRollCall(b, id, s.ids[2]!, 'against', at(23)) // before the close, but never reached it
    const result = evaluate(a, id)
    closeVote(a, id, { ballots: [], result }, at(25))
    recordRollCall(b, id, s.ids[3]!, 'against', at(27)) // b still thinks the vote is open
    syncAll(a, b)
    for (const doc of [a, b]) {
      const vote = readVote(doc, id)!
      expect(vote.closedAt).toBe(at(25))
      expect(vote.result).toEqual(result)
      expect(vote.decisions.map((d) => d.memberId)).toEqual([s.ids[0], s.ids[1]])
      expect(voteInput(doc, id, SETTINGS)?.counts).toEqual({ for: 2, against: 0, abstain: 0 })
      expect(lateEntries(doc, id)).toEqual([
        { source: 'rollCall', choice: 'against', memberId: s.ids[2], receivedAt: at(23) },
        { source: 'rollCall', choice: 'against', memberId: s.ids[3], receivedAt: at(27) },
      ])
      expect(vote.rollCall).toHaveLength(4) // never dropped
    }
  })

  it('ballots and check-offs from a second device closing the same vote show as late on every replica', () => {
    seedRandom(3)
    const s = inSession({ n: 5, clientID: 1 })
    const id = voteOn(s, 'secret')
    const a = s.doc
    const b = replicaOf(a, 2)
    checkOffVoter(a, id, s.ids[0]!)
    checkOffVoter(a, id, s.ids[1]!)
    closeVote(a, id, { ballots: ['for', 'against'], result: evaluate(a, id, ['for', 'against']) }, at(30))
    checkOffVoter(b, id, s.ids[2]!)
    closeVote(b, id, { ballots: ['abstain'], result: evaluate(b, id, ['abstain']) }, at(31))
    syncAll(a, b)
    const reads = [a, b].map((doc) => ({ vote: readVote(doc, id)!, late: lateEntries(doc, id) }))
    expect(reads[1]).toEqual(reads[0])
    const { vote, late } = reads[0]!
    // One close wins on every replica; its result and what it sealed agree.
    const winnerBallots = vote.sealed!.ballots.length
    expect(vote.ballotCounts.for + vote.ballotCounts.against + vote.ballotCounts.abstain).toBe(winnerBallots)
    expect(vote.result?.counts).toMatchObject(vote.ballotCounts)
    // Nothing is lost: sealed + late ballots are all three; the other device's check-offs are late too.
    const lateBallots = late.filter((e) => e.source === 'ballot')
    expect(winnerBallots + lateBallots.length).toBe(3)
    expect(lateBallots.every((e) => e.memberId === null && e.receivedAt === null)).toBe(true)
    expect(late.filter((e) => e.source === 'checkOff').length).toBe(3 - vote.sealed!.checkedOff.length)
  })

  it('hands counts changed by an offline device after the close show as late', () => {
    const s = inSession({ n: 5, clientID: 1 })
    const id = voteOn(s, 'hands')
    const a = s.doc
    const b = replicaOf(a, 2) // the higher client id: its concurrent write wins the keys
    setHandsCounts(a, id, { for: 3, against: 1, abstain: 0 })
    const result = evaluate(a, id)
    closeVote(a, id, { ballots: [], result }, at(25))
    setHandsCounts(b, id, { for: 2, against: 2, abstain: 0 })
    syncAll(a, b)
    for (const doc of [a, b]) {
      expect(readVote(doc, id)?.result).toEqual(result)
      expect(voteInput(doc, id, SETTINGS)?.counts).toEqual({ for: 2, against: 2, abstain: 0 })
      expect(lateEntries(doc, id)).toEqual([{ source: 'hands', choice: null, memberId: null, receivedAt: null, counts: { for: 2, against: 2, abstain: 0 } }])
    }
  })

  it('recordLate keeps what a device finds after the close; refused while the vote is open', () => {
    const s = inSession({ n: 5 })
    const id = voteOn(s, 'secret')
    expectDocError(() => recordLate(s.doc, id, [{ choice: 'for', memberId: null }], at(30)), 'voteOpen')
    checkOffVoter(s.doc, id, s.ids[0]!)
    closeVote(s.doc, id, { ballots: ['for'], result: evaluate(s.doc, id, ['for']) }, at(30))
    recordLate(s.doc, id, [{ choice: 'against', memberId: null }], at(40))
    expect(lateEntries(s.doc, id)).toEqual([{ source: 'recorded', choice: 'against', memberId: null, receivedAt: at(40) }])
    expect(readVote(s.doc, id)?.ballotCounts).toEqual({ for: 1, against: 0, abstain: 0 })
  })
})

describe('a motion changed concurrently while its vote was open', () => {
  it('the vote still closes, freezing its result; the concurrent change to the motion stands', () => {
    const s = inSession({ n: 5, clientID: 1 })
    const main = debating(s, '原文')
    const amendment = proposeMotion(s.doc, { itemId: s.itemIds[0]!, proposerId: s.ids[2]!, text: '改文', parentId: main }, at(10))
    moveMotion(s.doc, amendment, 'debating', NO_SECONDING, at(11))
    const b = replicaOf(s.doc, 2) // the higher client id: its concurrent status wins
    moveMotion(b, main, 'withdrawn', SECONDING, at(12)) // b withdraws the main motion and its amendment
    const id = openVote(s.doc, amendment, { method: 'hands', rule: 'simple_majority' }, at(13))
    setHandsCounts(s.doc, id, { for: 4, against: 1, abstain: 0 })
    const result = evaluate(s.doc, id)
    syncAll(s.doc, b)
    expect(readMotion(s.doc, amendment)?.status).toBe('withdrawn')
    closeVote(s.doc, id, { ballots: [], result }, at(20))
    syncAll(s.doc, b)
    for (const doc of [s.doc, b]) {
      expect(readVote(doc, id)).toMatchObject({ closedAt: at(20), result })
      expect(readMotion(doc, amendment)?.status).toBe('withdrawn')
      expect(readMotion(doc, main)).toMatchObject({ status: 'withdrawn', text: '原文' })
    }
    closeSession(s.doc, at(60))
  })
})

describe('reads tolerate damaged data', () => {
  it('skips garbled entries', () => {
    const s = inSession({ n: 3 })
    const id = voteOn(s, 'roll_call')
    recordRollCall(s.doc, id, s.ids[0]!, 'for', at(21))
    const v = s.doc.getMap('votes').get(id) as Y.Map<unknown>
    ;(v.get('rollCall') as Y.Map<unknown>).set('bad', { memberId: s.ids[1], choice: 'perhaps', at: at(22) })
    ;(v.get('rollCall') as Y.Map<unknown>).set('worse', 7)
    v.set('handsCounts', 'lots')
    s.doc.getMap('votes').set('junk', 'not a vote')
    expect(readVote(s.doc, id)?.decisions.map((d) => d.memberId)).toEqual([s.ids[0]])
    expect(readVote(s.doc, id)?.handsCounts).toEqual({ for: 0, against: 0, abstain: 0 })
    expect(readVote(s.doc, 'junk' as VoteId)).toBeNull()
    expect(voteInput(s.doc, 'nope' as VoteId, SETTINGS)).toBeNull()
    expect(lateEntries(s.doc, 'nope' as VoteId)).toEqual([])
  })
})
