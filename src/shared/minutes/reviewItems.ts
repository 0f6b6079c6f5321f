// The review checklist's vocabulary: item ids, statuses and details (codes the UI translates), the
// options, and the small helpers every check uses (review.ts, reviewVotes.ts).
import { instantMs } from '../domain/dates'
import { CHECKLIST_IDS, MAX_COMMENTS, REVIEW_FORMAT, type CHECK_STATUSES } from './shape'

export { CHECKLIST_IDS, MAX_COMMENTS, REVIEW_FORMAT }

export type ChecklistId = (typeof CHECKLIST_IDS)[number]
export type CheckStatus = (typeof CHECK_STATUSES)[number]
export interface ChecklistRef {
  itemId?: string
  motionId?: string
  voteId?: string
}
export interface ChecklistItem {
  id: ChecklistId
  status: CheckStatus
  /** Codes and figures for the UI (detail.reason names what is wrong); never a sentence. */
  detail: Record<string, string | number>
  ref?: ChecklistRef
}

export interface CheckOptions {
  /** YYYY-MM-DD, the reviewer's date. */
  today: string
  /**
   * The community's offset from UTC in minutes, to read the calendar date of an instant (the
   * notice issued, the submission). Default 480: China Standard Time (also Hong Kong, Macao,
   * Taiwan). The record's meeting time is a wall-clock time and carries no zone.
   */
  utcOffsetMinutes?: number
}

/** A notice (通知) 2–3 days ahead is the practice (domain.md 2.1): fewer than 2 calendar days warns. */
export const MEETING_NOTICE_DAYS = 2
export const DEFAULT_UTC_OFFSET_MINUTES = 480

export class ReviewError extends Error {
  constructor(readonly code: 'todayInvalid' | 'offsetInvalid' | 'commentsRequired' | 'commentsTooLong' | 'bundleInvalid' | 'reviewInvalid') {
    super(`review: ${code}`)
    this.name = 'ReviewError'
  }
}

export type Detail = ChecklistItem['detail']
export const item = (id: ChecklistId, status: CheckStatus, detail: Detail = {}, ref?: ChecklistRef): ChecklistItem => (ref ? { id, status, detail, ref } : { id, status, detail })
/** The problems found, or one item saying there were none. */
export const orPass = (id: ChecklistId, problems: ChecklistItem[], detail: Detail = {}): ChecklistItem[] => (problems.length ? problems : [item(id, 'pass', detail)])

export const DAY_MS = 86_400_000
/** Whole days since 1970-01-01 of a YYYY-MM-DD date (exact: UTC midnights are whole multiples of a day). */
export const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
/** The community's calendar date of an instant, or null when unreadable. */
export function localDate(instant: string, offsetMinutes: number): string | null {
  const ms = instantMs(instant)
  return Number.isNaN(ms) ? null : new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10)
}

export const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0
export const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
