// Certificate pins (issue 15): the desktop app accepts exactly the certificate a join code names,
// for the address that came with it, and leaves every other certificate to Chromium; the host's
// certificate is made once, kept 0600, and the same one comes back after a restart.
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { certificateVerifyProc, createPinStore, decideCertificate, MAX_PINS, normaliseFingerprint, pinFor, PINS_FILE_NAME, type CertPin } from '../../src/main/certPins'
import { certFingerprint, HOST_CERT_FILE, HOST_KEY_FILE, loadOrCreateHostCertificate } from '../../src/main/hostCert'
import { createSyncHost } from '../../src/main/syncHost'
import { validatePinCertificate } from '../../src/shared/sync/pinRequest'
import type { SyncServer } from '../../src/server/server'
import { fakeInvokeEvent } from './fakes'
import { deps, setup } from './ipc-fakes'

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})
function temp(): string {
  const d = mkdtempSync(join(tmpdir(), 'yishi-pins-'))
  dirs.push(d)
  return d
}

const mode = (file: string) => statSync(file).mode & 0o777

/** Two real, different host certificates, made once for the whole file. */
const madeDir = mkdtempSync(join(tmpdir(), 'yishi-pins-made-'))
const made = Promise.all([loadOrCreateHostCertificate(join(madeDir, 'a'), ['192.168.1.20']), loadOrCreateHostCertificate(join(madeDir, 'b'), [])])
afterAll(() => rmSync(madeDir, { recursive: true, force: true }))

/** Electron's spelling of a certificate's fingerprint: "sha256/" and standard base64 of the DER's SHA-256. */
const electronFingerprint = (pem: string) => `sha256/${createHash('sha256').update(new X509Certificate(pem).raw).digest('base64')}`

describe('the host certificate', () => {
  it('is made once with 0600 files in a 0700 folder, for loopback and the LAN addresses, and comes back the same', async () => {
    const dir = join(temp(), 'tls')
    const first = await loadOrCreateHostCertificate(dir, ['192.168.1.20', '10.0.0.7'])
    expect(mode(dir)).toBe(0o700)
    expect(mode(join(dir, HOST_CERT_FILE))).toBe(0o600)
    expect(mode(join(dir, HOST_KEY_FILE))).toBe(0o600)
    const x509 = new X509Certificate(first.cert)
    expect(x509.subjectAltName).toContain('IP Address:127.0.0.1')
    expect(x509.subjectAltName).toContain('IP Address:192.168.1.20')
    // Self-signed: its own issuer, signed by its own key (the key kept beside it).
    expect(x509.issuer).toBe(x509.subject)
    expect(x509.verify(x509.publicKey)).toBe(true)
    expect(x509.checkPrivateKey(createPrivateKey(first.key))).toBe(true)
    expect(first.fingerprint).toBe(certFingerprint(first.cert))
    expect(first.fingerprint).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const again = await loadOrCreateHostCertificate(dir, ['172.16.0.3'])
    expect(again).toEqual(first)
  })

  it('is made again when the key on disk is not its key, and files loosened by a copy are tightened', async () => {
    const [a, b] = await made
    const dir = temp()
    writeFileSync(join(dir, HOST_CERT_FILE), a.cert, { mode: 0o644 })
    writeFileSync(join(dir, HOST_KEY_FILE), a.key, { mode: 0o644 })
    expect((await loadOrCreateHostCertificate(dir, [])).fingerprint).toBe(a.fingerprint)
    expect(mode(join(dir, HOST_KEY_FILE))).toBe(0o600)

    writeFileSync(join(dir, HOST_KEY_FILE), b.key)
    const remade = await loadOrCreateHostCertificate(dir, [])
    expect(remade.fingerprint).not.toBe(a.fingerprint)
    expect(remade.fingerprint).not.toBe(b.fingerprint)
    expect(readFileSync(join(dir, HOST_CERT_FILE), 'utf8')).toBe(remade.cert)
  })

  it('the embedded host serves TLS with it and pins itself at its own addresses', async () => {
    const certDir = join(temp(), 'tls')
    const pinned: unknown[] = []
    let tls: unknown
    const start = async (o: { tls?: unknown }): Promise<SyncServer> => {
      tls = o.tls
      return { port: 50123, url: 'wss://0.0.0.0:50123', close: async () => {}, registry: null as never }
    }
    const lan = () => ({ eth0: [{ address: '192.168.1.20', family: 'IPv4', internal: false }] })
    const host = createSyncHost({ start, dataDir: '/unused', certDir, networkInterfaces: lan, pinOwn: (...args) => pinned.push(args) })
    const hosted = await host.host()
    const cert = readFileSync(join(certDir, HOST_CERT_FILE), 'utf8')
    // Phones reach the ballot page over plain http on the same port (they cannot pin a certificate).
    expect(tls).toEqual({ cert, key: readFileSync(join(certDir, HOST_KEY_FILE), 'utf8'), plainBallotPage: true })
    expect(hosted).toEqual({ localUrl: 'wss://127.0.0.1:50123', lanUrls: ['wss://192.168.1.20:50123'], fingerprint: certFingerprint(cert) })
    expect(pinned).toEqual([[['127.0.0.1', 'localhost', '192.168.1.20'], 50123, hosted.fingerprint]])
  })
})

