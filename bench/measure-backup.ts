// Measures the backup of a council with 50 meetings (12 members, two agenda items per meeting,
// made with the app's own actions) on the local stack in Node (Dexie and y-indexeddb on
// fake-indexeddb, so the IndexedDB part is slower or faster than Chromium's): collect + encode,
// decode alone, decode + restore into a fresh device, and decode + restore into the same data
// (every update already there). Median of 5 after one warm-up. Prints figures, asserts nothing.
//   npx tsx bench/measure-backup.ts
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import type { AppEnv } from '../src/renderer/kit/env'
import { collectBackup, restoreBackup } from '../src/renderer/sync/backup'
import { openDb } from '../src/renderer/data/db'
import { createCouncil } from '../src/renderer/features/councils/actions'
import { createMeeting, saveNewItem } from '../src/renderer/features/meetings/actions'
import { importMembers, saveMember, saveNewMember } from '../src/renderer/features/members/actions'
import type { Platform } from '../src/renderer/platform/types'
import { DocStore } from '../src/renderer/sync/docs'
import { Projector } from '../src/renderer/sync/projector'
import { SyncManager } from '../src/renderer/sync/provider'
import { decodeBackup, encodeBackup, type BackupContent } from '../src/shared/backup/format'
import { councilDocName, meetingDocName } from '../src/shared/doc/names'
import { councilInput, itemFields, meetingFields, memberFields } from '../tests/unit/helpers'

const RUNS = 5
const MEETINGS = 50
const now = () => new Date().toISOString()
// Never called here: backups do not print, save or open windows.
const platform = { kind: 'web' } as Platform

let seq = 0
function startApp(): AppEnv & { close(): Promise<void> } {
  const db = openDb(`yishi-bench-backup-${++seq}`)
  const projector = new Projector(db, now)
  const docs = new DocStore({ onOpen: (h) => projector.attach(h) })
  const sync = new SyncManager(db, { now, online: () => false })
  return {
    db,
    docs,
    projector,
    sync,
    platform,
    now,
    today: () => now().slice(0, 10),
    async close() {
      await docs.closeAll()
      await projector.flush()
      db.close()
      await Dexie.delete(db.name)
    },
  }
}

async function deleteDocs(content: BackupContent): Promise<void> {
  for (const d of content.docs) {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(d.name)
      req.onsuccess = () => resolve()
      req.onerror = () => reject(req.error)
    })
  }
}

async function buildCouncil(env: AppEnv): Promise<void> {
  const councilId = await createCouncil(env, councilInput({ name: '锦江小区院落议事会' }))
  const council = await env.docs.acquire(councilDocName(councilId))
  await importMembers(env, council, Array.from({ length: 10 }, (_, i) => memberFields({ name: `居民${i + 1}`, room: String(101 + i) })))
  const chair = await saveNewMember(env, council, memberFields({ name: '王主任', role: 'chair' }))
  await saveMember(env, council, chair, memberFields({ name: '王主任', role: 'chair', phone: '139 1111 2222' }))
  for (let i = 0; i < MEETINGS; i++) {
    const startsAt = `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-10T19:30`
    const id = await createMeeting(env, council, councilId, meetingFields({ title: `第${i + 1}次居民议事会`, startsAt }))
    const meeting = await env.docs.acquire(meetingDocName(councilId, id))
    await saveNewItem(env, meeting, itemFields({ title: `议题${i + 1}-甲` }))
    await saveNewItem(env, meeting, itemFields({ title: `议题${i + 1}-乙` }))
    await env.docs.release(meeting.name)
  }
  await env.docs.release(council.name)
  await env.projector.flush()
}

async function time(label: string, fn: () => Promise<unknown>, before: () => Promise<unknown> = async () => {}): Promise<void> {
  const ts: number[] = []
  for (let i = 0; i <= RUNS; i++) {
    await before()
    const t = performance.now()
    await fn()
    if (i > 0) ts.push(performance.now() - t) // run 0 warms up
  }
  ts.sort((a, b) => a - b)
  console.log(`${label}: median ${ts[Math.floor(RUNS / 2)]!.toFixed(0)} ms (min ${ts[0]!.toFixed(0)}, max ${ts.at(-1)!.toFixed(0)}) over ${RUNS}`)
}

const original = startApp()
await buildCouncil(original)
let text: Uint8Array = new Uint8Array(0)
await time(`collect + encode (${MEETINGS} meetings)`, async () => {
  text = await encodeBackup(await collectBackup(original, '0.0.0-bench'))
})
const decoded = await decodeBackup(text)
if (!decoded.ok) throw new Error(`decode failed: ${decoded.error}`)
console.log(`backup: ${decoded.summary.docCount} documents, ${(decoded.summary.bytes / 1024).toFixed(0)} KiB`)
await time('decode alone', () => decodeBackup(text))
await time('decode + restore into the same data (nothing new)', async () => {
  const d = await decodeBackup(text)
  if (d.ok) await restoreBackup(original, d.content)
})
await original.close()
await deleteDocs(decoded.content)

let fresh: ReturnType<typeof startApp> | null = null
await time(
  'decode + restore into a fresh device',
  async () => {
    const d = await decodeBackup(text)
    if (d.ok && fresh) await restoreBackup(fresh, d.content)
  },
  async () => {
    if (fresh) await fresh.close()
    await deleteDocs(decoded.content)
    fresh = startApp()
  },
)
await fresh!.close()
await deleteDocs(decoded.content)
