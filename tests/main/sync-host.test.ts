// Hosting sync in the desktop app: one embedded server however often the secretary presses
// "host", reachable at every LAN address, on another port when the usual one is taken, and
// a real server behind it that serves its health endpoint, storing in plain files (storage
// 'files': Electron's main process cannot load better-sqlite3). The IPC payload is validated.
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../src/server/server'
import { createSyncHost, HOST_PORT, lanAddresses } from '../../src/main/syncHost'
import { validateHostSync } from '../../src/shared/ipc'

const dirs: string[] = []
const hosts: { stop(): Promise<void> }[] = []
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop()
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

const lan = () => ({
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  eth0: [
    { address: '192.168.1.20', family: 'IPv4', internal: false },
    { address: 'fe80::1', family: 'IPv6', internal: false },
  ],
  wlan0: [
    { address: '10.0.0.7', family: 4, internal: false },
    { address: '169.254.3.3', family: 'IPv4', internal: false },
  ],
})

describe('lanAddresses', () => {
  it('keeps the IPv4 addresses other devices can reach, and nothing else', () => {
    expect(lanAddresses(lan())).toEqual(['10.0.0.7', '192.168.1.20'])
    expect(lanAddresses({})).toEqual([])
  })
})

describe('createSyncHost', () => {
  it('starts one real server however often it is asked, on loopback and on each LAN address', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'yishi-host-'))
    dirs.push(dataDir)
    const started: SyncServerOptions[] = []
    // The usual port may be busy on a test machine: the test's server always takes a free one.
    const start = (o: SyncServerOptions): Promise<SyncServer> => {
      started.push(o)
      return createSyncServer({ ...o, port: 0, host: '127.0.0.1' })
    }
    const host = createSyncHost({ start, dataDir, networkInterfaces: lan })
    hosts.push(host)
    const [a, b] = await Promise.all([host.host(), host.host()])
    expect(a).toEqual(b)
    expect(started).toHaveLength(1)
    expect(started[0]).toMatchObject({ port: HOST_PORT, host: '0.0.0.0', dataDir, storage: 'files' })
    const port = Number(new URL(a.localUrl).port)
    expect(a.lanUrls).toEqual([`ws://10.0.0.7:${port}`, `ws://192.168.1.20:${port}`])
    const health = await fetch(`http://127.0.0.1:${port}/health`)
    expect(await health.json()).toEqual({ ok: true })
    // The file backend, not SQLite.
    expect(existsSync(join(dataDir, 'docs'))).toBe(true)
    expect(existsSync(join(dataDir, 'yishi.sqlite'))).toBe(false)
  })

  it('falls back to any free port when the usual one is taken, and can be started again after a failure', async () => {
    const ports: number[] = []
    const storages: unknown[] = []
    let failAll = true
    const start = async (o: SyncServerOptions): Promise<SyncServer> => {
      ports.push(o.port)
      storages.push(o.storage)
      if (failAll || o.port === HOST_PORT) throw new Error('EADDRINUSE')
      return { port: 50123, url: 'ws://0.0.0.0:50123', close: async () => {}, registry: null as never }
    }
    const host = createSyncHost({ start, dataDir: '/unused', networkInterfaces: () => ({}) })
    await expect(host.host()).rejects.toThrow('EADDRINUSE')
    failAll = false
    expect(await host.host()).toEqual({ localUrl: 'ws://127.0.0.1:50123', lanUrls: [] })
    expect(ports).toEqual([HOST_PORT, 0, HOST_PORT, 0])
    expect(storages).toEqual(['files', 'files', 'files', 'files'])
  })
})

describe('validateHostSync', () => {
  it('accepts exactly a council id, nothing else', () => {
    expect(validateHostSync({ councilId: 'c0ffee00-0000-4000-8000-000000000000' })).toEqual({ ok: true, payload: { councilId: 'c0ffee00-0000-4000-8000-000000000000' } })
    for (const bad of [undefined, null, 'x', [], { councilId: 'A'.repeat(10) }, { councilId: '../../etc' }, { councilId: 'abcdefgh', extra: 1 }, { councilId: 12345678 }, {}]) {
      expect(validateHostSync(bad).ok).toBe(false)
    }
  })
})
