// Sign-in (签到) rules: a member's attendance status, arrivals and departures with their times,
// and who was present at a given instant — the headcount of each vote's quorum (domain.md 2.2).
import { instantMs } from './dates'

export const ATTENDANCE_STATUSES = ['present', 'leave', 'absent', 'unknown'] as const
/** present; leave: absent with leave (请假), with a reason; absent; unknown: not yet signed in. */
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number]

export const PRESENCE_KINDS = ['arrive', 'depart'] as const
export type PresenceKind = (typeof PRESENCE_KINDS)[number]

/** A late arrival or an early departure (or a return), each kept as its own entry. */
export interface PresenceEvent {
  kind: PresenceKind
  /** ISO 8601 instant. */
  at: string
  /** Unique per entry: orders two events of the same millisecond the same way on every device. */
  entryId: string
}

export const MAX_LEAVE_REASON = 200
export const MAX_OBSERVER_NAME = 60
export const MAX_OBSERVER_NOTE = 200

/** Oldest first: by instant, then by entryId (code-unit order), so every replica agrees. */
export function compareEvents(a: PresenceEvent, b: PresenceEvent): number {
  const ta = instantMs(a.at)
  const tb = instantMs(b.at)
  if (ta !== tb) return ta < tb ? -1 : 1
  return a.entryId < b.entryId ? -1 : a.entryId > b.entryId ? 1 : 0
}

/**
 * Whether a member was present at instant `at`. Only a member signed in as present can be.
 * The last event at or before `at` decides (arrive: present, depart: not); with none yet, a member
 * whose first event is an arrival came late and is not present before it, anyone else was there
 * from the start. Unreadable event times are ignored.
 */
export function isPresentAt(status: AttendanceStatus, events: readonly PresenceEvent[], at: string): boolean {
  if (status !== 'present') return false
  const t = instantMs(at)
  if (Number.isNaN(t)) return false
  const sorted = events.filter((e) => !Number.isNaN(instantMs(e.at))).sort(compareEvents)
  const before = sorted.filter((e) => instantMs(e.at) <= t)
  const last = before.at(-1)
  if (last) return last.kind === 'arrive'
  return sorted[0]?.kind !== 'arrive'
}
