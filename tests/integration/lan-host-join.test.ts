// Joining a laptop that hosts on the LAN, through the app's own actions (issue 15): the hosting
// laptop connects its council to its embedded host with the host's fingerprint, every code it
// issues then carries that fingerprint, and joining with such a code asks the platform to pin it
// before the first connection. The transport is Node's, standing in for Electron's network
// service: it accepts exactly the certificates pinned on its device, decided by the same module
// as main's verify proc (src/main/certPins.ts), and nothing self-signed otherwise.
import 'fake-indexeddb/auto'
import { X509Certificate } from 'node:crypto'
import { request } from 'node:https'
import { connect as tlsConnect } from 'node:tls'
import { afterEach, expect, it, vi } from 'vitest'
import { WebSocket, type ClientOptions } from 'ws'
import { createSyncServer, type SyncServerOptions } from '../../src/server/server'
import { createSyncHost } from '../../src/main/syncHost'
import { decideCertificate, pinFor, type CertPin } from '../../src/main/certPins'
import { readCouncil } from '../../src/shared/doc/council'
import { councilDocName } from '../../src/shared/doc/names'
import { parseJoinCode } from '../../src/shared/sync/joinCode'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { connectCouncil, issueJoinCode, joinCouncil } from '../../src/renderer/features/sync/actions'
import { getSyncSettings } from '../../src/renderer/data/syncSettings'
import type { Platform } from '../../src/renderer/platform/types'
import { councilInput, newDevice, testPlatform } from './env'
import { onCleanup, runCleanups, tempDir, waitFor } from './server-fixtures'

afterEach(async () => {
  vi.unstubAllGlobals()
  await runCleanups()
})

/** The PEM a server at host:port presents (read without trusting it; nothing is sent). */
function presentedPem(host: string, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host, port, rejectUnauthorized: false }, () => {
      const raw = socket.getPeerCertificate().raw
      socket.destroy()
      resolve(new X509Certificate(raw).toString())
    })
    socket.once('error', reject)
  })
}

/**
 * TLS options for one device: the certificate the server presents is the only trust anchor and
 * the device's pins decide (checkServerIdentity runs once the chain holds); unpinned, the
 * self-signed certificate fails as in Chromium.
 */
function tlsFor(pins: readonly CertPin[], served: Map<string, string>, url: string) {
  const { hostname, port } = new URL(url)
  const pem = served.get(`${hostname}:${port}`)
  return {
    ...(pem ? { ca: pem } : {}),
    checkServerIdentity: (_host: string, peer: { fingerprint256: string }) =>
      decideCertificate(pins, { host: hostname, port: Number(port), fingerprint: peer.fingerprint256 }) === 'accept' ? undefined : new Error('not a pinned certificate'),
  }
}

/** A WebSocket class for one device's sync (ws hands the TLS options to tls.connect). */
function pinnedWebSocket(pins: readonly CertPin[], served: Map<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, tlsFor(pins, served, String(url)) as unknown as ClientOptions)
      this.on('error', () => {})
    }
  } as typeof WebSocket
}

/** `fetch` for the app's JSON POSTs (registration), over node:https with the same pins. */
function pinnedFetch(pins: readonly CertPin[], served: Map<string, string>) {
  return (input: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Response> =>
    new Promise((resolve, reject) => {
      const req = request(input, { method: init.method ?? 'GET', headers: init.headers, ...tlsFor(pins, served, input) }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 500 })))
      })
      req.on('error', reject)
      req.end(init.body)
    })
}

it('the hosting laptop issues codes carrying its fingerprint; joining with one pins it first and syncs over wss://', async () => {
  let started: { port: number } | null = null
  const start = async (o: SyncServerOptions) => (started = await createSyncServer({ ...o, port: 0, host: '127.0.0.1' }))
  const ownPins: CertPin[] = []
  const host = createSyncHost({ start, dataDir: tempDir(), certDir: tempDir(), networkInterfaces: () => ({}), pinOwn: (hosts, port, fp) => ownPins.push(...hosts.map((h) => ({ host: h, port, fingerprint: fp }))) })
  onCleanup(() => host.stop())
  const hosted = await host.host()
  expect(hosted.localUrl).toMatch(/^wss:/)
  expect(started).not.toBeNull()
  const served = new Map([[`127.0.0.1:${started!.port}`, await presentedPem('127.0.0.1', started!.port)]])

  // The secretary's laptop: pinned to itself as main does (pinOwn), connects with the fingerprint.
  vi.stubGlobal('fetch', pinnedFetch(ownPins, served))
  const owner = newDevice().start({ sync: { socket: { WebSocketPolyfill: pinnedWebSocket(ownPins, served) } } })
  onCleanup(() => owner.shutdown())
  await owner.sync.start()
  const councilId = await createCouncil(owner, councilInput())
  const council = await owner.docs.acquire(councilDocName(councilId))
  await connectCouncil(owner, council, councilId, hosted.localUrl, () => {}, hosted.fingerprint)
  expect(parseJoinCode((await getSyncSettings(owner.db, councilId))!.code)?.fingerprint).toBe(hosted.fingerprint)
  const issued = await issueJoinCode(owner, councilId, 'rw', '第二台电脑')
  expect(parseJoinCode(issued.code)?.fingerprint).toBe(hosted.fingerprint)
  // Connecting again to the same address (the form resubmitted) keeps the pin in its codes.
  await connectCouncil(owner, council, councilId, hosted.localUrl)
  expect(parseJoinCode((await issueJoinCode(owner, councilId, 'ro', '街道')).code)?.fingerprint).toBe(hosted.fingerprint)

  // Another laptop: no pins yet; the desktop platform records the code's pin as main would.
  const joinerPins: CertPin[] = []
  const pinned: string[][] = []
  const desktop: Platform = {
    ...testPlatform,
    kind: 'electron',
    capability: ((name: string) =>
      name === 'pinCertificate'
        ? async (serverUrl: string, fingerprint: string) => {
            pinned.push([serverUrl, fingerprint])
            joinerPins.push(pinFor(serverUrl, fingerprint)!)
          }
        : undefined) as Platform['capability'],
  }
  const joiner = newDevice().start({ sync: { socket: { WebSocketPolyfill: pinnedWebSocket(joinerPins, served) } } })
  onCleanup(() => joiner.shutdown())
  joiner.platform = desktop
  await joiner.sync.start()
  const joined = await joinCouncil(joiner, hosted.localUrl, issued.code)
  expect(joined).toBe(councilId)
  expect(pinned).toEqual([[hosted.localUrl, hosted.fingerprint]])
  const copy = await joiner.docs.acquire(councilDocName(councilId))
  await waitFor(() => readCouncil(copy.doc)?.name === councilInput().name, 'the council arrived over the pinned wss://')
}, 40_000)
