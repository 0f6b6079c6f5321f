// The street office's checklist and review file: a clean bundle passes every item; a bundle with
// exactly one defect fails (or warns) that item and passes the others; the review file is signed,
// verified, refused when tampered, and a return without comments is refused.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateVote } from '../../src/shared/domain/votes'
import { createBundle, type Bundle } from '../../src/shared/minutes/bundle'
import {
  CHECKLIST_IDS,
  checkBundle,
  checklistPassed,
  createReview,
  decodeReview,
  encodeReview,
  ReviewError,
  reviewBytes,
  verifyReview,
  type ChecklistId,
  type ChecklistItem,
  type CheckStatus,
  type ReviewFile,
} from '../../src/shared/minutes/review'
import { exportPublicKey, generateDeviceKey, sealMinutes } from '../../src/shared/minutes/seal'
import type { MeetingRecord } from '../../src/shared/minutes/types'
import { signEd25519, utf8, type KeyPairLike } from '../../src/shared/minutes/webCrypto'
import { toBase64Url } from '../../src/shared/sync/joinCode'
import { decodeText } from '../../src/shared/runtime'
import { annexFor, baseRecord, bundleOf, clone, mainVote, quorumLostMeeting, recordOf, rollCallMeeting, SIGS, theKey, TODAY } from './minutes-bundle-fixture'
import { at, memberId } from './session-helpers'

const key = await theKey()
const base = await bundleOf(baseRecord())
const check = (b: Bundle, today = TODAY) => checkBundle(b, { today })

/** Every item of `id` has `status` (and there is at least one); every other item passes. */
function expectOnly(items: ChecklistItem[], id: ChecklistId, status: CheckStatus): ChecklistItem[] {
  expect(items.map((i) => i.id)).toEqual(expect.arrayContaining([...CHECKLIST_IDS]))
  const mine = items.filter((i) => i.id === id)
  expect(mine.length).toBeGreaterThan(0)
  for (const i of mine) expect(i.status, JSON.stringify(i)).toBe(status)
  for (const i of items.filter((x) => x.id !== id)) expect(i.status, JSON.stringify(i)).toBe('pass')
  return mine
}

/** The base record changed by `edit`, sealed again with a valid key (only the checklist can catch it). */
async function edited(edit: (r: MeetingRecord) => void, options: Parameters<typeof bundleOf>[1] = {}): Promise<Bundle> {
  const r = baseRecord()
  edit(r)
  return bundleOf(r, options)
}

