// Several instances behind a load balancer: two sync servers joined by a real Redis (Debian's
// redis-server, started here on a free loopback port without persistence) relay edits between
// clients connected to different instances. Nothing is skipped: without redis-server this fails.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connect, newCouncil, runCleanups, sameState, startRedis, startServer, storedDoc, waitFor, type RedisProcess } from './server-fixtures'

let redis: RedisProcess | undefined

beforeAll(async () => {
  redis = await startRedis()
}, 20_000)
afterEach(runCleanups)
afterAll(async () => {
  await runCleanups()
  await redis?.stop()
})

const relay = (prefix: string) => ({ host: '127.0.0.1', port: redis!.port, prefix })

describe('sync server: two instances through Redis', () => {
  it('relays edits both ways between clients on different instances, and a late joiner gets everything', async () => {
    const prefix = `yishi-test-${Date.now()}`
    const s1 = await startServer({ redis: relay(prefix) })
    const s2 = await startServer({ redis: relay(prefix) })
    expect(s1.dataDir).not.toBe(s2.dataDir) // each its own SQLite file: edits can only travel through Redis
    const council = await newCouncil(s1, s2)
    const a = connect(s1.url, council.docName, await council.code('rw'))
    const b = connect(s2.url, council.docName, await council.code('rw'))
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both synced')

    a.doc.getMap('members').set('m1', '张三')
    await waitFor(() => b.doc.getMap('members').get('m1') === '张三', 'instance 1 -> instance 2')
    b.doc.getText('minutes').insert(0, '会议开始。')
    await waitFor(() => a.doc.getText('minutes').toString() === '会议开始。', 'instance 2 -> instance 1')

    for (let i = 0; i < 30; i++) {
      a.doc.getMap('members').set(`a${i}`, i)
      b.doc.getMap('members').set(`b${i}`, i)
    }
    await waitFor(() => sameState(a.doc, b.doc) && a.doc.getMap('members').size === 61, 'concurrent edits converged', 10_000)

    const c = connect(s2.url, council.docName, await council.code('ro'))
    await waitFor(() => c.provider.isSynced && sameState(c.doc, a.doc), 'late joiner on instance 2 has everything')

    // Each instance stores what it holds (its own file here): both have every edit.
    await waitFor(() => !a.provider.hasUnsyncedChanges && !b.provider.hasUnsyncedChanges, 'acknowledged')
    await Promise.all([s1.close(), s2.close()])
    for (const s of [s1, s2]) {
      const stored = storedDoc(s.dataDir, council.docName)!
      expect(stored.getMap('members').size).toBe(61)
      expect(stored.getText('minutes').toString()).toBe('会议开始。')
    }
  }, 30_000)

  it('a read-only client on one instance cannot write through the relay; an intruder on either gets nothing', async () => {
    const prefix = `yishi-test-ro-${Date.now()}`
    const s1 = await startServer({ redis: relay(prefix) })
    const s2 = await startServer({ redis: relay(prefix) })
    const council = await newCouncil(s1, s2)
    const writer = connect(s1.url, council.docName, await council.code('rw'))
    writer.doc.getMap('members').set('m1', '张三')
    const reader = connect(s2.url, council.docName, await council.code('ro'))
    await waitFor(() => reader.doc.getMap('members').get('m1') === '张三', 'reader on instance 2 received the content')
    reader.doc.getMap('members').set('ro', 'x')
    const intruder = connect(s2.url, council.docName, 'nope')
    await waitFor(() => intruder.authFailures.length > 0 && s2.count('write-refused') > 0, 'refusals')
    writer.doc.getMap('members').set('m2', '李四')
    await waitFor(() => reader.doc.getMap('members').get('m2') === '李四', 'relay still working')
    expect(writer.doc.getMap('members').has('ro')).toBe(false)
    expect(intruder.received.filter((r) => r.type !== 2)).toEqual([])
  }, 30_000)

  it('two instances sharing one data folder on one machine both store, and neither erases the other', async () => {
    const prefix = `yishi-test-shared-${Date.now()}`
    const s1 = await startServer({ redis: relay(prefix) })
    const s2 = await startServer({ redis: relay(prefix), dataDir: s1.dataDir })
    const council = await newCouncil(s1) // one registry, shared through the file
    expect(s2.registry.isRegistered(council.councilId)).toBe(true)
    const a = connect(s1.url, council.docName, await council.code('rw'))
    const b = connect(s2.url, council.docName, await council.code('rw'))
    for (let i = 0; i < 20; i++) {
      a.doc.getArray('log').push([`A-${i}`])
      b.doc.getArray('log').push([`B-${i}`])
    }
    await waitFor(() => sameState(a.doc, b.doc) && a.doc.getArray('log').length === 40, 'converged')
    await waitFor(() => !a.provider.hasUnsyncedChanges && !b.provider.hasUnsyncedChanges, 'acknowledged')
    await Promise.all([s1.close(), s2.close()])
    const stored = storedDoc(s1.dataDir, council.docName)!
    expect(new Set(stored.getArray('log').toArray())).toEqual(new Set(a.doc.getArray('log').toArray()))
  }, 30_000)

  it('refuses to start when Redis is not reachable, rather than run without the relay', async () => {
    const dead = await startRedis()
    await dead.stop()
    await expect(startServer({ redis: { host: '127.0.0.1', port: dead.port } })).rejects.toThrow(/not reachable/)
  }, 20_000)
})
