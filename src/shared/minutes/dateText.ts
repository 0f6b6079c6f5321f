// A calendar day as every printed document writes it ("2026年11月22日", "22 November 2026"): the
// minutes' layouts and the campaign notice call this one function, with its cached month names.
import { isIsoDate } from '../domain/dates'

const months = new Map<string, Intl.DateTimeFormat>()

/** The month's name ("November") in `lang`, for date patterns that spell it; cached, as Intl formatters are slow to make. */
export function monthName(lang: string, year: number, month: number): string {
  let f = months.get(lang)
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' })
    } catch {
      f = new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' })
    }
    months.set(lang, f)
  }
  return f.format(Date.UTC(year, month - 1, 1))
}

/** `value` (YYYY-MM-DD) in Arabic numerals through documents:format.date; null when it is not a calendar day. */
export function printedDate(t: (key: string, options?: Record<string, unknown>) => string, lang: string, value: string): string | null {
  if (!isIsoDate(value)) return null
  const [y, mo, d] = value.split('-').map(Number) as [number, number, number]
  return t('documents:format.date', { y, m: mo, d, month: monthName(lang, y, mo) })
}
