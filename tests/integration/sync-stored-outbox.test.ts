// "Synced" means stored (issue 15): a device keeps a document in its outbox until the server says
// it has stored it, not merely received it. Against a real server whose disk is full for a while:
// the edit is acknowledged but stays queued; once the server stores it, the outbox lets it go.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { councilDocName } from '../../src/shared/doc/names'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { saveNewMember } from '../../src/renderer/features/members/actions'
import { connectCouncil } from '../../src/renderer/features/sync/actions'
import { getSyncSettings } from '../../src/renderer/data/syncSettings'
import type { DocumentBackend } from '../../src/server/storage'
import { councilInput, memberFields, newDevice } from './env'
import { fastSocket, runCleanups, sleep, startServer, storedDoc, waitFor } from './server-fixtures'

afterEach(runCleanups)

class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}

describe('the outbox keeps a document until the server has stored it', () => {
  it('acknowledged but not stored (full disk): still queued; stored: released', async () => {
    let full = false
    const server = await startServer({
      wrapDocuments: (real): DocumentBackend => ({
        fetch: (name) => real.fetch(name),
        meetingName: (id) => real.meetingName(id),
        store: async (name, update) => {
          if (full) throw new Error('SQLITE_FULL: database or disk is full')
          return real.store(name, update)
        },
        close: () => real.close(),
      }),
    })
    const env = newDevice().start({ sync: { socket: { WebSocketPolyfill: QuietWebSocket, ...fastSocket } } })
    await env.sync.start()
    const councilId = await createCouncil(env, councilInput())
    const name = councilDocName(councilId)
    const council = await env.docs.acquire(name)
    await connectCouncil(env, council, councilId, server.url)
    let unpushed: string[] = []
    const readUnpushed = async () => (unpushed = (await getSyncSettings(env.db, councilId))?.unpushed ?? [])
    const until = async (ok: () => boolean, what: string, ms = 10_000) => {
      const started = Date.now()
      while (!ok()) {
        if (Date.now() - started > ms) throw new Error(`timed out: ${what}`)
        await readUnpushed()
        await sleep(20)
      }
      return Date.now() - started
    }
    await until(() => unpushed.length === 0 && env.sync.status(councilId).state === 'synced', 'connected and stored')

    full = true
    await saveNewMember(env, council, memberFields({ name: '王建国' }))
    await waitFor(() => server.count('store-failed') >= 2, 'the server failed to store twice', 10_000)
    await readUnpushed()
    expect(unpushed).toContain(name)
    expect((await env.sync.waitForSync(name, 300, 'pushed')).ok).toBe(false)

    full = false
    const ms = await until(() => !unpushed.includes(name), 'released once stored')
    console.log(`the outbox released the document ${ms} ms after the disk had room again`)
    expect((await env.sync.waitForSync(name, 3_000, 'pushed')).ok).toBe(true)
    expect(storedDoc(server.dataDir, name)).not.toBeNull()
  }, 30_000)
})
