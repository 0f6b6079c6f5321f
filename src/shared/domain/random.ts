// Unbiased randomness from the platform's CSPRNG: ballot ids and the shuffle that separates a
// secret ballot from the order it was cast in. Tests replace crypto.getRandomValues to seed it.
import { randomBytes } from '../runtime'

/** `bytes` random bytes as lower-case hex (16 bytes: a 128-bit id). */
export function randomHex(bytes = 16): string {
  return [...randomBytes(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** A uniform integer in [0, n), by rejection sampling (no modulo bias). */
export function randomIndex(n: number): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > 0x1_0000_0000) throw new RangeError(`randomIndex(${n})`)
  const limit = Math.floor(0x1_0000_0000 / n) * n
  for (;;) {
    const b = randomBytes(4)
    const v = ((b[0] ?? 0) * 0x100_0000 + ((b[1] ?? 0) << 16) + ((b[2] ?? 0) << 8) + (b[3] ?? 0)) >>> 0
    if (v < limit) return v % n
  }
}

/** A uniformly shuffled copy (Fisher–Yates). */
export function shuffled<T>(list: readonly T[]): T[] {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1)
    const t = out[i] as T
    out[i] = out[j] as T
    out[j] = t
  }
  return out
}
