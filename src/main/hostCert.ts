// The embedded sync host's TLS certificate: made once (self-signed, in Node, no openssl needed on
// the user's machine), then kept in the app's data folder with 0600 permissions and reused, so its
// fingerprint, which travels in every join code made on this laptop, stays valid across restarts.
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto'
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { generate } from 'selfsigned'
import { toBase64Url } from '../shared/sync/joinCode'

export const HOST_CERT_FILE = 'host-cert.pem'
export const HOST_KEY_FILE = 'host-key.pem'
/**
 * Joining desktop apps accept the certificate by its fingerprint, not by its dates or names, so
 * it may live long: a new one would make every code handed out invalid for TLS.
 */
const VALID_YEARS = 20

export interface HostCertificate {
  cert: string
  key: string
  /** SHA-256 of the certificate's DER, base64url (43 characters), as join codes carry it. */
  fingerprint: string
}

/** The fingerprint of a PEM or DER certificate, in the join code's spelling. */
export function certFingerprint(cert: string | Buffer): string {
  const der = new X509Certificate(cert).raw
  return toBase64Url(createHash('sha256').update(der).digest())
}

/**
 * The host's certificate from `dir`, made and stored there first if there is none (or what is
 * there does not parse or does not belong to its key). `names` are the addresses it is made for
 * (loopback and the LAN addresses at the time): joining apps check the fingerprint, not the names,
 * so a laptop that later gets another address keeps its certificate.
 */
export async function loadOrCreateHostCertificate(dir: string, names: string[], log?: (message: string, detail?: unknown) => void): Promise<HostCertificate> {
  const certFile = join(dir, HOST_CERT_FILE)
  const keyFile = join(dir, HOST_KEY_FILE)
  try {
    const [cert, key] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')])
    if (new X509Certificate(cert).checkPrivateKey(createPrivateKey(key))) {
      // Whatever umask or copy made them, they are the host's private key: owner only.
      await Promise.all([chmod(certFile, 0o600), chmod(keyFile, 0o600)])
      return { cert, key, fingerprint: certFingerprint(cert) }
    }
    log?.('sync host: the stored certificate does not match its key; making a new one')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log?.('sync host: the stored certificate is unreadable; making a new one', error)
  }
  const made = await makeCertificate(names)
  await mkdir(dir, { recursive: true, mode: 0o700 })
  // Key first: a certificate on disk without its key would be taken as broken and replaced anyway.
  await writePrivate(keyFile, made.key)
  await writePrivate(certFile, made.cert)
  return made
}

async function makeCertificate(names: string[]): Promise<HostCertificate> {
  const now = new Date()
  const until = new Date(now)
  until.setFullYear(until.getFullYear() + VALID_YEARS)
  const ips = [...new Set(['127.0.0.1', ...names])]
  const made = await generate([{ name: 'commonName', value: 'Yishi council host' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: until,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, ...ips.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  })
  return { cert: made.cert, key: made.private, fingerprint: certFingerprint(made.cert) }
}

/** Written 0600 whatever the umask, and atomically (a crash never leaves half a key). */
async function writePrivate(file: string, text: string): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, text, { mode: 0o600 })
  await chmod(temp, 0o600)
  await rename(temp, file)
}
