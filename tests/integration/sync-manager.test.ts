// The renderer's sync manager against a real sync server on port 0: a device (Dexie, DocStore and
// y-indexeddb on fake-indexeddb, SyncManager over one WebSocket) connects its council, which
// sends the council and its closed meeting documents; another client (a plain provider, its own
// memory) sees them and edits back, and the device projects the edit; a tampered code reports
// authFailed and lands nothing; a read-only council opens its documents read-only.
//
// Every device of a test shares one fake IndexedDB, where y-indexeddb names a database after its
// document: a device that hands a council over therefore quits and deletes its copies first, so
// that what the next device has can only have come through the server.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { readCouncil, readMembers } from '../../src/shared/doc/council'
import { readMeeting, updateMeeting } from '../../src/shared/doc/meeting'
import { councilDocName, meetingDocName } from '../../src/shared/doc/names'
import { createJoinCode, newCodeId } from '../../src/shared/sync/joinCode'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { createMeeting } from '../../src/renderer/features/meetings/actions'
import { saveNewMember } from '../../src/renderer/features/members/actions'
import { connectCouncil, joinCouncil } from '../../src/renderer/features/sync/actions'
import Dexie from 'dexie'
import { openDb } from '../../src/renderer/data/db'
import { getSyncSettings, saveSyncSettings } from '../../src/renderer/data/syncSettings'
import { SyncError } from '../../src/renderer/sync/errors'
import { councilInput, meetingFields, memberFields, newDevice, settle, type TestEnv } from './env'
import { connect, fastSocket, runCleanups, startServer } from './server-fixtures'

afterEach(runCleanups)

// Closing a socket that is still connecting makes Node's `ws` emit an error after Hocuspocus has
// removed its listeners (a browser's WebSocket does not): that one is expected here.
class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}
const syncOptions = { socket: { WebSocketPolyfill: QuietWebSocket, ...fastSocket } }

