// The sync server on a real port with real providers: two clients converge; a client without a
// valid code for the council receives no byte of it and lands no write; a read-only client's
// writes are refused; revoking a code cuts its live connections; no onAuthenticate, no server.
import type { Socket } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newCouncilSecret, createJoinCode } from '../../src/shared/sync/joinCode'
import { assertAuthenticates, startHocuspocus, type SyncServerOptions } from '../../src/server/server'
import { authenticatedRawClient, canonical, connect, FrameWriter, frames, newCouncil, runCleanups, sameState, sleep, startServer, storedDoc, waitFor, withPostgres, type Client } from './server-fixtures'

afterEach(runCleanups)

const AUTH = 2

/** Frames for `name` that carry content (sync or awareness), as opposed to auth answers. */
const contentFrames = (c: Client, name: string) => c.received.filter((r) => r.documentName === name && r.type !== AUTH)

describe.each(withPostgres())('storage: %s', (storage) => {
  const start = (options: Partial<SyncServerOptions> = {}) => startServer({ storage, ...options })

  describe('sync server: convergence', () => {
    it('two clients with read-write codes converge, both ways and concurrently', async () => {
      const server = await start()
      const council = await newCouncil(server)
      const a = connect(server.url, council.docName, await council.code('rw'))
      const b = connect(server.url, council.docName, await council.code('rw'))
      await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both synced')
      expect(a.scope).toBe('read-write')

      a.doc.getMap('members').set('m1', '张三')
      await waitFor(() => b.doc.getMap('members').get('m1') === '张三', 'a -> b')
      b.doc.getText('minutes').insert(0, '会议开始。')
      await waitFor(() => a.doc.getText('minutes').toString() === '会议开始。', 'b -> a')

      // Concurrent edits of the same text and of different keys of one map.
      for (let i = 0; i < 20; i++) {
        a.doc.getText('minutes').insert(0, `A${i}`)
        b.doc.getText('minutes').insert(b.doc.getText('minutes').length, `B${i}`)
        a.doc.getMap('members').set(`a${i}`, i)
        b.doc.getMap('members').set(`b${i}`, i)
      }
      await waitFor(() => sameState(a.doc, b.doc), 'converged')
      expect(a.doc.getMap('members').size).toBe(41)
      for (let i = 0; i < 20; i++) expect(a.doc.getText('minutes').toString()).toContain(`B${i}`)

      // The server stored what both wrote.
      await server.close()
      const stored = storedDoc(server.dataDir, council.docName, storage)!
      expect(canonical(stored.getMap('members').toJSON())).toBe(canonical(a.doc.getMap('members').toJSON()))
      expect(stored.getText('minutes').toString()).toBe(a.doc.getText('minutes').toString())
    })

    it('one socket carries several documents of a council, each authenticated with its code', async () => {
      const server = await start()
      const council = await newCouncil(server)
      const code = await council.code('rw')
      const meeting = `${council.docName}/meeting/0f0e0d0c-0b0a-4909-8807-060504030201`
      const a1 = connect(server.url, council.docName, code)
      const a2 = connect(server.url, meeting, code, { socket: a1.socket })
      const b2 = connect(server.url, meeting, code)
      await waitFor(() => a1.provider.isSynced && a2.provider.isSynced && b2.provider.isSynced, 'all synced')
      a2.doc.getMap('agenda').set('i1', '加装电梯')
      await waitFor(() => b2.doc.getMap('agenda').get('i1') === '加装电梯', 'meeting doc synced over the shared socket')
      expect(a1.doc.getMap('agenda').size).toBe(0)
    })

    it("a campaign's and the household register's documents sync with the council's code, and no other council's", async () => {
      const server = await start()
      const council = await newCouncil(server)
      const other = await newCouncil(server)
      const code = await council.code('rw')
      const campaign = `${council.docName}/campaign/0f0e0d0c-0b0a-4909-8807-060504030201`
      const households = `${council.docName}/households`
      const a = connect(server.url, campaign, code)
      const b = connect(server.url, campaign, code)
      const h = connect(server.url, households, code)
      await waitFor(() => a.provider.isSynced && b.provider.isSynced && h.provider.isSynced, 'campaign and register synced')
      a.doc.getMap('entries').set('e1', { householdId: 'h1', kind: 'sign' })
      await waitFor(() => b.doc.getMap('entries').has('e1'), 'a signing reached the other laptop')
      const intruder = connect(server.url, campaign, await other.code('rw'))
      await waitFor(() => intruder.authFailures.length > 0, 'refusal of another council')
      expect(intruder.authFailures).toEqual(['wrong-council'])
      expect(contentFrames(intruder, campaign)).toEqual([])
    })
  })

  describe('sync server: access', () => {
    async function intruderSetup() {
      const server = await start()
      const council = await newCouncil(server)
      const other = await newCouncil(server)
      const writer = connect(server.url, council.docName, await council.code('rw'))
      writer.provider.setAwarenessField('user', { name: '秘书' })
      writer.doc.getMap('members').set('m1', { name: '张三', phone: '138 0000 0000' })
      await waitFor(() => writer.provider.isSynced && !writer.provider.hasUnsyncedChanges, 'writer synced')
      return { server, council, other, writer }
    }

    const cases: [string, string, (s: Awaited<ReturnType<typeof intruderSetup>>) => Promise<string | null>][] = [
      ['no code', 'no-code', async () => null],
      ['a malformed code', 'invalid-code', async () => 'let me in'],
      ['a code made from a wrong secret', 'invalid-code', async ({ council }) => createJoinCode(newCouncilSecret(), { councilId: council.councilId, access: 'rw', codeId: '00000000000000aa' })],
      ["another council's valid code", 'wrong-council', async ({ other }) => other.code('rw')],
      [
        'a revoked code',
        'code-revoked',
        async ({ server, council }) => {
          const code = await council.code('rw', '00000000000000bb')
          const r = await server.registry.revokeCode(council.councilId, '00000000000000bb', await council.code('rw'))
          expect(r).toEqual({ ok: true })
          return code
        },
      ],
    ]

    it.each(cases)('a client with %s receives zero bytes of content and lands no write', async (_label, reason, makeToken) => {
      const setup = await intruderSetup()
      const { server, council, writer } = setup
      const doc = new Y.Doc()
      doc.getMap('members').set('evil', 'written before connecting')
      const intruder = connect(server.url, council.docName, await makeToken(setup))
      await waitFor(() => intruder.authFailures.length > 0, 'authentication failure')
      expect(intruder.authFailures).toEqual([reason])
      // Writes after the refusal, too.
      intruder.doc.getMap('members').set('evil2', 'written after the refusal')
      intruder.doc.getText('minutes').insert(0, '篡改')
      writer.doc.getMap('members').set('m2', '李四')
      await sleep(300)

      expect(contentFrames(intruder, council.docName)).toEqual([])
      expect(intruder.received.every((r) => r.type === AUTH && r.sub === 1)).toBe(true)
      expect(intruder.doc.getMap('members').get('m1')).toBeUndefined()
      expect(intruder.doc.getMap('members').get('m2')).toBeUndefined()
      expect(intruder.provider.isSynced).toBe(false)
      expect(writer.doc.getMap('members').get('evil2')).toBeUndefined()
      expect(writer.doc.getText('minutes').toString()).toBe('')
      expect(server.events).toContainEqual({ type: 'auth-refused', documentName: council.docName, reason })

      await server.close()
      const stored = storedDoc(server.dataDir, council.docName, storage)!
      expect(stored.getMap('members').toJSON()).toEqual({ m1: { name: '张三', phone: '138 0000 0000' }, m2: '李四' })
      expect(stored.getText('minutes').toString()).toBe('')
    })

    it('a document name that does not parse is refused, whatever the code', async () => {
      const server = await start()
      const council = await newCouncil(server)
      const code = await council.code('rw')
      for (const name of [`${council.docName}/`, `${council.docName}/campaign`, `council/${council.councilId.toUpperCase()}`, 'other/thing', `${council.docName}/meeting/x`]) {
        const c = connect(server.url, name, code)
        await waitFor(() => c.authFailures.length > 0, `refusal of ${name}`)
        expect(c.authFailures).toEqual(['invalid-document-name'])
        expect(contentFrames(c, name)).toEqual([])
      }
    })

    it("a read-only client receives the council but the server refuses its writes; others never see them", async () => {
      const { server, council, writer } = await intruderSetup()
      const reader = connect(server.url, council.docName, await council.code('ro'))
      await waitFor(() => reader.provider.isSynced, 'reader synced')
      expect(reader.scope).toBe('readonly')
      await waitFor(() => reader.doc.getMap('members').has('m1'), 'reader received the content')

      reader.doc.getMap('members').set('ro-edit', '只读设备写入')
      reader.doc.getText('minutes').insert(0, '只读')
      // The server answers "not applied" (sync status 0) to each refused update.
      await waitFor(() => reader.received.filter((r) => r.type === 8).length >= 2 && server.count('write-refused') >= 2, 'refusals')
      writer.doc.getMap('members').set('m3', '王五')
      await waitFor(() => reader.doc.getMap('members').get('m3') === '王五', 'reader still receives new edits')
      await sleep(200)
      expect(writer.doc.getMap('members').has('ro-edit')).toBe(false)
      expect(writer.doc.getText('minutes').toString()).toBe('')
      expect(reader.provider.hasUnsyncedChanges).toBe(true)

      // A second writer that joins later does not get the read-only edit from the server either.
      const late = connect(server.url, council.docName, await council.code('rw'))
      await waitFor(() => late.provider.isSynced && late.doc.getMap('members').has('m3'), 'late writer synced')
      expect(late.doc.getMap('members').has('ro-edit')).toBe(false)

      await server.close()
      const stored = storedDoc(server.dataDir, council.docName, storage)!
      expect(stored.getMap('members').has('ro-edit')).toBe(false)
      expect(stored.getMap('members').get('m3')).toBe('王五')
    })

    it('revoking a code closes the connections that use it; they cannot come back; other codes keep syncing', async () => {
      const server = await start()
      const council = await newCouncil(server)
      const lost = connect(server.url, council.docName, await council.code('rw', '00000000000000cc'))
      const kept = connect(server.url, council.docName, await council.code('rw'))
      await waitFor(() => lost.provider.isSynced && kept.provider.isSynced, 'both synced')
      lost.doc.getMap('m').set('before', 1)
      await waitFor(() => kept.doc.getMap('m').get('before') === 1, 'edit before revoking')

      const res = await fetch(`${server.httpUrl}/councils/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ councilId: council.councilId, codeId: '00000000000000cc', code: await council.code('rw') }),
      })
      expect(res.status).toBe(200)
      await waitFor(() => lost.authFailures.includes('code-revoked'), 'revoked client refused on reconnecting')
      expect(server.events).toContainEqual({ type: 'codes-changed', councilId: council.councilId, codeId: '00000000000000cc', connectionsClosed: 1 })

      lost.doc.getMap('m').set('after', 1)
      kept.doc.getMap('m').set('kept', 1)
      await sleep(300)
      expect(kept.doc.getMap('m').has('after')).toBe(false)
      const third = connect(server.url, council.docName, await council.code('ro'))
      await waitFor(() => third.doc.getMap('m').get('kept') === 1, 'other codes unaffected')
    })

    it('a provider destroyed and recreated at once on the same socket (new code) is authenticated again without reconnecting', async () => {
      const server = await start()
      const council = await newCouncil(server)
      const first = connect(server.url, council.docName, await council.code('rw'))
      await waitFor(() => first.provider.isSynced, 'first synced')
      const opened = first.received.length
      // What the app does when a council's code changes: destroy the provider, attach a new one.
      first.provider.destroy()
      const second = connect(server.url, council.docName, await council.code('ro'), { socket: first.socket })
      await waitFor(() => second.authenticated && second.provider.isSynced, 'second authenticated on the same socket')
      expect(second.scope).toBe('readonly')
      expect(server.count('connection-closed')).toBe(0)
      expect(first.received.length).toBeGreaterThan(opened) // the same socket carried the new answers
    })

    it('close then auth for one document in a single burst: the auth waits for the close instead of being lost', async () => {
      const server = await start()
      const council = await newCouncil(server)
      const raw = await authenticatedRawClient(server.url, council.docName, await council.code('rw'))
      const answered = raw.received.length
      const ro = await council.code('ro')
      // One TCP write, so the server reads all three before Hocuspocus has handled the close.
      const socket = (raw.ws as unknown as { _socket: Socket })._socket
      socket.cork()
      raw.send(new FrameWriter().string(council.docName).uint(7).done()) // close
      raw.send(frames.auth(council.docName, ro))
      raw.send(frames.syncStep1(council.docName, new Y.Doc()))
      socket.uncork()
      await waitFor(() => raw.received.slice(answered).some((r) => r.type === 2 && r.sub === 2), 'authenticated again')
      await waitFor(() => raw.received.slice(answered).some((r) => r.type === 0 && r.sub === 1), 'sync answered')
      expect(raw.ws.readyState).toBe(raw.ws.OPEN)
      expect(server.count('connection-closed')).toBe(0)
      expect(server.events.filter((e) => e.type === 'auth-ok').map((e) => (e as { access: string }).access)).toEqual(['rw', 'ro'])
    })

    it('a device given a new code for a refused document on the same socket gets in (the server asks it to reconnect)', async () => {
      const server = await start()
      const council = await newCouncil(server)
      const bad = connect(server.url, council.docName, 'wrong')
      await waitFor(() => bad.authFailures.length > 0, 'first refusal')
      // What the app does when the user enters a new code: a new provider on the same socket.
      bad.provider.destroy()
      const good = connect(server.url, council.docName, await council.code('rw'), { socket: bad.socket })
      const writer = connect(server.url, council.docName, await council.code('rw'))
      writer.doc.getMap('m').set('x', 1)
      await waitFor(() => good.provider.isSynced && good.doc.getMap('m').get('x') === 1, 'new code accepted')
      expect(server.events).toContainEqual({ type: 'connection-closed', code: 4409, reason: 'reconnect-to-reauthenticate' })
    })
  })
})

describe('sync server: starting', () => {
  it('rejects when the port is taken (the caller may fall back to port 0), leaving the other server serving', async () => {
    const first = await startServer()
    await expect(startServer({ port: first.port })).rejects.toThrow(/EADDRINUSE/)
    expect((await fetch(`${first.httpUrl}/health`)).status).toBe(200)
  })

  it('a Hocuspocus configuration without onAuthenticate refuses to start', async () => {
    await expect(startHocuspocus({}, { host: '127.0.0.1', port: 0 })).rejects.toThrow(/without onAuthenticate/)
    expect(() => assertAuthenticates({ extensions: [{ onAuthenticate: async () => ({}) }] })).toThrow(/without onAuthenticate/)
    expect(() => assertAuthenticates({ onAuthenticate: async () => ({}) })).not.toThrow()
  })
})
