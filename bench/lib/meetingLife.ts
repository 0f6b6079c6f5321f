// One meeting's life in the synthetic history, written only through src/shared/doc (the functions
// the renderer's features/*/actions.ts call): preparation and notice, the evening in the room
// (sign-in, session, motions, speeches, votes by hands, roll call or secret ballot), the minutes
// typed in bursts with deletions over several sittings, then signatures, seal, public notice,
// submission and the street office's answer. Each sitting is a new app session: a new Y.Doc with a
// new client id that loads the stored state first, as DocStore does.
import * as Y from 'yjs'
import { addObserver, headcount, markAbsent, markLeave, markPresent, recordArrival, startSignIn } from '../../src/shared/doc/attendance'
import { canonicalJson } from '../../src/shared/doc/canonical'
import { addAgendaItem, initMeetingDoc, transitionMeeting } from '../../src/shared/doc/meeting'
import { editText, finishDraft, postPublicNotice, readItemNotes, readNarrative, setResolution } from '../../src/shared/doc/minutes'
import { recordReview, recordSubmission, signMinutes, storeSeal } from '../../src/shared/minutes/sealedStore'
import { moveMotion, proposeMotion, secondMotion } from '../../src/shared/doc/motions'
import { recuse } from '../../src/shared/doc/recusals'
import { closeSession, openSession, setCurrentItem } from '../../src/shared/doc/session'
import { endSpeech, startSpeech, updateSummary } from '../../src/shared/doc/speeches'
import { checkOffVoter, closeVote, openVote, readVote, recordRollCall, setHandsCounts, voteInput, type VoteMethod } from '../../src/shared/doc/votes'
import type { Council } from '../../src/shared/domain/council'
import type { AgendaItemId, CouncilId, MeetingId, MemberId, MotionId, VoteId } from '../../src/shared/domain/ids'
import { newMeetingId } from '../../src/shared/domain/ids'
import { countsForQuorum, isMemberOn, type Member } from '../../src/shared/domain/member'
import { STANCES } from '../../src/shared/domain/speaking'
import { evaluateQuorum, evaluateVote, type Choice } from '../../src/shared/domain/votes'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { sealMinutes } from '../../src/shared/minutes/seal'
import { sha256Hex, utf8, type KeyPairLike } from '../../src/shared/minutes/webCrypto'
import type { Rng } from './rng'
import { ITEM_TITLES, itemDescription, minutesText, motionText, personName, speechSummary, typo } from './texts'

/** A document across app sessions: each session() is a new Y.Doc, new client id, stored state loaded. */
export class DocLife {
  doc: Y.Doc
  sessions = 1
  constructor(private rng: Rng) {
    this.doc = this.fresh()
  }
  private fresh(): Y.Doc {
    const d = new Y.Doc()
    d.clientID = this.rng.u32()
    return d
  }
  session(): Y.Doc {
    const next = this.fresh()
    Y.applyUpdate(next, Y.encodeStateAsUpdate(this.doc))
    this.doc.destroy()
    this.doc = next
    this.sessions++
    return next
  }
}

export const ITEMS_PER_MEETING = 8
export const MOTIONS_PER_ITEM = 2
export const SPEECHES_PER_MOTION = 3
export const NARRATIVE_CHARS = 3000
export const ITEM_NOTES_CHARS = 250
export const DRAFTING_SITTINGS = 3

export interface MeetingPlan {
  councilId: CouncilId
  council: Council
  register: readonly Member[]
  title: string
  /** Community time, as the meeting form takes it. */
  startsAt: string
  /** The same moment as an instant (UTC). */
  startMs: number
  /** false: the current meeting, left closed with its minutes drafted but not finished. */
  complete: boolean
  key: KeyPairLike
  /** Stop in the room, during the last motion's roll call, with `waiting` members still to answer. */
  live?: { waiting: number }
}

export interface MeetingOutcome {
  meetingId: MeetingId
  life: DocLife
  edits: number
  deletedChars: number
  /** With plan.live: the open roll-call vote and who has not answered yet. */
  openVote?: { voteId: VoteId; waiting: MemberId[] }
}

const iso = (ms: number): string => new Date(ms).toISOString()
const MIN = 60_000
const DAY = 86_400_000

type Target = { kind: 'narrative' } | { kind: 'item'; itemId: string }

