// The minutes from the secretary's laptop to the street office and back, on the real local stack
// (Dexie and y-indexeddb on fake-indexeddb, real WebCrypto): the device key survives a restart,
// the bundle the secretary saves verifies on the reviewer's device, a tampered or truncated copy
// is refused with its reason, and the reviewer's signed answer moves the meeting on.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import Dexie from 'dexie'
import * as Y from 'yjs'
import { openDb } from '../../src/renderer/data/db'
import { deviceKey } from '../../src/renderer/data/deviceKey'
import { completeDraft, importReview, postNotice, ReviewImportFailure, seal, sign, submitBundle } from '../../src/renderer/features/minutes/actions'
import { decide, openBundles } from '../../src/renderer/features/review/actions'
import { readMeeting } from '../../src/shared/doc/meeting'
import { readReviews, readSealed, readSubmissions } from '../../src/shared/minutes/sealedStore'
import { meetingDocName } from '../../src/shared/doc/names'
import { decodeBundle, verifyBundle } from '../../src/shared/minutes/bundle'
import { checkBundle } from '../../src/shared/minutes/review'
import { verifySealed } from '../../src/shared/minutes/seal'
import { asMeetingId } from '../../src/shared/domain/ids'
import { COUNCIL_ID, MEETING_ID } from '../unit/helpers'
import { closedMeeting, council } from '../unit/minutes-fixture'
import { newDevice, testPlatform, type TestEnv } from './env'

const NAME = meetingDocName(COUNCIL_ID, MEETING_ID)
const OTHER_MEETING = asMeetingId('7f3c9a10-3333-4b5c-8d6e-0f1a2b3c4d5e')

/** A secretary's device holding the closed fixture meeting (under another id if given), whose saved files land in `files`. */
async function secretary(meetingId = MEETING_ID) {
  const name = meetingDocName(COUNCIL_ID, meetingId)
  const device = newDevice()
  device.clock.advance(10 * 86_400_000) // the day after the meeting
  const env = device.start()
  const files: { name: string; text: string }[] = []
  env.platform = { ...testPlatform, saveFile: async ({ suggestedName: name, data }) => (files.push({ name, text: typeof data === 'string' ? data : new TextDecoder().decode(data) }), { saved: true }) }
  const h = await env.docs.acquire(name)
  const source = closedMeeting().doc
  source.getMap('meta').set('meetingId', meetingId)
  Y.applyUpdate(h.doc, Y.encodeStateAsUpdate(source))
  await env.docs.whenStored(name)
  return { device, env, h, files }
}

const asFile = (name: string, text: string) => ({ name, size: text.length, text: async () => text })

async function sealedAndSent(env: TestEnv, h: Awaited<ReturnType<typeof secretary>>['h']) {
  const c = council()
  await completeDraft(env, h)
  await sign(env, h, c, 'chair', '李主任')
  await sign(env, h, c, 'recorder', '成员2')
  await seal(env, h, c)
  await postNotice(env, h, { place: '社区公告栏', startDate: '2025-03-11', endDate: '2025-03-17' })
  return submitBundle(env, h, c, '报送')
}

describe('the device key', () => {
  it('is made once, non-extractable, and the same after a restart and for two windows asking at once', async () => {
    const device = newDevice()
    const env = device.start()
    const [a, b] = await Promise.all([deviceKey(env.db, env.now()), deviceKey(env.db, env.now())])
    expect(a.publicKey).toBe(b.publicKey)
    expect(a.keyPair.privateKey.extractable).toBe(false)
    const again = await device.restart(env)
    expect((await deviceKey(again.db, again.now())).publicKey).toBe(a.publicKey)
  })
})

describe('Dexie version 4', () => {
  it('upgrades a version 3 database, keeping its rows and adding the device key and the reviewer’s bundles', async () => {
    const name = `yishi-v3-${process.pid}-${Date.now()}`
    const v3 = new Dexie(name)
    v3.version(1).stores({ councils: 'id, name, openedAt', meetings: 'id, councilId, [councilId+startsAt], [councilId+year], [councilId+status]', settings: 'key' })
    v3.version(2).stores({ ballots: 'id, voteId', checkOffs: '[voteId+memberId], voteId' })
    v3.version(3).stores({ councilSync: 'councilId', issuedCodes: 'codeId, councilId' })
    await v3.table('settings').put({ key: 'language', value: 'en' })
    await v3.table('councilSync').put({ councilId: 'c-1', serverUrl: 'ws://127.0.0.1:1', code: 'YS1.x', access: 'rw', lastSyncedAt: null, updatedAt: '2025-03-01T09:00:00.000Z' })
    v3.close()
    const db = openDb(name)
    try {
      await db.open()
      expect(db.verno).toBe(5)
      expect(await db.settings.get('language')).toEqual({ key: 'language', value: 'en' })
      expect(await db.councilSync.count()).toBe(1)
      expect((await deviceKey(db, '2025-03-01T09:00:00.000Z')).publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/)
      expect(await db.reviews.count()).toBe(0)
    } finally {
      db.close()
      await Dexie.delete(name)
    }
  })
})

