// Everything the secretary does in the room, as one transaction each on the meeting document,
// acknowledged only once stored on this device. Results come from the pure rules in
// shared/domain/votes; the UI never computes a threshold itself.
import type * as Y from 'yjs'
import type { Council } from '../../../shared/domain/council'
import type { AgendaItemId, MemberId, SpeechId, VoteId } from '../../../shared/domain/ids'
import type { Member } from '../../../shared/domain/member'
import type { Stance } from '../../../shared/domain/speaking'
import type { ThresholdRule } from '../../../shared/domain/council'
import { evaluateQuorum, evaluateVote, type Choice, type VoteResult } from '../../../shared/domain/votes'
import { addObserver, expectedFromRegister, headcount, markAbsent, markLeave, markPresent, recordArrival, recordDeparture, removeObserver, startSignIn } from '../../../shared/doc/attendance'
import { closeSession, openSession, readSession, setCurrentItem } from '../../../shared/doc/session'
import { readMeeting } from '../../../shared/doc/meeting'
import { dateOf } from '../../../shared/domain/dates'
import { moveMotion, proposeMotion, secondMotion, type Motion } from '../../../shared/doc/motions'
import { endSpeech, startSpeech, updateSummary } from '../../../shared/doc/speeches'
import { giveFloor, requestFloor, withdrawFloorRequest } from '../../../shared/doc/floor'
import { recuse, unrecuse } from '../../../shared/doc/recusals'
import { closeVote, openVote, readVote, recordRollCall, setHandsCounts, voteInput, type VoteMethod } from '../../../shared/doc/votes'
import type { AppEnv } from '../../kit/env'
import type { DocHandle } from '../../sync/docs'
import { stored, writeDoc } from '../../kit/write'
import { ballotsOf, castBallot, checkOff, clearVote, restoreCheckOffs } from '../../data/ballotBox'
import { sealPhones } from './phoneActions'

export const motionRules = (council: Council) => ({ secondingRequired: council.secondingRequired })

/**
 * Quorum now, under the council's rule, from who is present at this moment. Before sign-in opens
 * the meeting has no roster yet: with `register`, 应到 is then the register's members of the day.
 */
export function quorumNow(doc: Y.Doc, council: Council, at: string, register?: readonly Member[]) {
  const before = register !== undefined && readSession(doc).signInStartedAt === null
  const figures = before ? { members: expectedFromRegister(register, dateOf(readMeeting(doc)?.startsAt ?? '')), present: 0 } : headcount(doc, at)
  return evaluateQuorum(council.quorumRule, figures)
}

export const beginSignIn = (env: AppEnv, h: DocHandle, register: readonly Member[]) => writeDoc(env, h, (d, now) => void startSignIn(d, register, now))
export const present = (env: AppEnv, h: DocHandle, id: MemberId) => writeDoc(env, h, (d, now) => markPresent(d, id, now))
export const onLeave = (env: AppEnv, h: DocHandle, id: MemberId, reason: string) => writeDoc(env, h, (d, now) => markLeave(d, id, reason, now))
export const absent = (env: AppEnv, h: DocHandle, id: MemberId) => writeDoc(env, h, (d, now) => markAbsent(d, id, now))
export const arrives = (env: AppEnv, h: DocHandle, id: MemberId) => writeDoc(env, h, (d, now) => void recordArrival(d, id, now))
export const departs = (env: AppEnv, h: DocHandle, id: MemberId) => writeDoc(env, h, (d, now) => void recordDeparture(d, id, now))
export const newObserver = (env: AppEnv, h: DocHandle, name: string, note: string) => writeDoc(env, h, (d, now) => void addObserver(d, { name, note }, now))
export const dropObserver = (env: AppEnv, h: DocHandle, id: Parameters<typeof removeObserver>[1]) => writeDoc(env, h, (d) => removeObserver(d, id))

export function open(env: AppEnv, h: DocHandle, council: Council, override?: { by: string; reason: string }) {
  return writeDoc(env, h, (d, now) => {
    const q = quorumNow(d, council, now)
    openSession(d, q.met ? { quorumMet: true } : { quorumMet: false, ...(override ? { override } : {}) }, now)
  })
}
export const close = (env: AppEnv, h: DocHandle) => writeDoc(env, h, (d, now) => closeSession(d, now))
export const current = (env: AppEnv, h: DocHandle, itemId: AgendaItemId | null) => writeDoc(env, h, (d, now) => setCurrentItem(d, itemId, undefined, now))

export const propose = (env: AppEnv, h: DocHandle, input: { itemId: AgendaItemId; proposerId: MemberId; text: string; parentId?: Motion['id'] | null }) =>
  writeDoc(env, h, (d, now) => void proposeMotion(d, input, now))
export const second = (env: AppEnv, h: DocHandle, motionId: Motion['id'], memberId: MemberId) => writeDoc(env, h, (d, now) => secondMotion(d, motionId, memberId, now))
export const moveTo = (env: AppEnv, h: DocHandle, council: Council, motionId: Motion['id'], to: 'debating' | 'withdrawn' | 'deferred') =>
  writeDoc(env, h, (d, now) => moveMotion(d, motionId, to, motionRules(council), now))

