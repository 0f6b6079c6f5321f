// The minutes in the meeting document: two secretaries typing in the same text on two devices
// keep both their words; the draft → signed → published → submitted → accepted / returned path
// with its guards; a sealed minutes is never edited, only corrected.
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/shared/doc/canonical'
import { readMeeting } from '../../src/shared/doc/meeting'
import { addObjection, defaultNoticeEnd, editText, finishDraft, handleObjection, postPublicNotice, readItemNotes, readNarrative, readObjections, readPublicNotice, readResolution, setResolution } from '../../src/shared/doc/minutes'
import { addCorrection, readCorrections, readReviews, readSealed, readSignatures, recordReview, recordSubmission, signMinutes, storeSeal, withdrawSignature } from '../../src/shared/minutes/sealedStore'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { amendSealed, generateDeviceKey, sealMinutes } from '../../src/shared/minutes/seal'
import { sha256Hex, utf8 } from '../../src/shared/minutes/webCrypto'
import { expectDocError, replicaOf, syncAll } from './helpers'
import { closedMeeting, council } from './minutes-fixture'
import { at } from './session-helpers'

const hashOf = async (doc: Parameters<typeof assembleMeetingRecord>[0]) => sha256Hex(utf8(canonicalJson(assembleMeetingRecord(doc, council()))))

/** Signs with both roles the draft as it stands, and seals it with a fresh key. */
async function signAndSeal(doc: Parameters<typeof assembleMeetingRecord>[0]) {
  const hash = await hashOf(doc)
  signMinutes(doc, { role: 'chair', name: '李主任' }, hash, at(40))
  signMinutes(doc, { role: 'recorder', name: '成员2' }, hash, at(41))
  const sigs = readSignatures(doc).map(({ role, name, signedAt }) => ({ role, name, signedAt }))
  const sealed = await sealMinutes(assembleMeetingRecord(doc, council()), sigs, await generateDeviceKey())
  storeSeal(doc, sealed, at(42))
  return sealed
}

describe('drafting the narrative', () => {
  it('keeps both secretaries’ words when they type in the same text on two devices at once', () => {
    const f = closedMeeting(1)
    const a = f.doc
    editText(a, { kind: 'narrative' }, '会议由李主任主持。\n会议结束。')
    const b = replicaOf(a, 2)
    editText(a, { kind: 'narrative' }, '会议由李主任主持，到会四人。\n会议结束。')
    editText(b, { kind: 'narrative' }, '会议由李主任主持。\n会议结束，与会者无异议。')
    syncAll(a, b)
    expect(readNarrative(a)).toBe(readNarrative(b))
    expect(readNarrative(a)).toBe('会议由李主任主持，到会四人。\n会议结束，与会者无异议。')
    expect(assembleMeetingRecord(a, council()).narrative).toBe(readNarrative(a))
  })

  it('edits only what changed, never splitting an emoji or a rare character', () => {
    const f = closedMeeting()
    editText(f.doc, { kind: 'narrative' }, '甲𠀀乙')
    editText(f.doc, { kind: 'narrative' }, '甲𠀁乙')
    expect(readNarrative(f.doc)).toBe('甲𠀁乙')
  })

  it('keeps notes per agenda item and the resolution’s follow-up, both in the record', () => {
    const f = closedMeeting()
    const itemId = assembleMeetingRecord(f.doc, council()).agenda[0]!.id
    editText(f.doc, { kind: 'item', itemId }, '居民代表普遍支持。')
    setResolution(f.doc, f.motionId, { implementer: '物业公司', due: '2025-06-30' })
    const record = assembleMeetingRecord(f.doc, council())
    expect(readItemNotes(f.doc, itemId)).toBe('居民代表普遍支持。')
    expect(record.agenda[0]!.notes).toBe('居民代表普遍支持。')
    expect(record.agenda[0]!.motions[0]!.resolution).toEqual({ implementer: '物业公司', due: '2025-06-30' })
    expect(readResolution(f.doc, f.amendmentId)).toBeNull()
    expectDocError(() => setResolution(f.doc, f.motionId, { implementer: 'x', due: '30/06/2025' }), 'invalidInput')
  })

  it('reading the minutes of a document never writes to it', () => {
    const f = closedMeeting()
    let updates = 0
    f.doc.on('update', () => updates++)
    readNarrative(f.doc)
    readItemNotes(f.doc, 'nope')
    assembleMeetingRecord(f.doc, council())
    expect(updates).toBe(0)
  })
})

