// The edits of the convergence fuzz (tests/unit/fuzz-convergence.test.ts): what a secretary, a
// chair or a recorder does on one device, each through the real accessors of src/shared/doc.
// An edit names its target by numbers (a, b, c) taken modulo what THIS replica currently sees, so
// a schedule stays meaningful while replicas disagree; an accessor may then refuse it by the rules
// (DocError), which is fine: that device simply could not do it at that moment.
import type * as Y from 'yjs'
import fc from 'fast-check'
import { addObserver, markAbsent, markLeave, markPresent, headcount, readObservers, recordArrival, recordDeparture, startSignIn } from '../../src/shared/doc/attendance'
import { DocError } from '../../src/shared/doc/errors'
import { addAgendaItem, moveAgendaItem, readAgenda, readMeeting, removeAgendaItem, transitionMeeting, updateAgendaItem, updateMeeting } from '../../src/shared/doc/meeting'
import { editMotionText, moveMotion, proposeMotion, readMotions, secondMotion } from '../../src/shared/doc/motions'
import { recuse, unrecuse } from '../../src/shared/doc/recusals'
import { ORIGIN_LOCAL } from '../../src/shared/doc/schema'
import { closeSession, openSession, setCurrentItem } from '../../src/shared/doc/session'
import { endSpeech, runningSpeeches, startSpeech, updateSummary, readSpeeches } from '../../src/shared/doc/speeches'
import { checkOffVoter, closeVote, currentVote, openVote, readVotes, recordLate, recordRollCall, setHandsCounts, voteInput, type VoteMethod, type VoteSettings } from '../../src/shared/doc/votes'
import type { ThresholdRule } from '../../src/shared/domain/council'
import type { Member } from '../../src/shared/domain/member'
import { STANCES } from '../../src/shared/domain/speaking'
import { CHOICES, evaluateQuorum, evaluateVote } from '../../src/shared/domain/votes'
import { itemFields, meetingFields } from './helpers'
import { at, NO_SECONDING, register, SECONDING } from './session-helpers'

/** Six councillors and an observer (列席, never a voter): refusals for the observer are part of the test. */
export const MEMBERS: Member[] = register(7, (i) => (i === 7 ? { role: 'observer' } : {}))
const IDS = MEMBERS.map((m) => m.id)
export const SETTINGS: VoteSettings = { quorumRule: 'more_than_half' }
const TITLES = ['加装电梯', '垃圾分类', '停车管理', '绿化改造', '楼道照明']
// Minutes text: Chinese, a newline, U+2028 (escaped differently by JSON and JCS), quotes, and an
// astral character whose surrogate pair a random insert or delete can split.
const SNIPPETS = ['会议记录：', '同意。', '\n', '反对意见', '😀', 'a\u2028b', '"引号"']
const RULES: ThresholdRule[] = ['simple_majority', 'two_thirds_present', 'half_all']
const METHODS: VoteMethod[] = ['hands', 'roll_call', 'secret']
/** Three days before the meeting: when the notice goes out. */
const NOTICE_AT = at(-3 * 24 * 60)

/** The weights of each phase's edits: agenda work while the meeting is a draft, then the session. */
export const DRAFT_OPS = { addItem: 3, moveItem: 4, removeItem: 1, updateItem: 3, updateMeeting: 1, notice: 1, text: 3 }
export const SESSION_OPS = {
  advance: 12,
  signIn: 1,
  status: 3,
  arrive: 2,
  depart: 1,
  observer: 1,
  openSession: 6,
  propose: 5,
  second: 3,
  debate: 6,
  withdraw: 1,
  editText: 1,
  speech: 2,
  endSpeech: 1,
  summary: 1,
  recuse: 1,
  unrecuse: 1,
  current: 1,
  openVote: 6,
  hands: 4,
  roll: 10,
  checkOff: 4,
  closeVote: 5,
  late: 1,
  closeSession: 1,
  text: 2,
}
export type Op = keyof typeof DRAFT_OPS | keyof typeof SESSION_OPS

export interface Edit {
  t: 'edit'
  op: Op
  /** The device (the runner takes it modulo the number of replicas). */
  r: number
  a: number
  b: number
  c: number
  /** Minutes after the meeting's start (session-helpers START) for the edit's time. */
  minute: number
}