export const speak = (env: AppEnv, h: DocHandle, input: { motionId: Motion['id']; speakerId: string; stance: Stance }) => writeDoc(env, h, (d, now) => void startSpeech(d, input, now))
/** Requests for the floor live in the meeting document (shared/doc/floor.ts), not in the screen. */
export const askFloor = (env: AppEnv, h: DocHandle, input: { motionId: Motion['id']; speakerId: string; stance: Stance }) => writeDoc(env, h, (d, now) => void requestFloor(d, input, now))
export const withdrawFloor = (env: AppEnv, h: DocHandle, motionId: Motion['id'], speakerId: string) => writeDoc(env, h, (d, now) => withdrawFloorRequest(d, motionId, speakerId, now))
/** Starts the speech and marks the speaker's request done, in one transaction. */
export const giveTheFloor = (env: AppEnv, h: DocHandle, input: { motionId: Motion['id']; speakerId: string; stance: Stance }) => writeDoc(env, h, (d, now) => void giveFloor(d, input, now))
export const stopSpeaking = (env: AppEnv, h: DocHandle, id: SpeechId, summary: string) =>
  writeDoc(env, h, (d, now) => {
    d.transact(() => {
      updateSummary(d, id, summary)
      endSpeech(d, id, now)
    })
  })

export const recuseMember = (env: AppEnv, h: DocHandle, itemId: AgendaItemId, memberId: MemberId, reason: string) => writeDoc(env, h, (d, now) => recuse(d, itemId, memberId, reason, now))
export const unrecuseMember = (env: AppEnv, h: DocHandle, itemId: AgendaItemId, memberId: MemberId) => writeDoc(env, h, (d) => unrecuse(d, itemId, memberId))

/** Opens a vote; with `phones`, residents may also vote from their phones (secret ballot, roll call). */
export const startVote = (env: AppEnv, h: DocHandle, motionId: Motion['id'], method: VoteMethod, rule: ThresholdRule, phones = false) =>
  writeDoc(env, h, (d, now) => void openVote(d, motionId, phones ? { method, rule, phones } : { method, rule }, now))
export const enterHands = (env: AppEnv, h: DocHandle, voteId: VoteId, counts: { for: number; against: number; abstain: number }) =>
  writeDoc(env, h, (d) => setHandsCounts(d, voteId, counts))
export const enterRollCall = (env: AppEnv, h: DocHandle, voteId: VoteId, memberId: MemberId, choice: Choice) =>
  writeDoc(env, h, (d, now) => void recordRollCall(d, voteId, memberId, choice, now))

/**
 * A secret ballot on this laptop: the voter is checked off in the document (who voted, never
 * what) and the ballot goes into the local ballot box, durably, before the screen says "cast".
 */
export async function castSecret(env: AppEnv, h: DocHandle, voteId: VoteId, memberId: MemberId, choice: Choice): Promise<void> {
  await checkOff(env.db, h.doc, voteId, memberId)
  await castBallot(env.db, voteId, choice)
  await stored(env, h)
}

/** After a reload: check-offs stored on this device that the document had not yet stored. */
export const restoreSecretVote = (env: AppEnv, h: DocHandle, voteId: VoteId) => restoreCheckOffs(env.db, h.doc, voteId)

/** The result the rules give right now (for the open vote), or null when not computable. */
export async function provisionalResult(env: AppEnv, h: DocHandle, council: Council, voteId: VoteId): Promise<VoteResult | null> {
  const vote = readVote(h.doc, voteId)
  if (!vote) return null
  const ballots = vote.method === 'secret' ? await ballotsOf(env.db, voteId) : undefined
  const input = voteInput(h.doc, vote.id, { quorumRule: council.quorumRule, recusedCountForQuorum: council.recusedCountForQuorum }, ballots)
  return input ? evaluateVote(input) : null
}

/**
 * Closes the vote: freezes the announced result and, for a secret ballot, seals the ballot box
 * (closeVote also applies an adopted amendment to its motion). Counts the rules refuse (more
 * votes than eligible voters) close nothing: the result comes back with its reasons. A vote with
 * phones first has the host write the phone ballots in (sealPhones); if that fails, it throws and
 * nothing is closed.
 */
export async function announce(env: AppEnv, h: DocHandle, council: Council, voteId: VoteId, sealTimeoutMs?: number): Promise<{ closed: boolean; result: VoteResult }> {
  await sealPhones(env, h, council.id, voteId, sealTimeoutMs)
  const vote = readVote(h.doc, voteId)
  if (!vote) throw new Error('vote not found')
  const ballots: Choice[] = vote.method === 'secret' ? await ballotsOf(env.db, voteId) : []
  const input = voteInput(h.doc, vote.id, { quorumRule: council.quorumRule, recusedCountForQuorum: council.recusedCountForQuorum }, ballots)
  if (!input) throw new Error('vote not found')
  const result = evaluateVote(input)
  if (result.outcome === 'rejected') return { closed: false, result }
  closeVote(h.doc, vote.id, { ballots, result }, env.now())
  await stored(env, h)
  if (vote.method === 'secret') await clearVote(env.db, voteId)
  return { closed: true, result }
}
