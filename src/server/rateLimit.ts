// Token buckets keyed by a string (an address, a code's hash), with bounded memory. Used by the
// phone ballot endpoints (ballots.ts); plain and clock-injectable so unit tests drive it.
//
// A bucket holds up to `burst` tokens and gains `perSecond` tokens a second. A key that has not
// been seen for long enough to refill completely is indistinguishable from a new one, so it is
// dropped; when more than `maxKeys` keys are still refilling, the least recently used are dropped
// (an attacker with that many addresses or codes gets fresh buckets, never unbounded memory).

export interface BucketRate {
  /** Tokens a full bucket holds: requests allowed at once. */
  burst: number
  /** Tokens regained per second. */
  perSecond: number
}

interface Bucket {
  tokens: number
  at: number
}

export class RateLimiter {
  /** Insertion order = least recently used first (a used key is moved to the end). */
  private readonly buckets = new Map<string, Bucket>()
  private readonly refillMs: number

  constructor(
    private readonly rate: BucketRate,
    private readonly maxKeys = 10_000,
    private readonly now: () => number = Date.now,
  ) {
    if (!(rate.burst >= 1) || !(rate.perSecond > 0) || !(maxKeys >= 1)) throw new Error('rate limits must be positive')
    this.refillMs = (rate.burst / rate.perSecond) * 1000
  }

  /** Takes one token of `key`; false (and nothing taken) when the bucket is empty. */
  take(key: string): boolean {
    const b = this.current(key)
    if (b.tokens < 1) return false
    b.tokens -= 1
    return true
  }

  /** Whether `key` has a token, without taking it. */
  has(key: string): boolean {
    return this.current(key).tokens >= 1
  }

  /** Seconds until `key` has a token again (0 when it has one). */
  retryAfter(key: string): number {
    const b = this.current(key)
    return b.tokens >= 1 ? 0 : Math.ceil((1 - b.tokens) / this.rate.perSecond)
  }

  /** Keys held (for tests of the memory bound). */
  get size(): number {
    return this.buckets.size
  }

  private current(key: string): Bucket {
    const t = this.now()
    const old = this.buckets.get(key)
    let b: Bucket
    if (old) {
      this.buckets.delete(key)
      b = { tokens: Math.min(this.rate.burst, old.tokens + ((t - old.at) / 1000) * this.rate.perSecond), at: t }
    } else {
      b = { tokens: this.rate.burst, at: t }
    }
    this.buckets.set(key, b)
    if (this.buckets.size > this.maxKeys) this.evict(t)
    return b
  }

  private evict(t: number): void {
    // Oldest first: a bucket idle for the whole refill time is full again, as good as absent.
    for (const [key, b] of this.buckets) {
      if (this.buckets.size <= this.maxKeys) return
      if (t - b.at >= this.refillMs) this.buckets.delete(key)
      else break
    }
    // Still too many refilling at once: drop the least recently used.
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.maxKeys) return
      this.buckets.delete(key)
    }
  }
}