export function editArb(weights: Partial<Record<Op, number>>): fc.Arbitrary<Edit> {
  const op = fc.oneof(...Object.entries(weights).map(([k, weight]) => ({ arbitrary: fc.constant(k as Op), weight: weight as number })))
  const n = fc.nat({ max: 1000 })
  // Half the edits are made on device 0 (the secretary's laptop that runs the procedure), the rest
  // on any device: procedures get through, and other devices still write concurrently.
  const r = fc.oneof(fc.constant(0), fc.nat({ max: 7 }))
  return fc.record({ t: fc.constant('edit' as const), op, r, a: n, b: n, c: n, minute: fc.integer({ min: -20, max: 120 }) })
}

const pick = <T>(list: readonly T[], k: number): T | undefined => (list.length ? list[k % list.length] : undefined)

/** A random insert or delete in the 'minutes' Y.Text (a stand-in for the minutes editor). */
function editMinutes(doc: Y.Doc, a: number, b: number, c: number): void {
  const text = doc.getText('minutes')
  doc.transact(() => {
    if (c % 3 === 0 && text.length > 0) {
      const from = a % text.length
      text.delete(from, Math.min(1 + (b % 4), text.length - from))
    } else text.insert(a % (text.length + 1), pick(SNIPPETS, b) as string)
  }, ORIGIN_LOCAL)
}

/** Runs one edit on `doc`. True if it was made; false if there was nothing to do it on or the rules refused it. */
export function runEdit(doc: Y.Doc, e: Edit): boolean {
  try {
    return apply(doc, e)
  } catch (err) {
    // Only the rules' refusals are expected; anything else (a TypeError, a fractional-index
    // error on keys a merge produced) is a bug and fails the schedule.
    if (err instanceof DocError) return false
    throw err
  }
}

/** Runs `fn` on a target this replica has; false when it has none. */
function on<T>(target: T | undefined | null, fn: (t: T) => unknown): boolean {
  if (target === undefined || target === null) return false
  fn(target)
  return true
}
/** Runs an edit that needs no target. */
const done = (fn: () => unknown): true => {
  fn()
  return true
}