/** Types `addition` at the end of the field as an input method commits it (1–4 characters a time), with typos deleted key by key and phrases rewritten. */
function typeInto(doc: Y.Doc, target: Target, addition: string, rng: Rng): { edits: number; deleted: number } {
  let value = target.kind === 'narrative' ? readNarrative(doc) : readItemNotes(doc, target.itemId)
  let edits = 0
  let deleted = 0
  const put = (next: string) => {
    value = next
    editText(doc, target, value)
    edits++
  }
  for (let i = 0; i < addition.length; ) {
    const chunk = addition.slice(i, i + rng.int(1, 4))
    i += chunk.length
    if (rng.chance(0.06)) {
      const wrong = typo(rng, rng.int(1, 3))
      put(value + wrong)
      for (let k = 0; k < wrong.length; k++) put(value.slice(0, -1))
      deleted += wrong.length
    }
    put(value + chunk)
    if (rng.chance(0.01) && value.length > 40) {
      const end = rng.int(20, value.length - 1)
      const start = Math.max(0, end - rng.int(4, 12))
      const phrase = value.slice(start, end)
      put(value.slice(0, start) + value.slice(end))
      put(value.slice(0, start) + phrase + value.slice(start))
      deleted += phrase.length
    }
  }
  return { edits, deleted }
}