describe('the pin decision', () => {
  it('accepts only the pinned fingerprint for the pinned host and port, in any spelling of the hash', async () => {
    const [a, b] = await made
    const pins: CertPin[] = [pinFor('wss://192.168.1.20:4455', a.fingerprint)!]
    const x = new X509Certificate(a.cert)
    expect(decideCertificate(pins, { host: '192.168.1.20', port: 4455, fingerprint: a.fingerprint })).toBe('accept')
    expect(decideCertificate(pins, { host: '192.168.1.20', port: 4455, fingerprint: x.fingerprint256 })).toBe('accept')
    expect(decideCertificate(pins, { host: '192.168.1.20', port: 4455, fingerprint: electronFingerprint(a.cert) })).toBe('accept')
    // Another certificate at the pinned address, the pinned one at another address or port.
    expect(decideCertificate(pins, { host: '192.168.1.20', port: 4455, fingerprint: b.fingerprint })).toBe('default')
    expect(decideCertificate(pins, { host: '192.168.1.21', port: 4455, fingerprint: a.fingerprint })).toBe('default')
    expect(decideCertificate(pins, { host: '192.168.1.20', port: 4456, fingerprint: a.fingerprint })).toBe('default')
    // Chromium does not say the port: the pinned host with its pinned certificate, on whatever port.
    expect(decideCertificate(pins, { host: '192.168.1.20', fingerprint: a.fingerprint })).toBe('accept')
    expect(decideCertificate(pins, { host: '192.168.1.20', fingerprint: 'sha1/abc' })).toBe('default')
    expect(decideCertificate([], { host: '192.168.1.20', port: 4455, fingerprint: a.fingerprint })).toBe('default')
  })

  it('pins wss:// and https:// addresses only (https without a port is 443)', async () => {
    const [a] = await made
    expect(pinFor('https://[FE80::1]', a.fingerprint)).toEqual({ host: 'fe80::1', port: 443, fingerprint: a.fingerprint })
    expect(pinFor('ws://192.168.1.20:4455', a.fingerprint)).toBeNull()
    expect(pinFor('not a url', a.fingerprint)).toBeNull()
    expect(pinFor('wss://192.168.1.20:4455', 'short')).toBeNull()
    expect(normaliseFingerprint('sha256/short=')).toBeNull()
  })

  it("Electron's verify proc: 0 for the pinned certificate (checked against its PEM too), -3 (Chromium decides) for anything else", async () => {
    const [a, b] = await made
    const proc = certificateVerifyProc(() => [pinFor('wss://192.168.1.20:4455', a.fingerprint)!])
    const answer = (hostname: string, certificate: { fingerprint: string; data?: string }) =>
      new Promise<number>((resolve) => proc({ hostname, certificate }, resolve))
    expect(await answer('192.168.1.20', { fingerprint: electronFingerprint(a.cert), data: a.cert })).toBe(0)
    expect(await answer('192.168.1.20', { fingerprint: electronFingerprint(a.cert) })).toBe(0)
    expect(await answer('192.168.1.20', { fingerprint: electronFingerprint(b.cert), data: b.cert })).toBe(-3)
    expect(await answer('council.example.org', { fingerprint: electronFingerprint(a.cert), data: a.cert })).toBe(-3)
    // A fingerprint string that does not belong to the certificate shown is not trusted.
    expect(await answer('192.168.1.20', { fingerprint: electronFingerprint(a.cert), data: b.cert })).toBe(-3)
  })
})

