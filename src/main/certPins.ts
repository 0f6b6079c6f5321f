// Certificate pins: which self-signed certificate this desktop app accepts for which server. A
// join code made on a laptop hosting on the LAN carries that laptop's certificate fingerprint;
// joining with it pins the fingerprint for the code's host:port (kept in userData, 0600), and
// this laptop's own host pins itself while it runs. The decision is plain code, used by the
// Electron wiring (session.setCertificateVerifyProc, main.ts) and by Node clients in the tests.
import { createHash, X509Certificate } from 'node:crypto'
import { chmod, readFile } from 'node:fs/promises'
import { fromBase64Url, isCertFingerprint, toBase64Url } from '../shared/sync/joinCode'
import { writeFileAtomic } from './files'

export const PINS_FILE_NAME = 'sync-pins.json'
/** A laptop joins a handful of councils; the bound only keeps a hostile file from growing it. */
export const MAX_PINS = 200

export interface CertPin {
  /** Host as in the server address (an IP address on a LAN), lower case, IPv6 without brackets. */
  host: string
  port: number
  /** SHA-256 of the certificate's DER, base64url (as in the join code). */
  fingerprint: string
}

/** What a TLS client knows about a certificate it was shown. */
export interface PresentedCertificate {
  host: string
  /** Unknown in Electron's verify proc (Chromium does not pass it): then any pinned port of the host. */
  port?: number | undefined
  /**
   * Electron's `certificate.fingerprint` ("sha256/<base64 of the DER's SHA-256>"), Node's
   * `fingerprint256` ("AB:CD:…"), or the join code's base64url.
   */
  fingerprint: string
}

/** 'accept': exactly a pinned certificate; 'default': not ours to decide (Chromium or Node verify as usual). */
export type PinDecision = 'accept' | 'default'

/** Any spelling of a SHA-256 fingerprint as base64url, or null if it is not one. */
export function normaliseFingerprint(text: string): string | null {
  // (A type guard on a string parameter would narrow the rest of this function to never.)
  const given: unknown = text
  if (isCertFingerprint(given)) return given
  const electron = /^sha256\/([A-Za-z0-9+/]{43}=)$/.exec(text)
  if (electron) {
    const bytes = fromBase64Url(electron[1]!.slice(0, 43).replace(/\+/g, '-').replace(/\//g, '_'))
    return bytes && bytes.length === 32 ? toBase64Url(bytes) : null
  }
  if (/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/.test(text)) return toBase64Url(Buffer.from(text.replace(/:/g, ''), 'hex'))
  return null
}

/** The fingerprint of a PEM certificate (Electron's `certificate.data`), base64url. */
export function fingerprintOfPem(pem: string): string | null {
  try {
    return toBase64Url(createHash('sha256').update(new X509Certificate(pem).raw).digest())
  } catch {
    return null
  }
}

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1')
}

/**
 * The pin a server address and fingerprint stand for, or null: only wss:// and https://
 * addresses are pinned (a plain ws:// address has no certificate to pin).
 */
export function pinFor(serverUrl: string, fingerprint: string): CertPin | null {
  let url: URL
  try {
    url = new URL(serverUrl)
  } catch {
    return null
  }
  if (url.protocol !== 'wss:' && url.protocol !== 'https:') return null
  const fp = normaliseFingerprint(fingerprint)
  if (!fp || !url.hostname) return null
  return { host: normaliseHost(url.hostname), port: url.port ? Number(url.port) : 443, fingerprint: fp }
}

/**
 * Accept only a certificate whose fingerprint is pinned for that host (and port, when known).
 * Everything else, including a pinned host showing another certificate, is left to the usual
 * verification, which refuses a self-signed certificate: so the pin adds exactly one
 * certificate for one address and never weakens anything else.
 */
export function decideCertificate(pins: readonly CertPin[], presented: PresentedCertificate): PinDecision {
  const fp = normaliseFingerprint(presented.fingerprint)
  if (!fp) return 'default'
  const host = normaliseHost(presented.host)
  const match = pins.some((p) => p.host === host && (presented.port === undefined || p.port === presented.port) && p.fingerprint === fp)
  return match ? 'accept' : 'default'
}

/** The request Electron passes to a certificate verify proc (the members read here). */
export interface VerifyProcRequest {
  hostname: string
  certificate: { fingerprint: string; data?: string }
}

/**
 * The verify proc for `session.setCertificateVerifyProc`: 0 (accept) for a pinned certificate,
 * -3 (Chromium's own verification result) for everything else. The fingerprint is recomputed
 * from the PEM when Electron gives it, so the decision never rests on a string alone.
 */
export function certificateVerifyProc(pins: () => readonly CertPin[]) {
  return (request: VerifyProcRequest, callback: (result: number) => void): void => {
    const fromData = request.certificate.data ? fingerprintOfPem(request.certificate.data) : null
    const given = normaliseFingerprint(request.certificate.fingerprint)
    // Both present and different would be a bug or a trick: not ours to accept.
    const fingerprint = fromData ?? given
    const ok = fingerprint !== null && (given === null || given === fingerprint) && decideCertificate(pins(), { host: request.hostname, fingerprint }) === 'accept'
    callback(ok ? 0 : -3)
  }
}

/**
 * The pins: those recorded by joining (kept in `file`) and those of this laptop's own host
 * (in memory only: the host pins itself each time it starts).
 */
export function createPinStore(file: string, log?: (message: string, detail?: unknown) => void) {
  let saved: CertPin[] = []
  let own: CertPin[] = []
  let loaded: Promise<void> | null = null
  let writing: Promise<void> = Promise.resolve()

  async function load(): Promise<void> {
    try {
      const data = JSON.parse(await readFile(file, 'utf8')) as unknown
      const list = typeof data === 'object' && data !== null && Array.isArray((data as { pins?: unknown }).pins) ? ((data as { pins: unknown[] }).pins) : []
      saved = list.flatMap((p) => {
        const pin = p as Partial<CertPin>
        if (typeof pin.host !== 'string' || typeof pin.port !== 'number' || !Number.isInteger(pin.port) || pin.port < 1 || pin.port > 65535 || !isCertFingerprint(pin.fingerprint)) return []
        return [{ host: normaliseHost(pin.host), port: pin.port, fingerprint: pin.fingerprint }]
      }).slice(-MAX_PINS)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log?.('certificate pins: the file is unreadable; starting with none', error)
    }
  }

  return {
    /** Reads the file (once); main awaits it before the first window connects anywhere. */
    load: () => (loaded ??= load()),
    pins: (): readonly CertPin[] => [...own, ...saved],
    /** Records a pin from a join code (replacing the one for the same host:port) and writes the file. */
    async add(pin: CertPin): Promise<void> {
      await (loaded ??= load())
      saved = [...saved.filter((p) => p.host !== pin.host || p.port !== pin.port), pin].slice(-MAX_PINS)
      const text = `${JSON.stringify({ version: 1, pins: saved }, null, 2)}\n`
      // A failed write must not stop the next one: each writes the whole list.
      writing = writing.catch(() => {}).then(async () => {
        await writeFileAtomic(file, text)
        await chmod(file, 0o600)
      })
      await writing
    },
    /** This laptop's own host, at its addresses, while it runs. */
    pinOwn(hosts: string[], port: number, fingerprint: string): void {
      own = hosts.map((host) => ({ host: normaliseHost(host), port, fingerprint }))
    },
  }
}

export type PinStore = ReturnType<typeof createPinStore>
