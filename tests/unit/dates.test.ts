// Calendar dates and local date-times: validation, adding years, slicing.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addYears, dateOf, isIsoDate, isLocalDateTime, yearOf } from '../../src/shared/domain/dates'

describe('isIsoDate', () => {
  it.each(['2024-01-15', '2024-02-29', '2000-02-29', '1900-01-01', '2200-12-31', '2023-12-31'])('accepts %s', (d) => {
    expect(isIsoDate(d)).toBe(true)
  })

  it.each([
    ['2023-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not a leap year'],
    ['2024-04-31', 'April has 30 days'],
    ['2024-13-01', 'month 13'],
    ['2024-00-10', 'month 0'],
    ['2024-01-00', 'day 0'],
    ['2024-1-5', 'missing zero padding'],
    ['2024/01/15', 'wrong separator'],
    ['2024-01-15T10:00', 'a date-time'],
    [' 2024-01-15', 'leading space'],
    ['1899-12-31', 'before 1900'],
    ['2201-01-01', 'after 2200'],
    ['', 'empty'],
  ])('rejects %s (%s)', (d) => {
    expect(isIsoDate(d)).toBe(false)
  })

  it('rejects values that are not strings', () => {
    for (const v of [null, undefined, 20240115, new Date('2024-01-15'), ['2024-01-15']]) expect(isIsoDate(v)).toBe(false)
  })
})

describe('isLocalDateTime', () => {
  it('accepts wall-clock times of a valid day', () => {
    expect(isLocalDateTime('2025-03-10T19:30')).toBe(true)
    expect(isLocalDateTime('2024-02-29T00:00')).toBe(true)
    expect(isLocalDateTime('2024-12-31T23:59')).toBe(true)
  })

  it('rejects impossible times, zones, seconds and bad days', () => {
    for (const v of ['2025-03-10T24:00', '2025-03-10T12:60', '2025-03-10T19:30:00', '2025-03-10T19:30Z', '2023-02-29T10:00', '2025-03-10 19:30', '2025-03-10', 42]) {
      expect(isLocalDateTime(v), String(v)).toBe(false)
    }
  })
})

describe('addYears', () => {
  it('adds whole years to an ordinary date', () => {
    expect(addYears('2024-01-15', 5)).toBe('2029-01-15')
    expect(addYears('2021-12-31', 5)).toBe('2026-12-31')
  })

  it('clamps 29 February to 28 February in a year without one', () => {
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28')
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28')
    expect(addYears('2096-02-29', 4)).toBe('2100-02-28') // 2100 is not a leap year
  })

  it('keeps 29 February when the target year is a leap year', () => {
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29')
    expect(addYears('1996-02-29', 4)).toBe('2000-02-29')
  })

  it('subtracts with a negative count', () => {
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28')
    expect(addYears('2030-06-01', -5)).toBe('2025-06-01')
  })

  it('always yields a valid date, in the target year, with the same month (property)', () => {
    const dateArb = fc
      .date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10))
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -50, max: 50 }), (date, years) => {
        const out = addYears(date, years)
        expect(isIsoDate(out)).toBe(true)
        expect(yearOf(out)).toBe(yearOf(date) + years)
        expect(out.slice(5, 7)).toBe(date.slice(5, 7))
        if (!date.endsWith('-02-29')) expect(out.slice(8)).toBe(date.slice(8))
      }),
    )
  })
})

describe('yearOf and dateOf', () => {
  it('read the year of a date or date-time and the date of a date-time', () => {
    expect(yearOf('2025-03-10')).toBe(2025)
    expect(yearOf('2025-03-10T19:30')).toBe(2025)
    expect(dateOf('2025-03-10T19:30')).toBe('2025-03-10')
  })
})
