// The review checks that read the votes from the record alone: quorum, each vote's threshold and
// its later fixes, and recusals (domain.md 2.12). Used by checkBundle (review.ts).
import { QUORUM_RULES, THRESHOLD_RULES, type QuorumRule, type ThresholdRule } from '../domain/council'
import { instantMs, isInstant } from '../domain/dates'
import { isPresentAt } from '../domain/attendance'
import { evaluateVote, QUORUM_SHARES, resultWarnings, smallestReaching, usesOwners, type OwnerTally, type VoteInput } from '../domain/votes'
import type { AgendaEntry, MeetingRecord, MotionEntry, VoteEntry } from './types'
import { isCount, isObj, item, orPass, type ChecklistItem, type ChecklistRef, type Detail } from './reviewItems'

interface VoteAt {
  item: AgendaEntry
  motion: MotionEntry
  vote: VoteEntry
}
const refOf = (v: VoteAt): ChecklistRef => ({ itemId: v.item.id, motionId: v.motion.id, voteId: v.vote.id })
/** Main motions and their amendments, in the record's order. */
const motionsOf = (item: AgendaEntry): MotionEntry[] => item.motions.flatMap((m) => [m, ...m.amendments])
/** Closed votes that carry a frozen result (a closed vote without one is the threshold check's finding). */
const closedVotes = (record: MeetingRecord): VoteAt[] =>
  record.agenda.flatMap((item) =>
    motionsOf(item).flatMap((motion) => motion.votes.filter((vote) => vote.closedAt !== null && isObj(vote.result)).map((vote) => ({ item, motion, vote }))),
  )

/** The frozen result's figures, read defensively: a decoded bundle's result is any JSON with an outcome and counts. */
interface Frozen {
  outcome: string
  rule: string
  thresholdMet: unknown
  counts: { for: number; against: number; abstain: number; absent: number; recused: number; notVoted: number }
  quorum: { met: boolean; required: number; present: number; members: number } | null | 'unreadable'
  figures: unknown
}
function readFrozen(result: unknown): Frozen | null {
  if (!isObj(result) || !isObj(result.counts) || typeof result.outcome !== 'string') return null
  const c = result.counts
  const keys = ['for', 'against', 'abstain', 'absent', 'recused', 'notVoted'] as const
  if (!keys.every((k) => isCount(c[k]))) return null
  const q = result.quorum
  const quorum =
    q === null || q === undefined
      ? null
      : isObj(q) && typeof q.met === 'boolean' && isCount(q.required) && isCount(q.present) && isCount(q.members)
        ? { met: q.met, required: q.required, present: q.present, members: q.members }
        : 'unreadable'
  return { outcome: result.outcome, rule: String(result.rule), thresholdMet: result.thresholdMet, counts: c as Frozen['counts'], quorum, figures: result.figures }
}

export function checkQuorum(record: MeetingRecord): ChecklistItem[] {
  const s = record.session
  const problems: ChecklistItem[] = []
  if (s.openedAt === null || s.quorumMet === null) problems.push(item('quorum', 'fail', { reason: 'sessionNotOpened' }))
  else if (!s.quorumMet && !s.quorumOverride) problems.push(item('quorum', 'fail', { reason: 'sessionWithoutQuorum' }))
  else if (!s.quorumMet) problems.push(item('quorum', 'warn', { reason: 'sessionOpenedByOverride' }))
  const votes = closedVotes(record)
  for (const v of votes) {
    const r = v.vote.result as unknown as Record<string, unknown>
    const q = isObj(r.quorum) ? r.quorum : null
    if (r.outcome !== 'invalid' && q?.met !== false) continue
    const figures = q ? Object.fromEntries((['present', 'required', 'members'] as const).filter((k) => isCount(q[k])).map((k) => [k, q[k] as number])) : {}
    problems.push(item('quorum', 'fail', { reason: 'quorumNotMet', ...figures }, refOf(v)))
  }
  return orPass('quorum', problems, { votes: votes.length })
}

/**
 * The frozen result names no quorum rule; the one whose smallest quorum equals the recorded
 * `required` is taken. The recorded verdict `met` is passed on, and evaluateVote lets it win, so
 * the rule only shapes the figures, never the outcome.
 */
const quorumRuleFor = (members: number, required: number): QuorumRule => QUORUM_RULES.find((r) => smallestReaching(members, QUORUM_SHARES[r]) === required) ?? 'more_than_half'

/** The owners' tally behind a double majority, from its four figures; null when they do not say enough. */
function ownersFromFigures(figures: unknown): OwnerTally | null {
  if (!Array.isArray(figures)) return null
  const fig = (name: string) => figures.find((f): f is { value: number; of: number } => isObj(f) && f.name === name && isCount(f.value) && isCount(f.of))
  const [pa, po, aa, ao] = [fig('participationArea'), fig('participationOwners'), fig('approvalArea'), fig('approvalOwners')]
  if (!pa || !po || !aa || !ao || aa.of !== pa.value || ao.of !== po.value) return null
  // The figures carry no 'against' group; evaluateDoubleMajority never reads it, and zero passes validation.
  return {
    totalOwners: po.of,
    totalAreaCentiM2: pa.of,
    participating: { owners: po.value, areaCentiM2: pa.value },
    for: { owners: ao.value, areaCentiM2: aa.value },
    against: { owners: 0, areaCentiM2: 0 },
  }
}

