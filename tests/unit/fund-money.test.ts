// Money of the community fund in integer fen: what a person types is parsed exactly (or refused,
// never rounded), formatted back the same, and sums are exact or refused.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addFen, formatYuan, MoneyOverflow, parseYuan, sumFen } from '../../src/shared/fund/money'

describe('yuan ↔ fen', () => {
  it('parses what secretaries type', () => {
    const cases: [string, number][] = [
      ['324600', 32_460_000],
      ['¥324,600.00', 32_460_000],
      ['1,234.5', 123_450],
      ['0.05', 5],
      ['.5', 50],
      ['12.', 1200],
      ['１２３．４５', 12_345],
      ['389900元', 38_990_000],
      ['1.500', 150],
      [' 7 ', 700],
    ]
    for (const [text, fen] of cases) expect(parseYuan(text)).toEqual({ ok: true, fen })
  })

  it('refuses a fraction of a fen, bad grouping, negatives and unsafe integers', () => {
    expect(parseYuan('1.505')).toEqual({ ok: false, error: 'fractionOfFen' })
    expect(parseYuan('0.001')).toEqual({ ok: false, error: 'fractionOfFen' })
    expect(parseYuan('')).toEqual({ ok: false, error: 'required' })
    expect(parseYuan('1,23.00')).toEqual({ ok: false, error: 'format' })
    expect(parseYuan('12a')).toEqual({ ok: false, error: 'format' })
    expect(parseYuan('.')).toEqual({ ok: false, error: 'format' })
    expect(parseYuan('-5')).toEqual({ ok: false, error: 'negative' })
    expect(parseYuan('-5', true)).toEqual({ ok: true, fen: -500 })
    expect(parseYuan('90071992547409.91')).toEqual({ ok: true, fen: Number.MAX_SAFE_INTEGER })
    expect(parseYuan('90071992547409.92')).toEqual({ ok: false, error: 'tooLarge' })
  })

  it('formats fen with two decimals and separators', () => {
    expect(formatYuan(32_460_000)).toBe('324,600.00')
    expect(formatYuan(5)).toBe('0.05')
    expect(formatYuan(-123_456)).toBe('-1,234.56')
    expect(formatYuan(123_456, false)).toBe('1234.56')
  })

  it('every safe amount formats and parses back to itself', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        expect(parseYuan(formatYuan(fen), true)).toEqual({ ok: true, fen })
        expect(parseYuan(formatYuan(fen, false), true)).toEqual({ ok: true, fen })
      }),
    )
  })

  it('sums are exact, or refused past the safe integers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e12, max: 1e12 }), { maxLength: 50 }), (xs) => {
        expect(BigInt(sumFen(xs))).toBe(xs.reduce((s, x) => s + BigInt(x), 0n))
      }),
    )
    expect(() => addFen(Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyOverflow)
    expect(() => addFen(0.5, 1)).toThrow(MoneyOverflow)
  })
})
