// The secretary's minutes work, each step one transaction on the meeting document, acknowledged
// once stored: drafting, signing, sealing with this device's key, corrections, the public notice
// and its objections, the bundle for the street office, and the answer that comes back.
import type * as Y from 'yjs'
import { canonicalJson } from '../../../shared/doc/canonical'
import { addObjection, editText, finishDraft, handleObjection, postPublicNotice, readObjections, readPublicNotice, setResolutionField } from '../../../shared/doc/minutes'
import { addCorrection, readCorrections, readSealed, readSignatures, recordReview, recordSubmission, signMinutes, storeSeal, withdrawSignature } from '../../../shared/minutes/sealedStore'
import { DocError } from '../../../shared/doc/errors'
import type { Council } from '../../../shared/domain/council'
import { createBundle, encodeBundle } from '../../../shared/minutes/bundle'
import type { MinutesSources } from '../../../shared/minutes/layout'
import { assembleMeetingRecord } from '../../../shared/minutes/model'
import { decodeReview, verifyReview } from '../../../shared/minutes/review'
import { amendSealed, sealMinutes } from '../../../shared/minutes/seal'
import { sha256Hex, utf8 } from '../../../shared/minutes/webCrypto'
import type { AppEnv } from '../../kit/env'
import { UnsavedInputError } from '../../kit/unsaved'
import { deviceKey } from '../../data/deviceKey'
import type { DocHandle } from '../../sync/docs'
import { writeDoc } from '../../kit/write'

/** The SHA-256 of the meeting record as it stands: what a signature attests. */
export const contentHash = (doc: Y.Doc, council: Council): Promise<string> => sha256Hex(utf8(canonicalJson(assembleMeetingRecord(doc, council))))

/** Everything the printed documents show: the sealed content once sealed, the live draft before. */
export function minutesSources(doc: Y.Doc, council: Council): MinutesSources {
  const sealed = readSealed(doc)
  return {
    record: sealed ? sealed.record : assembleMeetingRecord(doc, council),
    signatures: sealed ? sealed.signatures : readSignatures(doc).map(({ role, name, signedAt }) => ({ role, name, signedAt })),
    sealedHash: sealed?.hash ?? null,
    corrections: readCorrections(doc).map(({ schema, amends, text, at, by }) => ({ schema, amends, text, at, by })),
    notice: readPublicNotice(doc),
    objections: readObjections(doc),
  }
}

export const editNarrative = (h: DocHandle, target: Parameters<typeof editText>[1], value: string) => editText(h.doc, target, value)
/** One follow-up field as typed (synchronous, like the narrative: the document holds it at once). */
export const editFollowUp = (h: DocHandle, motionId: string, field: 'implementer' | 'due', value: string) => setResolutionField(h.doc, motionId, field, value)

/**
 * The draft is ready to sign. Refused, naming the fields, while a deadline on screen is typed
 * only in part (a date input cannot hand over half a date, so it is not in the document yet).
 */
export async function completeDraft(env: AppEnv, h: DocHandle, pending: readonly string[] = []): Promise<void> {
  if (pending.length > 0) throw new UnsavedInputError(pending)
  await writeDoc(env, h, (d, now) => finishDraft(d, now))
}

export async function sign(env: AppEnv, h: DocHandle, council: Council, role: 'chair' | 'recorder', name: string): Promise<void> {
  const hash = await contentHash(h.doc, council)
  await writeDoc(env, h, (d, now) => signMinutes(d, { role, name }, hash, now))
}
export const unsign = (env: AppEnv, h: DocHandle, role: 'chair' | 'recorder') => writeDoc(env, h, (d) => withdrawSignature(d, role))

/**
 * Seals the minutes with this device's key. Both signatures must be of the record as it is now:
 * a draft edited after someone signed asks them to sign again.
 */
