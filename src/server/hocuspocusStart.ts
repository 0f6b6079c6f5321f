// Building and binding the Hocuspocus server (apart from server.ts's wiring): refused without
// onAuthenticate, bound to the host it is told, and over TLS when given a certificate.
import { createServer as createHttpsServer } from 'node:https'
import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sendUpdatesToOthersOnly } from './broadcast'
import { servePlainBallotPage } from './plainBallotPage'
import { Server, type ServerConfiguration } from '@hocuspocus/server'
import type { ServerOptions } from 'ws'

/** Builds and binds a Hocuspocus server; refuses to when the configuration has no onAuthenticate. */
export async function startHocuspocus(
  configuration: Partial<ServerConfiguration>,
  listen: { host: string; port: number; websocket?: ServerOptions; prepare?: (server: Server) => void; tls?: TlsOptions },
): Promise<Server> {
  assertAuthenticates(configuration)
  sendUpdatesToOthersOnly()
  const server = new Server({ ...configuration, quiet: true, stopOnSignals: false }, listen.websocket ?? {})
  if (listen.tls) useTls(server, listen.tls)
  listen.prepare?.(server)
  // Bound here rather than by Server.listen(): Hocuspocus 3.4 passes `address` where Node reads
  // `host`, so it would listen on every interface whatever it was told.
  await new Promise<void>((resolve, reject) => {
    server.httpServer.once('error', reject)
    server.httpServer.listen({ port: listen.port, host: listen.host }, () => {
      server.httpServer.off('error', reject)
      resolve()
    })
  })
  const port = (server.httpServer.address() as AddressInfo).port
  await server.hocuspocus.hooks('onListen', { instance: server.hocuspocus, configuration: server.hocuspocus.configuration, port })
  return server
}

// Hocuspocus 3 always builds a plain node:http server; an https one takes over its request and
// upgrade handlers before anything listens, and Hocuspocus closes whichever `httpServer` it holds.
function useTls(server: Server, tls: TlsOptions): void {
  const plain = server.httpServer
  const secure = createHttpsServer({ cert: tls.cert, key: tls.key }, server.requestHandler)
  for (const listener of plain.listeners('upgrade')) secure.on('upgrade', listener as (...args: unknown[]) => void)
  plain.removeAllListeners()
  if (tls.plainBallotPage) servePlainBallotPage(secure, server.requestHandler)
  server.httpServer = secure as unknown as HttpServer
}

/** A certificate and key (PEM); `plainBallotPage`: phones may also reach the ballot page and its
 *  endpoints over plain http on the same port (a LAN host's self-signed certificate, which phones
 *  cannot be told to trust: plainBallotPage.ts says why and what it costs). */
export interface TlsOptions {
  cert: string | Buffer
  key: string | Buffer
  plainBallotPage?: boolean
}

export function assertAuthenticates(configuration: Partial<ServerConfiguration>): void {
  if (typeof configuration.onAuthenticate !== 'function') {
    throw new Error('refusing to start a sync server without onAuthenticate: every connection must present a council code (architecture.md §4)')
  }
}
