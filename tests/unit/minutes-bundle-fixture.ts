// Bundles for the bundle and review tests (not a test file itself): the closed meeting of
// minutes-fixture.ts sealed and bundled with an annex that passes every check, builders for a
// roll-call vote and for a vote after quorum was lost, and a low-level seal that skips
// sealMinutes's signature rule (to craft minutes the checklist must catch).
import type * as Y from 'yjs'
import { markAbsent, markLeave, markPresent, recordDeparture, startSignIn } from '../../src/shared/doc/attendance'
import { moveMotion, proposeMotion, secondMotion } from '../../src/shared/doc/motions'
import { recuse } from '../../src/shared/doc/recusals'
import { closeSession, openSession } from '../../src/shared/doc/session'
import { closeVote, openVote, recordRollCall, setHandsCounts, voteInput } from '../../src/shared/doc/votes'
import { evaluateVote } from '../../src/shared/domain/votes'
import type { AgendaItemId } from '../../src/shared/domain/ids'
import { createBundle, type Annex, type Bundle } from '../../src/shared/minutes/bundle'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { amendSealed, canonicalBytes, generateDeviceKey, SEAL_ALGORITHM, sealMinutes, type SealedMinutes, type Signature } from '../../src/shared/minutes/seal'
import type { MeetingRecord } from '../../src/shared/minutes/types'
import { toBase64Url } from '../../src/shared/sync/joinCode'
import { exportRawPublicKey, sha256Hex, signEd25519, type KeyPairLike } from '../../src/shared/minutes/webCrypto'
import { closedMeeting, council } from './minutes-fixture'
import { at, memberId, noticedMeeting, register, SECONDING } from './session-helpers'

/** The chair and the recorder sign ten minutes after the session closed (at(30)). */
export const SIGS: Signature[] = [
  { role: 'recorder', name: '成员2', signedAt: at(41) },
  { role: 'chair', name: '李主任', signedAt: at(40) },
]
/** The reviewer's date: after the notice ended (2025-03-17) and the submission (2025-03-18). */
export const TODAY = '2025-03-20'
export const SUBMITTED_AT = '2025-03-18T02:00:00.000Z' // 10:00 in Chengdu

/** One device key for the whole test file (sealing and exporting), as on one laptop. */
const deviceKey = generateDeviceKey()
export const theKey = (): Promise<KeyPairLike> => deviceKey

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

export const recordOf = (doc: Y.Doc): MeetingRecord => assembleMeetingRecord(doc, council())
/** The record of minutes-fixture.ts's closed meeting: two hands votes on item 0, where member 3 is recused. */
export const baseRecord = (): MeetingRecord => recordOf(closedMeeting().doc)

/** A 7-day notice ended the day before the submission, one handled objection, one correction. */
export function annexFor(sealed: SealedMinutes, overrides: Partial<Annex> = {}): Annex {
  return {
    corrections: [amendSealed(sealed, { text: '更正：第二项议题的提出人为王五', at: '2025-03-11T02:00:00.000Z', by: '成员2' })],
    notice: { place: '社区公示栏', startDate: '2025-03-11', endDate: '2025-03-17', postedAt: '2025-03-11T01:00:00.000Z' },
    objections: [{ id: 'obj-1', receivedOn: '2025-03-12', from: '3栋住户', content: '担心施工噪音', handling: '已答复：施工限定白天', handledOn: '2025-03-13' }],
    submittedAt: SUBMITTED_AT,
    ...overrides,
  }
}

/**
 * Seals like sealMinutes but without its rule that both the chair and the recorder signed: the
 * review checklist must catch minutes that reach the street office that way anyway (another
 * implementation, an older build), so the tests need them signed for real.
 */
export async function sealUnchecked(record: MeetingRecord, signatures: Signature[], key: KeyPairLike): Promise<SealedMinutes> {
  const content = clone({ record, signatures })
  const bytes = canonicalBytes(content.record, content.signatures)
  const [hash, signature, publicKey] = await Promise.all([sha256Hex(bytes), signEd25519(key.privateKey, bytes), exportRawPublicKey(key.publicKey)])
  return { ...content, algorithm: SEAL_ALGORITHM, hash, signature: toBase64Url(signature), publicKey: toBase64Url(publicKey) }
}

