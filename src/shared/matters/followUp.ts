// Follow-up (落实) of a resolution: an owner, a deadline, milestones with dates, notes and photos,
// and when it was completed. Status and overdue are derived from these and today's date, never stored.
import { isIsoDate, type IsoDate } from '../domain/dates'
import { daysBetween } from '../domain/campaign'
import { cmpStr, MAX_SHORT_TEXT } from './requests'

export interface FollowUpFields {
  /** Who answers for it (a person or a body, as the resolution names it). */
  owner: string
  deadline: IsoDate
}

export interface FollowUp extends FollowUpFields {
  matterId: string
  openedOn: IsoDate
  completedOn: IsoDate | null
}

export interface Milestone {
  id: string
  matterId: string
  title: string
  due: IsoDate
  doneOn: IsoDate | null
  note: string
  /** Fractional index: milestones are ordered by it, never moved in an array. */
  order: string
}

export interface FollowUpNote {
  id: string
  matterId: string
  on: IsoDate
  text: string
  at: string
  by: string
}

export type FollowUpStatus = 'notStarted' | 'inProgress' | 'overdue' | 'done'

export interface FollowUpState {
  status: FollowUpStatus
  /** Days past the deadline (0 when not overdue). */
  daysOverdue: number
  /** Milestones not done whose date has passed. */
  lateMilestones: Milestone[]
  done: number
  total: number
}

export type FollowUpError = 'required' | 'tooLong' | 'dateInvalid' | 'beforeOpened'

export function followUpErrors(f: FollowUpFields, openedOn: IsoDate): Partial<Record<keyof FollowUpFields, FollowUpError>> {
  const e: Partial<Record<keyof FollowUpFields, FollowUpError>> = {}
  if (!f.owner.trim()) e.owner = 'required'
  else if (f.owner.length > MAX_SHORT_TEXT) e.owner = 'tooLong'
  if (!isIsoDate(f.deadline)) e.deadline = 'dateInvalid'
  else if (f.deadline < openedOn) e.deadline = 'beforeOpened'
  return e
}

export function milestoneErrors(m: Pick<Milestone, 'title' | 'due' | 'doneOn'>, openedOn: IsoDate): Partial<Record<'title' | 'due' | 'doneOn', FollowUpError>> {
  const e: Partial<Record<'title' | 'due' | 'doneOn', FollowUpError>> = {}
  if (!m.title.trim()) e.title = 'required'
  else if (m.title.length > MAX_SHORT_TEXT) e.title = 'tooLong'
  if (!isIsoDate(m.due)) e.due = 'dateInvalid'
  if (m.doneOn !== null && !isIsoDate(m.doneOn)) e.doneOn = 'dateInvalid'
  else if (m.doneOn !== null && m.doneOn < openedOn) e.doneOn = 'beforeOpened'
  return e
}

export type CompletionRefusal = 'alreadyComplete' | 'milestonesOpen' | 'dateInvalid' | 'beforeOpened'

/** Why the follow-up cannot be marked complete on `on`: every milestone must be done first. */
export function completionRefusal(f: FollowUp, milestones: readonly Milestone[], on: IsoDate): CompletionRefusal | null {
  if (f.completedOn) return 'alreadyComplete'
  if (!isIsoDate(on)) return 'dateInvalid'
  if (on < f.openedOn) return 'beforeOpened'
  if (milestones.some((m) => m.matterId === f.matterId && m.doneOn === null)) return 'milestonesOpen'
  return null
}

export const byOrder = (a: Milestone, b: Milestone): number => cmpStr(a.order, b.order) || cmpStr(a.due, b.due) || cmpStr(a.id, b.id)

/** Where a follow-up stands on `today`: done, overdue (deadline passed, not done), in progress (a milestone done), or not started. */
export function followUpState(f: FollowUp, milestones: readonly Milestone[], today: IsoDate): FollowUpState {
  const mine = milestones.filter((m) => m.matterId === f.matterId).sort(byOrder)
  const done = mine.filter((m) => m.doneOn !== null).length
  const lateMilestones = f.completedOn ? [] : mine.filter((m) => m.doneOn === null && m.due < today)
  if (f.completedOn) return { status: 'done', daysOverdue: 0, lateMilestones, done, total: mine.length }
  if (today > f.deadline) return { status: 'overdue', daysOverdue: daysBetween(f.deadline, today), lateMilestones, done, total: mine.length }
  return { status: done > 0 ? 'inProgress' : 'notStarted', daysOverdue: 0, lateMilestones, done, total: mine.length }
}

/** Overdue follow-ups, the longest overdue first: what the council's home screen shows. */
export function overdueFollowUps(list: readonly FollowUp[], milestones: readonly Milestone[], today: IsoDate): { followUp: FollowUp; state: FollowUpState }[] {
  return list
    .map((followUp) => ({ followUp, state: followUpState(followUp, milestones, today) }))
    .filter((x) => x.state.status === 'overdue')
    .sort((a, b) => b.state.daysOverdue - a.state.daysOverdue || cmpStr(a.followUp.matterId, b.followUp.matterId))
}
