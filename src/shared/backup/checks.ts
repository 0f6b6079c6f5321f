// Small shape checks the backup file and its sealed keys share: exact keys, canonical base64url.

const BASE64URL = /^[A-Za-z0-9_-]+$/
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** A plain object whose own keys are exactly `keys`. */
export function isObjectWithKeys<K extends string>(value: unknown, keys: readonly K[]): value is Record<K, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false
  const own = Object.keys(value)
  return own.length === keys.length && keys.every((k) => Object.prototype.hasOwnProperty.call(value, k))
}

/**
 * Unpadded base64url with one spelling per byte string: the unused low bits of the last
 * character must be zero (fromBase64Url would ignore them, so two texts could mean one update).
 */
export function isCanonicalBase64Url(value: unknown): value is string {
  if (typeof value !== 'string' || !BASE64URL.test(value)) return false
  const rest = value.length % 4
  if (rest === 1) return false
  const last = ALPHABET.indexOf(value[value.length - 1]!)
  return rest === 0 || (last & (rest === 2 ? 0x0f : 0x03)) === 0
}
