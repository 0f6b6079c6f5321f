// A laptop hosting on the LAN (issue 15): the desktop app's embedded host serves wss:// and
// https:// with its own self-signed certificate, the join codes made there carry its SHA-256, and
// a joining client that pins that fingerprint (the same decision module as the Electron wiring,
// src/main/certPins.ts) syncs with it, while a different self-signed certificate is refused.
import { X509Certificate } from 'node:crypto'
import { get, type RequestOptions } from 'node:https'
import { connect as tlsConnect, type PeerCertificate } from 'node:tls'
import { afterEach, describe, expect, it } from 'vitest'
import { HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket, type ClientOptions } from 'ws'
import { createSyncServer, type SyncServer, type SyncServerOptions } from '../../src/server/server'
import { createSyncHost } from '../../src/main/syncHost'
import { decideCertificate, pinFor, type CertPin } from '../../src/main/certPins'
import { createJoinCode, newCodeId, parseJoinCode, verifyJoinCode } from '../../src/shared/sync/joinCode'
import { connect, fastSocket, newCouncil, onCleanup, runCleanups, tempDir, waitFor } from './server-fixtures'

afterEach(runCleanups)

/** The desktop app's host, on a free loopback port, with its certificate kept in a fresh folder. */
async function startHost(): Promise<{ server: SyncServer; url: string; fingerprint: string; certDir: string }> {
  const certDir = tempDir()
  let server: SyncServer | null = null
  const start = async (o: SyncServerOptions): Promise<SyncServer> => (server = await createSyncServer({ ...o, port: 0, host: '127.0.0.1' }))
  const host = createSyncHost({ start, dataDir: tempDir(), certDir, networkInterfaces: () => ({}) })
  onCleanup(() => host.stop())
  const hosted = await host.host()
  if (!server || !hosted.fingerprint) throw new Error('the host did not start with TLS')
  return { server, url: hosted.localUrl, fingerprint: hosted.fingerprint, certDir }
}

/** The certificate a server presents, read without trusting it (nothing is sent over this probe). */
function presented(host: string, port: number): Promise<PeerCertificate> {
  return new Promise((resolve, reject) => {
    const socket = tlsConnect({ host, port, rejectUnauthorized: false }, () => {
      const cert = socket.getPeerCertificate(true)
      socket.destroy()
      resolve(cert)
    })
    socket.once('error', reject)
  })
}

/**
 * TLS options that accept exactly a pinned certificate, as a Node client of the desktop app's
 * rules would: the presented certificate becomes the only trust anchor (so Node's chain check
 * passes for it alone), and checkServerIdentity asks the pin decision about its fingerprint
 * instead of matching names. Nothing is sent before both agree.
 */
async function pinnedTls(url: string, pins: CertPin[]): Promise<Pick<RequestOptions, 'ca' | 'checkServerIdentity'>> {
  const { hostname, port } = new URL(url)
  const cert = await presented(hostname, Number(port))
  return {
    ca: new X509Certificate(cert.raw).toString(),
    checkServerIdentity: (_host, peer) =>
      decideCertificate(pins, { host: hostname, port: Number(port), fingerprint: peer.fingerprint256 }) === 'accept' ? undefined : new Error('not the pinned certificate'),
  }
}

/**
 * As ws options: ws hands them to tls.connect unchanged, but its typings declare
 * checkServerIdentity as returning a boolean where Node takes Error | undefined.
 */
const asWs = (tls: Pick<RequestOptions, 'ca' | 'checkServerIdentity'>): ClientOptions => tls as unknown as ClientOptions

function outcome(socket: WebSocket): Promise<string> {
  return new Promise((resolve) => {
    socket.once('open', () => {
      socket.close()
      resolve('open')
    })
    socket.once('error', (e) => resolve(String((e as NodeJS.ErrnoException).code ?? e.message)))
  })
}

