// Council keys in a backup (issue 24), on the real local stack (Dexie and y-indexeddb on
// fake-indexeddb, real Yjs and Web Crypto): the founding laptop's backup made with a passphrase
// brings back, on a fresh laptop, the council's secret and the codes it issued (identical codes,
// so they keep working); a wrong passphrase, or sealed keys changed inside a file whose checksum
// was recomputed, restores nothing at all; without the passphrase everything but the keys comes
// back. A device joined with a code takes back only the key its code was made from, and the
// inviting code makes a read-write device an inviting one under the same rule.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { restore } from '../../src/renderer/features/backup/actions'
import { collectBackup } from '../../src/renderer/sync/backup'
import { getSyncSettings, listIssuedCodes, saveSyncSettings, secretOf } from '../../src/renderer/data/syncSettings'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { issueJoinCode } from '../../src/renderer/features/sync/actions'
import { becomeInviting, inviteKeyOf } from '../../src/renderer/features/sync/keyActions'
import { gunzipSync } from 'node:zlib'
import { decodeBackup, encodeBackup, type BackupContent } from '../../src/shared/backup/format'
import { canonicalJson } from '../../src/shared/doc/canonical'
import { councilDocName } from '../../src/shared/doc/names'
import { sha256Hex, utf8 } from '../../src/shared/minutes/webCrypto'
import { createJoinCode, fromBase64Url, newCodeId, newCouncilSecret, toBase64Url, verifyJoinCode } from '../../src/shared/sync/joinCode'
import { councilInput, newDevice, settle, type TestEnv } from './env'

const PASS = '锦江议事会的备份口令'
const SERVER = 'wss://yishi.example.org'

/** A council connected (settings as connectCouncil leaves them) that issued two codes. */
async function foundingLaptop(env: TestEnv) {
  const councilId = await createCouncil(env, councilInput({ name: '锦江小区院落议事会' }))
  const secret = newCouncilSecret()
  const own = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
  await saveSyncSettings(env.db, { councilId, serverUrl: SERVER, code: own, access: 'rw', secret }, env.now())
  const laptop = await issueJoinCode(env, councilId, 'rw', '第二台电脑')
  const office = await issueJoinCode(env, councilId, 'ro', '街道办')
  await settle(env)
  return { councilId, secret, own, laptop, office }
}

async function backupFile(env: TestEnv, passphrase?: string): Promise<Uint8Array> {
  return encodeBackup(await collectBackup(env, '0.1.0', passphrase ? { passphrase } : {}))
}

/** The laptop is gone: its app stops and its documents' databases are deleted. */
async function wipe(env: TestEnv, content: BackupContent): Promise<void> {
  await env.shutdown()
  for (const d of content.docs) {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(d.name)
      req.onsuccess = () => resolve()
      req.onerror = () => reject(req.error)
    })
  }
}

async function decoded(text: string | Uint8Array): Promise<BackupContent> {
  const r = await decodeBackup(text)
  if (!r.ok) throw new Error(`refused: ${r.error}`)
  return r.content
}

