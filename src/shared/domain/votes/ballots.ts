// Ballots to counts: roll call (记名) and secret ballot (无记名) choices, and the rule that decides
// a member's roll-call choice when two devices recorded it differently.

export const CHOICES = ['for', 'against', 'abstain'] as const
export type Choice = (typeof CHOICES)[number]

export interface BallotCounts {
  for: number
  against: number
  abstain: number
}

/** Counts ballots; a sum, so the order they were entered or synced in cannot matter. */
export function tallyBallots(ballots: readonly { choice: Choice }[]): BallotCounts {
  const counts: BallotCounts = { for: 0, against: 0, abstain: 0 }
  for (const b of ballots) {
    // A choice outside the three would be silently lost from the tally: fail loudly instead.
    if (!CHOICES.includes(b.choice)) throw new RangeError(`unknown ballot choice: ${String(b.choice)}`)
    counts[b.choice] += 1
  }
  return counts
}

export interface RollCallEntry {
  memberId: string
  choice: Choice
  /** When it was entered (ISO 8601 timestamp, from the entering device). */
  at: string
  /** Unique per entry: breaks ties between entries made in the same millisecond. */
  entryId: string
}

export interface RollCallDecision<E extends RollCallEntry = RollCallEntry> {
  memberId: string
  choice: Choice
  /** The entry that decided it. */
  decidedBy: E
  /** Every entry for this member, the deciding one first, then older ones. */
  entries: E[]
  /** Entries whose choice differs from the decided one: the UI shows them for the recorder to confirm. */
  conflicting: E[]
}

// Parsed instants, so "…T09:00:00Z" and "…T09:00:00.000Z" from two devices compare equal;
// an unreadable time sorts as oldest, so it can never override a readable later entry.
const instant = (at: string): number => {
  const t = Date.parse(at)
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t
}

/** Code-unit order, not locale order: every device must break a tie the same way. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Newest first: later `at`, then the greater entryId. Total, so the decision is order-independent. */
export function compareEntries(a: RollCallEntry, b: RollCallEntry): number {
  const ta = instant(a.at)
  const tb = instant(b.at)
  if (ta !== tb) return ta > tb ? -1 : 1
  return -cmp(a.entryId, b.entryId)
}

/**
 * Each member's roll-call choice: the latest entry wins (latest `at`; in a tie, the greater
 * entryId), whichever device it came from. Sorted by memberId so the result does not depend on
 * the order the entries arrived in. Pass the decisions to tallyBallots for the counts.
 */
export function latestChoice<E extends RollCallEntry>(entries: readonly E[]): RollCallDecision<E>[] {
  const byMember = new Map<string, E[]>()
  for (const e of entries) {
    const list = byMember.get(e.memberId)
    if (list) list.push(e)
    else byMember.set(e.memberId, [e])
  }
  return [...byMember.keys()].sort(cmp).map((memberId) => {
    const list = [...(byMember.get(memberId) ?? [])].sort(compareEntries)
    const decidedBy = list[0] as E
    return { memberId, choice: decidedBy.choice, decidedBy, entries: list, conflicting: list.filter((e) => e.choice !== decidedBy.choice) }
  })
}