describe('checkBundle', () => {
  it('passes every item of a clean bundle, in the order of CHECKLIST_IDS', () => {
    const items = check(base)
    expect(items.map((i) => i.id)).toEqual([...CHECKLIST_IDS])
    expect(items.every((i) => i.status === 'pass')).toBe(true)
    expect(checklistPassed(items)).toBe(true)
    expect(items.find((i) => i.id === 'notice')!.detail).toMatchObject({ days: 7, endDate: '2025-03-17', submittedOn: '2025-03-18' })
  })

  it('fails quorum for a vote held without it (members left before the vote), naming the vote', async () => {
    const b = await bundleOf(recordOf(quorumLostMeeting()))
    const [fail] = expectOnly(check(b), 'quorum', 'fail')
    const { vote, motion, item } = mainVote(b.sealed.record)
    expect(vote.result!.outcome).toBe('invalid')
    expect(fail).toEqual({
      id: 'quorum',
      status: 'fail',
      detail: { reason: 'quorumNotMet', present: 2, required: 4, members: 6 },
      ref: { itemId: item.id, motionId: motion.id, voteId: vote.id },
    })
    expect(checklistPassed(check(b))).toBe(false)
  })

  it('fails quorum when the session opened without it and without an override; warns with one', async () => {
    const without = await edited((r) => (r.session.quorumMet = false))
    expect(expectOnly(check(without), 'quorum', 'fail')[0]!.detail).toEqual({ reason: 'sessionWithoutQuorum' })
    const overridden = await edited((r) => {
      r.session.quorumMet = false
      r.session.quorumOverride = { by: '李主任', reason: '天气原因', at: at(0) }
    })
    expect(expectOnly(check(overridden), 'quorum', 'warn')[0]!.detail).toEqual({ reason: 'sessionOpenedByOverride' })
  })

  it("fails threshold for a claimed 'passed' whose counts do not meet the rule (re-sealed with a valid key)", async () => {
    const b = await edited((r) => {
      const c = mainVote(r).vote.result!.counts
      c.for = 1
      c.against = 2
    })
    const [fail] = expectOnly(check(b), 'threshold', 'fail')
    expect(fail!.detail).toMatchObject({
      reason: 'resultMismatch',
      rule: 'simple_majority',
      claimedOutcome: 'passed',
      outcome: 'failed',
      claimedThresholdMet: 'true',
      thresholdMet: 'false',
    })
    expect(fail!.ref!.voteId).toBe(mainVote(b.sealed.record).vote.id)
  })

  it("fails threshold when a motion's status disagrees with its last vote, or says passed without one", async () => {
    const status = await edited((r) => (mainVote(r).motion.status = 'failed'))
    expect(expectOnly(check(status), 'threshold', 'fail')[0]!.detail).toEqual({ reason: 'motionStatusMismatch', status: 'failed', outcome: 'passed' })
    const noVote = await edited((r) => (r.agenda[0]!.motions[0]!.amendments[0]!.votes = []))
    expect(expectOnly(check(noVote), 'threshold', 'fail')[0]!.detail).toEqual({ reason: 'passedWithoutVote', status: 'passed' })
  })

  it('recomputes a double majority from its figures, and warns when the owners cannot be recomputed', async () => {
    const owners = {
      totalOwners: 10,
      totalAreaCentiM2: 100_000,
      participating: { owners: 8, areaCentiM2: 80_000 },
      for: { owners: 5, areaCentiM2: 50_000 },
      against: { owners: 3, areaCentiM2: 30_000 },
    }
    const input = {
      rule: 'double_majority_ordinary',
      quorum: { rule: 'more_than_half', met: true },
      members: 6,
      present: 4,
      recused: 1,
      counts: { for: 3, against: 0, abstain: 0 },
      owners,
    } as const
    const setOwnerVote = (r: MeetingRecord, result: ReturnType<typeof evaluateVote>) => {
      const v = mainVote(r).vote
      v.rule = result.rule
      v.result = result
    }
    expect(evaluateVote(input).outcome).toBe('passed')
    expectOnly(check(await edited((r) => setOwnerVote(r, evaluateVote(input)))), 'threshold', 'pass')
    const claimed = await edited((r) => setOwnerVote(r, evaluateVote({ ...input, owners: { ...owners, for: { owners: 4, areaCentiM2: 40_000 } } })))
    const lied = clone(claimed) // the approval figure changed after the fact: not sealed again, the checklist reads content
    lied.sealed.record.agenda[0]!.motions[0]!.votes[0]!.result!.outcome = 'passed'
    expect(expectOnly(check(lied), 'threshold', 'fail')[0]!.detail).toMatchObject({ reason: 'resultMismatch', outcome: 'failed' })
    const unanimity = await edited((r) => setOwnerVote(r, evaluateVote({ ...input, rule: 'unanimity_affected', owners: { ...owners, affectedOwners: 5 } })))
    expect(expectOnly(check(unanimity), 'threshold', 'warn')[0]!.detail).toMatchObject({ reason: 'ownerDataInsufficient', rule: 'unanimity_affected' })
  })

  it('passes a roll call without the recused member, and fails one that names them', async () => {
    const record = recordOf(rollCallMeeting())
    expect(check(await bundleOf(record)).every((i) => i.status === 'pass')).toBe(true)
    const vote = mainVote(record).vote
    expect(vote.method).toBe('roll_call')
    // Member 3 (recused on item 0) in member 4's place: the counts still match the roll call.
    const entry = vote.rollCall.find((e) => e.member.id === memberId(4))!
    entry.member = { id: memberId(3), name: '成员3' }
    const [fail] = expectOnly(check(await bundleOf(record)), 'recusals', 'fail')
    expect(fail!.detail).toEqual({ reason: 'recusedInRollCall', memberId: memberId(3) })
    expect(fail!.ref).toEqual({ itemId: record.agenda[0]!.id, motionId: mainVote(record).motion.id, voteId: vote.id })
  })

  it('fails recusals when a vote counts other than the recused members present at it', async () => {
    const b = await edited((r) => {
      const c = mainVote(r).vote.result!.counts
      c.recused = 0 // member 3 counted as present and not voting instead
      c.notVoted = 1
    })
    expect(expectOnly(check(b), 'recusals', 'fail')[0]!.detail).toEqual({ reason: 'recusedCountMismatch', claimed: 0, expected: 1 })
    // A recusal recorded after the votes did not apply to them: a count of 1 is then too many.
    const late = await edited((r) => (r.agenda[0]!.recusals[0]!.at = at(25)))
    const fails = expectOnly(check(late), 'recusals', 'fail')
    expect(fails.map((f) => f.detail)).toEqual([
      { reason: 'recusedCountMismatch', claimed: 1, expected: 0 },
      { reason: 'recusedCountMismatch', claimed: 1, expected: 0 },
    ])
  })

  it('fails signatures when the recorder did not sign (sealed through a lower-level path) or a signature precedes the close', async () => {
    const b = await edited(() => {}, { signatures: SIGS.filter((s) => s.role === 'chair') })
    expect(expectOnly(check(b), 'signatures', 'fail')).toEqual([{ id: 'signatures', status: 'fail', detail: { role: 'recorder', reason: 'missing', closedAt: at(30) } }])
    const early = await edited(() => {}, { signatures: [SIGS[0]!, { ...SIGS[1]!, signedAt: at(20) }] })
    expect(expectOnly(check(early), 'signatures', 'fail')[0]!.detail).toMatchObject({ role: 'chair', reason: 'signedBeforeClose' })
  })

  it('fails a notice of 5 days, and a missing notice', async () => {
    const notice = { place: '社区公示栏', startDate: '2025-03-11', endDate: '2025-03-15', postedAt: '2025-03-11T01:00:00.000Z' }
    expect(expectOnly(check(await edited(() => {}, { annex: { notice } })), 'notice', 'fail')[0]!.detail).toMatchObject({ reason: 'tooShort', days: 5, required: 7 })
    expect(expectOnly(check(await edited(() => {}, { annex: { notice: null } })), 'notice', 'fail')[0]!.detail).toEqual({ reason: 'missing' })
  })

  it('warns on a notice still running at submission but over by today, and fails it while it still runs', async () => {
    const notice = { place: '社区公示栏', startDate: '2025-03-14', endDate: '2025-03-20', postedAt: '2025-03-14T01:00:00.000Z' }
    const b = await edited(() => {}, { annex: { notice } })
    expect(expectOnly(check(b, '2025-03-20'), 'notice', 'warn')[0]!.detail).toMatchObject({ reason: 'runningAtSubmission', submittedOn: '2025-03-18', endDate: '2025-03-20' })
    expect(expectOnly(check(b, '2025-03-19'), 'notice', 'fail')[0]!.detail).toMatchObject({ reason: 'stillRunning' })
  })

  it('reads the submission date in the community’s zone: 17:00 UTC is the next day in China', async () => {
    const b = await edited(() => {}, { annex: { submittedAt: '2025-03-16T17:00:00.000Z' } }) // 2025-03-17 01:00 in Chengdu
    expect(check(b).find((i) => i.id === 'notice')!.status).toBe('pass')
    expect(checkBundle(b, { today: TODAY, utcOffsetMinutes: 0 }).find((i) => i.id === 'notice')!.detail).toMatchObject({ reason: 'runningAtSubmission', submittedOn: '2025-03-16' })
  })

  it('fails objections with one item per pending objection', async () => {
    const objections = [
      { id: 'obj-1', receivedOn: '2025-03-12', from: '3栋住户', content: '担心施工噪音', handling: '已答复', handledOn: '2025-03-13' },
      { id: 'obj-2', receivedOn: '2025-03-14', from: '5栋住户', content: '费用分摊不公', handling: '', handledOn: null },
    ]
    const fails = expectOnly(check(await edited(() => {}, { annex: { objections } })), 'objections', 'fail')
    expect(fails).toEqual([{ id: 'objections', status: 'fail', detail: { reason: 'pending', objectionId: 'obj-2', receivedOn: '2025-03-14' } }])
  })

  it('warns on a meeting noticed 1 day ahead, fails one never noticed or noticed after the day, and counts calendar days', async () => {
    const oneDay = await edited((r) => (r.meeting.noticedAt = '2025-03-09T01:00:00.000Z'))
    expect(expectOnly(check(oneDay), 'meetingNotice', 'warn')[0]!.detail).toEqual({ reason: 'short', days: 1, required: 2, noticedOn: '2025-03-09', startsOn: '2025-03-10', openedOn: '2025-03-10' })
    expect(expectOnly(check(await edited((r) => (r.meeting.noticedAt = null))), 'meetingNotice', 'fail')[0]!.detail).toEqual({ reason: 'missing' })
    expect(expectOnly(check(await edited((r) => (r.meeting.noticedAt = '2025-03-11T01:00:00.000Z'))), 'meetingNotice', 'fail')[0]!.detail).toMatchObject({ reason: 'afterStart' })
    // 2025-03-07 23:00 UTC is 03-08 07:00 in Chengdu: two days ahead there.
    expect(check(await edited((r) => (r.meeting.noticedAt = '2025-03-07T23:00:00.000Z'))).find((i) => i.id === 'meetingNotice')!.detail).toMatchObject({ days: 2 })
  })

  it('counts the meeting notice to the actual opening, not the scheduled day', async () => {
    // Noticed 03-07, scheduled 03-10 (3 days), but opened on 03-08 (1 day): short, and opened early.
    const early = await edited((r) => (r.session.openedAt = '2025-03-08T11:30:00.000Z'))
    expect(expectOnly(check(early), 'meetingNotice', 'warn')[0]!.detail).toEqual({ reason: 'short', days: 1, required: 2, noticedOn: '2025-03-07', startsOn: '2025-03-10', openedOn: '2025-03-08' })
    // Opened a day early with notice enough still: warned, residents were told another day.
    const dayEarly = await edited((r) => (r.session.openedAt = '2025-03-09T11:30:00.000Z'))
    expect(expectOnly(check(dayEarly), 'meetingNotice', 'warn')[0]!.detail).toMatchObject({ reason: 'openedBeforeSchedule', days: 2, openedOn: '2025-03-09' })
    // Noticed one day before the schedule, but the meeting was postponed and opened two days later: enough.
    const late = await edited((r) => {
      r.meeting.noticedAt = '2025-03-09T01:00:00.000Z'
      r.session.openedAt = '2025-03-11T11:30:00.000Z'
    })
    expect(check(late).find((i) => i.id === 'meetingNotice')).toEqual({ id: 'meetingNotice', status: 'pass', detail: { days: 2, required: 2, noticedOn: '2025-03-09', startsOn: '2025-03-10', openedOn: '2025-03-11' } })
    // The opening instant is read in the community's zone: 03-07 17:00 UTC is 03-08 01:00 in Chengdu.
    const zoned = await edited((r) => (r.session.openedAt = '2025-03-07T17:00:00.000Z'))
    expect(check(zoned).find((i) => i.id === 'meetingNotice')!.detail).toMatchObject({ days: 1, openedOn: '2025-03-08' })
  })

  it('refuses an unreadable today, and never throws on damaged vote results', () => {
    expect(() => checkBundle(base, { today: '20.3.2025' })).toThrow(ReviewError)
    expect(() => checkBundle(base, { today: TODAY, utcOffsetMinutes: Number.NaN })).toThrow('offsetInvalid')
    const rule = fc.constantFrom('simple_majority', 'half_present', 'two_thirds_all', 'double_majority_major', 'unanimity_affected', 'bogus')
    const count = fc.oneof({ arbitrary: fc.nat(10), weight: 9 }, { arbitrary: fc.jsonValue(), weight: 1 })
    const counts = fc.record({ for: count, against: count, abstain: count, absent: count, recused: count, notVoted: count }, { requiredKeys: [] })
    const quorum = fc.oneof(fc.constant(null), fc.jsonValue(), fc.record({ met: fc.boolean(), required: count, present: count, members: count }))
    const figures = fc.oneof(
      fc.jsonValue(),
      fc.array(fc.record({ name: fc.constantFrom('participationArea', 'participationOwners', 'approvalArea', 'approvalOwners'), value: count, of: count })),
    )
    const result = fc.record({ outcome: fc.constantFrom('passed', 'failed', 'invalid', 'rejected', ''), rule, quorum, thresholdMet: fc.jsonValue(), figures, counts })
    fc.assert(
      fc.property(result, fc.boolean(), (r, sameRule) => {
        const b = clone(base)
        const vote = mainVote(b.sealed.record).vote
        vote.result = r as unknown as typeof vote.result
        if (sameRule) vote.rule = r.rule as typeof vote.rule
        const items = check(b)
        expect(items.filter((i) => i.id === 'threshold').length).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
  })
})

const office = await generateDeviceKey()
const input = {
  bundle: base,
  decision: 'accepted' as const,
  comments: '',
  reviewer: '王科长',
  office: '桂溪街道办事处',
  reviewedAt: '2025-03-20T02:00:00.000Z',
  checklist: check(base),
}
const file = await createReview(input, office)
const text = encodeReview(file)
const reason = async (t: string): Promise<string> => {
  const d = decodeReview(t)
  if (!d.ok) return d.error
  const v = await verifyReview(d.file)
  return v.ok ? 'ok' : v.reason
}
/** The review's own bytes signed by `signer`: a valid signature, by the wrong key. */
const signedBy = async (f: ReviewFile, signer: KeyPairLike): Promise<string> => toBase64Url(await signEd25519(signer.privateKey, reviewBytes(f.review)))

describe('review file', () => {
  it('signs the review of a bundle, naming its hashes, and verifies after a round trip', async () => {
    expect(file.format).toBe('yishi.review/1')
    expect(file.review).toMatchObject({
      bundleHash: base.annexSeal.hash,
      sealedHash: base.sealed.hash,
      councilId: base.sealed.record.council.id,
      meetingId: base.sealed.record.meeting.id,
      decision: 'accepted',
    })
    expect(file.publicKey).toBe(await exportPublicKey(office))
    expect(await verifyReview(file)).toEqual({ ok: true })
    const d = decodeReview(text)
    expect(d).toEqual({ ok: true, file })
    expect(await reason(text)).toBe('ok')
  })

  it('returns with comments; refuses a return without them, over-long comments, an unverifiable bundle, a blank reviewer', async () => {
    const returned = await createReview({ ...input, decision: 'returned', comments: '  公示期不足七日，请补充公示后重新报送。 ' }, office)
    expect(returned.review.comments).toBe('公示期不足七日，请补充公示后重新报送。')
    expect(await verifyReview(returned)).toEqual({ ok: true })
    await expect(createReview({ ...input, decision: 'returned', comments: '' }, office)).rejects.toMatchObject({ code: 'commentsRequired' })
    await expect(createReview({ ...input, decision: 'returned', comments: ' \n ' }, office)).rejects.toBeInstanceOf(ReviewError)
    expect((await createReview({ ...input, comments: 'x'.repeat(5000) }, office)).review.comments).toHaveLength(5000)
    await expect(createReview({ ...input, comments: 'x'.repeat(5001) }, office)).rejects.toMatchObject({ code: 'commentsTooLong' })
    const tampered = clone(base)
    tampered.annex.submittedAt = '2025-03-19T02:00:00.000Z'
    await expect(createReview({ ...input, bundle: tampered }, office)).rejects.toMatchObject({ code: 'bundleInvalid' })
    await expect(createReview({ ...input, reviewer: ' ' }, office)).rejects.toMatchObject({ code: 'reviewInvalid' })
    await expect(createReview({ ...input, reviewedAt: '2025-03-20' }, office)).rejects.toMatchObject({ code: 'reviewInvalid' })
  })

  it('catches tampering: the decision, a checklist status, the hash, the signature, a foreign key', async () => {
    const decision = clone(file)
    decision.review.decision = 'returned'
    decision.review.comments = '退回'
    expect(await verifyReview(decision)).toEqual({ ok: false, reason: 'hashMismatch' })
    const status = clone(file)
    status.review.checklist[0]!.status = 'fail'
    expect(await verifyReview(status)).toEqual({ ok: false, reason: 'hashMismatch' })
    const hash = clone(file)
    hash.hash = (hash.hash[0] === 'a' ? 'b' : 'a') + hash.hash.slice(1)
    expect(await verifyReview(hash)).toEqual({ ok: false, reason: 'hashMismatch' })
    const foreign = await generateDeviceKey()
    const swapped = { ...clone(file), publicKey: await exportPublicKey(foreign) }
    expect(await verifyReview(swapped)).toEqual({ ok: false, reason: 'badSignature' })
    const otherSig = { ...clone(file), signature: await signedBy(file, foreign) }
    expect(await verifyReview(otherSig)).toEqual({ ok: false, reason: 'badSignature' })
    const byCouncil = await createReview(input, key) // signed by the council's key, presented under the office's
    expect(await verifyReview({ ...byCouncil, publicKey: file.publicKey })).toEqual({ ok: false, reason: 'badSignature' })
  })

  it('never verifies a file with one byte flipped, nor a prefix of it', async () => {
    const bytes = utf8(text)
    for (let i = 0; i < bytes.length; i += 3) {
      const t = bytes.slice()
      t[i] = t[i]! ^ (1 << (i % 7))
      if ((await reason(decodeText(t, 'utf-8'))) === 'ok') expect.fail(`byte ${i} flipped still verifies`)
    }
    for (let n = 0; n < text.length; n++) expect(['truncated', 'notJson', 'malformed']).toContain(await reason(text.slice(0, n)))
  }, 60_000)

  it('decodes strictly, never throwing', async () => {
    expect(decodeReview('nope')).toEqual({ ok: false, error: 'notJson' })
    expect(decodeReview(JSON.stringify({ ...file, format: 'yishi.review/2' }))).toEqual({ ok: false, error: 'wrongFormat' })
    expect(decodeReview(JSON.stringify({ ...file, extra: 1 }))).toEqual({ ok: false, error: 'malformed' })
    expect(decodeReview(JSON.stringify({ ...file, review: { ...file.review, decision: 'returned', comments: ' ' } }))).toEqual({ ok: false, error: 'malformed' })
    expect(decodeReview(JSON.stringify({ ...file, review: { ...file.review, checklist: [{ id: 'other', status: 'pass', detail: {} }] } }))).toEqual({
      ok: false,
      error: 'malformed',
    })
    expect(decodeReview(JSON.stringify({ ...file, review: { ...file.review, checklist: [{ id: 'quorum', status: 'pass', detail: { x: [1] } }] } }))).toEqual({
      ok: false,
      error: 'malformed',
    })
    expect(decodeReview(JSON.stringify({ ...file, review: { ...file.review, comments: 'x'.repeat(5001) } }))).toEqual({ ok: false, error: 'malformed' })
    expect(await verifyReview({ ...file, format: 'other/1' })).toEqual({ ok: false, reason: 'unsupported' })
    expect(await verifyReview(undefined)).toEqual({ ok: false, reason: 'malformed' })
    fc.assert(
      fc.property(fc.nat(text.length - 1), fc.string({ maxLength: 3 }), (i, s) => {
        expect(() => decodeReview(text.slice(0, i) + s + text.slice(i + 1))).not.toThrow()
      }),
      { numRuns: 300 },
    )
  })

  it('reviews a bundle sealed on one laptop and exported on another', async () => {
    const sealed = await sealMinutes(baseRecord(), SIGS, await generateDeviceKey())
    const b = await createBundle(sealed, annexFor(sealed), key)
    const f = await createReview({ ...input, bundle: b, checklist: check(b) }, office)
    expect(f.review.bundleHash).toBe(b.annexSeal.hash)
    expect(decodeReview(encodeReview(f))).toEqual({ ok: true, file: f })
    expect(await verifyReview(f)).toEqual({ ok: true })
  })
})
