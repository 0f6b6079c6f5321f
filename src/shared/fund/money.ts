// Money of the community fund: integer fen (分) everywhere, never floating yuan. Parsing what a
// person typed (¥1,234.56, 1234.5, 100) into fen with exact rules, and formatting fen back to yuan.
// Arithmetic refuses anything that is not a safe integer, so a sum can never silently drift.

/** An amount in fen: a safe integer (may be negative only for corrections and balances). */
export type Fen = number

export const isFen = (v: unknown): v is Fen => typeof v === 'number' && Number.isSafeInteger(v)
/** A positive amount: what an income, a commitment, a payment or a budget must be. */
export const isPositiveFen = (v: unknown): v is Fen => isFen(v) && v > 0

export type MoneyError = 'required' | 'format' | 'fractionOfFen' | 'tooLarge' | 'negative'

export class MoneyOverflow extends Error {
  constructor() {
    super('money overflow: the result is not a safe integer of fen')
  }
}

/** a + b, refused (thrown) past the safe integers: a total that cannot be exact is never returned. */
export function addFen(a: Fen, b: Fen): Fen {
  const s = a + b
  if (!isFen(a) || !isFen(b) || !Number.isSafeInteger(s)) throw new MoneyOverflow()
  return s
}

export const subFen = (a: Fen, b: Fen): Fen => addFen(a, -b)

/** The sum of amounts, exact or thrown. */
export const sumFen = (amounts: Iterable<Fen>): Fen => {
  let s = 0
  for (const a of amounts) s = addFen(s, a)
  return s
}

// Digits as a person may type them: ASCII or full-width (a Chinese input method gives ０-９).
const toAscii = (s: string): string => s.replace(/[０-９．，－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))

/**
 * What a person typed, in yuan, as fen. Accepts an optional ¥/￥/元, thousands separators in
 * their places (1,234,567.80), up to two decimals; more decimals are refused unless they are zeros
 * (1.50 and 1.500 are the same; 1.505 is half a fen: refused, never rounded). Negative amounts only
 * when `allowNegative` (a correction).
 */
export function parseYuan(text: string, allowNegative = false): { ok: true; fen: Fen } | { ok: false; error: MoneyError } {
  let s = toAscii(text).replace(/\s+/g, '').replace(/^[¥￥]/, '').replace(/元$/, '')
  if (s === '') return { ok: false, error: 'required' }
  let sign = 1n
  if (s.startsWith('-')) {
    sign = -1n
    s = s.slice(1).replace(/^[¥￥]/, '')
  }
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/.exec(s)
  if (!m || (m[1] === undefined && !m[2])) return { ok: false, error: 'format' }
  const whole = (m[1] ?? '0').replace(/,/g, '')
  const frac = m[2] ?? ''
  if (/[1-9]/.test(frac.slice(2))) return { ok: false, error: 'fractionOfFen' }
  const fen = sign * (BigInt(whole) * 100n + BigInt(frac.slice(0, 2).padEnd(2, '0')))
  if (fen > BigInt(Number.MAX_SAFE_INTEGER) || fen < -BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: 'tooLarge' }
  if (fen < 0n && !allowNegative) return { ok: false, error: 'negative' }
  // -0 typed reads as 0.
  return { ok: true, fen: fen === 0n ? 0 : Number(fen) }
}

/** Fen as yuan with two decimals and thousands separators: 123456 → "1,234.56"; −5 → "-0.05". */
export function formatYuan(fen: Fen, grouping = true): string {
  if (!isFen(fen)) throw new MoneyOverflow()
  const neg = fen < 0
  const abs = BigInt(Math.abs(fen))
  const whole = (abs / 100n).toString()
  const cents = (abs % 100n).toString().padStart(2, '0')
  const grouped = grouping ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : whole
  return `${neg ? '-' : ''}${grouped}.${cents}`
}

/**
 * Fen as a number of yuan for a spreadsheet cell (Excel stores doubles; fen/100 is the double
 * nearest the exact value, which Excel shows with two decimals exactly). Never used for arithmetic.
 */
export const yuanForCell = (fen: Fen): number => fen / 100
