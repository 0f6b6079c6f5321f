// Calendar dates (YYYY-MM-DD) and local date-times (YYYY-MM-DDTHH:mm) as plain strings:
// a meeting happens at a wall-clock time in its community, whatever the device's zone.
export type IsoDate = string
export type LocalDateTime = string

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false
  const m = DATE.exec(value)
  if (!m) return false
  return validYmd(Number(m[1]), Number(m[2]), Number(m[3]))
}

export function isLocalDateTime(value: unknown): value is LocalDateTime {
  if (typeof value !== 'string') return false
  const m = DATETIME.exec(value)
  if (!m) return false
  return validYmd(Number(m[1]), Number(m[2]), Number(m[3])) && Number(m[4]) < 24 && Number(m[5]) < 60
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/

/** An ISO 8601 instant with its zone ("2025-03-10T11:30:00.000Z"): when something happened. */
export function isInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const m = INSTANT.exec(value)
  if (!m || !validYmd(Number(m[1]), Number(m[2]), Number(m[3]))) return false
  return Number(m[4]) < 24 && Number(m[5]) < 60 && Number(m[6] ?? 0) < 60 && !Number.isNaN(Date.parse(value))
}

/** Milliseconds of an instant, so "…09:00:00Z" and "…09:00:00.000Z" compare equal; NaN if unreadable. */
export const instantMs = (value: string): number => (isInstant(value) ? Date.parse(value) : Number.NaN)

function validYmd(y: number, mo: number, d: number): boolean {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  return d <= (days[mo - 1] ?? 0)
}

/** Adds whole years to a date, clamping 29 February to 28 February. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const ny = y + years
  const day = m === 2 && d === 29 && !isIsoDate(`${ny}-02-29`) ? 28 : d
  return `${String(ny).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

export const yearOf = (value: IsoDate | LocalDateTime): number => Number(value.slice(0, 4))
export const dateOf = (value: LocalDateTime): IsoDate => value.slice(0, 10)