describe('a laptop hosting on the LAN', () => {
  it('serves wss:// with its own certificate; a code with its fingerprint lets a pinning client sync over wss:// and https://', async () => {
    const host = await startHost()
    expect(host.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/)

    // The secretary's laptop makes the code; the fingerprint travels in it and the MAC still holds.
    const council = await newCouncil(host.server)
    const code = await createJoinCode(council.secret, { councilId: council.councilId, access: 'rw', codeId: newCodeId(), fingerprint: host.fingerprint })
    expect(await verifyJoinCode(code, council.secret)).toBe(true)

    // The joining device pins what the code says, for the address that came with it.
    const pin = pinFor(host.url, parseJoinCode(code)!.fingerprint!)
    expect(pin).not.toBeNull()
    const tls = await pinnedTls(host.url, [pin!])
    class Pinned extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols, asWs(tls))
        this.on('error', () => {})
      }
    }
    const pinnedSocket = () => {
      const s = new HocuspocusProviderWebsocket({ url: host.url, WebSocketPolyfill: Pinned, ...fastSocket })
      onCleanup(() => s.destroy())
      return s
    }
    const a = connect(host.url, council.docName, code, { socket: pinnedSocket() })
    const b = connect(host.url, council.docName, await council.code('ro'), { socket: pinnedSocket() })
    onCleanup(() => a.destroy())
    onCleanup(() => b.destroy())
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both synced over the pinned wss://')
    a.doc.getMap('members').set('m1', '张三')
    await waitFor(() => b.doc.getMap('members').get('m1') === '张三', 'an edit over the pinned wss://')

    // The HTTP side (registration, revocation, phone ballots) is https:// with the same certificate.
    const { port } = new URL(host.url)
    const health = await new Promise<number>((resolve, reject) => get(`https://127.0.0.1:${port}/health`, tls, (res) => resolve(res.statusCode ?? 0)).on('error', reject))
    expect(health).toBe(200)

    // Without the pin the certificate is what it is: self-signed, refused.
    expect(await outcome(new WebSocket(host.url))).toMatch(/SELF_SIGNED|CERT/i)
  }, 30_000)

  it('refuses another self-signed certificate at a pinned address, and the right one under another port', async () => {
    const first = await startHost()
    const second = await startHost()
    expect(second.fingerprint).not.toBe(first.fingerprint)
    const { port: secondPort } = new URL(second.url)

    // The code said "first"; something else answers at the address (a laptop impersonating the host).
    const impostorPin = pinFor(second.url, first.fingerprint)!
    const refused = new WebSocket(second.url, asWs(await pinnedTls(second.url, [impostorPin])))
    expect(await outcome(refused)).toMatch(/not the pinned certificate/)

    // The pinned certificate for another host:port does not carry over either.
    const elsewhere = pinFor(`wss://127.0.0.1:${Number(secondPort) === 1 ? 2 : 1}`, second.fingerprint)!
    expect(await outcome(new WebSocket(second.url, asWs(await pinnedTls(second.url, [elsewhere]))))).toMatch(/not the pinned certificate/)

    // And the exact pin opens it.
    expect(await outcome(new WebSocket(second.url, asWs(await pinnedTls(second.url, [pinFor(second.url, second.fingerprint)!]))))).toBe('open')
  }, 30_000)

  it('lets phones reach the ballot page over plain http on the same port, and nothing else: no WebSocket, no council endpoint', async () => {
    const host = await startHost()
    const port = new URL(host.url).port
    const plain = `http://127.0.0.1:${port}`
    // The phones' side: no certificate warning, because no certificate.
    const health = await fetch(`${plain}/health`)
    expect(health.status).toBe(200)
    const open = await fetch(`${plain}/ballot/api/open`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(open.status).toBe(400) // reached the ballot endpoint, which refuses an empty request
    // A join code or a council secret never crosses the room in clear.
    const register = await fetch(`${plain}/councils/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(register.status).toBe(403)
    expect(await register.json()).toEqual({ error: 'tls-required' })
    expect(await outcome(new WebSocket(`ws://127.0.0.1:${port}/`))).not.toBe('open')
    // The same port still speaks TLS to the pinning desktop app.
    expect(await outcome(new WebSocket(host.url, asWs(await pinnedTls(host.url, [pinFor(host.url, host.fingerprint)!]))))).toBe('open')
  }, 30_000)
})
