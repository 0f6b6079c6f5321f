// What every printed document of the minutes is built from (layout.ts, layoutSummary.ts): the
// sources and options, the one formatter of dates, times, names and bidi-safe user text (Fmt), and
// the block makers. The wording rules that must agree between documents live here, once.
import { isLocalDateTime } from '../domain/dates'
import type { Block } from './blocks'
import { printedDate } from './dateText'
import type { MinutesAmendment, Signature } from './seal'
import type { MeetingRecord, MotionEntry, Objection, PersonRef, PublicNotice, VoteEntry } from './types'

export interface MinutesSources {
  record: MeetingRecord
  signatures: Signature[]
  sealedHash: string | null
  corrections: MinutesAmendment[]
  notice: PublicNotice | null
  objections: Objection[]
}

export interface LayoutOptions {
  /** An i18next t with namespace prefixes (documents:…, votes:…, session:…, common:…). */
  t: (key: string, options?: Record<string, unknown>) => string
  /** BCP 47 language of the text (zh-CN, zh-TW, en). */
  lang: string
  /** IANA zone for instants (ISO with Z); default the device's. Wall-clock times are never shifted. */
  timeZone?: string
}

export interface ReviewOpinion {
  councilName: string
  meetingTitle: string
  /** The meeting's wall-clock start, YYYY-MM-DDTHH:mm. */
  meetingStartsAt: string
  decision: 'accepted' | 'returned'
  comments: string
  reviewer: string
  office: string
  /** ISO instant. */
  reviewedAt: string
  bundleHash: string
  checklist: { id: string; status: 'pass' | 'fail' | 'warn' | 'na'; detail: Record<string, string | number> }[]
}

/** The checklist items and statuses that have labels (documents:review.check.<id>, review.status.<status>). */
export const REVIEW_CHECKS = ['quorum', 'threshold', 'recusals', 'signatures', 'notice', 'objections', 'meetingNotice'] as const
export const REVIEW_STATUSES = ['pass', 'fail', 'warn', 'na'] as const

// ---------------------------------------------------------------------------------------------
// Formatting: dates, names, lists, bidi-safe user text.

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/

/**
 * User text with bidi controls is wrapped in an isolate (FSI … PDI), so a name holding U+202E
 * cannot reverse the label or the numbers that follow it on the printed line. An unmatched PDI
 * inside would close the isolate early, so one more FSI is opened for each.
 */
export function isolate(s: string): string {
  if (!BIDI_CONTROLS.test(s)) return s
  let open = 0
  let unmatched = 0
  for (const c of s) {
    if (c === '\u2066' || c === '\u2067' || c === '\u2068') open++
    else if (c === '\u2069') {
      if (open > 0) open--
      else unmatched++
    }
  }
  return '\u2068'.repeat(unmatched + 1) + s + '\u2069'.repeat(open + 1)
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function zonedFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? ''
  let f = formatters.get(key)
  if (!f) {
    const options: Intl.DateTimeFormatOptions = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', numberingSystem: 'latn' }
    try {
      f = new Intl.DateTimeFormat('en-US', { ...options, timeZone })
    } catch {
      f = new Intl.DateTimeFormat('en-US', options) // an unknown zone: the device's
    }
    formatters.set(key, f)
  }
  return f
}

/** An instant as the wall-clock date and time of a zone; null when unreadable. */
function zoned(iso: string, timeZone: string | undefined): { date: string; time: string } | null {
  const ms = Date.parse(iso)
  if (!/T/.test(iso) || Number.isNaN(ms)) return null
  const parts = Object.fromEntries(zonedFormatter(timeZone).formatToParts(ms).map((p) => [p.type, p.value]))
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` }
}

export class Fmt {
  readonly t: LayoutOptions['t']
  readonly lang: string
  readonly tz: string | undefined
  /** The meeting's own date (YYYY-MM-DD): times on that day print without the date. */
  day = ''

  constructor(o: LayoutOptions) {
    this.t = o.t
    this.lang = o.lang
    this.tz = o.timeZone
  }

  /** YYYY-MM-DD in Arabic numerals ("2026年11月22日", "22 November 2026"). */
  date(value: string): string {
    return printedDate(this.t, this.lang, value) ?? isolate(value)
  }

  /** A wall-clock LocalDateTime (YYYY-MM-DDTHH:mm), as written, in no time zone. */
  local(value: string): string {
    return isLocalDateTime(value) ? this.t('documents:format.dateTime', { date: this.date(value.slice(0, 10)), time: value.slice(11, 16) }) : this.date(value)
  }

  /** An instant's date and time in the zone of the options. */
  instant(iso: string): string {
    const z = zoned(iso, this.tz)
    return z ? this.t('documents:format.dateTime', { date: this.date(z.date), time: z.time }) : isolate(iso)
  }

  /** An instant's date alone (YYYY-MM-DD) in the zone of the options, or null. */
  instantDate(iso: string | null): string | null {
    return iso ? (zoned(iso, this.tz)?.date ?? null) : null
  }

  /** An instant as its time when it falls on the meeting's day, else with its date. */
  time(iso: string): string {
    const z = zoned(iso, this.tz)
    if (!z) return isolate(iso)
    return z.date === this.day ? z.time : this.instant(iso)
  }

  duration(seconds: number | null): string {
    if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return this.t('documents:dash')
    const s = Math.round(seconds)
    const m = Math.floor(s / 60)
    return m > 0 ? this.t('documents:format.minutes', { m, s: s % 60 }) : this.t('documents:format.seconds', { s })
  }

  list(items: readonly string[]): string {
    return items.length ? items.join(this.t('documents:listSep')) : this.t('documents:none')
  }

  name(p: PersonRef | null): string {
    return p?.name ? isolate(p.name) : this.t('documents:unknownPerson')
  }

  /** Free text a person wrote, or a dash when empty. */
  text(s: string): string {
    return s.trim() ? isolate(s) : this.t('documents:dash')
  }

  /** Paragraphs of a narrative text: split on blank lines and line breaks, empty ones dropped. */
  paragraphs(s: string, indent = true): Block[] {
    return s
      .split(/\r\n|\r|\n|\u2028|\u2029/)
      .map((p) => p.trim())
      .filter((p) => p !== '')
      .map((p) => ({ kind: 'paragraph', text: isolate(p), indent }))
  }
}

export const field = (label: string, value: string): Block => ({ kind: 'field', label, value })
export const para = (text: string, indent = true): Block => ({ kind: 'paragraph', text, indent })
export const heading = (level: 1 | 2 | 3 | 4, number: string, text: string): Block => ({ kind: 'heading', level, number, text })

/** The last vote of a motion that has an announced result. */
export const lastResult = (m: MotionEntry): VoteEntry | undefined => m.votes.filter((v) => v.result !== null).at(-1)

export function sealBlock(f: Fmt, hash: string | null): Block[] {
  return hash ? [{ kind: 'seal', label: f.t('documents:seal.label'), hash, note: f.t('documents:seal.note') }] : []
}

export function draftMark(f: Fmt, sealedHash: string | null): string | null {
  return sealedHash ? null : f.t('documents:draft')
}

export const chairName = (f: Fmt, r: MeetingRecord): string => (r.chair ? f.name(r.chair) : f.text(r.meeting.convener))

// ---------------------------------------------------------------------------------------------
// 会议记录: the complete internal record.