/** Recomputes one vote from what its frozen result says, and compares the verdict. */
function checkVoteThreshold(v: VoteAt): ChecklistItem | null {
  const ref = refOf(v)
  const r = readFrozen(v.vote.result)
  if (!r || r.quorum === 'unreadable') return item('threshold', 'fail', { reason: 'resultUnreadable' }, ref)
  if (r.rule !== v.vote.rule) return item('threshold', 'fail', { reason: 'ruleMismatch', rule: v.vote.rule, claimedRule: r.rule }, ref)
  // A rule this version does not know (a newer app's) cannot be recomputed.
  if (!(THRESHOLD_RULES as readonly string[]).includes(r.rule)) return item('threshold', 'fail', { reason: 'resultUnreadable', rule: r.rule }, ref)
  const c = r.counts
  const present = c.for + c.against + c.abstain + c.notVoted + c.recused
  const input: VoteInput = {
    rule: r.rule as ThresholdRule,
    quorum: r.quorum && {
      rule: quorumRuleFor(r.quorum.members, r.quorum.required),
      met: r.quorum.met,
      recusedCountForQuorum: !(c.recused > 0 && r.quorum.present === present - c.recused),
    },
    members: present + c.absent,
    present,
    recused: c.recused,
    counts: { for: c.for, against: c.against, abstain: c.abstain },
  }
  if (usesOwners(input.rule)) {
    // Unanimity's frozen result keeps the owners only in its reason's parameters: not enough to recompute.
    const owners = input.rule === 'unanimity_affected' ? null : ownersFromFigures(r.figures)
    if (!owners) return item('threshold', 'warn', { reason: 'ownerDataInsufficient', rule: input.rule, outcome: r.outcome }, ref)
    input.owners = owners
  }
  const again = evaluateVote(input)
  if (again.outcome !== r.outcome || again.thresholdMet !== r.thresholdMet)
    return item(
      'threshold',
      'fail',
      {
        reason: 'resultMismatch',
        rule: input.rule,
        claimedOutcome: r.outcome,
        outcome: again.outcome,
        claimedThresholdMet: String(r.thresholdMet),
        thresholdMet: String(again.thresholdMet),
        for: c.for,
        against: c.against,
        abstain: c.abstain,
        of: again.threshold.of,
        ...(again.threshold.required === null ? {} : { required: again.threshold.required }),
      },
      ref,
    )
  if (v.vote.method === 'roll_call') {
    const named = { for: 0, against: 0, abstain: 0 }
    for (const e of v.vote.rollCall) named[e.choice] += 1
    if (named.for !== c.for || named.against !== c.against || named.abstain !== c.abstain)
      return item(
        'threshold',
        'fail',
        { reason: 'rollCallMismatch', for: c.for, against: c.against, abstain: c.abstain, namedFor: named.for, namedAgainst: named.against, namedAbstain: named.abstain },
        ref,
      )
  }
  return null
}

/**
 * What a reviewer must look at twice, from the same rule the announce step warned with
 * (domain/votes/warnings.ts): counts with no valid vote (warn) or more votes than voters (fail),
 * a cancelled vote, a re-vote, and every correction (with its own result recomputed).
 */
function checkVoteFixes(v: VoteAt): ChecklistItem[] {
  const ref = refOf(v)
  const out: ChecklistItem[] = []
  const { vote } = v
  if (vote.cancelled) out.push(item('threshold', 'warn', { reason: 'cancelled' }, ref))
  if (vote.revoteOf) out.push(item('threshold', 'warn', { reason: 'revote', earlierVoteId: vote.revoteOf.voteId }, ref))
  const frozen = readFrozen(vote.result)
  const warn = (result: { rule: string; counts: { for: number; against: number; abstain: number }; figures?: unknown }, extra: Detail) => {
    for (const w of resultWarnings(result, vote.eligible)) out.push(item('threshold', w.blocking ? 'fail' : 'warn', { reason: w.code, ...w.params, ...extra }, ref))
  }
  if (frozen) warn(frozen, {})
  const corrections = vote.corrections ?? []
  const last = corrections.at(-1)
  if (frozen && last) {
    const corrected = readFrozen(last.result)
    const c = last.counts
    out.push(
      item('threshold', 'warn', { reason: 'corrected', announced: frozen.outcome, corrected: corrected?.outcome ?? 'rejected', for: c.for, against: c.against, abstain: c.abstain, corrections: corrections.length }, ref),
    )
    // The correction's result is recomputed like the announced one (by its counts; names are not corrected).
    const again = checkVoteThreshold({ ...v, vote: { ...vote, method: 'hands', rollCall: [], result: last.result } })
    if (again) out.push({ ...again, detail: { ...again.detail, ...(again.detail.reason === 'resultMismatch' ? { reason: 'correctionMismatch' } : {}), correction: corrections.length } })
    warn({ ...(corrected ?? { rule: vote.rule, figures: undefined }), counts: c }, { correction: corrections.length })
  }
  return out
}

