// Backup version 2 on the real local stack (Dexie and y-indexeddb on fake-indexeddb, real Yjs, the
// app's DocStore, projector and file store), through a real file in a temp folder:
// - a council's matters and fund year documents and the bytes of their attached files go to one
//   gzipped file and come back on a fresh device, each file checked against its hash and waiting
//   to be sent to the council's server; a file the device never had is listed as missing, not an error;
// - the file is smaller than the same content written as version 1;
// - a version 1 backup (an older Yishi's JSON text) still restores;
// - a cut, changed or forged version 2 file is refused with its reason and nothing is stored.
import 'fake-indexeddb/auto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { readBackupFile, writeBackup } from '../../src/main/backup'
import { collectBackup, restoreBackup } from '../../src/renderer/sync/backup'
import { pendingUploads, readBlob, storeFile } from '../../src/renderer/data/blobs'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { createMeeting } from '../../src/renderer/features/meetings/actions'
import { startYearDoc } from '../../src/renderer/kit/yearDoc'
import { BackupError, decodeBackup, encodeBackup, encodeBackupV1, MAX_BACKUP_CHARS, type BackupContent } from '../../src/shared/backup/format'
import { packBackup } from '../../src/shared/backup/packed'
import { indexedYears, meetingIds, readCouncil } from '../../src/shared/doc/council'
import { addProposal, book, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { readFundFileRefs } from '../../src/shared/doc/fundRead'
import { addRequest } from '../../src/shared/doc/matters'
import { attachFile, readAllFileRefs } from '../../src/shared/doc/mattersFollowUp'
import { councilDocName, fundDocName, mattersDocName } from '../../src/shared/doc/names'
import type { FileRef } from '../../src/shared/files/fileRef'
import type { CouncilId } from '../../src/shared/domain/ids'
import { sha256Hex, utf8 } from '../../src/shared/minutes/webCrypto'
import type { RequestFields } from '../../src/shared/matters/requests'
import { councilInput, meetingFields, newDevice, settle, type TestEnv } from './env'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
const tempFolder = () => {
  const d = mkdtempSync(join(tmpdir(), 'yishi-backup-years-'))
  dirs.push(d)
  return d
}

const request: RequestFields = { receivedOn: '2026-03-02', channel: 'visit', category: 'environment', requester: { kind: 'resident', name: '周阿姨' }, place: { text: '3栋' }, text: '路灯坏了' }
// Not random: photos compress, and the test wants to see the file smaller than version 1's.
const PHOTO = utf8('路灯照片'.repeat(3000))
const SCAN = utf8('%PDF 发票 F001 '.repeat(500))
// Referred to by the fund year, never stored on this device (not yet fetched from the server).
const ABSENT: FileRef = { hash: 'e'.repeat(64), name: '验收单.jpg', type: 'image/jpeg', size: 2048 }

/** A council with one meeting, two matters years (a request with a photo in 2026) and a fund year (a payment with a scanned voucher, and one voucher whose scan this device lacks). */
async function buildCouncil(env: TestEnv): Promise<{ councilId: CouncilId; photo: FileRef; scan: FileRef }> {
  const councilId = await createCouncil(env, councilInput({ name: '锦江小区院落议事会' }))
  const council = await env.docs.acquire(councilDocName(councilId))
  await createMeeting(env, council, councilId, meetingFields({ title: '第一次居民议事会' }))
  const photo = await storeFile(env.db, PHOTO, '路灯.jpg', 'image/jpeg', councilId, env.now())
  const scan = await storeFile(env.db, SCAN, '发票.pdf', 'application/pdf', councilId, env.now())
  const who = { by: '李秘书', now: env.now() }
  for (const year of [2025, 2026]) {
    const handle = await env.docs.acquire(mattersDocName(councilId, year))
    await startYearDoc(env, council, councilId, 'matters', handle, year)
    if (year === 2026) attachFile(handle.doc, { kind: 'request', id: addRequest(handle.doc, request, who) }, photo, who)
    await env.docs.whenStored(handle.name)
    await env.docs.release(handle.name)
  }
  const fund = await env.docs.acquire(fundDocName(councilId, 2026))
  await startYearDoc(env, council, councilId, 'fund', fund, 2026)
  book(fund.doc, { kind: 'income', source: 'allocation', from: '区财政', amount: 500_000, on: '2026-01-10' }, who)
  const project = addProposal(fund.doc, { title: '楼道灯更换', description: '', category: 'facilities', source: { kind: 'partyBranch', name: '社区党委' }, estimatedCost: 100_000, beneficiaries: 120, proposedOn: '2026-02-01' }, who)
  screenProposal(fund.doc, project, { kind: 'listed', priorityItem: null, on: '2026-03-01' }, who)
  recordDecision(fund.doc, { proposalId: project, outcome: 'approved', budget: 100_000, on: '2026-04-01' }, who)
  book(fund.doc, { kind: 'payment', projectId: project, amount: 60_000, payee: '蓉城电工', on: '2026-05-01', voucher: { invoiceNo: 'F001', issuedOn: '2026-05-01', file: scan } }, who)
  book(fund.doc, { kind: 'payment', projectId: project, amount: 40_000, payee: '蓉城电工', on: '2026-06-01', voucher: { invoiceNo: 'F002', issuedOn: '2026-06-01', file: ABSENT } }, who)
  await env.docs.whenStored(fund.name)
  await env.docs.release(fund.name)
  await env.docs.whenStored(council.name)
  await env.docs.release(council.name)
  await settle(env)
  return { councilId, photo, scan }
}

/** The laptop is gone: its app stops and its documents' databases are deleted. */
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

/** What a device shows of the council's years: the years listed and the files each year refers to. */
async function yearsOf(env: TestEnv, councilId: CouncilId) {
  const read = async <T>(name: string, f: (doc: Y.Doc) => T): Promise<T> => {
    const h = await env.docs.acquire(name)
    try {
      return f(h.doc)
    } finally {
      await env.docs.release(name)
    }
  }
  return {
    council: await read(councilDocName(councilId), (d) => ({ name: readCouncil(d)?.name, meetings: meetingIds(d).length, matters: indexedYears(d, 'matters'), fund: indexedYears(d, 'fund') })),
    matters2026: await read(mattersDocName(councilId, 2026), (d) => readAllFileRefs(d)),
    fund2026: await read(fundDocName(councilId, 2026), (d) => readFundFileRefs(d)),
  }
}

describe('backup version 2', () => {
  it("carries a council's year documents and attached files in one gzipped file, back onto a fresh device", async () => {
    const a = newDevice().start()
    const { councilId, photo, scan } = await buildCouncil(a)
    const before = await yearsOf(a, councilId)
    expect(before.council).toEqual({ name: '锦江小区院落议事会', meetings: 1, matters: [2026, 2025], fund: [2026] })
    expect(before.fund2026.map((r) => r.hash)).toEqual([scan.hash, ABSENT.hash])

    const content = await collectBackup(a, '0.1.0')
    const names = content.docs.map((d) => d.name)
    for (const n of [mattersDocName(councilId, 2025), mattersDocName(councilId, 2026), fundDocName(councilId, 2026)]) expect(names).toContain(n)
    expect(content.files?.map((f) => f.hash)).toEqual([photo.hash, scan.hash].sort())
    expect(content.missingFiles).toEqual([ABSENT.hash])

    const file = await encodeBackup(content)
    expect([file[0], file[1]]).toEqual([0x1f, 0x8b])
    // Compressed, with the bytes out of base64: well under the version 1 text of the same content.
    expect(file.byteLength).toBeLessThan(utf8(await encodeBackupV1(content)).byteLength / 3)
    const { path } = await writeBackup(tempFolder(), file, new Date())
    const decoded = await decodeBackup(await readBackupFile(path, MAX_BACKUP_CHARS))
    if (!decoded.ok) throw new Error(`refused: ${decoded.error}`)
    expect(decoded.summary).toMatchObject({ docCount: names.length, files: 2, missingFiles: 1, bytes: readFileSync(path).length })

    await loseLaptop(a, content)
    const b = newDevice().start()
    expect(await b.db.blobs.count()).toBe(0)
    expect(await restoreBackup(b, decoded.content)).toMatchObject({ docs: names.length, councils: 1, skipped: [] })
    await settle(b)
    expect(await yearsOf(b, councilId)).toEqual(before)
    expect(await readBlob(b.db, photo.hash)).toEqual(PHOTO)
    expect(await readBlob(b.db, scan.hash)).toEqual(SCAN)
    // Still missing, as it was on the laptop that made the backup.
    expect(await readBlob(b.db, ABSENT.hash)).toBeNull()
    // The laptop may never have sent them: they wait to go to the council's server.
    expect((await pendingUploads(b.db, councilId)).sort()).toEqual([photo.hash, scan.hash].sort())
  })

  it('restores a version 1 backup (an older Yishi’s JSON text, with an editor’s byte order mark)', async () => {
    const a = newDevice().start()
    const councilId = await createCouncil(a, councilInput({ name: '和平里院落议事会' }))
    const council = await a.docs.acquire(councilDocName(councilId))
    await createMeeting(a, council, councilId, meetingFields({ title: '老版本的会议' }))
    await a.docs.release(council.name)
    await settle(a)
    const content = await collectBackup(a, '0.1.0')
    expect(content.files).toBeUndefined()
    const text = await encodeBackupV1(content)
    expect(JSON.parse(text)).toMatchObject({ format: 'yishi.backup/1' })
    const { path } = await writeBackup(tempFolder(), utf8(`\ufeff${text}`), new Date())
    const decoded = await decodeBackup(await readBackupFile(path, MAX_BACKUP_CHARS))
    if (!decoded.ok) throw new Error(`refused: ${decoded.error}`)
    expect(decoded.summary).toMatchObject({ docCount: 2, files: 0, missingFiles: 0 })

    await loseLaptop(a, content)
    const b = newDevice().start()
    expect(await restoreBackup(b, decoded.content)).toMatchObject({ docs: 2, councils: 1 })
    await settle(b)
    const back = await b.docs.acquire(councilDocName(councilId))
    expect(readCouncil(back.doc)?.name).toBe('和平里院落议事会')
    expect(meetingIds(back.doc)).toHaveLength(1)
    await b.docs.release(back.name)
  })
})

/** A version 2 file's parts once inflated: the header line and the payload its checksum covers. */
function inflate(file: Uint8Array): { header: { format: string; sha256: string }; payload: Buffer } {
  const all = gunzipSync(file)
  const cut = all.indexOf(0x0a)
  return { header: JSON.parse(all.subarray(0, cut).toString('utf8')) as { format: string; sha256: string }, payload: all.subarray(cut + 1) }
}

/** Gzipped again with `header` over `payload`: what a careful forger (or a buggy writer) makes. */
const repack = (header: object, payload: Uint8Array): Uint8Array => gzipSync(Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), payload]))

