// Hosting sync inside the desktop app ("host this council on this laptop"): one embedded sync
// server for the app's lifetime, listening on the LAN so the other laptops in the room can join.
// Plain module: the server factory and the network interfaces are passed in, so Node tests run it.
// Storage 'files': the SQLite backend's better-sqlite3 is a native module built for Node's ABI,
// which Electron's main process cannot load (and Forge's Vite build does not package it).
// With `certDir` it serves only wss:// and https://, with a self-signed certificate made once and
// kept there (hostCert.ts); its fingerprint goes into the join codes made on this laptop, and the
// laptop's own connections accept it through `pinOwn` (certPins.ts).
import type { SyncServer, SyncServerOptions } from '../server/server'
import { loadOrCreateHostCertificate, type HostCertificate } from './hostCert'

export const HOST_PORT = 4455

export interface NetworkAddress {
  address: string
  family: string | number
  internal: boolean
}

export interface SyncHostDeps {
  start(options: SyncServerOptions): Promise<SyncServer>
  dataDir: string
  /** The built phone ballot page, served at /ballot/ (main.ts: .vite/renderer/ballot); none if absent. */
  ballotPageDir?: string | null
  networkInterfaces(): Record<string, NetworkAddress[] | undefined>
  log?: (message: string, detail?: unknown) => void
  /** Where the TLS certificate and key are kept (0600); none: plain ws:// and http://. */
  certDir?: string
  /** Told the host's addresses, port and fingerprint once it listens, so this laptop trusts it. */
  pinOwn?: (hosts: string[], port: number, fingerprint: string) => void
}

export interface HostedSync {
  localUrl: string
  lanUrls: string[]
  /** The certificate's SHA-256 (base64url) for join codes; absent without TLS. */
  fingerprint?: string
}

/** The IPv4 addresses other devices on the LAN can reach (no loopback, no link-local). */
export function lanAddresses(interfaces: Record<string, NetworkAddress[] | undefined>): string[] {
  const out: string[] = []
  for (const list of Object.values(interfaces)) {
    for (const a of list ?? []) {
      const v4 = a.family === 'IPv4' || a.family === 4
      if (v4 && !a.internal && !a.address.startsWith('169.254.')) out.push(a.address)
    }
  }
  return [...new Set(out)].sort()
}

export function createSyncHost(deps: SyncHostDeps) {
  let server: Promise<SyncServer> | null = null
  let certificate: HostCertificate | null = null

  // The usual port first, so an address written down in the room stays valid; any free one if taken.
  async function startOnce(): Promise<SyncServer> {
    certificate = deps.certDir ? await loadOrCreateHostCertificate(deps.certDir, lanAddresses(deps.networkInterfaces()), deps.log) : null
    const tls = certificate ? { tls: { cert: certificate.cert, key: certificate.key, plainBallotPage: true } } : {}
    const options = { host: '0.0.0.0', dataDir: deps.dataDir, storage: 'files', ...(deps.ballotPageDir ? { ballotPageDir: deps.ballotPageDir } : {}), ...tls } as const
    try {
      return await deps.start({ ...options, port: HOST_PORT })
    } catch (error) {
      deps.log?.(`sync host: port ${HOST_PORT} unavailable, using another`, error)
      return deps.start({ ...options, port: 0 })
    }
  }

  return {
    async host(): Promise<HostedSync> {
      server ??= startOnce().catch((error: unknown) => {
        server = null
        throw error
      })
      const { port } = await server
      const scheme = certificate ? 'wss' : 'ws'
      // Asked each time: the laptop may have moved to another network since the server started.
      const lan = lanAddresses(deps.networkInterfaces())
      if (certificate) deps.pinOwn?.(['127.0.0.1', 'localhost', ...lan], port, certificate.fingerprint)
      return {
        localUrl: `${scheme}://127.0.0.1:${port}`,
        lanUrls: lan.map((a) => `${scheme}://${a}:${port}`),
        ...(certificate ? { fingerprint: certificate.fingerprint } : {}),
      }
    },
    async stop(): Promise<void> {
      const s = server
      server = null
      if (s) await (await s).close()
    },
  }
}
