// The limits on WebSockets themselves (how many in all, how many per address), and the SocketGate
// (gate.ts) put in front of every one before Hocuspocus sees it.
import type { IncomingMessage } from 'node:http'
import type { Server } from '@hocuspocus/server'
import type { WebSocket } from 'ws'
import { Close, SocketGate, type GateLimits } from './gate'
import type { Gates } from './hooks'
import { errorText, type SyncServerLogger } from './log'

export interface ConnectionLimits {
  maxConnectionsPerAddress: number
  maxConnections: number
}

// Replaces Hocuspocus's own 'connection' listener (Server.setupWebsocketConnection) with one
// that refuses connections over the limits, puts a SocketGate in front of the connection and
// logs socket errors instead of printing.
export function gateEveryConnection(server: Server, gates: Gates, limits: GateLimits & ConnectionLimits, log: SyncServerLogger): void {
  const wss = server.webSocketServer
  wss.removeAllListeners('connection')
  const perAddress = new Map<string, number>()
  let open = 0
  wss.on('connection', (ws: WebSocket, request: IncomingMessage) => {
    const address = request.socket.remoteAddress ?? ''
    const fromAddress = perAddress.get(address) ?? 0
    if (open >= limits.maxConnections || fromAddress >= limits.maxConnectionsPerAddress) {
      const close = Close.policy(open >= limits.maxConnections ? 'too-many-connections' : 'too-many-connections-from-address')
      log({ type: 'connection-closed', ...close })
      ws.on('error', () => {})
      ws.close(close.code, close.reason)
      setTimeout(() => ws.terminate(), 1000).unref()
      return
    }
    open++
    perAddress.set(address, fromAddress + 1)
    ws.once('close', () => {
      open--
      const n = (perAddress.get(address) ?? 1) - 1
      if (n > 0) perAddress.set(address, n)
      else perAddress.delete(address)
    })
    ws.setMaxListeners(Number.POSITIVE_INFINITY)
    ws.on('error', (error: Error & { code?: string }) => {
      // ws closes the connection itself (1009) when a message is over maxPayload.
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') log({ type: 'message-too-large' })
      else log({ type: 'socket-error', error: errorText(error) })
    })
    const gate = new SocketGate(ws, limits, log, (name) => server.hocuspocus.documents.get(name))
    gates.add(request, gate)
    gate.install()
    server.hocuspocus.handleConnection(ws, request)
  })
}
