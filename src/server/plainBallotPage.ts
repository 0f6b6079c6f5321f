// Plain http for the phone ballot page beside wss/https on one port, for a laptop hosting on the
// LAN. Its certificate is self-signed: the desktop apps pin it (join codes carry its fingerprint),
// but a phone cannot be told to trust it, so over https every resident would first meet a
// full-screen certificate warning and have to find "continue anyway" — at the moment of voting, on
// an older resident's phone. So the first byte of each connection decides: a TLS handshake (0x16)
// goes to the https server (WebSocket sync, council endpoints, the ballot page over https); plain
// http may reach only the ballot page, its endpoints and /health, never a WebSocket or the council
// endpoints, so join codes and council secrets never cross the room in clear. What that costs on
// hall Wi-Fi is written in src/server/README.md ("Phones and the ballot page on a LAN host").
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { Server as HttpsServer } from 'node:https'
import type { Socket } from 'node:net'

const TLS_HANDSHAKE = 0x16

/** The paths plain http may reach: the ballot page and its API, and the health check. */
export function plainPathAllowed(url: string | undefined): boolean {
  const path = (url ?? '/').split(/[?#]/, 1)[0] ?? '/'
  return path === '/health' || path === '/ballot' || path.startsWith('/ballot/')
}

/** Makes `secure` also answer plain http for the ballot page on its own port. */
export function servePlainBallotPage(secure: HttpsServer, handler: (req: IncomingMessage, res: ServerResponse) => void): void {
  const plain = createHttpServer((req, res) => {
    if (plainPathAllowed(req.url)) return handler(req, res)
    res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' })
    res.end('{"error":"tls-required"}')
  })
  // A WebSocket carries join codes: never in clear.
  plain.on('upgrade', (_req, socket: Socket) => socket.destroy())
  plain.on('clientError', (_err, socket: Socket) => socket.destroy())
  const tlsListeners = secure.listeners('connection') as ((socket: Socket) => void)[]
  secure.removeAllListeners('connection')
  secure.on('connection', (socket: Socket) => {
    socket.once('error', () => socket.destroy())
    socket.once('data', (first: Buffer) => {
      socket.pause()
      socket.unshift(first)
      if (first[0] === TLS_HANDSHAKE) for (const listener of tlsListeners) listener.call(secure, socket)
      else plain.emit('connection', socket)
      process.nextTick(() => socket.resume())
    })
  })
}
