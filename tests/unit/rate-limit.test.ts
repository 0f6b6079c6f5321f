// The token buckets of the phone ballot endpoints (src/server/rateLimit.ts): bursts, refill, the
// wait they announce, and memory that stays bounded whatever the number of keys.
import { describe, expect, it } from 'vitest'
import { RateLimiter } from '../../src/server/rateLimit'

function clock() {
  let t = 1_000_000
  return { now: () => t, advance: (ms: number) => void (t += ms) }
}

describe('RateLimiter', () => {
  it('allows a burst, then one request per refill interval', () => {
    const c = clock()
    const r = new RateLimiter({ burst: 3, perSecond: 0.5 }, 100, c.now)
    expect([r.take('a'), r.take('a'), r.take('a'), r.take('a')]).toEqual([true, true, true, false])
    expect(r.retryAfter('a')).toBe(2)
    c.advance(1_999)
    expect(r.take('a')).toBe(false)
    c.advance(1)
    expect(r.take('a')).toBe(true)
    expect(r.take('a')).toBe(false)
    // Keys are independent.
    expect(r.take('b')).toBe(true)
    // A long pause refills up to the burst, never beyond.
    c.advance(3_600_000)
    expect([r.take('a'), r.take('a'), r.take('a'), r.take('a')]).toEqual([true, true, true, false])
  })

  it('has() looks without taking', () => {
    const r = new RateLimiter({ burst: 1, perSecond: 1 }, 100, clock().now)
    expect(r.has('a')).toBe(true)
    expect(r.has('a')).toBe(true)
    expect(r.take('a')).toBe(true)
    expect(r.has('a')).toBe(false)
    expect(r.retryAfter('a')).toBe(1)
  })

  it('keeps at most maxKeys keys: idle (full) buckets go first, then the least recently used', () => {
    const c = clock()
    const r = new RateLimiter({ burst: 2, perSecond: 1 }, 50, c.now)
    for (let i = 0; i < 10_000; i++) r.take(`k${i}`)
    expect(r.size).toBe(50)
    // The most recent keys are the ones kept: k9999 remembers the token it spent.
    r.take('k9999')
    expect(r.take('k9999')).toBe(false)
    c.advance(5_000)
    for (let i = 0; i < 49; i++) r.take(`fresh${i}`)
    expect(r.size).toBe(50)
  })

  it('refuses limits that are not positive', () => {
    expect(() => new RateLimiter({ burst: 0, perSecond: 1 })).toThrow()
    expect(() => new RateLimiter({ burst: 1, perSecond: 0 })).toThrow()
    expect(() => new RateLimiter({ burst: 1, perSecond: Number.NaN })).toThrow()
  })
})
