// The reconnect schedule (src/renderer/sync/backoff.ts): 0.5 s doubling to at most 5 s, each delay
// shortened by up to a quarter at random; and the network listener (network.ts) the sync manager
// reconnects on.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { backoffDelay, DEFAULT_BACKOFF } from '../../src/renderer/sync/backoff'
import { watchNetwork } from '../../src/renderer/sync/network'

describe('backoffDelay', () => {
  it('without jitter: 0.5 s, 1 s, 2 s, 4 s, then 5 s for ever', () => {
    const noJitter = () => 0
    expect([1, 2, 3, 4, 5, 6, 50, 10_000].map((n) => backoffDelay(n, DEFAULT_BACKOFF, noJitter))).toEqual([500, 1000, 2000, 4000, 5000, 5000, 5000, 5000])
  })

  it('jitter only ever shortens a delay, by at most a quarter', () => {
    expect(backoffDelay(1, DEFAULT_BACKOFF, () => 0.999999)).toBe(375)
    expect(backoffDelay(5, DEFAULT_BACKOFF, () => 0.5)).toBe(4375)
  })

  it('is always between three quarters of its step and 5 s, whatever the count and the random draw', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (failures, r) => {
        const d = backoffDelay(failures, DEFAULT_BACKOFF, () => r)
        const step = Math.min(5000, 500 * 2 ** (failures - 1))
        return Number.isInteger(d) && d <= 5000 && d <= step && d >= Math.floor(step * 0.75)
      }),
    )
  })

  it('treats a count below one as the first failure', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 0)).toBe(500)
    expect(backoffDelay(-3, DEFAULT_BACKOFF, () => 0)).toBe(500)
  })
})

describe('watchNetwork', () => {
  it("reports 'offline' and 'online' until stopped", () => {
    const target = new EventTarget()
    const seen: boolean[] = []
    const stop = watchNetwork(target, (online) => seen.push(online))
    target.dispatchEvent(new Event('offline'))
    target.dispatchEvent(new Event('online'))
    stop()
    target.dispatchEvent(new Event('offline'))
    expect(seen).toEqual([false, true])
  })
})
