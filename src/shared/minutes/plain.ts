// A deep copy of a value as plain JSON that canonicalJson always accepts: what a synced document
// (or a hostile bundle) holds may carry NaN, lone surrogates, bigint or class instances, and the
// minutes must still assemble and seal without throwing.

const MAX_DEPTH = 64

/** Lone surrogates become U+FFFD, so the text has one UTF-8 encoding (I-JSON, RFC 7493). */
export function wellFormed(s: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 0xd800 || c > 0xdfff) continue
    if (c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      i++
      continue
    }
    out += s.slice(from, i) + '\uFFFD'
    from = i + 1
  }
  return from === 0 ? s : out + s.slice(from)
}

/**
 * Plain JSON of `value`: non-finite numbers, bigint, functions, symbols and undefined become null
 * (object members holding them are dropped); only plain objects and arrays are walked; anything
 * deeper than 64 levels becomes null.
 */
export function toPlainJson(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === 'boolean') return value
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string') return wellFormed(value)
  if (typeof value !== 'object' || depth >= MAX_DEPTH) return null
  if (Array.isArray(value)) return value.map((v: unknown) => toPlainJson(v, depth + 1))
  const proto = Object.getPrototypeOf(value) as unknown
  if (proto !== Object.prototype && proto !== null) return null
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const p = toPlainJson(v, depth + 1)
    if (p !== null || v === null) out[wellFormed(k)] = p
  }
  return out
}
