// The Hocuspocus hooks that decide who may do what: onAuthenticate maps a join code to the
// council in the document's name and to read-write or read-only; beforeHandleMessage makes sure
// every message was checked (it decodes) before it is applied. They report to each connection's
// SocketGate.
import type { IncomingMessage } from 'node:http'
import type {
  Connection,
  Hocuspocus,
  beforeHandleMessagePayload,
  connectedPayload,
  onAuthenticatePayload,
  onDisconnectPayload,
} from '@hocuspocus/server'
import { parseAnyDocName } from '../shared/doc/names'
import type { JoinAccess } from '../shared/sync/joinCode'
import { FrameError, TooCostly, carriesContent, validateFrame } from './frames'
import { Close, wasChecked, type SocketGate } from './gate'
import type { SyncServerLogger } from './log'
import type { CouncilRegistry } from './registry'
import { DEFAULT_UPDATE_BOUNDS, type UpdateBounds } from './updateBounds'

/** What onAuthenticate puts in a connection's context. */
export interface AuthContext {
  councilId: string
  codeId: string
  access: JoinAccess
}

/**
 * Thrown to refuse: Hocuspocus sends `reason` to the client (permission denied, or the close
 * reason). The message stays empty so Hocuspocus does not print it as a server error.
 */
export class Refusal extends Error {
  constructor(
    readonly reason: string,
    readonly code = 4403,
  ) {
    super('')
  }
}

/** Which SocketGate a request or a Hocuspocus socket id belongs to. */
export class Gates {
  private readonly byRequest = new WeakMap<IncomingMessage, SocketGate>()
  private readonly bySocketId = new Map<string, SocketGate>()

  add(request: IncomingMessage, gate: SocketGate): void {
    this.byRequest.set(request, gate)
  }
  of(request: IncomingMessage): SocketGate | undefined {
    return this.byRequest.get(request)
  }
  link(socketId: string, gate: SocketGate): void {
    if (this.bySocketId.has(socketId)) return
    this.bySocketId.set(socketId, gate)
    gate.ws.once('close', () => this.bySocketId.delete(socketId))
  }
  ofSocket(socketId: string): SocketGate | undefined {
    return this.bySocketId.get(socketId)
  }
}

export function authHooks(registry: CouncilRegistry, gates: Gates, log: SyncServerLogger, maxMessageBytes: number, bounds: UpdateBounds = DEFAULT_UPDATE_BOUNDS) {
  return {
    async onAuthenticate({ token, documentName, connectionConfig, request, socketId }: onAuthenticatePayload): Promise<AuthContext> {
      const gate = gates.of(request)
      if (gate) gates.link(socketId, gate)
      const refuse = (reason: string): never => {
        gate?.denied(documentName)
        log({ type: 'auth-refused', documentName: documentName.slice(0, 200), reason })
        throw new Refusal(reason)
      }
      const parsed = parseAnyDocName(documentName)
      if (!parsed) return refuse('invalid-document-name')
      let result
      try {
        result = await registry.authorize(parsed.councilId, token)
      } catch {
        // The database failed: refuse rather than guess, and let the client retry.
        return refuse('server-error')
      }
      if (!result.ok) return refuse(result.reason)
      if (result.access === 'ro') connectionConfig.readOnly = true
      log({ type: 'auth-ok', documentName, access: result.access, codeId: result.codeId })
      return { councilId: parsed.councilId, codeId: result.codeId, access: result.access }
    },

    async connected({ request, documentName }: connectedPayload): Promise<void> {
      gates.of(request)?.connected(documentName)
    },

    async onDisconnect({ socketId, documentName }: onDisconnectPayload): Promise<void> {
      gates.ofSocket(socketId)?.disconnected(documentName)
    },

    // No await before the checks: every message then takes the same number of microtasks to
    // reach Hocuspocus, which keeps a connection's messages in order.
    async beforeHandleMessage({ update, connection, documentName, document }: beforeHandleMessagePayload): Promise<void> {
      const gate = gates.of(connection.request)
      if (update.byteLength > maxMessageBytes) {
        log({ type: 'message-too-large', bytes: update.byteLength })
        gate?.close(Close.tooLarge)
        throw new Refusal(Close.tooLarge.reason, Close.tooLarge.code)
      }
      try {
        // Frames that came through a SocketGate were checked there already.
        if (!wasChecked(update)) validateFrame(update, { bounds, doc: document })
      } catch (e) {
        const reason = e instanceof FrameError ? e.message : 'undecodable'
        if (e instanceof TooCostly) {
          log({ type: 'update-too-costly', reason, documentName })
          const close = Close.policy('update-too-costly')
          gate?.close(close)
          throw new Refusal(close.reason, close.code)
        }
        log({ type: 'malformed-message', reason, documentName })
        gate?.close(Close.malformed)
        throw new Refusal(Close.malformed.reason, Close.malformed.code)
      }
      // Hocuspocus itself refuses content from a read-only connection; this records it.
      if (connection.readOnly && carriesContent(update)) log({ type: 'write-refused', documentName })
    },
  }
}

/** Closes every live connection of a council (or of one of its codes): their code no longer opens it. */
export function closeCouncilConnections(instance: Hocuspocus, gates: Gates, councilId: string, codeId?: string): number {
  let closed = 0
  for (const doc of instance.documents.values()) {
    for (const connection of doc.getConnections() as Connection[]) {
      const ctx = connection.context as Partial<AuthContext> | undefined
      if (ctx?.councilId !== councilId || (codeId !== undefined && ctx.codeId !== codeId)) continue
      gates.of(connection.request)?.close(Close.revoked)
      closed++
    }
  }
  return closed
}
