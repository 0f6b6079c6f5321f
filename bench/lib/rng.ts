// Seeded randomness for the synthetic council history: a mulberry32 stream, and a way to make the
// app's own id and ballot randomness (crypto.randomUUID, crypto.getRandomValues, read through
// src/shared/runtime.ts at each call) replay from the same seed while the history is written.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [lo, hi] (both included). */
  int(lo: number, hi: number): number
  /** true with probability p. */
  chance(p: number): boolean
  pick<T>(list: readonly T[]): T
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(list: readonly T[]): T[]
  /** A 32-bit unsigned integer (a Yjs client id). */
  u32(): number
}

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: <T>(list: readonly T[]): T => {
      if (!list.length) throw new Error('pick from an empty list')
      return list[Math.floor(next() * list.length)] as T
    },
    shuffle: <T>(list: readonly T[]): T[] => {
      const out = [...list]
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        ;[out[i], out[j]] = [out[j] as T, out[i] as T]
      }
      return out
    },
    u32: () => Math.floor(next() * 4294967296) >>> 0,
  }
}

interface CryptoLike {
  randomUUID(): string
  getRandomValues<T extends ArrayBufferView | null>(array: T): T
}

/**
 * Replaces crypto.randomUUID and crypto.getRandomValues with the seeded stream until the returned
 * function is called. Web Crypto's subtle (hashes, Ed25519) is left alone.
 */
export function seedCrypto(rng: Rng): () => void {
  const c = globalThis.crypto as unknown as CryptoLike
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('')
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(0, 3)]}${hex(3)}-${hex(12)}`
  const values = <T extends ArrayBufferView | null>(array: T): T => {
    if (array) {
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
      for (let i = 0; i < bytes.length; i++) bytes[i] = rng.int(0, 255)
    }
    return array
  }
  Object.defineProperty(c, 'randomUUID', { value: uuid, configurable: true, writable: true })
  Object.defineProperty(c, 'getRandomValues', { value: values, configurable: true, writable: true })
  return () => {
    delete (c as Partial<CryptoLike>).randomUUID
    delete (c as Partial<CryptoLike>).getRandomValues
  }
}