export async function meetingLife(plan: MeetingPlan, rng: Rng): Promise<MeetingOutcome> {
  const meetingId = newMeetingId()
  const life = new DocLife(rng)
  const { council } = plan
  const t0 = plan.startMs
  // 1. A week before: the draft, its agenda, the notice.
  let doc = life.doc
  initMeetingDoc(doc, { councilId: plan.councilId, meetingId }, { title: plan.title, startsAt: plan.startsAt, place: '社区活动室', convener: '主任' }, iso(t0 - 8 * DAY))
  const titles = rng.shuffle(ITEM_TITLES).slice(0, ITEMS_PER_MEETING)
  const itemIds: AgendaItemId[] = titles.map((title) =>
    addAgendaItem(doc, { title, description: itemDescription(rng), proposer: personName(rng), source: rng.pick(['residents', 'council', 'higher_level'] as const), expectedMinutes: rng.int(10, 30), attachments: [] }),
  )
  transitionMeeting(doc, 'noticed', iso(t0 - 7 * DAY))

  // 2. The evening in the room.
  doc = life.session()
  let now = t0 - 30 * MIN
  const tick = (minutes = 1) => iso((now += minutes * MIN))
  const day = plan.startsAt.slice(0, 10)
  const onRegister = plan.register.filter((m) => isMemberOn(m, day))
  startSignIn(doc, onRegister, tick())
  let late: MemberId | null = null
  for (const m of onRegister) {
    if (countsForQuorum(m.role) && rng.chance(0.03)) markLeave(doc, m.id, rng.pick(['外出', '身体不适', '出差']), tick(0))
    else if (countsForQuorum(m.role) && rng.chance(0.01)) markAbsent(doc, m.id, tick(0))
    else if (late === null && rng.chance(0.05)) late = m.id
    else markPresent(doc, m.id, tick(0))
  }
  if (rng.chance(0.3)) addObserver(doc, { name: `街道${personName(rng)}`, note: '街道办' }, tick())
  const start = tick(5)
  openSession(doc, { quorumMet: evaluateQuorum(council.quorumRule, headcount(doc, start)).met, override: { by: '主任', reason: '人数不足，按程序记录' } }, start)
  if (late) recordArrival(doc, late, tick(3))
  const rules = { secondingRequired: council.secondingRequired }
  const settings = { quorumRule: council.quorumRule, recusedCountForQuorum: council.recusedCountForQuorum }
  const voters = onRegister.filter((m) => countsForQuorum(m.role)).map((m) => m.id)
  const passed: MotionId[] = []
  for (const [i, itemId] of itemIds.entries()) {
    setCurrentItem(doc, itemId)
    if (rng.chance(0.1)) recuse(doc, itemId, rng.pick(voters), '与本议题有利害关系', tick())
    for (let j = 0; j < MOTIONS_PER_ITEM; j++) {
      const proposerId = rng.pick(voters)
      const motionId = proposeMotion(doc, { itemId, proposerId, text: motionText(rng, titles[i]!) }, tick())
      secondMotion(doc, motionId, rng.pick(voters.filter((v) => v !== proposerId)), tick())
      moveMotion(doc, motionId, 'debating', rules, tick())
      for (let s = 0; s < SPEECHES_PER_MOTION; s++) {
        const speechId = startSpeech(doc, { motionId, speakerId: rng.pick(voters), stance: rng.pick(STANCES) }, tick())
        const end = tick(2)
        // As the session screen's "record the speech": the summary and the end in one transaction.
        doc.transact(() => {
          updateSummary(doc, speechId, speechSummary(rng))
          endSpeech(doc, speechId, end)
        })
      }
      const r = rng.next()
      const last = plan.live && i === itemIds.length - 1 && j === MOTIONS_PER_ITEM - 1
      const method: VoteMethod = last || (r >= 0.5 && r < 0.85) ? 'roll_call' : r < 0.5 ? 'hands' : 'secret'
      const voteId = openVote(doc, motionId, { method, rule: council.defaultThreshold }, tick())
      const eligible = readVote(doc, voteId)!.eligible
      const choice = (): Choice => (rng.chance(0.8) ? 'for' : rng.chance(0.6) ? 'against' : 'abstain')
      if (last && plan.live) {
        const waiting = eligible.slice(eligible.length - plan.live.waiting)
        for (const m of eligible.slice(0, eligible.length - plan.live.waiting)) recordRollCall(doc, voteId, m, choice(), tick(0), '笔记本1')
        return { meetingId, life, edits: 0, deletedChars: 0, openVote: { voteId, waiting } }
      }
      const ballots: Choice[] = []
      if (method === 'hands') {
        const against = rng.int(0, 4)
        const abstain = rng.int(0, 2)
        setHandsCounts(doc, voteId, { for: eligible.length - against - abstain, against, abstain })
      } else if (method === 'roll_call') {
        for (const m of eligible) {
          recordRollCall(doc, voteId, m, choice(), tick(0), '笔记本1')
          if (rng.chance(0.03)) recordRollCall(doc, voteId, m, choice(), tick(0), '笔记本1')
        }
      } else {
        for (const m of eligible) {
          checkOffVoter(doc, voteId, m)
          ballots.push(choice())
        }
      }
      const result = evaluateVote(voteInput(doc, voteId, settings, ballots)!)
      closeVote(doc, voteId, { ballots, result }, tick())
      if (result.outcome === 'passed') passed.push(motionId)
    }
  }
  closeSession(doc, tick(5))

  // 3. The minutes, typed over several sittings on the following days.
  const jobs: { target: Target; text: string }[] = [
    { target: { kind: 'narrative' }, text: minutesText(rng, NARRATIVE_CHARS) },
    ...itemIds.map((itemId) => ({ target: { kind: 'item', itemId } as Target, text: minutesText(rng, ITEM_NOTES_CHARS) })),
  ]
  const total = jobs.reduce((n, j) => n + j.text.length, 0)
  let edits = 0
  let deleted = 0
  let typed = 0
  for (let sitting = 0; sitting < DRAFTING_SITTINGS; sitting++) {
    doc = life.session()
    const until = Math.round((total * (sitting + 1)) / DRAFTING_SITTINGS)
    for (const job of jobs) {
      if (typed >= until || !job.text) continue
      const part = job.text.slice(0, until - typed)
      job.text = job.text.slice(part.length)
      typed += part.length
      const r = typeInto(doc, job.target, part, rng)
      edits += r.edits
      deleted += r.deleted
    }
    if (sitting === DRAFTING_SITTINGS - 1) {
      for (const m of passed) setResolution(doc, m, { implementer: rng.pick(['社区居委会', '物业服务中心', '议事会监事会']), due: iso(t0 + 60 * DAY).slice(0, 10) })
    }
  }
  if (!plan.complete) return { meetingId, life, edits, deletedChars: deleted }

  // 4. Signatures, seal, public notice, the bundle to the street office, its answer.
  doc = life.session()
  const signAt = t0 + 6 * DAY
  finishDraft(doc, iso(signAt))
  const hash = await sha256Hex(utf8(canonicalJson(assembleMeetingRecord(doc, council))))
  const chair = plan.register.find((m) => m.role === 'chair')?.name ?? '主任'
  const recorder = plan.register.find((m) => m.role === 'recorder')?.name ?? '记录人'
  signMinutes(doc, { role: 'chair', name: chair }, hash, iso(signAt + MIN))
  signMinutes(doc, { role: 'recorder', name: recorder }, hash, iso(signAt + 2 * MIN))
  const record = assembleMeetingRecord(doc, council)
  const sealed = await sealMinutes(record, [
    { role: 'chair', name: chair, signedAt: iso(signAt + MIN) },
    { role: 'recorder', name: recorder, signedAt: iso(signAt + 2 * MIN) },
  ], plan.key)
  storeSeal(doc, sealed, iso(signAt + 3 * MIN))
  const noticeDay = iso(signAt + DAY).slice(0, 10)
  postPublicNotice(doc, { place: '院落公示栏', startDate: noticeDay, endDate: iso(signAt + 7 * DAY).slice(0, 10) }, iso(signAt + DAY))
  doc = life.session()
  const bundleHash = await sha256Hex(utf8(`${sealed.hash}:bundle`))
  recordSubmission(doc, bundleHash, iso(signAt + 9 * DAY))
  doc = life.session()
  const reviewedAt = iso(signAt + 15 * DAY)
  // The review file as the street office signs it (its shape is opaque to the meeting document).
  const file = { schema: 'yishi.review/1', review: { sealedHash: sealed.hash, meetingId, decision: 'accepted', comments: '', office: '街道办', reviewer: '王科长', reviewedAt }, publicKey: sealed.publicKey, signature: sealed.signature }
  recordReview(doc, { hash: await sha256Hex(utf8(canonicalJson(file))), decision: 'accepted', comments: '', reviewer: '街道办 · 王科长', reviewedAt, file }, iso(signAt + 16 * DAY))
  return { meetingId, life, edits, deletedChars: deleted }
}
