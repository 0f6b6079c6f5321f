// The street office's review (审核, domain.md 2.12): a checklist computed from a verified bundle
// alone (quorum, thresholds, recusals, signatures, the public notice, objections, the meeting
// notice), and the signed review opinion file (yishi.review/1) that answers the bundle. Item ids,
// statuses and detail keys are codes the UI translates; nothing here is user-visible text.
import { canonicalJson } from '../doc/canonical'
import { NOTICE_DAYS, noticeOverOn } from '../doc/minutes'
import { QUORUM_RULES, THRESHOLD_RULES, type QuorumRule, type ThresholdRule } from '../domain/council'
import { dateOf, instantMs, isInstant, isIsoDate, isLocalDateTime } from '../domain/dates'
import { isPresentAt } from '../domain/attendance'
import { evaluateVote, QUORUM_SHARES, resultWarnings, smallestReaching, usesOwners, type OwnerTally, type VoteInput } from '../domain/votes'
import { toBase64Url } from '../encoding/base64url'
import { checkEd25519, readEnvelope, verifyBundle, type Bundle, type DecodeError } from './bundle'
import { CHECKLIST_IDS, checkReviewContent, checkReviewFile, MAX_COMMENTS, REVIEW_FORMAT, type CHECK_STATUSES } from './shape'
import type { AgendaEntry, MeetingRecord, MotionEntry, VoteEntry } from './types'
import { exportRawPublicKey, sha256Hex, signEd25519, utf8, type KeyPairLike } from './webCrypto'

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

type Detail = ChecklistItem['detail']
const item = (id: ChecklistId, status: CheckStatus, detail: Detail = {}, ref?: ChecklistRef): ChecklistItem => (ref ? { id, status, detail, ref } : { id, status, detail })
/** The problems found, or one item saying there were none. */
const orPass = (id: ChecklistId, problems: ChecklistItem[], detail: Detail = {}): ChecklistItem[] => (problems.length ? problems : [item(id, 'pass', detail)])

const DAY_MS = 86_400_000
/** Whole days since 1970-01-01 of a YYYY-MM-DD date (exact: UTC midnights are whole multiples of a day). */
const dayNumber = (date: string): number => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS
/** The community's calendar date of an instant, or null when unreadable. */
function localDate(instant: string, offsetMinutes: number): string | null {
  const ms = instantMs(instant)
  return Number.isNaN(ms) ? null : new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 10)
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

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

