// The gate every frame of a WebSocket passes before Hocuspocus sees it: a rate limit (reading
// pauses, nothing is dropped), the size limit, and bounds on what Hocuspocus would queue for
// documents that are not (yet) authenticated (auth frames included). Before a document has
// authenticated only a frame's header (name, type) is read: its content is decoded (frames.ts:
// cost bounds, then a trial on a shadow of the document with its work counted; gateBudget.ts:
// the connection's time budget) when Hocuspocus replays it after authentication, or at once
// for an authenticated document. Awareness is dropped: the app does not use it, and relaying it
// let one read-only socket grow the server by hundreds of MB. A socket that has not
// authenticated a document within `authTimeoutMs` is closed.
//
// Why here and not only in `beforeHandleMessage`: that hook runs only once a document's
// connection is established. Before that, Hocuspocus 3.4 queues every frame per document name
// without limit, and after a refused authentication it keeps queueing them for ever. Checking
// synchronously here also means the first bad frame closes the socket before the next one is
// read. beforeHandleMessage still checks any frame that did not come through a gate.
// Why by wrapping `emit`: Hocuspocus adds its own 'message' listener, and an EventEmitter cannot
// stop one listener from another; the wrapper decides whether (and when) a frame is emitted.
import type { WebSocket } from 'ws'
import type * as Y from 'yjs'
import { forwardBeforeApplying } from './broadcast'
import { lastFreeStructs } from './costTrial'
import { FrameError, MessageType, isUpdateFrame, readHeader, type FrameHeader } from './frames'
import { documentNameOf, judgeFrame } from './gateBudget'
import {
  Close,
  MAX_AUTH_FRAME_BYTES,
  MAX_DOCUMENT_NAME_LENGTH,
  MAX_DOCUMENTS,
  MAX_PENDING_MESSAGES,
  checked,
  pendingBytesLimit,
  unchecked,
  type Frame,
  type GateLimits,
} from './gateRules'
import type { SyncServerLogger } from './log'
import { TimeBudget } from './timeBudget'

// The rules live in gateRules.ts (and the decision on a decoded frame in gateBudget.ts); their
// importers have always found them here.
export { Close, MAX_DOCUMENT_NAME_LENGTH, wasChecked, type GateLimits } from './gateRules'

interface DocEntry {
  authSent: boolean
  state: 'pending' | 'ok' | 'denied'
  pendingMessages: number
  pendingBytes: number
  /** Frames that arrived after the client closed the document, until Hocuspocus has let it go. */
  held: Frame[] | null
}

export class SocketGate {
  private readonly docs = new Map<string, DocEntry>()
  private readonly queue: Frame[] = []
  private queuedBytes = 0
  /** Bytes Hocuspocus holds for this socket's documents that have no connection (yet). */
  private pendingBytes = 0
  private tokens: number
  private refilledAt = Date.now()
  private timer: ReturnType<typeof setTimeout> | null = null
  private closed = false
  private authTimer: ReturnType<typeof setTimeout> | null = null
  private deliver: (frame: Frame) => void = () => {}
  private emitUnchecked: (frame: Frame) => void = () => {}
  private readonly budget: TimeBudget

  constructor(
    readonly ws: WebSocket,
    private readonly limits: GateLimits,
    private readonly log: SyncServerLogger,
    /** The live document of a name, once Hocuspocus has loaded it. */
    private readonly documentOf: (name: string) => Y.Doc | undefined = () => undefined,
  ) {
    this.tokens = limits.maxMessagesPerSecond
    this.budget = new TimeBudget(limits.updateBounds.maxUpdateMsPer10s)
    ws.once('close', () => this.stop())
    this.authTimer = setTimeout(() => this.close(Close.policy('authentication-timeout')), limits.authTimeoutMs)
    this.authTimer.unref?.()
  }