describe('the pin store', () => {
  it('keeps pins from join codes in a 0600 file across restarts, one per host:port, and this host in memory only', async () => {
    const [a, b] = await made
    const dir = temp()
    const file = join(dir, PINS_FILE_NAME)
    const store = createPinStore(file)
    await store.load()
    expect(store.pins()).toEqual([])
    await store.add(pinFor('wss://192.168.1.20:4455', a.fingerprint)!)
    await store.add(pinFor('wss://192.168.1.20:4455', b.fingerprint)!)
    await store.add(pinFor('wss://10.0.0.7:4455', a.fingerprint)!)
    store.pinOwn(['127.0.0.1'], 50123, b.fingerprint)
    expect(mode(file)).toBe(0o600)

    const later = createPinStore(file)
    await later.load()
    expect(later.pins()).toEqual([
      { host: '192.168.1.20', port: 4455, fingerprint: b.fingerprint },
      { host: '10.0.0.7', port: 4455, fingerprint: a.fingerprint },
    ])
    expect(store.pins()).toContainEqual({ host: '127.0.0.1', port: 50123, fingerprint: b.fingerprint })
  })

  it('starts with no pins from a broken file, drops malformed entries, and keeps at most MAX_PINS', async () => {
    const [a] = await made
    const dir = temp()
    const file = join(dir, PINS_FILE_NAME)
    writeFileSync(file, '{not json')
    const broken = createPinStore(file)
    await broken.load()
    expect(broken.pins()).toEqual([])

    writeFileSync(file, JSON.stringify({ version: 1, pins: [{ host: 'x', port: 0, fingerprint: a.fingerprint }, { host: 'y', port: 1, fingerprint: 'nope' }, 'z', { host: 'ok', port: 1, fingerprint: a.fingerprint }] }))
    const mixed = createPinStore(file)
    await mixed.load()
    expect(mixed.pins()).toEqual([{ host: 'ok', port: 1, fingerprint: a.fingerprint }])

    const many = createPinStore(join(dir, 'many.json'))
    for (let i = 0; i < MAX_PINS + 5; i++) await many.add({ host: `10.0.${i >> 8}.${i & 255}`, port: 4455, fingerprint: a.fingerprint })
    expect(many.pins()).toHaveLength(MAX_PINS)
    expect(many.pins()[0]!.host).toBe('10.0.0.5')
  }, 20_000)
})

describe('the sync:pinCertificate payload', () => {
  it('takes exactly a wss:// or https:// address and a base64url SHA-256', async () => {
    const [a] = await made
    expect(validatePinCertificate({ serverUrl: 'wss://192.168.1.20:4455', fingerprint: a.fingerprint })).toEqual({ ok: true, payload: { serverUrl: 'wss://192.168.1.20:4455', fingerprint: a.fingerprint } })
    expect(validatePinCertificate({ serverUrl: 'https://council.example.org', fingerprint: a.fingerprint }).ok).toBe(true)
    for (const bad of [
      null,
      'x',
      { serverUrl: 'ws://192.168.1.20:4455', fingerprint: a.fingerprint },
      { serverUrl: 'wss://192.168.1.20:4455', fingerprint: electronFingerprint(a.cert) },
      { serverUrl: 'wss://192.168.1.20:4455', fingerprint: a.fingerprint, extra: 1 },
      { serverUrl: 'wss://u:p@192.168.1.20:4455', fingerprint: a.fingerprint },
      { serverUrl: `wss://${'a'.repeat(400)}`, fingerprint: a.fingerprint },
      { serverUrl: 'wss://192.168.1.20:4455' },
    ]) {
      expect(validatePinCertificate(bad).ok).toBe(false)
    }
  })
})

describe('sync:pinCertificate', () => {
  it('hands a valid pin to main and answers ok; a pin main cannot record is refused, a malformed one never reaches it', async () => {
    const [a] = await made
    const pinCertificate = vi.fn(async (serverUrl: string) => serverUrl.startsWith('wss://192.'))
    const ipc = setup(deps({ pinCertificate }))
    expect(await ipc.invoke('sync:pinCertificate', fakeInvokeEvent(), { serverUrl: 'wss://192.168.1.20:4455', fingerprint: a.fingerprint })).toEqual({ ok: true, value: undefined })
    expect(pinCertificate).toHaveBeenCalledWith('wss://192.168.1.20:4455', a.fingerprint)
    expect(await ipc.invoke('sync:pinCertificate', fakeInvokeEvent(), { serverUrl: 'wss://10.0.0.7:4455', fingerprint: a.fingerprint })).toEqual({ ok: false, error: 'invalid-payload' })
    expect(await ipc.invoke('sync:pinCertificate', fakeInvokeEvent(), { serverUrl: 'ws://192.168.1.20:4455', fingerprint: a.fingerprint })).toEqual({ ok: false, error: 'invalid-payload' })
    expect(pinCertificate).toHaveBeenCalledTimes(2)
  })
})
