// Backup and restore end to end on the real local stack (Dexie and y-indexeddb on fake-indexeddb,
// real Yjs, the app's DocStore and projector), through a real file in a temp folder:
// - a council with 50 meetings made with the app's own actions comes back whole on a fresh device
//   (council, register with its history, every meeting and agenda, the catalogue and list rows),
//   without the council secret, the sync settings or the ballot box;
// - an older backup restored into newer data keeps every newer edit (a CRDT merge);
// - the register of households (its own document) travels with its council, with every
//   household's history, and an older backup merged in keeps the newer edits;
// - a truncated, altered or malformed backup is refused with its reason, and the current data is
//   byte for byte what it was.
import 'fake-indexeddb/auto'
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { gunzipSync } from 'node:zlib'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readBackupFile, writeBackup } from '../../src/main/backup'
import { collectBackup, restoreBackup } from '../../src/renderer/sync/backup'
import { keepPendingSecret, saveSyncSettings } from '../../src/renderer/data/syncSettings'
import { saveLanguage } from '../../src/renderer/data/settings'
import { createCouncil, saveCouncil } from '../../src/renderer/features/councils/actions'
import { createMeeting, deleteItem, saveMeetingFields, saveNewItem } from '../../src/renderer/features/meetings/actions'
import { importMembers, saveMember, saveNewMember } from '../../src/renderer/features/members/actions'
import { importHouseholds, saveHousehold } from '../../src/renderer/features/households/actions'
import { BackupError, decodeBackup, encodeBackup, encodeBackupV1, MAX_BACKUP_CHARS, type BackupContent, type BackupDecodeError } from '../../src/shared/backup/format'
import { canonicalJson } from '../../src/shared/doc/canonical'
import { meetingIds, readCouncil, readMemberHistory, readMembers } from '../../src/shared/doc/council'
import { readHouseholdHistory, readHouseholds } from '../../src/shared/doc/households'
import { readAgenda, readMeeting } from '../../src/shared/doc/meeting'
import { campaignDocName, councilDocName, householdsDocName, meetingDocName } from '../../src/shared/doc/names'
import { defaultCampaignSettings, type CampaignId } from '../../src/shared/domain/campaign'
import { initCampaignDoc, readCampaign } from '../../src/shared/doc/campaign'
import { indexCampaign } from '../../src/shared/doc/council'
import type { HouseholdFields } from '../../src/shared/domain/household'
import type { CouncilId } from '../../src/shared/domain/ids'
import { sha256Hex, utf8 } from '../../src/shared/minutes/webCrypto'
import { toBase64Url } from '../../src/shared/sync/joinCode'
import { byId, councilInput, itemFields, manyMembers, meetingFields, memberFields, newDevice, settle, type Device, type TestEnv } from './env'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const tempFolder = () => {
  const d = mkdtempSync(join(tmpdir(), 'yishi-restore-test-'))
  dirs.push(d)
  return d
}

const SECRET = 'S'.repeat(42) + 'A'
const PENDING_SECRET = 'P'.repeat(42) + 'A'
const CODE = 'YS1.join-code-on-this-device'

/** A council with `meetings` meetings (two agenda items each) and 12 members, one edited. */
async function buildCouncil(env: TestEnv, meetings: number): Promise<CouncilId> {
  const councilId = await createCouncil(env, councilInput({ name: '锦江小区院落议事会' }))
  const council = await env.docs.acquire(councilDocName(councilId))
  try {
    await importMembers(env, council, manyMembers(10))
    const chair = await saveNewMember(env, council, memberFields({ name: '王主任', role: 'chair' }))
    await saveMember(env, council, chair, memberFields({ name: '王主任', role: 'chair', phone: '139 1111 2222' }))
    for (let i = 0; i < meetings; i++) {
      const month = String((i % 12) + 1).padStart(2, '0')
      const day = String((i % 28) + 1).padStart(2, '0')
      const title = `第${i + 1}次居民议事会`
      const id = await createMeeting(env, council, councilId, meetingFields({ title, startsAt: `${2020 + Math.floor(i / 12)}-${month}-${day}T19:30` }))
      const name = meetingDocName(councilId, id)
      const meeting = await env.docs.acquire(name)
      try {
        await saveNewItem(env, meeting, itemFields({ title: `议题${i + 1}-甲` }))
        await saveNewItem(env, meeting, itemFields({ title: `议题${i + 1}-乙`, expectedMinutes: 5 + i }))
      } finally {
        await env.docs.release(name)
      }
    }
  } finally {
    await env.docs.release(councilDocName(councilId))
  }
  await settle(env)
  return councilId
}

