// What a vote looks like once read from the meeting document (votesRead.ts reads it, votes.ts
// writes it): the vote with its roll call, ballots, phones, seal, notes and corrections.
import type { ThresholdRule } from '../domain/council'
import type { MemberId, MotionId, VoteId } from '../domain/ids'
import type { BallotCounts, Choice, RollCallDecision, RollCallEntry, VoteResult } from '../domain/votes'
import type { OwnerFigureField } from './voteOwnersRead'

export const VOTE_METHODS = ['hands', 'roll_call', 'secret'] as const
export type VoteMethod = (typeof VOTE_METHODS)[number]

/** A roll-call entry as stored: every entry is kept; latestChoice decides each member's choice. */
export interface RollCallRecord extends RollCallEntry {
  /** The device that entered it (a label; defaults to the Yjs client id). */
  device: string
}

/** What was sealed at close: what the frozen result counted. Anything else that shows up is late. */
export interface Sealed {
  rollCall: string[]
  ballots: string[]
  checkedOff: string[]
  hands: BallotCounts
}

export interface Vote {
  id: VoteId
  motionId: MotionId
  method: VoteMethod
  rule: ThresholdRule
  openedAt: string
  closedAt: string | null
  /** Present and not recused when the vote opened, by id. */
  eligible: MemberId[]
  handsCounts: BallotCounts
  /** Every roll-call entry, newest first. */
  rollCall: RollCallRecord[]
  /** Each eligible member's decided choice (of the sealed entries once closed), with conflicts to confirm. */
  decisions: RollCallDecision<RollCallRecord>[]
  /** Secret ballot: who has voted, by id (never the order, never the choice). */
  checkedOff: MemberId[]
  /** Secret ballot: the sealed ballots' counts once closed (the ballots are not in the document before). */
  ballotCounts: BallotCounts
  /** The announced result, frozen at close. */
  result: VoteResult | null
  sealed: Sealed | null
  /** Ballots from phones (phoneVoting.ts), when the vote takes them. */
  phone: PhoneChannel | null
  /** Secret ballot, still open: the phone ballots the host has sealed into the document (choices only). */
  phoneBallots: Choice[]
  /** Cancelled while open (voteFixes.ts): who, why, when; closedAt is then set and result stays null. */
  cancelled: VoteNote | null
  /** Corrections recorded after the announcement, oldest first; the announced result stays as it was. */
  corrections: VoteCorrection[]
  /** A re-vote: the earlier vote on the same motion it repeats, and why. */
  revoteOf: (VoteNote & { voteId: VoteId }) | null
  /** Owners' rules, show of hands: the figures typed so far (areas in hundredths of m²). */
  ownerFigures: Partial<Record<OwnerFigureField, number>>
}

/** Who did something to a vote, why, and when (ISO instant). */
export interface VoteNote {
  by: string
  reason: string
  at: string
}

/** A correction of an announced result: the corrected counts and the result the rules give for them. */
export interface VoteCorrection extends VoteNote {
  id: string
  counts: BallotCounts
  result: VoteResult
}

export interface PhoneChannel {
  enabled: boolean
  /** Ballots the host has accepted so far. */
  received: number
  /** When the host wrote the phone ballots in; phones are refused from then on. */
  sealedAt: string | null
  /** The receipts phones were given, sorted; published with the result. */
  receipts: string[]
}

export interface LateEntry {
  /** rollCall / ballot / checkOff: found in the document but not sealed; recorded: added by recordLate; hands: counts changed after close. */
  source: 'rollCall' | 'ballot' | 'checkOff' | 'recorded' | 'hands'
  choice: Choice | null
  memberId: MemberId | null
  receivedAt: string | null
  counts?: BallotCounts
}
