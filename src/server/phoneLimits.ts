// The rate limits of the phone ballot endpoints (token buckets, rateLimit.ts): per address, per
// voter code, and for failed code lookups per address; and the address itself, as the socket sees it.
import type { IncomingMessage } from 'node:http'
import { RateLimiter, type BucketRate } from './rateLimit'
import { PhoneError } from './phoneErrors'

export interface PhoneLimits {
  /** Every /ballot/api request, per client address. */
  perAddress: BucketRate
  /** Every request naming a well-formed voter code, per code (open polls included). */
  perCode: BucketRate
  /** Per address, taken only by failed lookups (invalid-code; forbidden seals). */
  failedLookups: BucketRate
  /** Keys each limiter remembers at most (least recently used dropped first). */
  maxTrackedKeys: number
}

/**
 * For a room where every phone may share one address (a hall behind one NAT). The ballot page
 * polls /open every 3 s (src/renderer/ballot/controller.ts POLL_MS): 0.33 requests/s per code,
 * under the code's rate, with the bursts left for casts and reloads.
 */
export const DEFAULT_PHONE_LIMITS: PhoneLimits = {
  // Behind one NAT a whole hall shares an address: 120 phones polling every 3 s are 40 a second.
  perAddress: { burst: 600, perSecond: 40 },
  perCode: { burst: 10, perSecond: 1 / 2 },
  // A hall behind one NAT shares an address: 200 mistyped codes at once, then one every 2 s.
  // Codes carry 80 random bits, so this bounds the work and the log, not the odds of a guess.
  failedLookups: { burst: 200, perSecond: 1 / 2 },
  maxTrackedKeys: 10_000,
}

/** Answers 'rate-limited' with the wait in Retry-After. */
export class RateLimited extends PhoneError {
  constructor(readonly retryAfter: number) {
    super('rate-limited')
  }
}

/** The three limiters of one ballot service. */
export class PhoneRateLimits {
  readonly perAddress: RateLimiter
  readonly perCode: RateLimiter
  readonly failures: RateLimiter
  // A flood is refused request by request but logged at most once a second.
  private rateLimitedLoggedAt = 0

  constructor(limits: PhoneLimits) {
    this.perAddress = new RateLimiter(limits.perAddress, limits.maxTrackedKeys)
    this.perCode = new RateLimiter(limits.perCode, limits.maxTrackedKeys)
    this.failures = new RateLimiter(limits.failedLookups, limits.maxTrackedKeys)
  }

  /** True at most once per `ms`: whether a refusal for rate may be logged now. */
  quietFor(ms: number): boolean {
    const t = Date.now()
    if (t - this.rateLimitedLoggedAt < ms) return false
    this.rateLimitedLoggedAt = t
    return true
  }
}

/** The client's address as the socket sees it (never X-Forwarded-For), IPv4-mapped form unwrapped. */
export function clientAddress(req: IncomingMessage): string {
  const a = req.socket.remoteAddress ?? 'unknown'
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a
}
