// Hosting sync inside the desktop app ("host this council on this laptop"): one embedded sync
// server for the app's lifetime, listening on the LAN so the other laptops in the room can join.
// Plain module: the server factory and the network interfaces are passed in, so Node tests run it.
// Storage 'files': the SQLite backend's better-sqlite3 is a native module built for Node's ABI,
// which Electron's main process cannot load (and Forge's Vite build does not package it).
import type { SyncServer, SyncServerOptions } from '../server/server'

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

  // The usual port first, so an address written down in the room stays valid; any free one if taken.
  async function startOnce(): Promise<SyncServer> {
    const options = { host: '0.0.0.0', dataDir: deps.dataDir, storage: 'files', ...(deps.ballotPageDir ? { ballotPageDir: deps.ballotPageDir } : {}) } as const
    try {
      return await deps.start({ ...options, port: HOST_PORT })
    } catch (error) {
      deps.log?.(`sync host: port ${HOST_PORT} unavailable, using another`, error)
      return deps.start({ ...options, port: 0 })
    }
  }

  return {
    async host(): Promise<{ localUrl: string; lanUrls: string[] }> {
      server ??= startOnce().catch((error: unknown) => {
        server = null
        throw error
      })
      const { port } = await server
      return { localUrl: `ws://127.0.0.1:${port}`, lanUrls: lanAddresses(deps.networkInterfaces()).map((a) => `ws://${a}:${port}`) }
    },
    async stop(): Promise<void> {
      const s = server
      server = null
      if (s) await (await s).close()
    },
  }
}