export async function seal(env: AppEnv, h: DocHandle, council: Council): Promise<void> {
  const record = assembleMeetingRecord(h.doc, council)
  const hash = await sha256Hex(utf8(canonicalJson(record)))
  const signatures = readSignatures(h.doc)
  if (signatures.length < 2 || signatures.some((s) => s.contentHash !== hash)) throw new DocError('signaturesStale')
  const key = await deviceKey(env.db, env.now())
  const sealed = await sealMinutes(
    record,
    signatures.map(({ role, name, signedAt }) => ({ role, name, signedAt })),
    key.keyPair,
  )
  await writeDoc(env, h, (d, now) => storeSeal(d, sealed, now))
}

export async function correct(env: AppEnv, h: DocHandle, text: string, by: string): Promise<void> {
  const sealed = readSealed(h.doc)
  if (!sealed) throw new DocError('notFound')
  await writeDoc(env, h, (d, now) => void addCorrection(d, amendSealed(sealed, { text, at: now, by })))
}

export const postNotice = (env: AppEnv, h: DocHandle, notice: { place: string; startDate: string; endDate: string }) => writeDoc(env, h, (d, now) => postPublicNotice(d, notice, now))
export const newObjection = (env: AppEnv, h: DocHandle, o: { receivedOn: string; from: string; content: string }) => writeDoc(env, h, (d) => void addObjection(d, o))
export const settleObjection = (env: AppEnv, h: DocHandle, id: string, v: { handling: string; handledOn: string }) => writeDoc(env, h, (d) => handleObjection(d, id, v))

/** A file name the street office can sort by: council, meeting date, what it is. */
export function exportName(council: Council, startsAt: string, kind: string): string {
  return `${council.name}-${startsAt.slice(0, 10)}-${kind}`
}

/**
 * Builds the bundle for the street office (sealed minutes, corrections, notice, objections, signed
 * now by this device), saves it, and records the submission: published → submitted.
 */
export async function submitBundle(env: AppEnv, h: DocHandle, council: Council, fileLabel: string): Promise<{ saved: boolean }> {
  const sealed = readSealed(h.doc)
  if (!sealed) throw new DocError('notFound')
  const now = env.now()
  const annex = {
    corrections: readCorrections(h.doc).map(({ schema, amends, text, at, by }) => ({ schema, amends, text, at, by })),
    notice: readPublicNotice(h.doc),
    objections: readObjections(h.doc),
    submittedAt: now,
  }
  if (!annex.notice) throw new DocError('noticeRequired')
  const key = await deviceKey(env.db, now)
  const bundle = await createBundle(sealed, annex, key.keyPair)
  const result = await env.platform.saveFile({
    suggestedName: `${exportName(council, sealed.record.meeting.startsAt, fileLabel)}.yishi.json`,
    kind: 'bundle',
    data: encodeBundle(bundle),
    mime: 'application/json',
  })
  if (result.saved) await writeDoc(env, h, (d) => recordSubmission(d, bundle.annexSeal.hash, now))
  return result
}

export type ReviewImportError = 'unreadable' | 'notVerified' | 'otherMeeting'

export class ReviewImportFailure extends Error {
  constructor(readonly code: ReviewImportError) {
    super(`review import: ${code}`)
    this.name = 'ReviewImportFailure'
  }
}

/** Imports the street office's signed answer: verified, and of these sealed minutes, or refused with the reason. */
export async function importReview(env: AppEnv, h: DocHandle, text: string): Promise<'accepted' | 'returned'> {
  const decoded = decodeReview(text)
  if (!decoded.ok) throw new ReviewImportFailure('unreadable')
  const verified = await verifyReview(decoded.file)
  if (!verified.ok) throw new ReviewImportFailure('notVerified')
  const sealed = readSealed(h.doc)
  const r = decoded.file.review
  if (!sealed || r.sealedHash !== sealed.hash || r.meetingId !== sealed.record.meeting.id) throw new ReviewImportFailure('otherMeeting')
  await writeDoc(env, h, (d, now) =>
    recordReview(d, { hash: decoded.file.hash, decision: r.decision, comments: r.comments, reviewer: r.office ? `${r.office} · ${r.reviewer}` : r.reviewer, reviewedAt: r.reviewedAt, file: JSON.parse(text) as unknown }, now),
  )
  return r.decision
}
