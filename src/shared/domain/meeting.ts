// Meetings, their agenda items and the meeting state machine of shared/domain.md section 2.
import type { AgendaItemId, CouncilId, MeetingId } from './ids'
import { isLocalDateTime, type LocalDateTime } from './dates'

export const MEETING_STATUSES = [
  'draft',
  'noticed',
  'in_session',
  'closed',
  'minutes_drafted',
  'signed',
  'published',
  'submitted',
  'accepted',
  'returned',
] as const
export type MeetingStatus = (typeof MEETING_STATUSES)[number]

const TRANSITIONS: Record<MeetingStatus, readonly MeetingStatus[]> = {
  draft: ['noticed'],
  noticed: ['in_session'],
  in_session: ['closed'],
  closed: ['minutes_drafted'],
  minutes_drafted: ['signed'],
  signed: ['published'],
  published: ['submitted'],
  submitted: ['accepted', 'returned'],
  accepted: [],
  returned: ['minutes_drafted'],
}

export function canTransition(from: MeetingStatus, to: MeetingStatus): boolean {
  return TRANSITIONS[from].includes(to)
}

/** The agenda is prepared while the meeting is a draft; after the notice it is fixed. */
export const canEditAgenda = (status: MeetingStatus): boolean => status === 'draft'

export const PROPOSAL_SOURCES = ['residents', 'council', 'higher_level'] as const
export type ProposalSource = (typeof PROPOSAL_SOURCES)[number]

export interface MeetingFields {
  title: string
  startsAt: LocalDateTime
  place: string
  convener: string
}

export interface Meeting extends MeetingFields {
  id: MeetingId
  councilId: CouncilId
  status: MeetingStatus
  createdAt: string
  noticedAt: string | null
}

export interface AgendaItemFields {
  title: string
  description: string
  proposer: string
  source: ProposalSource
  expectedMinutes: number
  attachments: string[]
}

export interface AgendaItem extends AgendaItemFields {
  id: AgendaItemId
  /** Fractional index: items sort by it, so concurrent reorders never duplicate an item. */
  order: string
}

export type MeetingError = 'titleRequired' | 'titleTooLong' | 'startsAtInvalid' | 'textTooLong'
export type AgendaError = 'titleRequired' | 'titleTooLong' | 'minutesInvalid' | 'textTooLong' | 'sourceInvalid' | 'attachmentInvalid'

export const MAX_TITLE = 200
export const MAX_TEXT = 5000

export function validateMeeting(m: MeetingFields): Partial<Record<keyof MeetingFields, MeetingError>> {
  const e: Partial<Record<keyof MeetingFields, MeetingError>> = {}
  if (!m.title.trim()) e.title = 'titleRequired'
  else if (m.title.length > MAX_TITLE) e.title = 'titleTooLong'
  if (!isLocalDateTime(m.startsAt)) e.startsAt = 'startsAtInvalid'
  if (m.place.length > MAX_TITLE) e.place = 'textTooLong'
  if (m.convener.length > MAX_TITLE) e.convener = 'textTooLong'
  return e
}

export function validateAgendaItem(i: AgendaItemFields): Partial<Record<keyof AgendaItemFields, AgendaError>> {
  const e: Partial<Record<keyof AgendaItemFields, AgendaError>> = {}
  if (!i.title.trim()) e.title = 'titleRequired'
  else if (i.title.length > MAX_TITLE) e.title = 'titleTooLong'
  if (i.description.length > MAX_TEXT) e.description = 'textTooLong'
  if (i.proposer.length > MAX_TITLE) e.proposer = 'textTooLong'
  if (!PROPOSAL_SOURCES.includes(i.source)) e.source = 'sourceInvalid'
  if (!Number.isInteger(i.expectedMinutes) || i.expectedMinutes < 1 || i.expectedMinutes > 600) e.expectedMinutes = 'minutesInvalid'
  if (i.attachments.length > 50 || i.attachments.some((a) => !a.trim() || a.length > MAX_TITLE)) e.attachments = 'attachmentInvalid'
  return e
}

/** Total expected length of an agenda, for the notice. */
export const agendaMinutes = (items: readonly Pick<AgendaItemFields, 'expectedMinutes'>[]): number =>
  items.reduce((sum, i) => sum + i.expectedMinutes, 0)

/**
 * Opening before the scheduled time (both wall-clock, YYYY-MM-DDTHH:mm, in the community's zone):
 * the screen warns and asks before opening. Unreadable values never warn.
 */
export const opensEarly = (startsAt: LocalDateTime, nowLocal: LocalDateTime): boolean =>
  isLocalDateTime(startsAt) && isLocalDateTime(nowLocal) && nowLocal < startsAt