describe('council keys in a backup', () => {
  it('a passphrase backup restores the key and the issued codes on a new laptop; a wrong passphrase restores nothing', async () => {
    const a = newDevice().start()
    const founding = await foundingLaptop(a)
    const text = await backupFile(a, PASS)
    // Nothing of the key or the codes is readable in the file, even once inflated (it is gzipped).
    const inflated = gunzipSync(text).toString('utf8')
    for (const s of [founding.secret, founding.own, founding.laptop.code, founding.office.code, '街道办', SERVER]) expect(inflated).not.toContain(s)
    const summary = await decodeBackup(text)
    expect(summary.ok && summary.summary.sealedKeys).toBe(true)
    const content = await decoded(text)
    await wipe(a, content)

    const b = newDevice().start()
    expect(await restore(b, content, 'not the passphrase')).toEqual({ ok: false, error: 'wrongPassphrase' })
    // Nothing half way: no council, no document, no key, no code.
    expect(await b.db.councils.count()).toBe(0)
    expect(await b.db.settings.count()).toBe(0)
    expect(await b.db.issuedCodes.count()).toBe(0)
    const doc = await b.docs.acquire(councilDocName(founding.councilId))
    expect(doc.doc.store.clients.size).toBe(0)
    await b.docs.release(doc.name)

    const r = await restore(b, content, PASS)
    if (!r.ok) throw new Error(r.error)
    expect(r.result).toMatchObject({ councils: 1, keys: { installed: [founding.councilId], mismatched: [] } })
    await settle(b)
    expect(await b.db.councils.count()).toBe(1)
    // The key waits to be used by connecting (sync tab), exactly as on a laptop that made it.
    expect(await secretOf(b.db, founding.councilId)).toBe(founding.secret)
    expect(await getSyncSettings(b.db, founding.councilId)).toBeUndefined()
    // The codes issued before are the same codes: they keep working, and can be revoked from here.
    const issued = await listIssuedCodes(b.db, founding.councilId)
    expect(issued.map((c) => [c.label, c.access, c.code, c.serverUrl]).sort()).toEqual(
      [
        ['第二台电脑', 'rw', founding.laptop.code, SERVER],
        ['街道办', 'ro', founding.office.code, SERVER],
      ].sort(),
    )
    // Restoring the same backup again changes nothing.
    const again = await restore(b, content, PASS)
    expect(again.ok && again.result.keys).toEqual({ installed: [founding.councilId], mismatched: [] })
    expect(await b.db.issuedCodes.count()).toBe(2)
  })

  it('without the passphrase, or from a backup without keys, everything but the keys is restored', async () => {
    const a = newDevice().start()
    const founding = await foundingLaptop(a)
    const plain = await backupFile(a)
    const withKeys = await decoded(await backupFile(a, PASS))
    expect((await decoded(plain)).keys).toBeUndefined()
    await wipe(a, withKeys)

    const b = newDevice().start()
    const r = await restore(b, withKeys, '')
    expect(r.ok && r.result).toMatchObject({ councils: 1, keys: null })
    const r2 = await restore(b, await decoded(plain), PASS)
    expect(r2.ok && r2.result).toMatchObject({ keys: null })
    expect(await b.db.councils.count()).toBe(1)
    expect(await secretOf(b.db, founding.councilId)).toBeUndefined()
    expect(await b.db.issuedCodes.count()).toBe(0)
  })

  it('sealed keys changed inside a file whose checksum was recomputed restore nothing', async () => {
    const a = newDevice().start()
    const founding = await foundingLaptop(a)
    const content = await decoded(await backupFile(a, PASS))
    const bytes = fromBase64Url(content.keys!.data)!
    bytes[3] = bytes[3]! ^ 0x40
    const forged = { ...content, keys: { ...content.keys!, data: toBase64Url(bytes) } }
    const body = canonicalJson(forged)
    const text = `{"content":${body},"format":"yishi.backup/1","sha256":"${await sha256Hex(utf8(body))}"}`
    const read = await decoded(text)
    await wipe(a, content)
    const b = newDevice().start()
    expect(await restore(b, read, PASS)).toEqual({ ok: false, error: 'wrongPassphrase' })
    expect(await b.db.councils.count()).toBe(0)
    expect(await secretOf(b.db, founding.councilId)).toBeUndefined()
  })

  it('a device joined with a code takes back only the key its code was made from', async () => {
    const a = newDevice().start()
    const founding = await foundingLaptop(a)
    const content = await decoded(await backupFile(a, PASS))

    const joined = newDevice().start()
    await saveSyncSettings(joined.db, { councilId: founding.councilId, serverUrl: SERVER, code: founding.laptop.code, access: 'rw' }, joined.now())
    const r = await restore(joined, content, PASS)
    expect(r.ok && r.result.keys).toEqual({ installed: [founding.councilId], mismatched: [] })
    expect((await getSyncSettings(joined.db, founding.councilId))?.secret).toBe(founding.secret)

    // The council changed its key since the backup: this device's code was made from the new one.
    const rotated = newDevice().start()
    const newer = newCouncilSecret()
    const code = await createJoinCode(newer, { councilId: founding.councilId, access: 'rw', codeId: newCodeId() })
    await saveSyncSettings(rotated.db, { councilId: founding.councilId, serverUrl: SERVER, code, access: 'rw' }, rotated.now())
    const r2 = await restore(rotated, content, PASS)
    expect(r2.ok && r2.result.keys).toEqual({ installed: [], mismatched: [founding.councilId] })
    expect((await getSyncSettings(rotated.db, founding.councilId))?.secret).toBeUndefined()
    expect(await rotated.db.issuedCodes.count()).toBe(0)
  })

  it('the inviting code makes a read-write device of the same council an inviting device, and nothing else', async () => {
    const a = newDevice().start()
    const founding = await foundingLaptop(a)
    const inviting = await inviteKeyOf(a, founding.councilId)
    expect(inviting).toBe(`YSK1.${founding.councilId}.${founding.secret}`)

    const b = newDevice().start()
    await saveSyncSettings(b.db, { councilId: founding.councilId, serverUrl: SERVER, code: founding.laptop.code, access: 'rw' }, b.now())
    await expect(becomeInviting(b, founding.councilId, 'YSK1.garbage')).rejects.toMatchObject({ code: 'keyInvalid' })
    const otherCouncil = inviting.replace(founding.councilId, '5d1c2b3a-9999-4e8f-a7b6-c5d4e3f2a1b0')
    await expect(becomeInviting(b, founding.councilId, otherCouncil)).rejects.toMatchObject({ code: 'keyOtherCouncil' })
    const wrongKey = `YSK1.${founding.councilId}.${newCouncilSecret()}`
    await expect(becomeInviting(b, founding.councilId, wrongKey)).rejects.toMatchObject({ code: 'keyMismatch' })
    expect((await getSyncSettings(b.db, founding.councilId))?.secret).toBeUndefined()

    // Pasted inside a message, with its words around it.
    await becomeInviting(b, founding.councilId, `邀请权限码：\n${inviting}\n`)
    expect((await getSyncSettings(b.db, founding.councilId))?.secret).toBe(founding.secret)
    const made = await issueJoinCode(b, founding.councilId, 'ro', '街道办（新）')
    expect(await verifyJoinCode(made.code, founding.secret)).toBe(true)

    // A read-only device cannot become one (it would be giving itself read-write codes).
    const office = newDevice().start()
    await saveSyncSettings(office.db, { councilId: founding.councilId, serverUrl: SERVER, code: founding.office.code, access: 'ro' }, office.now())
    await expect(becomeInviting(office, founding.councilId, inviting)).rejects.toMatchObject({ code: 'noSecret' })
  })
})
