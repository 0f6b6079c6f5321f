// Issue 16, item 1: a backup holding a document written by a newer Yishi (meta.schemaVersion above
// ours) is refused before anything is merged, naming the Yishi that wrote it. Merging it used to
// turn this device's editable council read-only, stored, and (the council document being shared)
// on every device that syncs it. The file is made here: a real backup of a real council whose
// council or meeting document is then "opened by a newer Yishi" (its schemaVersion raised).
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { collectBackup, restoreBackup } from '../../src/renderer/sync/backup'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { createMeeting } from '../../src/renderer/features/meetings/actions'
import { saveNewMember } from '../../src/renderer/features/members/actions'
import { BackupError, decodeBackup, type BackupContent } from '../../src/shared/backup/format'
import { canonicalJson } from '../../src/shared/doc/canonical'
import { councilDocName, meetingDocName } from '../../src/shared/doc/names'
import { SCHEMA_VERSION } from '../../src/shared/doc/schema'
import { sha256Hex, utf8 } from '../../src/shared/minutes/webCrypto'
import { fromBase64Url, toBase64Url } from '../../src/shared/sync/joinCode'
import { councilInput, meetingFields, memberFields, newDevice, settle, type Device, type TestEnv } from './env'

/** A file with `content` under a correct checksum, as a newer Yishi's encodeBackup would write it. */
async function sealed(content: BackupContent): Promise<string> {
  return canonicalJson({ content, format: 'yishi.backup/1', sha256: await sha256Hex(utf8(canonicalJson(content))) })
}

/** The update of `name` after a newer Yishi opened it and migrated it to schema `version`. */
function migratedBy(content: BackupContent, name: string, version: number): BackupContent {
  return {
    ...content,
    appVersion: '9.4.0',
    docs: content.docs.map((d) => {
      if (d.name !== name) return d
      const doc = new Y.Doc()
      Y.applyUpdate(doc, fromBase64Url(d.update)!)
      doc.transact(() => doc.getMap('meta').set('schemaVersion', version), 'migration')
      const update = toBase64Url(Y.encodeStateAsUpdate(doc))
      doc.destroy()
      return { ...d, update }
    }),
  }
}

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

describe('a backup from a newer Yishi', () => {
  it('is refused naming the Yishi that wrote it, and nothing stored changes', async () => {
    const device = newDevice()
    const env = device.start()
    const councilId = await createCouncil(env, councilInput({ name: '锦江小区院落议事会' }))
    const councilName = councilDocName(councilId)
    const council = await env.docs.acquire(councilName)
    await saveNewMember(env, council, memberFields({ name: '方华' }))
    const meetingId = await createMeeting(env, council, councilId, meetingFields({ title: '第一次居民议事会' }))
    await settle(env)
    const content = await collectBackup(env, '0.1.0')
    expect((await decodeBackup(await sealed(content))).ok).toBe(true)
    // Edits after the backup, with the council open, so a wrong merge has something to spoil.
    await saveNewMember(env, council, memberFields({ name: '备份之后' }))
    await settle(env)
    const names = content.docs.map((d) => d.name)
    const before = await storedState(device, env, names)
    const openBefore = toBase64Url(Y.encodeStateAsUpdate(council.doc))

    for (const name of [councilName, meetingDocName(councilId, meetingId)]) {
      const newer = migratedBy(content, name, SCHEMA_VERSION + 1)
      expect(await decodeBackup(await sealed(newer)), name).toEqual({ ok: false, error: 'newerSchema', appVersion: '9.4.0' })
      // The restore itself checks again (content that did not come through decodeBackup).
      const error = await restoreBackup(env, newer).catch((e: unknown) => e)
      expect(error, name).toBeInstanceOf(BackupError)
      expect((error as BackupError).code, name).toBe('newerSchema')
    }
    // A damaged document in the same file is reported as damage, whatever version wrote the rest.
    const both = migratedBy(content, councilName, SCHEMA_VERSION + 1)
    const damaged = { ...both, docs: both.docs.map((d, i) => (i === both.docs.length - 1 ? { ...d, update: toBase64Url(new Uint8Array(64).fill(0xff)) } : d)) }
    expect(await decodeBackup(await sealed(damaged))).toEqual({ ok: false, error: 'badUpdate' })

    await settle(env)
    expect(toBase64Url(Y.encodeStateAsUpdate(council.doc))).toBe(openBefore)
    expect(council.readOnly).toBe(false)
    expect(await storedState(device, env, names)).toEqual(before)
    await env.docs.release(councilName)
    // Opened afresh, the council is still this Yishi's, editable.
    const again = await env.docs.acquire(councilName)
    expect(again.readOnly).toBe(false)
    await env.docs.release(councilName)
    await env.shutdown()
  })
})