describe('signing and sealing', () => {
  it('asks for signatures on the finished draft, and refuses a seal whose signatures are not the stored ones', async () => {
    const f = closedMeeting()
    const hash = await hashOf(f.doc)
    expectDocError(() => signMinutes(f.doc, { role: 'chair', name: '李主任' }, hash, at(40)), 'wrongMeetingStatus')
    finishDraft(f.doc, at(35))
    signMinutes(f.doc, { role: 'chair', name: '李主任' }, hash, at(40))
    signMinutes(f.doc, { role: 'recorder', name: '成员2' }, hash, at(41))
    expect(readSignatures(f.doc).map((s) => [s.role, s.name, s.contentHash])).toEqual([
      ['chair', '李主任', hash],
      ['recorder', '成员2', hash],
    ])
    const key = await generateDeviceKey()
    const other = await sealMinutes(assembleMeetingRecord(f.doc, council()), [
      { role: 'chair', name: '别人', signedAt: at(40) },
      { role: 'recorder', name: '成员2', signedAt: at(41) },
    ], key)
    expectDocError(() => storeSeal(f.doc, other, at(42)), 'signaturesStale')
    expect(readMeeting(f.doc)?.status).toBe('minutes_drafted')
  })

  it('an edit after signing changes the hash the signature was given to', async () => {
    const f = closedMeeting()
    finishDraft(f.doc, at(35))
    const before = await hashOf(f.doc)
    signMinutes(f.doc, { role: 'chair', name: '李主任' }, before, at(40))
    editText(f.doc, { kind: 'narrative' }, '补充一句。')
    expect(await hashOf(f.doc)).not.toBe(before)
    withdrawSignature(f.doc, 'chair')
    expect(readSignatures(f.doc)).toEqual([])
  })

  it('seals: signed, stored once, and nothing of the draft can change afterwards', async () => {
    const f = closedMeeting()
    finishDraft(f.doc, at(35))
    const sealed = await signAndSeal(f.doc)
    expect(readMeeting(f.doc)?.status).toBe('signed')
    expect(readSealed(f.doc)?.hash).toBe(sealed.hash)
    expectDocError(() => storeSeal(f.doc, sealed, at(43)), 'wrongMeetingStatus')
    expectDocError(() => editText(f.doc, { kind: 'narrative' }, 'x'), 'wrongMeetingStatus')
    expectDocError(() => setResolution(f.doc, f.motionId, { implementer: 'x', due: '' }), 'wrongMeetingStatus')
  })
})

describe('notice, submission and the street office’s answer', () => {
  async function sealedMeeting() {
    const f = closedMeeting()
    finishDraft(f.doc, at(35))
    const sealed = await signAndSeal(f.doc)
    return { ...f, sealed }
  }

  it('posts a 7-day notice, registers objections and their handling, and is submitted', async () => {
    const f = await sealedMeeting()
    expect(defaultNoticeEnd('2025-03-11')).toBe('2025-03-17')
    expect(defaultNoticeEnd('2024-02-26')).toBe('2024-03-03')
    expectDocError(() => recordSubmission(f.doc, 'h'.repeat(64), at(50)), 'wrongMeetingStatus')
    expectDocError(() => postPublicNotice(f.doc, { place: '', startDate: '2025-03-11', endDate: '2025-03-10' }, at(50)), 'invalidInput')
    postPublicNotice(f.doc, { place: '社区公告栏', startDate: '2025-03-11', endDate: '2025-03-17' }, at(50))
    expect(readPublicNotice(f.doc)).toEqual({ place: '社区公告栏', startDate: '2025-03-11', endDate: '2025-03-17', postedAt: at(50) })
    const id = addObjection(f.doc, { receivedOn: '2025-03-12', from: '3栋王女士', content: '担心噪音' })
    expect(readObjections(f.doc)[0]).toMatchObject({ id, handling: '', handledOn: null })
    handleObjection(f.doc, id, { handling: '已约定施工时间', handledOn: '2025-03-13' })
    expect(readObjections(f.doc)[0]).toMatchObject({ handling: '已约定施工时间', handledOn: '2025-03-13' })
    recordSubmission(f.doc, 'a'.repeat(64), at(60 * 24 * 8))
    expect(readMeeting(f.doc)?.status).toBe('submitted')
  })

  it('a return reopens the minutes for a correction that refers to the seal, and they go again', async () => {
    const f = await sealedMeeting()
    postPublicNotice(f.doc, { place: '社区公告栏', startDate: '2025-03-11', endDate: '2025-03-17' }, at(50))
    recordSubmission(f.doc, 'a'.repeat(64), at(60 * 24 * 8))
    const review = { hash: 'b'.repeat(64), decision: 'returned' as const, comments: '请补充落实人', reviewer: '街道王科长', reviewedAt: at(60 * 24 * 9), file: { any: 1 } }
    recordReview(f.doc, review, at(60 * 24 * 9))
    recordReview(f.doc, review, at(60 * 24 * 9 + 1))
    expect(readReviews(f.doc)).toHaveLength(1)
    expect(readMeeting(f.doc)?.status).toBe('returned')
    expectDocError(() => addCorrection(f.doc, { ...amendSealed(f.sealed, { text: 'x', at: at(60 * 24 * 10), by: '成员2' }), amends: 'c'.repeat(64) }), 'invalidInput')
    addCorrection(f.doc, amendSealed(f.sealed, { text: '决议落实人为物业公司。', at: at(60 * 24 * 10), by: '成员2' }))
    expect(readMeeting(f.doc)?.status).toBe('minutes_drafted')
    expect(readCorrections(f.doc).map((c) => c.amends)).toEqual([f.sealed.hash])
    expect(readSealed(f.doc)?.hash).toBe(f.sealed.hash)
    recordSubmission(f.doc, 'd'.repeat(64), at(60 * 24 * 11))
    expect(readMeeting(f.doc)?.status).toBe('submitted')
    recordReview(f.doc, { ...review, hash: 'e'.repeat(64), decision: 'accepted', comments: '' }, at(60 * 24 * 12))
    expect(readMeeting(f.doc)?.status).toBe('accepted')
  })
})