/** `n` households of three buildings, as the register import writes them. */
function manyHouseholds(n: number): HouseholdFields[] {
  return Array.from({ length: n }, (_, i) => ({
    building: String((i % 3) + 1),
    unit: '1',
    room: String(101 + i),
    owner: `业主${String(i + 1).padStart(3, '0')}`,
    tenant: i % 5 === 0 ? `租户${i + 1}` : '',
    areaCentiM2: i % 4 === 0 ? null : 6000 + i,
    phone: '',
    addedOn: '2025-03-01',
    removedOn: null,
  }))
}

/** The register of households and every household's history, as the households tab shows them. */
async function householdsSnapshot(env: TestEnv, councilId: CouncilId) {
  const name = householdsDocName(councilId)
  const { doc } = await env.docs.acquire(name)
  try {
    const households = readHouseholds(doc)
    return { households, history: households.map((h) => readHouseholdHistory(doc, h.id)) }
  } finally {
    await env.docs.release(name)
  }
}

/** Everything the screens show of a council, read through the app's DocStore and Dexie. */
async function snapshot(env: TestEnv, councilId: CouncilId) {
  const name = councilDocName(councilId)
  const { doc } = await env.docs.acquire(name)
  try {
    const members = byId(readMembers(doc))
    const ids = [...meetingIds(doc)].sort()
    const meetings = []
    for (const id of ids) {
      const m = await env.docs.acquire(meetingDocName(councilId, id))
      meetings.push({ meeting: readMeeting(m.doc), agenda: readAgenda(m.doc) })
      await env.docs.release(meetingDocName(councilId, id))
    }
    await settle(env)
    const { updatedAt: _u, openedAt: _o, ...catalogue } = (await env.db.councils.get(councilId)) ?? { updatedAt: '', openedAt: '' }
    const rows = (await env.db.meetings.where('councilId').equals(councilId).sortBy('id')).map(({ updatedAt: _, ...row }) => row)
    return { council: readCouncil(doc), members, history: members.map((m) => readMemberHistory(doc, m.id)), meetings, catalogue, rows }
  } finally {
    await env.docs.release(name)
  }
}

/** The device quits and its document databases are deleted: the laptop is gone. */
async function loseLaptop(env: TestEnv, content: BackupContent): Promise<void> {
  await env.shutdown()
  for (const d of content.docs) {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(d.name)
      req.onsuccess = () => resolve()
      req.onerror = () => reject(req.error)
    })
  }
}

/** Every stored document (read through its own connection) and every Dexie row, as bytes and JSON. */
async function storedState(device: Device, env: TestEnv, names: readonly string[]) {
  const docs: Record<string, string> = {}
  for (const name of names) {
    const doc = await device.storedDoc(name)
    docs[name] = toBase64Url(Y.encodeStateAsUpdate(doc))
    doc.destroy()
  }
  const tables: Record<string, unknown> = {}
  for (const table of env.db.tables) tables[table.name] = await table.toArray()
  return { docs, tables: JSON.stringify(tables) }
}

/** A file with `content` under a correct checksum, as encodeBackup would write it without its checks. */
async function sealed(content: unknown): Promise<string> {
  return canonicalJson({ content, format: 'yishi.backup/1', sha256: await sha256Hex(utf8(canonicalJson(content))) })
}

