// Pure rules behind the session accessors: instants, who is present at an instant, the motion
// status machine, and the CSPRNG shuffle that separates secret ballots from their casting order.
import { afterEach, describe, expect, it, vi } from 'vitest'
import fc from 'fast-check'
import { isPresentAt, type PresenceEvent } from '../../src/shared/domain/attendance'
import { instantMs, isInstant } from '../../src/shared/domain/dates'
import { canMoveMotion, isOnFloor, MOTION_STATUSES } from '../../src/shared/domain/motion'
import { randomHex, randomIndex, shuffled } from '../../src/shared/domain/random'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('isInstant', () => {
  it.each(['2025-03-10T11:30:00.000Z', '2025-03-10T11:30:00Z', '2025-03-10T19:30:00+08:00', '2025-03-10T11:30Z', '2024-02-29T23:59:59.999Z'])('accepts %s', (v) => {
    expect(isInstant(v)).toBe(true)
  })
  it.each(['2025-03-10T11:30:00', '2025-03-10 11:30:00Z', '2025-02-29T11:30:00Z', '2025-03-10T24:00:00Z', '2025-03-10T11:60:00Z', 'now', '', 42, null])('refuses %j', (v) => {
    expect(isInstant(v)).toBe(false)
  })
  it('compares the same instant written two ways as equal', () => {
    expect(instantMs('2025-03-10T11:30:00Z')).toBe(instantMs('2025-03-10T19:30:00.000+08:00'))
    expect(instantMs('garbage')).toBeNaN()
  })
})

describe('isPresentAt', () => {
  const ev = (kind: 'arrive' | 'depart', minute: number, entryId = `e${minute}${kind}`): PresenceEvent => ({
    kind,
    at: new Date(Date.UTC(2025, 2, 10, 11, 30 + minute)).toISOString(),
    entryId,
  })
  const t = (minute: number) => new Date(Date.UTC(2025, 2, 10, 11, 30 + minute)).toISOString()

  it('only a member signed in as present can be present', () => {
    for (const status of ['leave', 'absent', 'unknown'] as const) expect(isPresentAt(status, [ev('arrive', 0)], t(10))).toBe(false)
    expect(isPresentAt('present', [], t(10))).toBe(true)
  })

  it('takes the last event at or before the instant, whatever order they are given in', () => {
    const events = [ev('arrive', 40), ev('depart', 20)]
    expect([t(0), t(19), t(20), t(39), t(40)].map((x) => isPresentAt('present', events, x))).toEqual([true, true, false, false, true])
    // A latecomer is absent before arriving.
    expect([t(5), t(10)].map((x) => isPresentAt('present', [ev('arrive', 10)], x))).toEqual([false, true])
  })

  it('settles two events at the same instant by entry id, on every ordering (property)', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray([ev('arrive', 10, 'a'), ev('depart', 10, 'b'), ev('depart', 5, 'c'), ev('arrive', 8, 'd')], { minLength: 4 }), (events) => {
        // At 10 the arrival 'a' and departure 'b' tie; 'b' sorts last and decides: absent.
        expect(isPresentAt('present', events, t(10))).toBe(false)
        expect(isPresentAt('present', events, t(9))).toBe(true)
        expect(isPresentAt('present', events, t(6))).toBe(false)
      }),
    )
  })

  it('ignores events with unreadable times and an unreadable instant', () => {
    expect(isPresentAt('present', [{ kind: 'depart', at: 'soon', entryId: 'x' }], t(10))).toBe(true)
    expect(isPresentAt('present', [], 'whenever')).toBe(false)
  })
})

describe('motion status machine', () => {
  it('allows exactly the transitions of domain.md 2.4', () => {
    const allowed = (rules: { secondingRequired: boolean }) =>
      MOTION_STATUSES.flatMap((from) => MOTION_STATUSES.filter((to) => canMoveMotion(from, to, rules)).map((to) => `${from}>${to}`))
    expect(allowed({ secondingRequired: true })).toEqual([
      'proposed>seconded',
      'proposed>withdrawn',
      'proposed>deferred',
      'seconded>debating',
      'seconded>withdrawn',
      'seconded>deferred',
      'debating>voting',
      'debating>withdrawn',
      'debating>deferred',
      'voting>passed',
      'voting>failed',
    ])
    expect(allowed({ secondingRequired: false })).toContain('proposed>debating')
    expect(MOTION_STATUSES.filter(isOnFloor)).toEqual(['proposed', 'seconded', 'debating', 'voting'])
  })
})

describe('randomness', () => {
  it('randomHex gives 128-bit lower-case hex ids', () => {
    const ids = new Set(Array.from({ length: 200 }, () => randomHex()))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/)
  })

  it('randomIndex stays in range and rejects biased draws', () => {
    const draws = [[0xff, 0xff, 0xff, 0xff], [0, 0, 0, 7]]
    vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(<T extends ArrayBufferView | null>(array: T): T => {
      ;(array as unknown as Uint8Array).set(draws.shift() ?? [0, 0, 0, 0])
      return array
    })
    // 0xffffffff is above the largest multiple of 3 below 2^32: drawn again, then 7 % 3.
    expect(randomIndex(3)).toBe(1)
    vi.restoreAllMocks()
    for (let i = 0; i < 500; i++) expect(randomIndex(7)).toBeLessThan(7)
    expect(() => randomIndex(0)).toThrow(RangeError)
  })

  it('shuffled returns a permutation and reaches every order of three', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 300; i++) {
      const out = shuffled(['a', 'b', 'c'])
      expect([...out].sort()).toEqual(['a', 'b', 'c'])
      seen.add(out.join(''))
    }
    expect(seen.size).toBe(6)
    expect(shuffled([])).toEqual([])
  })
})