export function checkThreshold(record: MeetingRecord): ChecklistItem[] {
  const problems: ChecklistItem[] = []
  let checked = 0
  for (const agendaItem of record.agenda) {
    for (const motion of motionsOf(agendaItem)) {
      const closed = motion.votes.filter((vote) => vote.closedAt !== null)
      for (const vote of closed) {
        checked++
        // A cancelled vote has no result by design; it is flagged (checkVoteFixes), not missing.
        const found =
          vote.result === null
            ? vote.cancelled
              ? null
              : item('threshold', 'fail', { reason: 'resultMissing' }, { itemId: agendaItem.id, motionId: motion.id, voteId: vote.id })
            : checkVoteThreshold({ item: agendaItem, motion, vote })
        if (found) problems.push(found)
        problems.push(...checkVoteFixes({ item: agendaItem, motion, vote }))
      }
      // An invalid vote leaves the motion failed (votes.ts closeVote): passed ↔ 'passed' is the whole rule.
      // A corrected vote's status follows its last correction (doc/voteFixes.ts recordCorrection).
      const last = closed.at(-1)
      const standing = last?.corrections?.at(-1)?.result ?? last?.result
      const outcome = isObj(standing) ? String(standing.outcome) : null
      const ref = { itemId: agendaItem.id, motionId: motion.id }
      if (last && outcome !== null && (outcome === 'passed') !== (motion.status === 'passed'))
        problems.push(item('threshold', 'fail', { reason: 'motionStatusMismatch', status: motion.status, outcome }, { ...ref, voteId: last.id }))
      if (!last && motion.status === 'passed') problems.push(item('threshold', 'fail', { reason: 'passedWithoutVote', status: motion.status }, ref))
    }
  }
  if (!checked && !problems.length) return [item('threshold', 'na', { votes: 0 })]
  return orPass('threshold', problems, { votes: checked })
}

/**
 * For every vote, the recused members of its item must not be in its roll call, and the frozen
 * count of recused members must be those recused on the item who were present when it opened
 * (votesRead.ts voteInput). A recusal cannot be recorded while a vote on its item is open
 * (recusals.ts), so one recorded after the opening came after the close and did not apply.
 */
export function checkRecusals(record: MeetingRecord): ChecklistItem[] {
  const members = new Map(record.attendance.members.map((m) => [m.memberId, m]))
  const problems: ChecklistItem[] = []
  let recusals = 0
  for (const agendaItem of record.agenda) {
    recusals += agendaItem.recusals.length
    for (const motion of motionsOf(agendaItem)) {
      for (const vote of motion.votes) {
        const r = vote.closedAt === null ? null : readFrozen(vote.result)
        if (!r) continue
        const ref = { itemId: agendaItem.id, motionId: motion.id, voteId: vote.id }
        const opened = instantMs(vote.openedAt)
        const after = (at: string) => !Number.isNaN(opened) && instantMs(at) > opened
        for (const e of vote.rollCall) {
          const rec = agendaItem.recusals.find((x) => x.member.id === e.member.id)
          // Voted, then declared an interest: not a breach of the recusal, but the reviewer should see it.
          if (rec)
            problems.push(item('recusals', after(rec.at) ? 'warn' : 'fail', { reason: after(rec.at) ? 'votedBeforeRecusal' : 'recusedInRollCall', memberId: e.member.id }, ref))
        }
        const applying = agendaItem.recusals.filter((x) => !after(x.at))
        const entries = applying.map((x) => members.get(x.member.id))
        // Determinable when every time reads and every recused member is on the attendance list;
        // otherwise only an upper bound holds: no more recused than recusals on the item.
        const known = !Number.isNaN(opened) && applying.every((x) => isInstant(x.at)) && entries.every((m) => m !== undefined)
        if (known) {
          const expected = entries.filter(
            (m) =>
              m &&
              isPresentAt(
                m.status,
                m.events.map((ev, i) => ({ ...ev, entryId: String(i).padStart(6, '0') })),
                vote.openedAt,
              ),
          ).length
          if (r.counts.recused !== expected) problems.push(item('recusals', 'fail', { reason: 'recusedCountMismatch', claimed: r.counts.recused, expected }, ref))
        } else if (r.counts.recused > applying.length)
          problems.push(item('recusals', 'fail', { reason: 'recusedCountExceeds', claimed: r.counts.recused, atMost: applying.length }, ref))
      }
    }
  }
  if (!recusals && !problems.length) return [item('recusals', 'na', { recusals: 0 })]
  return orPass('recusals', problems, { recusals })
}