/** Seals a record with SIGS (or the signatures given) and bundles it with annexFor(…, overrides). */
export async function bundleOf(record: MeetingRecord, options: { annex?: Partial<Annex>; key?: KeyPairLike; signatures?: Signature[] } = {}): Promise<Bundle> {
  const key = options.key ?? (await deviceKey)
  const sealed = options.signatures ? await sealUnchecked(record, options.signatures, key) : await sealMinutes(record, SIGS, key)
  return createBundle(sealed, annexFor(sealed, options.annex), key)
}

/** Item 0 of a record, its first main motion and that motion's first vote (edited in place by the tests). */
export function mainVote(record: MeetingRecord) {
  const motion = record.agenda[0]!.motions[0]!
  return { item: record.agenda[0]!, motion, vote: motion.votes[0]! }
}

const SETTINGS = { quorumRule: 'more_than_half' } as const

/**
 * The attendance of closedMeeting, in session (closedMeeting closes its session, so it cannot be
 * extended): members 1–7, 2 the recorder, 7 an observer, 6 on leave, 5 absent, 1–4 present, 3
 * recused on item 0.
 */
function inSessionMeeting(): { doc: Y.Doc; itemId: AgendaItemId } {
  const { doc, itemIds } = noticedMeeting()
  const members = register(7, (i) => (i === 2 ? { role: 'recorder' } : i === 7 ? { role: 'observer' } : {}))
  startSignIn(doc, members, at(-30))
  for (const i of [1, 2, 3, 4]) markPresent(doc, memberId(i), at(-20))
  markLeave(doc, memberId(6), '出差', at(-25))
  markAbsent(doc, memberId(5), at(-10))
  recuse(doc, itemIds[0]!, memberId(3), '住3栋', at(-5))
  openSession(doc, { quorumMet: true }, at(0))
  return { doc, itemId: itemIds[0]! }
}

/** Item 0 voted by roll call under half_present: 1–4 present, 3 recused, so 1 and 2 vote for, 4 against. */
export function rollCallMeeting(): Y.Doc {
  const { doc, itemId } = inSessionMeeting()
  const motionId = proposeMotion(doc, { itemId, proposerId: memberId(1), text: '同意3栋加装电梯' }, at(5))
  secondMotion(doc, motionId, memberId(2), at(6))
  moveMotion(doc, motionId, 'debating', SECONDING, at(7))
  const id = openVote(doc, motionId, { method: 'roll_call', rule: 'half_present' }, at(10))
  for (const [i, choice] of [
    [1, 'for'],
    [2, 'for'],
    [4, 'against'],
  ] as const)
    recordRollCall(doc, id, memberId(i), choice, at(11))
  closeVote(doc, id, { ballots: [], result: evaluateVote(voteInput(doc, id, SETTINGS)!) }, at(12))
  closeSession(doc, at(30))
  return doc
}

/** Members 1 and 4 leave before the vote on item 0: 2 of 6 present, so it is held without quorum (invalid). */
export function quorumLostMeeting(): Y.Doc {
  const { doc, itemId } = inSessionMeeting()
  const motionId = proposeMotion(doc, { itemId, proposerId: memberId(2), text: '同意3栋加装电梯' }, at(5))
  secondMotion(doc, motionId, memberId(1), at(6))
  moveMotion(doc, motionId, 'debating', SECONDING, at(7))
  for (const i of [1, 4]) recordDeparture(doc, memberId(i), at(8))
  const id = openVote(doc, motionId, { method: 'hands', rule: 'simple_majority' }, at(10))
  setHandsCounts(doc, id, { for: 1, against: 0, abstain: 0 })
  closeVote(doc, id, { ballots: [], result: evaluateVote(voteInput(doc, id, SETTINGS)!) }, at(11))
  closeSession(doc, at(30))
  return doc
}
