// A campaign's window on the community's calendar: calendar-day arithmetic, the community's day of
// an instant, when the window closes (end of the deadline day, community time) and its phase.
// Takes plain settings fields, so it imports nothing of campaign.ts (which re-exports it).
import { instantMs, type IsoDate } from './dates'

/** The settings a window is read from (CampaignSettings has them). */
export interface WindowDays {
  deadline: IsoDate
  /** The community's offset from UTC in minutes (480 in China). */
  utcOffsetMinutes: number
}

const DAY_MS = 86_400_000
const utcMidnight = (date: IsoDate): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))
const isoOfUtc = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10)

export const addDays = (date: IsoDate, days: number): IsoDate => isoOfUtc(utcMidnight(date) + days * DAY_MS)
/** Whole days from a to b (b − a); 0 for the same day. */
export const daysBetween = (a: IsoDate, b: IsoDate): number => Math.round((utcMidnight(b) - utcMidnight(a)) / DAY_MS)

/** The community's calendar day of an instant, or null when the instant is unreadable. */
export function localDateOf(instant: string, utcOffsetMinutes: number): IsoDate | null {
  const ms = instantMs(instant)
  return Number.isNaN(ms) ? null : isoOfUtc(ms + utcOffsetMinutes * 60_000)
}

/** The instant the window closes: midnight at the end of the deadline day, community time (ms since epoch). */
export const closesAtMs = (s: WindowDays): number => utcMidnight(s.deadline) + DAY_MS - s.utcOffsetMinutes * 60_000
export const closesAt = (s: WindowDays): string => new Date(closesAtMs(s)).toISOString()

export type CampaignPhase = 'notStarted' | 'open' | 'closed'

export interface WindowState {
  phase: CampaignPhase
  /** The community's day at `now`. */
  today: IsoDate
  /** Days of the window still to come, today included: 0 once closed; the whole window before it opens. */
  daysLeft: number
  closesAt: string
}

export function windowState(s: WindowDays & { start: IsoDate }, now: string): WindowState {
  const ms = instantMs(now)
  if (Number.isNaN(ms)) throw new RangeError('now is not an instant')
  const today = isoOfUtc(ms + s.utcOffsetMinutes * 60_000)
  const closed = ms >= closesAtMs(s)
  const phase: CampaignPhase = closed ? 'closed' : today < s.start ? 'notStarted' : 'open'
  const daysLeft = phase === 'closed' ? 0 : daysBetween(phase === 'open' ? today : s.start, s.deadline) + 1
  return { phase, today, daysLeft, closesAt: closesAt(s) }
}