async function waitFor<T>(read: () => T | Promise<T>, ok: (v: T) => boolean, ms = 5_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const v = await read()
    if (ok(v)) return v
    if (Date.now() > until) throw new Error(`timed out; last value ${JSON.stringify(v)}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

async function deviceWithCouncil(): Promise<{ env: TestEnv; councilId: Awaited<ReturnType<typeof createCouncil>>; meetingId: string }> {
  const env = newDevice().start({ sync: syncOptions })
  await env.sync.start()
  const councilId = await createCouncil(env, councilInput())
  const council = await env.docs.acquire(councilDocName(councilId))
  await saveNewMember(env, council, memberFields({ name: '王建国' }))
  const meetingId = await createMeeting(env, council, councilId, meetingFields({ title: '四月议事会' }))
  return { env, councilId, meetingId }
}

/** The device quits and its document databases are deleted (see the top of this file). */
async function handOver(env: TestEnv, names: string[]): Promise<void> {
  await env.shutdown()
  for (const name of names) {
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name)
      req.onsuccess = () => resolve()
      req.onerror = () => reject(req.error)
    })
  }
}

describe('SyncManager with a real server', () => {
  it('connecting sends the council and its closed meetings; edits from another client come back and are projected', async () => {
    const server = await startServer()
    const { env, councilId, meetingId } = await deviceWithCouncil()
    const council = await env.docs.acquire(councilDocName(councilId))
    const started = performance.now()
    await connectCouncil(env, council, councilId, server.url)
    const connectMs = performance.now() - started
    await waitFor(() => env.sync.status(councilId).state, (s) => s === 'synced')
    const settings = await getSyncSettings(env.db, councilId)
    expect(settings?.secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(settings?.unpushed ?? []).toEqual([])
    expect(env.sync.status(councilId).lastSyncedAt).not.toBeNull()
    // The meeting document was closed on the device: connecting sent it anyway.
    expect(env.docs.openNames).not.toContain(meetingDocName(councilId, meetingId as never))

    const code = await createJoinCode(settings!.secret!, { councilId, access: 'rw', codeId: newCodeId() })
    const other = connect(server.url, 'other', code)
    const otherMeeting = connect(server.url, meetingDocName(councilId, meetingId as never), code, { socket: other.socket })
    const otherCouncil = connect(server.url, councilDocName(councilId), code, { socket: other.socket })
    await waitFor(() => readMeeting(otherMeeting.doc)?.title, (t) => t === '四月议事会')
    await waitFor(() => readCouncil(otherCouncil.doc)?.id, (id) => id === councilId)
    expect(readMembers(otherCouncil.doc).map((m) => m.name)).toEqual(['王建国'])

    // An edit from the other client reaches the open meeting on the device and its list row.
    const meeting = await env.docs.acquire(meetingDocName(councilId, meetingId as never))
    await waitFor(() => env.sync.status(councilId).state, (s) => s === 'synced')
    updateMeeting(otherMeeting.doc, { ...meetingFields({ title: '四月议事会（改期）' }) })
    await waitFor(() => readMeeting(meeting.doc)?.title, (t) => t === '四月议事会（改期）')
    await settle(env)
    await waitFor(() => env.db.meetings.get(meetingId), (row) => row?.title === '四月议事会（改期）')
    expect(connectMs).toBeLessThan(5_000)
  })

  it('a tampered code is refused: authFailed, no council data, settings removed', async () => {
    const server = await startServer()
    const { env: owner, councilId } = await deviceWithCouncil()
    const council = await owner.docs.acquire(councilDocName(councilId))
    await connectCouncil(owner, council, councilId, server.url)
    const secret = (await getSyncSettings(owner.db, councilId))!.secret!
    const good = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })
    const mac = good.split('.')[4]!
    const tampered = good.slice(0, good.length - mac.length) + (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1)
    await handOver(owner, [councilDocName(councilId)])

    const stranger = newDevice().start({ sync: syncOptions })
    await stranger.sync.start()
    const error = await joinCouncil(stranger, server.url, tampered).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SyncError)
    expect((error as SyncError).code).toBe('authFailed')
    expect(await stranger.db.councils.count()).toBe(0)
    expect(await getSyncSettings(stranger.db, councilId)).toBeUndefined()
  })

  it('joining with a read-only code brings the council and meetings, opened read-only', async () => {
    const server = await startServer()
    const { env: owner, councilId, meetingId } = await deviceWithCouncil()
    const council = await owner.docs.acquire(councilDocName(councilId))
    await connectCouncil(owner, council, councilId, server.url)
    const secret = (await getSyncSettings(owner.db, councilId))!.secret!
    const ro = await createJoinCode(secret, { councilId, access: 'ro', codeId: newCodeId() })
    await handOver(owner, [councilDocName(councilId), meetingDocName(councilId, meetingId as never)])

    const office = newDevice().start({ sync: syncOptions })
    await office.sync.start()
    const progress: string[] = []
    const started = performance.now()
    await joinCouncil(office, server.url, ro, (p) => progress.push(p.step))
    const joinMs = performance.now() - started
    expect(progress[0]).toBe('council')
    expect((await office.db.councils.get(councilId))?.name).toBe(councilInput().name)
    expect((await office.db.meetings.get(meetingId))?.title).toBe('四月议事会')
    const handle = await office.docs.acquire(councilDocName(councilId))
    expect(handle.readOnly).toBe(true)
    expect(handle.readOnlyReason).toBe('access')
    expect((await getSyncSettings(office.db, councilId))?.secret).toBeUndefined()
    expect(joinMs).toBeLessThan(5_000)
  })
})

describe('Dexie version 3', () => {
  it('upgrades a version 2 database, keeping its rows and adding the sync settings and issued codes', async () => {
    const name = `yishi-v2-${process.pid}-${Date.now()}`
    const v2 = new Dexie(name)
    v2.version(1).stores({ councils: 'id, name, openedAt', meetings: 'id, councilId, [councilId+startsAt], [councilId+year], [councilId+status]', settings: 'key' })
    v2.version(2).stores({ ballots: 'id, voteId', checkOffs: '[voteId+memberId], voteId' })
    await v2.table('settings').put({ key: 'language', value: 'en' })
    await v2.table('ballots').put({ id: 'b-1', voteId: 'v-1', choice: 'for' })
    v2.close()
    const db = openDb(name)
    try {
      await db.open()
      expect(db.verno).toBe(5) // up to the newest version, through every upgrade between
      expect(await db.settings.get('language')).toEqual({ key: 'language', value: 'en' })
      expect(await db.ballots.count()).toBe(1)
      await saveSyncSettings(db, { councilId: 'c-0000-0001', serverUrl: 'ws://127.0.0.1:1', code: 'YS1.x', access: 'ro' }, '2025-03-01T09:00:00.000Z')
      expect(await getSyncSettings(db, 'c-0000-0001')).toMatchObject({ access: 'ro', lastSyncedAt: null })
      expect(await db.issuedCodes.count()).toBe(0)
      expect(await db.table('blobs').count()).toBe(0)
    } finally {
      db.close()
      await Dexie.delete(name)
    }
  })
})
