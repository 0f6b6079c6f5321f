// The one rule for a full ballot box (shared/domain/votes/ballotBox.ts) and the one rule for who is
// present now (shared/doc/attendance presentRows), as the booth, the phones' host and the screens use them.
import { describe, expect, it } from 'vitest'
import { ballotBoxFull, ballotBoxOf, ballotRoom, ballotsIn } from '../../src/shared/domain/votes'
import { presentRows } from '../../src/shared/doc/attendance'

const vote = (eligible: number, laptop: number, phones: number | null) => ({
  eligible: Array.from({ length: eligible }, (_, i) => `m${i}`),
  checkedOff: Array.from({ length: laptop }, (_, i) => `m${i}`),
  phone: phones === null ? null : { received: phones },
})

describe('the ballot box', () => {
  it('counts the laptop and the phones together, and is full at as many ballots as eligible voters', () => {
    expect(ballotsIn(ballotBoxOf(vote(5, 2, 1)))).toBe(3)
    expect(ballotRoom(ballotBoxOf(vote(5, 2, 1)))).toBe(2)
    expect(ballotBoxFull(ballotBoxOf(vote(5, 2, 2)))).toBe(false)
    expect(ballotBoxFull(ballotBoxOf(vote(5, 2, 3)))).toBe(true)
    expect(ballotBoxFull(ballotBoxOf(vote(5, 5, null)))).toBe(true)
  })

  it("takes the phones' host's own count when it is ahead of the document's", () => {
    expect(ballotBoxFull(ballotBoxOf(vote(5, 2, 1)))).toBe(false)
    expect(ballotBoxFull(ballotBoxOf(vote(5, 2, 1), 3))).toBe(true)
  })

  it('never answers negative room, even past full (two devices cast at once)', () => {
    expect(ballotRoom(ballotBoxOf(vote(3, 2, 4)))).toBe(0)
    expect(ballotBoxFull(ballotBoxOf(vote(0, 0, null)))).toBe(true)
  })
})

describe('present now', () => {
  const row = (counts: boolean, status: 'present' | 'absent' | 'leave' | 'unknown', kinds: ('arrive' | 'depart')[]) => ({
    counts,
    status,
    events: kinds.map((kind, i) => ({ kind, at: `2025-03-10T10:0${i}:00.000Z`, entryId: `e${i}` })),
  })

  it('keeps voting members signed in whose latest event is an arrival, or who have none', () => {
    const rows = [row(true, 'present', []), row(true, 'present', ['arrive', 'depart']), row(true, 'present', ['depart', 'arrive']), row(false, 'present', []), row(true, 'absent', [])]
    expect(presentRows(rows)).toEqual([rows[0], rows[2]])
  })
})