function apply(doc: Y.Doc, { op, r, a, b, c, minute }: Edit): boolean {
  const now = at(minute)
  const member = IDS[a % IDS.length]!
  const other = IDS[b % IDS.length]!
  const item = pick(readAgenda(doc), a)
  const motions = readMotions(doc)
  // Mostly a motion the step makes sense for on this replica; one time in five any motion, so
  // that the rules' refusals of steps out of order are met too.
  const motion = (...statuses: string[]) => pick(c % 5 === 0 ? motions : motions.filter((m) => statuses.includes(m.status)), a)
  const debating = motions.filter((m) => m.status === 'debating')
  const vote = currentVote(doc)
  switch (op) {
    case 'addItem':
      return done(() => addAgendaItem(doc, itemFields({ title: pick(TITLES, b) })))
    case 'moveItem':
      return on(item, (i) => moveAgendaItem(doc, i.id, b % 6))
    case 'removeItem':
      return on(item, (i) => removeAgendaItem(doc, i.id))
    case 'updateItem':
      return on(item, (i) => updateAgendaItem(doc, i.id, itemFields({ title: pick(TITLES, b), expectedMinutes: 5 + (c % 60), description: pick(SNIPPETS, c) })))
    case 'updateMeeting':
      return done(() => updateMeeting(doc, meetingFields({ title: `${pick(TITLES, a)}议事会`, convener: c % 2 ? '李主任' : '王书记' })))
    case 'notice':
      return done(() => transitionMeeting(doc, 'noticed', NOTICE_AT))
    case 'text':
      return done(() => editMinutes(doc, a, b, c))
    case 'signIn':
      return done(() => startSignIn(doc, MEMBERS, at(-30)))
    case 'status':
      return done(() => (b % 4 < 2 ? markPresent(doc, member, now) : b % 4 === 2 ? markLeave(doc, member, '出差', now) : markAbsent(doc, member, now)))
    case 'arrive':
      return done(() => recordArrival(doc, member, now))
    case 'depart':
      return done(() => recordDeparture(doc, member, now))
    case 'observer':
      return done(() => addObserver(doc, { name: pick(['街道办', '物业', '社区民警'], b)!, note: '' }, now))
    case 'openSession': {
      // The chair opens on the quorum this device counts, or overrides (also, now and then, when
      // the quorum is met: the override is then not stored).
      const met = evaluateQuorum(SETTINGS.quorumRule, headcount(doc, now)).met
      return done(() => openSession(doc, met && b % 4 ? { quorumMet: true } : { quorumMet: met, override: { by: '主持人', reason: '到会人数以签到为准' } }, now))
    }
    case 'propose': {
      // Now and then an amendment to a motion under debate; else a main motion on an item.
      const parent = c % 3 === 0 ? pick(debating, b) : undefined
      return on(parent?.itemId ?? item?.id, (itemId) => proposeMotion(doc, { itemId, proposerId: other, text: `${pick(TITLES, c)}方案${b % 5}`, parentId: parent?.id ?? null }, now))
    }
    case 'second':
      return on(motion('proposed', 'seconded'), (m) => secondMotion(doc, m.id, other, now))
    case 'debate':
      return on(motion('proposed', 'seconded'), (m) => moveMotion(doc, m.id, 'debating', c % 2 ? SECONDING : NO_SECONDING, now))
    case 'withdraw':
      return on(motion('proposed', 'seconded', 'debating'), (m) => moveMotion(doc, m.id, b % 2 ? 'withdrawn' : 'deferred', NO_SECONDING, now))
    case 'editText':
      return on(motion('proposed', 'seconded'), (m) => editMotionText(doc, m.id, `${pick(TITLES, b)}（修改稿${c % 3}）`, now))
    case 'speech': {
      const speakers = [...IDS, ...readObservers(doc).map((o) => o.id)]
      return on(pick(debating, a), (m) => startSpeech(doc, { motionId: m.id, speakerId: pick(speakers, b)!, stance: STANCES[c % STANCES.length]!, summary: pick(SNIPPETS, c) }, now))
    }
    case 'endSpeech':
      return on(pick(runningSpeeches(doc), a), (s) => endSpeech(doc, s.id, now))
    case 'summary':
      return on(pick(readSpeeches(doc), a), (s) => updateSummary(doc, s.id, `${pick(SNIPPETS, b)}${c % 7}`))
    case 'recuse':
      return on(item, (i) => recuse(doc, i.id, other, '本人住3栋', now))
    case 'unrecuse':
      return on(item, (i) => unrecuse(doc, i.id, other))
    case 'current':
      return done(() => setCurrentItem(doc, c % 4 === 0 ? null : (item?.id ?? null)))
    case 'openVote':
      return on(pick(debating, a), (m) => openVote(doc, m.id, { method: METHODS[b % METHODS.length]!, rule: RULES[c % RULES.length]! }, now))
    case 'hands':
      return on(vote, (v) => setHandsCounts(doc, v.id, { for: a % 5, against: b % 4, abstain: c % 3 }))
    case 'roll':
      // Mostly eligible members; sometimes anyone, to meet the notEligible refusal.
      return !!vote && on(c % 6 === 0 ? member : pick(vote.eligible, a), (who) => recordRollCall(doc, vote.id, who, CHOICES[b % 3]!, now, `device${r}`))
    case 'checkOff':
      return !!vote && on(pick(vote.eligible, a), (who) => checkOffVoter(doc, vote.id, who))
    case 'closeVote':
      return on(vote, (v) => {
        // This device's ballot box: never more ballots than members checked off.
        const ballots = v.method === 'secret' ? Array.from({ length: a % (v.checkedOff.length + 1) }, (_, k) => CHOICES[(b + k * c) % 3]!) : []
        const input = voteInput(doc, v.id, SETTINGS, ballots)
        if (input) closeVote(doc, v.id, { ballots, result: evaluateVote(input) }, now)
      })
    case 'late':
      return on(
        pick(
          readVotes(doc).filter((v) => v.closedAt !== null),
          a,
        ),
        (v) => recordLate(doc, v.id, [{ choice: CHOICES[b % 3]!, memberId: c % 2 ? member : null }], now),
      )
    case 'advance': {
      // The next step of the procedure as this device sees it, as a chair or secretary would take
      // it: open, propose, second or debate, open a vote, record it, close it. Several devices
      // advancing at once make the concurrent proposals, votes, roll calls and closes.
      const floor = motions.find((m) => m.status === 'proposed' || m.status === 'seconded' || m.status === 'debating')
      const next: Op =
        readMeeting(doc)?.status === 'noticed'
          ? 'openSession'
          : vote
            ? c % 4 === 0
              ? 'closeVote'
              : vote.method === 'hands'
                ? 'hands'
                : vote.method === 'roll_call'
                  ? 'roll'
                  : 'checkOff'
            : !floor
              ? 'propose'
              : floor.status === 'debating'
                ? 'openVote'
                : c % 2
                  ? 'second'
                  : 'debate'
      return apply(doc, { op: next, r, a, b, c, minute, t: 'edit' })
    }
    case 'closeSession':
      // Only near the end of the meeting (else most schedules would end their session early).
      return minute >= 110 && done(() => closeSession(doc, now))
  }
}
