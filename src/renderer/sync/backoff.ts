// When to try a lost connection again: a short, bounded, jittered backoff. In a community hall the
// Wi-Fi drops often; a laptop must be back within seconds of the network returning, and a dozen
// laptops must not all knock on the server in the same millisecond.

export interface Backoff {
  /** The delay after the first failure. */
  firstMs: number
  /** Each further failure multiplies the delay by this… */
  factor: number
  /** …up to this bound, never more. */
  maxMs: number
  /** Each delay is shortened by a random share of up to this fraction (0: none, 1: down to zero). */
  jitter: number
}

/** 0.5 s, 1 s, 2 s, 4 s, then every 5 s; each up to a quarter shorter at random. */
export const DEFAULT_BACKOFF: Backoff = { firstMs: 500, factor: 2, maxMs: 5_000, jitter: 0.25 }

/** The wait before the next attempt once `failures` attempts (≥ 1) have failed in a row. */
export function backoffDelay(failures: number, backoff: Backoff = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(failures))
  // Capped before it can grow without bound (factor ** 1000 is Infinity).
  const base = Math.min(backoff.maxMs, backoff.firstMs * backoff.factor ** Math.min(n - 1, 64))
  const jitter = Math.min(1, Math.max(0, backoff.jitter))
  return Math.round(base * (1 - jitter * Math.min(1, Math.max(0, random()))))
}
