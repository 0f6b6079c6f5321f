// Exact figures of a campaign as text: a rate in basis points as a percentage (never rounded up),
// money in fen as yuan, and yuan typed by a person read back as fen. Strings and integers only:
// nothing here goes through a floating-point number.
import { rateBasisPoints, type Rate } from '../domain/campaignSigning'

/** Basis points (hundredths of a percent, already rounded down) as a percentage without the sign: 9200 → "92", 9150 → "91.5", 8999 → "89.99". */
export function percentText(basisPoints: number): string {
  const whole = Math.floor(basisPoints / 100)
  const frac = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '')
  return frac ? `${whole}.${frac}` : String(whole)
}

/** A rate as a percentage without the sign, rounded down to hundredths; "0" for an empty roll. */
export const rateText = (rate: Rate): string => percentText(rateBasisPoints(rate) ?? 0)

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')

/** Fen as yuan with two decimals and grouped thousands: 123456 → "1,234.56", −50 → "-0.50". */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${group(String(Math.floor(abs / 100)))}.${String(abs % 100).padStart(2, '0')}`
}

/**
 * Yuan as a person types them ("12", "12.5", "1,200.05", "-30" when negatives are allowed) read as
 * whole fen; null when it is not a sum of money (more than two decimals, letters, empty).
 */
export function parseYuan(text: string, options: { allowNegative?: boolean } = {}): number | null {
  const s = text.normalize('NFKC').replace(/[,\s]/g, '').replace(/^¥|元$/g, '')
  const m = /^(-)?(\d{1,13})(?:\.(\d{1,2}))?$/.exec(s)
  if (!m || (m[1] && !options.allowNegative)) return null
  const fen = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))
  if (!Number.isSafeInteger(fen)) return null
  return m[1] ? -fen : fen
}
