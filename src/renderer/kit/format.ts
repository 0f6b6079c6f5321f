// Dates, times and numbers through Intl in the chosen language.
import { isIsoDate, isLocalDateTime } from '../../shared/domain/dates'
import { areaToText } from '../../shared/domain/member'

const dateCache = new Map<string, Intl.DateTimeFormat>()
function fmt(lang: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = lang + JSON.stringify(opts)
  let f = dateCache.get(key)
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { ...opts, timeZone: 'UTC' })
    dateCache.set(key, f)
  }
  return f
}

// Wall-clock values are formatted as UTC so the device's time zone never shifts them.
const asUtc = (date: string, time = '00:00') => new Date(`${date}T${time}:00Z`)

export function formatDate(lang: string, isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate
  return fmt(lang, { year: 'numeric', month: 'long', day: 'numeric' }).format(asUtc(isoDate))
}

export function formatDateTime(lang: string, local: string): string {
  if (!isLocalDateTime(local)) return local
  return fmt(lang, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: '2-digit', minute: '2-digit', hour12: false }).format(
    asUtc(local.slice(0, 10), local.slice(11, 16)),
  )
}

export function formatArea(lang: string, centi: number | null): string {
  if (centi === null) return ''
  return new Intl.NumberFormat(lang, { minimumFractionDigits: 0, maximumFractionDigits: 2 }).format(Number(areaToText(centi)))
}

export const formatNumber = (lang: string, n: number): string => new Intl.NumberFormat(lang).format(n)

/** A moment (ISO instant) in this device's time zone: the time alone if today, else date and time. */
export function formatMoment(lang: string, iso: string, now = new Date()): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  const sameDay = d.toDateString() === now.toDateString()
  const opts: Intl.DateTimeFormatOptions = sameDay
    ? { hour: '2-digit', minute: '2-digit', hour12: false }
    : { year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }
  return new Intl.DateTimeFormat(lang, opts).format(d)
}

/**
 * A moment (ISO instant) with its full date, in this device's time zone: "2026年12月1日 09:30"
 * (en: "December 1, 2026 at 09:30"). The one form for a trail (history, issued at, closed at), so
 * a date never reads 2026/12/1 beside 2026年12月12日.
 */
export function formatInstant(lang: string, iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false }).format(d)
}

/** The time of a moment (ISO instant) alone, in this device's time zone: "09:30". */
export function formatTime(lang: string, iso: string): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hour12: false }).format(d)
}

/** A calendar day without its year, for a chart's axis: "12月7日" (en: "Dec 7"). */
export function formatDayMonth(lang: string, isoDate: string): string {
  if (!isIsoDate(isoDate)) return isoDate
  return fmt(lang, { month: 'short', day: 'numeric' }).format(asUtc(isoDate))
}