describe('backup and restore', () => {
  it('a council with 50 meetings goes to a file and comes back whole on a fresh device', async () => {
    const deviceA = newDevice()
    const a = deviceA.start()
    const councilId = await buildCouncil(a, 50)
    await saveLanguage(a.db, 'en')
    await saveSyncSettings(a.db, { councilId, serverUrl: 'ws://192.168.1.20:1234', code: CODE, access: 'rw', secret: SECRET }, a.now())
    // A secret made for a council not yet connected waits in the settings table itself.
    await keepPendingSecret(a.db, 'council-not-yet-connected', PENDING_SECRET)
    expect(await a.db.settings.count()).toBe(2)
    await a.db.ballots.put({ id: 'ballot-in-the-box-0001', voteId: 'vote-open-0001', choice: 'for' })
    const before = await snapshot(a, councilId)
    expect(before.meetings).toHaveLength(50)
    expect(before.rows).toHaveLength(50)

    // The council is open on screen while the backup runs: it stays open.
    const open = await a.docs.acquire(councilDocName(councilId))
    const content = await collectBackup(a, '0.1.0')
    expect(a.docs.openNames).toEqual([councilDocName(councilId)])
    await a.docs.release(open.name)
    expect(content.councils).toEqual([{ id: councilId, name: '锦江小区院落议事会', meetings: 50 }])
    expect(content.docs).toHaveLength(51)
    expect(content.local.settings).toEqual([{ key: 'language', value: 'en' }])

    const folder = tempFolder()
    const written = await writeBackup(folder, await encodeBackup(content), new Date())
    const file = await readBackupFile(written.path, MAX_BACKUP_CHARS)
    // Version 2 is gzipped: its header, then the content; looked into once inflated.
    const text = gunzipSync(file).toString('utf8')
    expect(text).toMatch(/^\{"format":"yishi\.backup\/2","sha256":"[0-9a-f]{64}"\}\n\{/)
    // What must never be on a USB stick.
    for (const secret of [SECRET, PENDING_SECRET, CODE, 'ballot-in-the-box-0001', 'vote-open-0001', 'pendingSecret', '192.168.1.20']) expect(text).not.toContain(secret)
    const decoded = await decodeBackup(file)
    if (!decoded.ok) throw new Error(`refused: ${decoded.error}`)
    expect(decoded.summary).toEqual({
      createdAt: a.now(),
      appVersion: '0.1.0',
      councils: [{ id: councilId, name: '锦江小区院落议事会', meetings: 50 }],
      docCount: 51,
      bytes: readFileSync(written.path).length,
      sealedKeys: false,
      files: 0,
      missingFiles: 0,
    })

    await loseLaptop(a, content)
    const b = newDevice().start()
    expect(await b.db.councils.count()).toBe(0)
    expect((await b.docs.acquire(councilDocName(councilId))).doc.store.clients.size).toBe(0)
    await b.docs.release(councilDocName(councilId))

    expect(await restoreBackup(b, decoded.content)).toEqual({ docs: 51, councils: 1, skipped: [], keys: null })
    expect(b.docs.openNames).toEqual([])
    await settle(b)
    const after = await snapshot(b, councilId)
    expect(after).toEqual(before)
    expect(await b.db.settings.toArray()).toEqual([{ key: 'language', value: 'en' }])
    expect(await b.db.councilSync.count()).toBe(0)
    expect(await b.db.ballots.count()).toBe(0)

    // Restoring the same backup again changes nothing (no duplicated items or meetings).
    const names = content.docs.map((d) => d.name)
    const once = await storedState(deviceA, b, names)
    await restoreBackup(b, decoded.content)
    await settle(b)
    expect(await snapshot(b, councilId)).toEqual(before)
    expect((await storedState(deviceA, b, names)).docs).toEqual(once.docs)
  })

  it('an older backup restored into newer data keeps every newer edit', async () => {
    const device = newDevice()
    const env = device.start()
    const councilId = await buildCouncil(env, 3)
    await saveLanguage(env.db, 'en')
    const old = await encodeBackup(await collectBackup(env, '0.1.0'))

    // After the backup: rename the council and a meeting, add and delete agenda items, add a
    // member, add a meeting, change the language. One meeting stays open on screen.
    device.clock.advance(60_000)
    const council = await env.docs.acquire(councilDocName(councilId))
    await saveCouncil(env, council.doc, council.name, councilInput({ name: '锦江小区院落议事会（第二届）' }))
    await saveNewMember(env, council, memberFields({ name: '新委员' }))
    const [first, second] = [...meetingIds(council.doc)].sort()
    const m1 = await env.docs.acquire(meetingDocName(councilId, first!))
    await saveMeetingFields(env, m1, meetingFields({ title: '改期后的议事会', startsAt: '2026-01-05T19:30' }))
    await saveNewItem(env, m1, itemFields({ title: '新增议题' }))
    const removedItem = readAgenda(m1.doc)[0]!
    await deleteItem(env, m1, removedItem.id)
    const m2 = await env.docs.acquire(meetingDocName(councilId, second!))
    await deleteItem(env, m2, readAgenda(m2.doc)[1]!.id)
    await env.docs.release(m2.name)
    await createMeeting(env, council, councilId, meetingFields({ title: '备份之后的会议' }))
    await env.docs.release(council.name)
    await saveLanguage(env.db, 'zh-TW')
    await settle(env)
    const newer = await snapshot(env, councilId)

    const decoded = await decodeBackup(old)
    if (!decoded.ok) throw new Error(decoded.error)
    expect(await restoreBackup(env, decoded.content)).toMatchObject({ docs: 4, councils: 1 })
    await settle(env)
    const after = await snapshot(env, councilId)
    expect(after).toEqual(newer)
    expect(after.council?.name).toBe('锦江小区院落议事会（第二届）')
    expect(after.meetings).toHaveLength(4)
    expect(after.rows.map((r) => r.title)).toContain('改期后的议事会')
    // The open meeting shows the merge at once: the deleted item stays deleted, nothing doubles.
    expect(readAgenda(m1.doc).map((i) => i.id)).not.toContain(removedItem.id)
    expect(readAgenda(m1.doc)).toHaveLength(2)
    expect(await env.db.settings.get('language')).toEqual({ key: 'language', value: 'zh-TW' })
    await env.docs.release(m1.name)
  })
  it('carries the register of households with its history, and merges an older one without losing newer edits', async () => {
    const deviceA = newDevice()
    const a = deviceA.start()
    const councilId = await buildCouncil(a, 2)
    // A second council without households: its backup holds no households document.
    const other = await createCouncil(a, councilInput({ name: '和平里院落议事会' }))
    const name = householdsDocName(councilId)
    const register = await a.docs.acquire(name)
    await importHouseholds(a, register, councilId, manyHouseholds(60))
    const [first, second] = readHouseholds(register.doc)
    deviceA.clock.advance(60_000)
    await saveHousehold(a, register, first!.id, { ...first!, owner: '王秀兰', areaCentiM2: 7010 }, '李主任')
    await saveHousehold(a, register, second!.id, { ...second!, removedOn: '2025-06-30' }, '')
    await a.docs.release(name)
    await settle(a)
    const before = await householdsSnapshot(a, councilId)
    expect(before.households).toHaveLength(60)
    expect(before.history.filter((h) => h.length > 0)).toHaveLength(2)

    const content = await collectBackup(a, '0.1.0')
    const names = content.docs.map((d) => d.name)
    expect(names).toContain(name)
    expect(names).not.toContain(householdsDocName(other))
    // The households document is listed in docs only: the council still counts its two meetings.
    expect(content.councils.find((c) => c.id === councilId)).toEqual({ id: councilId, name: '锦江小区院落议事会', meetings: 2 })
    expect(content.docs).toHaveLength(1 + 2 + 1 + 1)
    const text = await encodeBackup(content)
    const decoded = await decodeBackup(text)
    if (!decoded.ok) throw new Error(`refused: ${decoded.error}`)
    expect(decoded.summary.docCount).toBe(5)

    // A fresh device gets the register back, each household's history included.
    await loseLaptop(a, content)
    const deviceB = newDevice()
    const b = deviceB.start()
    expect(await restoreBackup(b, decoded.content)).toEqual({ docs: 5, councils: 2, skipped: [], keys: null })
    await settle(b)
    expect(await householdsSnapshot(b, councilId)).toEqual(before)
    expect((await householdsSnapshot(b, councilId)).history[0]).toEqual([{ at: expect.any(String), by: '李主任', changes: { owner: ['业主001', '王秀兰'], areaCentiM2: [null, 7010] } }])

    // Newer edits on B, then the older backup again: a merge, so the newer owner and the newer household stay.
    const onB = await b.docs.acquire(name)
    deviceB.clock.advance(120_000)
    const [h1] = readHouseholds(onB.doc)
    await saveHousehold(b, onB, h1!.id, { ...h1!, owner: '王秀兰（继承）' }, '李主任')
    await importHouseholds(b, onB, councilId, [{ ...manyHouseholds(1)[0]!, building: '9', room: '901' }])
    await b.docs.release(name)
    const newer = await householdsSnapshot(b, councilId)
    await restoreBackup(b, decoded.content)
    await settle(b)
    const after = await householdsSnapshot(b, councilId)
    expect(after).toEqual(newer)
    expect(after.households).toHaveLength(61)
    expect(after.households.find((h) => h.id === h1!.id)?.owner).toBe('王秀兰（继承）')
  })

  it('carries the campaigns a council lists, back onto a fresh device', async () => {
    const a = newDevice().start()
    const councilId = await buildCouncil(a, 1)
    const campaignId = 'c0ffee00-7777-4000-8000-000000000002' as CampaignId
    const council = await a.docs.acquire(councilDocName(councilId))
    const campaign = await a.docs.acquire(campaignDocName(councilId, campaignId))
    initCampaignDoc(campaign.doc, { councilId, campaignId }, { ...defaultCampaignSettings('relocation', '2025-03-01', '2025-03-10'), title: '北街模拟搬迁' }, a.now())
    indexCampaign(council.doc, campaignId, a.now())
    await a.docs.whenStored(campaign.name)
    await a.docs.whenStored(council.name)
    await a.docs.release(campaign.name)
    await a.docs.release(council.name)
    const content = await collectBackup(a, '0.1.0')
    expect(content.docs.map((d) => d.name)).toContain(campaign.name)
    const decoded = await decodeBackup(await encodeBackup(content))
    if (!decoded.ok) throw new Error(decoded.error)
    await loseLaptop(a, content)
    const b = newDevice().start()
    await restoreBackup(b, decoded.content)
    const back = await b.docs.acquire(campaign.name)
    expect(readCampaign(back.doc)?.title).toBe('北街模拟搬迁')
    await b.docs.release(campaign.name)
  })

  it('refuses a households document that is not the one its name says, or under a campaign name', async () => {
    const env = newDevice().start()
    const councilId = await buildCouncil(env, 1)
    const other = await createCouncil(env, councilInput({ name: '和平里院落议事会' }))
    for (const id of [councilId, other]) {
      const h = await env.docs.acquire(householdsDocName(id))
      await importHouseholds(env, h, id, manyHouseholds(3))
      await env.docs.release(h.name)
    }
    await settle(env)
    const content = await collectBackup(env, '0.1.0')
    const index = (n: string) => content.docs.findIndex((d) => d.name === n)
    const ours = index(householdsDocName(councilId))
    const theirs = index(householdsDocName(other))
    const meeting = content.docs.findIndex((d) => d.name.includes('/meeting/'))
    expect([ours, theirs, meeting].every((i) => i >= 0)).toBe(true)
    const swap = (i: number, update: string): BackupContent => ({ ...content, docs: content.docs.map((d, j) => (j === i ? { ...d, update } : d)) })
    const cases: { label: string; content: BackupContent; error: BackupDecodeError }[] = [
      { label: "another council's register under this name", content: swap(ours, content.docs[theirs]!.update), error: 'badUpdate' },
      { label: 'a meeting under the households name', content: swap(ours, content.docs[meeting]!.update), error: 'badUpdate' },
      { label: 'the register under a meeting name', content: swap(meeting, content.docs[ours]!.update), error: 'badUpdate' },
      {
        label: 'a register under a campaign name',
        content: { ...content, docs: [...content.docs, { name: campaignDocName(councilId, 'c0ffee00-7777-4000-8000-000000000001' as CampaignId), update: content.docs[ours]!.update }] },
        error: 'badUpdate',
      },
    ]
    for (const c of cases) {
      expect(await decodeBackup(await sealed(c.content)), c.label).toEqual({ ok: false, error: c.error })
      const error = await restoreBackup(env, c.content).catch((e: unknown) => e)
      expect((error as BackupError).code, c.label).toBe(c.error)
    }
    expect((await decodeBackup(await encodeBackup(content))).ok).toBe(true)
  })
})

describe('a damaged or altered backup', () => {
  // A version 1 file (the JSON text): old backups are still read, and refused as they always were.
  it('of version 1 is refused with its reason, and the current data stays byte for byte as it was', async () => {
    const device = newDevice()
    const env = device.start()
    const councilId = await buildCouncil(env, 2)
    await saveLanguage(env.db, 'en')
    const content = await collectBackup(env, '0.1.0')
    const names = content.docs.map((d) => d.name)
    const folder = tempFolder()
    const { path } = await writeBackup(folder, utf8(await encodeBackupV1(content)), new Date())
    const good = readFileSync(path)
    expect((await decodeBackup(await readBackupFile(path, MAX_BACKUP_CHARS))).ok).toBe(true)

    // Newer data than the backup, with the council open on screen, so a refused restore has something to spoil.
    const council = await env.docs.acquire(councilDocName(councilId))
    await saveNewMember(env, council, memberFields({ name: '备份之后' }))
    await settle(env)
    const before = await storedState(device, env, names)
    const openBefore = toBase64Url(Y.encodeStateAsUpdate(council.doc))

    const cases: { label: string; bytes: Buffer; error: BackupDecodeError }[] = []
    for (const cut of [0, 1, 40, Math.floor(good.length / 3), Math.floor(good.length / 2), good.length - 2, good.length - 1]) {
      cases.push({ label: `cut at ${cut}`, bytes: good.subarray(0, cut), error: cut === 0 ? 'notJson' : 'truncated' })
    }
    // One bit flipped inside a document's update (still valid JSON, still base64url or not).
    const text = good.toString('utf8')
    const inUpdate = good.indexOf(content.docs[1]!.update) + 100
    for (const bit of [0x01, 0x20]) {
      const flipped = Buffer.from(good)
      flipped[inUpdate] = flipped[inUpdate]! ^ bit
      cases.push({ label: `bit ${bit} flipped`, bytes: flipped, error: 'checksumMismatch' })
    }
    // A byte of the structure flipped: no longer JSON. (The last brace lost reads as a cut.)
    const colon = Buffer.from(good)
    colon[good.indexOf(':')] = 0x3b
    cases.push({ label: 'a colon flipped', bytes: colon, error: 'notJson' })
    const brace = Buffer.from(good)
    brace[good.length - 1] = brace[good.length - 1]! ^ 0x01
    cases.push({ label: 'last brace flipped', bytes: brace, error: 'truncated' })
    // The council's name changed in a text editor (the summary would lie).
    cases.push({ label: 'name edited', bytes: Buffer.from(text.replace('锦江小区', '锦江社区')), error: 'checksumMismatch' })
    // The checksum replaced by another valid one.
    const sha = (JSON.parse(text) as { sha256: string }).sha256
    cases.push({ label: 'checksum changed', bytes: Buffer.from(text.replace(sha, await sha256Hex(utf8('something else')))), error: 'checksumMismatch' })
    cases.push({ label: 'checksum not hex', bytes: Buffer.from(text.replace(sha, 'z'.repeat(64))), error: 'malformed' })
    cases.push({ label: 'another format', bytes: Buffer.from(text.replace('yishi.backup/1', 'yishi.backup/2')), error: 'wrongFormat' })

    // Valid JSON under a correct checksum, whose content is wrong: what a buggy or hostile writer makes.
    const withUpdate = (i: number, update: string): BackupContent => ({ ...content, docs: content.docs.map((d, j) => (j === i ? { ...d, update } : d)) })
    const tampered: { label: string; content: unknown; error: 'malformed' | 'badUpdate' }[] = [
      { label: 'update not base64url', content: withUpdate(1, `!!${content.docs[1]!.update.slice(2)}`), error: 'malformed' },
      { label: 'update not canonical base64url', content: withUpdate(0, 'AB'), error: 'malformed' },
      { label: 'base64url of bytes that are no Yjs update', content: withUpdate(1, toBase64Url(new Uint8Array(64).fill(0xff))), error: 'badUpdate' },
      { label: 'half an update', content: withUpdate(1, content.docs[1]!.update.slice(0, Math.floor(content.docs[1]!.update.length / 8) * 4)), error: 'badUpdate' },
      { label: "another meeting's update under this name", content: withUpdate(1, content.docs[2]!.update), error: 'badUpdate' },
      { label: 'the council update under a meeting name', content: withUpdate(1, content.docs[0]!.update), error: 'badUpdate' },
      { label: 'meeting count wrong', content: { ...content, councils: [{ ...content.councils[0]!, meetings: 3 }] }, error: 'malformed' },
      { label: 'an extra key', content: { ...content, secret: SECRET }, error: 'malformed' },
      { label: 'a bad doc name', content: { ...content, docs: [...content.docs, { name: 'council/../../etc', update: content.docs[0]!.update }] }, error: 'malformed' },
      { label: 'a doc of an unlisted council', content: { ...content, docs: [...content.docs, { name: 'council/0000-unlisted', update: content.docs[0]!.update }] }, error: 'malformed' },
    ]
    for (const t of tampered) cases.push({ label: t.label, bytes: Buffer.from(await sealed(t.content)), error: t.error })

    for (const c of cases) {
      const file = join(folder, `case.yishibackup`)
      writeFileSync(file, c.bytes)
      if (c.label.startsWith('cut')) {
        // The same cut as a copy interrupted on the stick: the file itself truncated.
        writeFileSync(file, good)
        truncateSync(file, c.bytes.length)
      }
      const decoded = await decodeBackup(await readBackupFile(file, MAX_BACKUP_CHARS))
      expect(decoded, c.label).toEqual({ ok: false, error: c.error })
    }
    // restoreBackup checks content that did not come through decodeBackup the same way, before applying anything.
    for (const t of tampered) {
      const error = await restoreBackup(env, t.content as BackupContent).catch((e: unknown) => e)
      expect(error, t.label).toBeInstanceOf(BackupError)
      expect((error as BackupError).code, t.label).toBe(t.error)
    }
    expect(await decodeBackup(undefined)).toEqual({ ok: false, error: 'malformed' })
    expect(await decodeBackup('[1,2]')).toEqual({ ok: false, error: 'wrongFormat' })

    await settle(env)
    expect(toBase64Url(Y.encodeStateAsUpdate(council.doc))).toBe(openBefore)
    expect(await storedState(device, env, names)).toEqual(before)
    await env.docs.release(council.name)
  })
})