describe('sealing and sending', () => {
  it('seals with the device key, saves a bundle that verifies, and records the submission; all kept over a restart', async () => {
    const { device, env, h, files } = await secretary()
    await sealedAndSent(env, h)
    const sealed = readSealed(h.doc)!
    expect(await verifySealed(sealed)).toEqual({ ok: true })
    expect(sealed.publicKey).toBe((await deviceKey(env.db, env.now())).publicKey)
    expect(files).toHaveLength(1)
    expect(files[0]!.name).toBe('桂溪社区居民议事会-2025-03-10-报送.yishi.json')
    const decoded = decodeBundle(files[0]!.text)
    if (!decoded.ok) throw new Error(decoded.error)
    expect(await verifyBundle(decoded.bundle)).toEqual({ ok: true, sameKey: true })
    expect(readMeeting(h.doc)?.status).toBe('submitted')
    expect(readSubmissions(h.doc).map((s) => s.hash)).toEqual([decoded.bundle.annexSeal.hash])

    await env.docs.release(NAME)
    const again = await device.restart(env)
    const h2 = await again.docs.acquire(NAME)
    expect(readSealed(h2.doc)?.hash).toBe(sealed.hash)
    expect(readMeeting(h2.doc)?.status).toBe('submitted')
  })

  it('refuses to seal when a signature was given to an earlier version of the draft', async () => {
    const { env, h } = await secretary()
    const c = council()
    await completeDraft(env, h)
    await sign(env, h, c, 'chair', '李主任')
    await sign(env, h, c, 'recorder', '成员2')
    const { editText } = await import('../../src/shared/doc/minutes')
    editText(h.doc, { kind: 'narrative' }, '签字后又加了一句。')
    await expect(seal(env, h, c)).rejects.toMatchObject({ code: 'signaturesStale' })
    expect(readSealed(h.doc)).toBeNull()
    expect(readMeeting(h.doc)?.status).toBe('minutes_drafted')
  })
})

describe('the street office and back', () => {
  it('opens the bundle, refuses a tampered and a truncated copy with reasons, returns it, and the council imports the answer', async () => {
    const s = await secretary()
    await sealedAndSent(s.env, s.h)
    const text = s.files[0]!.text
    const reviewer = newDevice().start()

    const tampered = text.replace('同意3栋加装电梯', '同意4栋加装电梯')
    expect(tampered).not.toBe(text)
    const results = await openBundles(reviewer, [asFile('a.json', text), asFile('b.json', tampered), asFile('c.json', text.slice(0, 500)), asFile('a-again.json', text)])
    expect(results.map((r) => (r.ok ? `ok${r.again ? '-again' : ''}` : r.reason))).toEqual(['ok', 'hashMismatch', 'truncated', 'ok-again'])
    const rows = await reviewer.db.reviews.toArray()
    expect(rows).toHaveLength(1)

    const bundle = decodeBundle(text)
    if (!bundle.ok) throw new Error(bundle.error)
    const checklist = checkBundle(bundle.bundle, { today: '2025-03-20' })
    await decide(reviewer, rows[0]!, { decision: 'returned', comments: '请补充决议的落实人。', reviewer: '王科长', office: '桂溪街道办事处', checklist })
    const decided = (await reviewer.db.reviews.get(rows[0]!.bundleHash))!
    expect(decided.decision).toBe('returned')

    // A copy of the answer with its comments changed is refused; the real one is imported, once.
    const forged = decided.reviewFile!.replace('请补充决议的落实人。', '同意。')
    await expect(importReview(s.env, s.h, forged)).rejects.toEqual(new ReviewImportFailure('notVerified'))
    await expect(importReview(s.env, s.h, 'not json')).rejects.toEqual(new ReviewImportFailure('unreadable'))
    expect(await importReview(s.env, s.h, decided.reviewFile!)).toBe('returned')
    expect(readMeeting(s.h.doc)?.status).toBe('returned')
    expect(readReviews(s.h.doc).map((r) => [r.decision, r.comments])).toEqual([['returned', '请补充决议的落实人。']])
  })

  it('refuses an answer about other minutes', async () => {
    const a = await secretary()
    await sealedAndSent(a.env, a.h)
    const b = await secretary(OTHER_MEETING)
    await sealedAndSent(b.env, b.h)
    const reviewer = newDevice().start()
    const [opened] = await openBundles(reviewer, [asFile('b.json', b.files[0]!.text)])
    expect(opened?.ok).toBe(true)
    const row = (await reviewer.db.reviews.toArray())[0]!
    await decide(reviewer, row, { decision: 'accepted', comments: '', reviewer: '王科长', office: '桂溪街道办事处', checklist: [] })
    const answer = (await reviewer.db.reviews.get(row.bundleHash))!.reviewFile!
    await expect(importReview(a.env, a.h, answer)).rejects.toEqual(new ReviewImportFailure('otherMeeting'))
    expect(readMeeting(a.h.doc)?.status).toBe('submitted')
  })
})