function checkQuorum(record: MeetingRecord): ChecklistItem[] {
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

function checkThreshold(record: MeetingRecord): ChecklistItem[] {
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
function checkRecusals(record: MeetingRecord): ChecklistItem[] {
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

function checkSignatures(bundle: Bundle): ChecklistItem[] {
  const closedAt = bundle.sealed.record.session.closedAt
  const closed = closedAt === null ? Number.NaN : instantMs(closedAt)
  const problems: ChecklistItem[] = []
  for (const role of ['chair', 'recorder'] as const) {
    const sigs = bundle.sealed.signatures.filter((s) => s.role === role)
    const s = sigs[0]
    let reason: string | null = null
    if (!s) reason = 'missing'
    else if (sigs.length > 1) reason = 'duplicate'
    else if (!s.name.trim()) reason = 'nameEmpty'
    else if (Number.isNaN(closed)) reason = 'sessionNotClosed'
    else if (!(instantMs(s.signedAt) > closed)) reason = 'signedBeforeClose'
    if (reason) problems.push(item('signatures', 'fail', { role, reason, ...(s ? { signedAt: s.signedAt } : {}), ...(closedAt ? { closedAt } : {}) }))
  }
  return orPass('signatures', problems, { signatures: bundle.sealed.signatures.length })
}

/** The public notice (公示, domain.md 2.11): at least NOTICE_DAYS days, over by the submission date. */
function checkNotice(bundle: Bundle, today: string, offset: number): ChecklistItem[] {
  const n = bundle.annex.notice
  if (!n) return [item('notice', 'fail', { reason: 'missing' })]
  const days = dayNumber(n.endDate) - dayNumber(n.startDate) + 1
  const submittedOn = localDate(bundle.annex.submittedAt, offset) ?? ''
  const detail = { days, required: NOTICE_DAYS, startDate: n.startDate, endDate: n.endDate, submittedOn }
  if (days < NOTICE_DAYS) return [item('notice', 'fail', { reason: 'tooShort', ...detail })]
  if (noticeOverOn(n, submittedOn)) return [item('notice', 'pass', detail)]
  // Sent while still posted: acceptable once the period is over, which the reviewer's date can show.
  const overToday = noticeOverOn(n, today)
  return [item('notice', overToday ? 'warn' : 'fail', { reason: overToday ? 'runningAtSubmission' : 'stillRunning', ...detail, today })]
}

function checkObjections(bundle: Bundle): ChecklistItem[] {
  const list = bundle.annex.objections
  const pending = list.filter((o) => !o.handling.trim() || o.handledOn === null)
  return orPass(
    'objections',
    pending.map((o) => item('objections', 'fail', { reason: 'pending', objectionId: o.id, receivedOn: o.receivedOn })),
    { objections: list.length },
  )
}

/**
 * The meeting's notice (通知) in calendar days before the day the meeting was actually opened (the
 * scheduled day only when it never was): ≥ 2 passes, fewer warns, none (or after) fails. Opening
 * before the scheduled day warns even with notice enough: residents were told another day.
 */
function checkMeetingNotice(record: MeetingRecord, offset: number): ChecklistItem[] {
  const { noticedAt, startsAt } = record.meeting
  const noticedOn = noticedAt === null ? null : localDate(noticedAt, offset)
  if (!noticedOn) return [item('meetingNotice', 'fail', { reason: 'missing' })]
  const startsOn = isLocalDateTime(startsAt) ? dateOf(startsAt) : isInstant(startsAt) ? localDate(startsAt, offset) : null
  if (!startsOn || !isIsoDate(startsOn)) return [item('meetingNotice', 'fail', { reason: 'startUnreadable', noticedOn })]
  const openedOn = record.session.openedAt === null ? null : localDate(record.session.openedAt, offset)
  const heldOn = openedOn ?? startsOn
  const days = dayNumber(heldOn) - dayNumber(noticedOn)
  const detail = { days, required: MEETING_NOTICE_DAYS, noticedOn, startsOn, ...(openedOn ? { openedOn } : {}) }
  if (days < 0) return [item('meetingNotice', 'fail', { reason: 'afterStart', ...detail })]
  if (days < MEETING_NOTICE_DAYS) return [item('meetingNotice', 'warn', { reason: 'short', ...detail })]
  if (openedOn && openedOn < startsOn) return [item('meetingNotice', 'warn', { reason: 'openedBeforeSchedule', ...detail })]
  return [item('meetingNotice', 'pass', detail)]
}

/** The review checklist of a bundle (verify it first: this reads the content as it stands). */
export function checkBundle(bundle: Bundle, options: CheckOptions): ChecklistItem[] {
  if (!isIsoDate(options.today)) throw new ReviewError('todayInvalid')
  const offset = options.utcOffsetMinutes ?? DEFAULT_UTC_OFFSET_MINUTES
  if (!Number.isSafeInteger(offset) || Math.abs(offset) > 14 * 60) throw new ReviewError('offsetInvalid')
  const record = bundle.sealed.record
  return [
    ...checkQuorum(record),
    ...checkThreshold(record),
    ...checkRecusals(record),
    ...checkSignatures(bundle),
    ...checkNotice(bundle, options.today, offset),
    ...checkObjections(bundle),
    ...checkMeetingNotice(record, offset),
  ]
}

/** No item failed (warnings are the reviewer's call). */
export const checklistPassed = (items: readonly ChecklistItem[]): boolean => items.every((i) => i.status !== 'fail')

export interface Review {
  /** The bundle's hash: its annex seal's (what the council recorded as its submission). */
  bundleHash: string
  sealedHash: string
  councilId: string
  councilName: string
  meetingId: string
  meetingTitle: string
  decision: 'accepted' | 'returned'
  comments: string
  reviewer: string
  office: string
  reviewedAt: string
  checklist: ChecklistItem[]
}

export interface ReviewFile {
  format: typeof REVIEW_FORMAT
  review: Review
  /** SHA-256 of reviewBytes, 64 lowercase hex digits. */
  hash: string
  /** Ed25519 over reviewBytes by the street office's key, base64url. */
  signature: string
  publicKey: string
}

export interface ReviewInput {
  bundle: Bundle
  decision: 'accepted' | 'returned'
  comments: string
  reviewer: string
  office: string
  reviewedAt: string
  checklist: ChecklistItem[]
}

export type ReviewDecodeResult = { ok: true; file: ReviewFile } | { ok: false; error: DecodeError }
export type ReviewVerification = { ok: true } | { ok: false; reason: 'hashMismatch' | 'badSignature' | 'malformed' | 'unsupported' }

export const MAX_REVIEW_CHARS = 4 * 1024 * 1024
export const reviewBytes = (review: Review): Uint8Array => utf8(canonicalJson(review))

/**
 * Signs the review opinion of a bundle. Throws ReviewError: commentsRequired (a return says why),
 * commentsTooLong, bundleInvalid (the bundle does not verify: its hash cannot be cited), or
 * reviewInvalid (a field out of shape: reviewer or office blank, reviewedAt not an instant…).
 */
export async function createReview(input: ReviewInput, key: KeyPairLike): Promise<ReviewFile> {
  const comments = input.comments.trim()
  if (input.decision === 'returned' && !comments) throw new ReviewError('commentsRequired')
  if (comments.length > MAX_COMMENTS) throw new ReviewError('commentsTooLong')
  if (!(await verifyBundle(input.bundle)).ok) throw new ReviewError('bundleInvalid')
  const { sealed, annexSeal } = input.bundle
  const { council, meeting } = sealed.record
  const draft = {
    bundleHash: annexSeal.hash,
    sealedHash: sealed.hash,
    councilId: council.id,
    councilName: council.name,
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    decision: input.decision,
    comments,
    reviewer: input.reviewer.trim(),
    office: input.office.trim(),
    reviewedAt: input.reviewedAt,
    checklist: input.checklist,
  }
  let review: Review
  try {
    // A copy through canonical JSON: undefined members (an absent ref) drop out, and later changes to the caller's objects cannot reach it.
    review = JSON.parse(canonicalJson(draft)) as Review
  } catch {
    throw new ReviewError('reviewInvalid')
  }
  if (!checkReviewContent(review)) throw new ReviewError('reviewInvalid')
  const bytes = reviewBytes(review)
  const [hash, signature, publicKey] = await Promise.all([sha256Hex(bytes), signEd25519(key.privateKey, bytes), exportRawPublicKey(key.publicKey)])
  return { format: REVIEW_FORMAT, review, hash, signature: toBase64Url(signature), publicKey: toBase64Url(publicKey) }
}

export const encodeReview = (file: ReviewFile): string => canonicalJson(file)

/** Reads a review file strictly (checkReviewFile); its hash and signature are verifyReview's job. Never throws. */
export function decodeReview(text: unknown): ReviewDecodeResult {
  const env = readEnvelope(text, REVIEW_FORMAT, MAX_REVIEW_CHARS)
  if (!env.ok) return env
  return checkReviewFile(env.value) === 'ok' ? { ok: true, file: env.value as unknown as ReviewFile } : { ok: false, error: 'malformed' }
}

/** Checks a review file from its content alone. Never throws. Whose key signed it is for the caller to judge. */
export async function verifyReview(file: unknown): Promise<ReviewVerification> {
  const shape = checkReviewFile(file)
  if (shape !== 'ok') return { ok: false, reason: shape }
  const f = file as ReviewFile
  let bytes: Uint8Array
  try {
    bytes = reviewBytes(f.review)
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if ((await sha256Hex(bytes)) !== f.hash) return { ok: false, reason: 'hashMismatch' }
  const sig = await checkEd25519(f.publicKey, f.signature, bytes)
  return sig === 'ok' ? { ok: true } : { ok: false, reason: sig }
}
