// The meeting record (会议记录) as plain JSON: what the minutes show, seal and export. Built only
// from what the meeting document recorded (model.ts); every list in a fixed, documented order.
import type { AttendanceStatus, PresenceKind } from '../domain/attendance'
import type { ThresholdRule } from '../domain/council'
import type { ProposalSource } from '../domain/meeting'
import type { MemberRole } from '../domain/member'
import type { MotionStatus } from '../domain/motion'
import type { Stance } from '../domain/speaking'
import type { VoteResult } from '../domain/votes'

export const MINUTES_SCHEMA = 'yishi.minutes/1'

/** A person named from the meeting's roster of the day (or its observers); name null when neither knows the id. */
export interface PersonRef {
  id: string
  name: string | null
}

export interface AttendanceEntry {
  memberId: string
  name: string
  role: MemberRole
  /** unknown: never signed in (shown as not recorded, not as absent). */
  status: AttendanceStatus
  /** The reason for leave (请假); empty otherwise. */
  reason: string
  /** Late arrivals and early departures, oldest first. */
  events: { kind: PresenceKind; at: string }[]
}

export interface AttendanceSummary {
  /** Voting members on the roster of the day (observers on the register excluded). */
  expected: number
  present: number
  leave: number
  absent: number
  notRecorded: number
  /** Voting members, in roster order (name, then id). */
  members: AttendanceEntry[]
}

export interface ObserverEntry {
  /** member: on the register with role observer; guest: added to this meeting as 列席. */
  kind: 'member' | 'guest'
  id: string
  name: string
  note: string
}

export interface SpeechEntry {
  id: string
  speaker: PersonRef
  speakerKind: 'member' | 'observer' | 'unknown'
  stance: Stance
  summary: string
  startedAt: string
  endedAt: string | null
  seconds: number | null
}

export interface VoteEntry {
  id: string
  method: 'hands' | 'roll_call' | 'secret'
  rule: ThresholdRule
  openedAt: string
  closedAt: string | null
  /** Voters eligible when the vote opened (present, not recused). */
  eligible: number
  /** The announced result exactly as frozen at close (counts, denominator, outcome, reasons); null while open. */
  result: VoteResult | null
  /** Roll call (记名): each member's decided choice as sealed at close, in member-id order; empty for the other methods. */
  rollCall: { member: PersonRef; choice: 'for' | 'against' | 'abstain' }[]
  /**
   * Ballots from phones (手机投票), present only when the vote took them: how many the host
   * accepted, and the receipts it gave (sorted; each unrelated to the voter and the choice), so a
   * resident can still find theirs in the published minutes.
   */
  phone?: { ballots: number; receipts: string[] }
  /** Cancelled while open (no result announced): who, why, when. Present only on a cancelled vote. */
  cancelled?: VoteNoteEntry
  /** Corrections recorded after the announcement, oldest first (the last stands); `result` stays as announced. */
  corrections?: (VoteNoteEntry & { id: string; counts: { for: number; against: number; abstain: number }; result: VoteResult })[]
  /** A re-vote: the earlier vote of the same motion it repeats, who ordered it and why. */
  revoteOf?: VoteNoteEntry & { voteId: string }
}

export interface VoteNoteEntry {
  by: string
  reason: string
  at: string
}

export interface MotionEntry {
  id: string
  proposer: PersonRef
  seconders: PersonRef[]
  text: string
  status: MotionStatus
  createdAt: string
  /** Every wording, oldest first; amendmentId names the adopted amendment that produced it. */
  textVersions: { text: string; at: string; amendmentId: string | null }[]
  speeches: SpeechEntry[]
  votes: VoteEntry[]
  /** Amendments to this motion, by their order keys (always empty on an amendment). */
  amendments: MotionEntry[]
  /** The resolution's follow-up (决议: who implements it, by when), as the secretary wrote it; null when not given. */
  resolution: { implementer: string; due: string } | null
}

export interface RecusalEntry {
  member: PersonRef
  reason: string
  at: string
}

export interface AgendaEntry {
  id: string
  title: string
  description: string
  proposer: string
  source: ProposalSource
  recusals: RecusalEntry[]
  motions: MotionEntry[]
  /** The secretary's account of the discussion of this item (a Y.Text in the meeting document). */
  notes: string
}

export interface MeetingRecord {
  schema: typeof MINUTES_SCHEMA
  council: { id: string; name: string; community: string; street: string }
  /** noticedAt: when the notice (通知) was issued, ISO instant; null if never. */
  meeting: { id: string; title: string; startsAt: string; place: string; convener: string; noticedAt: string | null }
  /** The roster members with role chair / recorder (first by roster order), if any. */
  chair: PersonRef | null
  recorder: PersonRef | null
  attendance: AttendanceSummary
  observers: ObserverEntry[]
  session: {
    signInStartedAt: string | null
    openedAt: string | null
    quorumMet: boolean | null
    quorumOverride: { by: string; reason: string; at: string } | null
    closedAt: string | null
  }
  agenda: AgendaEntry[]
  /** The secretary's general narrative (会议概况 and anything not tied to an item). */
  narrative: string
}

// Defined beside their accessors in doc/minutes.ts (doc/ imports no minutes/), part of the record.
export type { Objection, PublicNotice } from '../doc/minutes'