  /** Routes the socket's 'message' events through the gate; call before Hocuspocus listens. */
  install(): void {
    const ws = this.ws
    const emit = ws.emit.bind(ws) as (event: string | symbol, ...args: unknown[]) => boolean
    this.deliver = ([data, isBinary]) => {
      checked.add(data)
      emit('message', data, isBinary)
    }
    this.emitUnchecked = ([data, isBinary]) => {
      unchecked.add(data)
      emit('message', data, isBinary)
    }
    ws.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event !== 'message') return emit(event, ...args)
      const data = args[0]
      if (typeof data === 'object' && data !== null) {
        if (checked.has(data)) return emit(event, ...args)
        // Hocuspocus replays what it queued once the document has authenticated: decoded now.
        if (unchecked.has(data)) {
          unchecked.delete(data)
          if (!this.closed && this.validate(data as Uint8Array)) return emit(event, ...args)
          return true
        }
      }
      this.push(data, args[1])
      return true
    }) as WebSocket['emit']
  }

  /** The document's connection is established: Hocuspocus has handed it its queued frames. */
  connected(name: string): void {
    const e = this.docs.get(name)
    if (!e) return
    this.release(e.pendingBytes)
    Object.assign(e, { state: 'ok', pendingMessages: 0, pendingBytes: 0 })
    if (this.authTimer) clearTimeout(this.authTimer)
    this.authTimer = null
  }
  /** Its authentication was refused (what Hocuspocus queued for it stays in memory, so it still counts). */
  denied(name: string): void {
    const e = this.docs.get(name)
    if (e) e.state = 'denied'
  }
  /** The document's connection closed (its provider detached): the name may authenticate again. */
  disconnected(name: string): void {
    const e = this.docs.get(name)
    if (e?.state !== 'ok') return
    this.docs.delete(name)
    this.release(e.pendingBytes)
    // A provider destroyed and recreated at once sends close, then auth: replay them now.
    for (const frame of e.held ?? []) if (!this.closed) this.process(frame)
  }

  close(close: { code: number; reason: string }): void {
    if (this.closed) return
    this.stop()
    this.log({ type: 'connection-closed', ...close })
    const ws = this.ws
    ws.close(close.code, close.reason)
    // A hostile peer may never answer the closing handshake.
    setTimeout(() => ws.terminate(), 1000).unref()
  }

  private release(bytes: number): void {
    // Once closed, everything this socket held was released at once (stop).
    if (this.closed) return
    this.pendingBytes -= bytes
    this.limits.preAuthBudget.used -= bytes
  }

  private stop(): void {
    // Hocuspocus drops what it queued for this socket when it closes.
    if (!this.closed) this.release(this.pendingBytes)
    this.closed = true
    this.queue.length = 0
    this.queuedBytes = 0
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.authTimer) clearTimeout(this.authTimer)
    this.authTimer = null
  }

  private push(data: unknown, isBinary: unknown): void {
    if (this.closed) return
    if (!(data instanceof Uint8Array)) {
      this.log({ type: 'malformed-message', reason: 'not binary data' })
      return this.close(Close.malformed)
    }
    if (data.byteLength > this.limits.maxMessageBytes) {
      this.log({ type: 'message-too-large', bytes: data.byteLength })
      return this.close(Close.tooLarge)
    }
    if (this.queue.length === 0 && this.take()) return this.process([data, isBinary])
    this.queue.push([data, isBinary])
    this.queuedBytes += data.byteLength
    // Reading is paused below, so only what the socket had already buffered can pile up here.
    if (this.queuedBytes > 2 * this.limits.maxMessageBytes + (1 << 20)) return this.close(Close.policy('flooding'))
    if (!this.ws.isPaused) {
      this.ws.pause()
      this.log({ type: 'throttled' })
    }
    this.schedule()
  }

  private schedule(): void {
    if (this.timer || this.closed) return
    const wait = Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.limits.maxMessagesPerSecond))
    this.timer = setTimeout(() => {
      this.timer = null
      this.drain()
    }, wait)
  }

  private drain(): void {
    while (!this.closed && this.queue.length > 0 && this.take()) {
      const frame = this.queue.shift()!
      this.queuedBytes -= frame[0].byteLength
      this.process(frame)
    }
    if (this.closed) return
    if (this.queue.length > 0) return this.schedule()
    this.ws.resume()
  }

  /** Token bucket: up to maxMessagesPerSecond at once, refilled at that rate. */
  private take(): boolean {
    const now = Date.now()
    const rate = this.limits.maxMessagesPerSecond
    this.tokens = Math.min(rate, this.tokens + ((now - this.refilledAt) * rate) / 1000)
    this.refilledAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }

  /** Decodes a whole frame of an authenticated document; closes the socket if it may not be applied. */
  private validate(data: Uint8Array, header?: FrameHeader): boolean {
    const verdict = judgeFrame(data, this.limits.updateBounds, this.documentOf, this.budget, header)
    if (verdict.ok) return true
    this.log(verdict.event)
    this.close(verdict.close)
    return false
  }

  private process(frame: Frame): void {
    const data = frame[0]
    let header
    try {
      header = readHeader(data)
    } catch (e) {
      const reason = e instanceof FrameError ? e.message : 'undecodable'
      this.log({ type: 'malformed-message', reason, ...documentNameOf(data) })
      return this.close(Close.malformed)
    }
    const { documentName, type } = header
    if (documentName.length > MAX_DOCUMENT_NAME_LENGTH) return this.close(Close.policy('document-name-too-long'))
    // The app does not use awareness: dropped unread, never queued or relayed.
    if (type === MessageType.Awareness || type === MessageType.QueryAwareness) return
    let entry = this.docs.get(documentName)
    // Closing a document that is not open: nothing to do (queued, it would close a later one).
    if (!entry && type === MessageType.Close) return
    if (!entry) {
      if (this.docs.size >= MAX_DOCUMENTS) return this.close(Close.policy('too-many-documents'))
      entry = { authSent: false, state: 'pending', pendingMessages: 0, pendingBytes: 0, held: null }
      this.docs.set(documentName, entry)
    }
    if (entry.held) return this.hold(entry, frame)
    if (type === MessageType.Auth) {
      if (entry.authSent) return this.close(Close.reauthenticate)
      if (data.byteLength > MAX_AUTH_FRAME_BYTES) return this.close(Close.policy('auth-too-large'))
      entry.authSent = true
      // Hocuspocus keeps what it learns from an auth frame until the socket closes: it counts.
      if (!this.count(entry, data)) return
      if (!this.validate(data)) return
      return this.deliver(frame)
    }
    if (entry.state === 'ok') {
      if (!this.validate(data, header)) return
      // Until Hocuspocus has closed the document's connection, a new auth for it would be lost.
      if (type === MessageType.Close) entry.held = []
      // A keystroke reaches the other devices before the server applies it (broadcast.ts).
      else if (lastFreeStructs > 0 && isUpdateFrame(data, header)) forwardBeforeApplying(this.documentOf(documentName), this.ws, data)
      return this.deliver(frame)
    }
    // Refused: Hocuspocus would queue these for ever and never read them.
    if (entry.state === 'denied') return
    if (this.count(entry, data)) this.emitUnchecked(frame)
  }

  private hold(entry: DocEntry, frame: Frame): void {
    if (this.count(entry, frame[0])) entry.held!.push(frame)
  }

  /** Counts a frame that will sit in memory until authentication; false if that is too much. */
  private count(entry: DocEntry, data: Uint8Array): boolean {
    entry.pendingMessages++
    entry.pendingBytes += data.byteLength
    this.pendingBytes += data.byteLength
    const budget = this.limits.preAuthBudget
    budget.used += data.byteLength
    if (budget.used > budget.max) {
      this.close(Close.policy('server-busy-before-authentication'))
      return false
    }
    if (entry.pendingMessages > MAX_PENDING_MESSAGES || this.pendingBytes > pendingBytesLimit(this.limits.maxMessageBytes)) {
      this.close(Close.policy('too-much-before-authentication'))
      return false
    }
    return true
  }
}