describe('a damaged or forged version 2 backup', () => {
  it('is refused with its reason, and a fresh device stores nothing', async () => {
    const a = newDevice().start()
    const { councilId, photo } = await buildCouncil(a)
    const content = await collectBackup(a, '0.1.0')
    const good = Buffer.from(await encodeBackup(content))
    const { header, payload } = inflate(good)
    expect(header.format).toBe('yishi.backup/2')

    const cases: { label: string; bytes: Uint8Array; error: string }[] = []
    for (const cut of [2, 10, Math.floor(good.length / 2), good.length - 1]) cases.push({ label: `cut at ${cut}`, bytes: good.subarray(0, cut), error: 'damaged' })
    const flipped = Buffer.from(good)
    flipped[Math.floor(good.length / 2)] = flipped[Math.floor(good.length / 2)]! ^ 0x10
    cases.push({ label: 'a compressed byte flipped', bytes: flipped, error: 'damaged' })
    cases.push({ label: 'junk after the end', bytes: Buffer.concat([good, Buffer.from('xyz')]), error: 'damaged' })
    // Inflates well, but a byte of the content changed under the old checksum.
    const changed = Buffer.from(payload)
    changed[payload.length - PHOTO.length - 40] = changed[payload.length - PHOTO.length - 40]! ^ 0x01
    cases.push({ label: 'content changed, checksum kept', bytes: repack(header, changed), error: 'checksumMismatch' })
    // The photo changed and the checksum recomputed: the file's own hash catches it.
    const at = payload.indexOf(Buffer.from(PHOTO))
    expect(at).toBeGreaterThan(0)
    const photoChanged = Buffer.from(payload)
    photoChanged[at + 7] = photoChanged[at + 7]! ^ 0x01
    cases.push({ label: 'photo changed, checksum recomputed', bytes: repack({ format: header.format, sha256: await sha256Hex(photoChanged) }, photoChanged), error: 'badFile' })
    cases.push({ label: 'a later format', bytes: repack({ format: 'yishi.backup/3', sha256: header.sha256 }, payload), error: 'wrongFormat' })
    // A year's update under another year's name, packed under a correct checksum.
    const swapped = { ...content, docs: content.docs.map((d) => (d.name === mattersDocName(councilId, 2025) ? { ...d, update: content.docs.find((x) => x.name === mattersDocName(councilId, 2026))!.update } : d)) }
    cases.push({ label: 'a year under another year’s name', bytes: (await packBackup(swapped, MAX_BACKUP_CHARS))!, error: 'badUpdate' })

    const folder = tempFolder()
    for (const c of cases) {
      const file = join(folder, 'case.yishibackup')
      writeFileSync(file, c.bytes)
      expect(await decodeBackup(await readBackupFile(file, MAX_BACKUP_CHARS)), c.label).toEqual({ ok: false, error: c.error })
    }

    // The restore checks every file's hash itself, before it stores or merges anything.
    await loseLaptop(a, content)
    const b = newDevice().start()
    const forged: BackupContent = { ...content, files: content.files!.map((f) => (f.hash === photo.hash ? { ...f, data: content.files!.find((g) => g.hash !== photo.hash)!.data } : f)) }
    const error = await restoreBackup(b, forged).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(BackupError)
    expect((error as BackupError).code).toBe('badFile')
    await settle(b)
    expect(await b.db.blobs.count()).toBe(0)
    expect(await b.db.councils.count()).toBe(0)
  })
})
