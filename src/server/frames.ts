// Reading Hocuspocus frames (lib0 encoding: varUint, varString, varUint8Array) without trusting
// them, and checking that their content decodes before Hocuspocus applies it. Only frames of an
// authenticated document are decoded (the gate reads no more than the header before that). An
// update must first stay within the cost bounds (updateBounds.ts: structure decoded, nothing
// integrated), then integrate within a step budget on a shadow of the live document
// (costTrial.ts); a corrupted Yjs update can throw after partly applying (yjs#599, lib0#43;
// architecture.md §3a), and only the shadow (or a scratch Y.Doc) ever sees that.
import * as Y from 'yjs'
import { tryUpdate } from './costTrial'
import { DEFAULT_UPDATE_BOUNDS, UpdateTooCostly, checkDecodedBounds, type UpdateBounds } from './updateBounds'

/** Hocuspocus 3 message types (@hocuspocus/server types.ts). */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  SyncReply: 4,
  Stateless: 5,
  BroadcastStateless: 6,
  Close: 7,
  SyncStatus: 8,
} as const

/** What @hocuspocus/provider 3 sends; anything else from a client is refused. */
const FROM_CLIENTS = new Set<number>([MessageType.Sync, MessageType.Awareness, MessageType.Auth, MessageType.QueryAwareness, MessageType.Stateless, MessageType.Close])

const SyncStep1 = 0
const SyncStep2 = 1
const SyncUpdate = 2

export class FrameError extends Error {}
/** A well-formed update over the cost bounds (closed with 1008, not 1007). */
export class TooCostly extends FrameError {}

export interface ValidateOptions {
  bounds?: UpdateBounds
  /** The live document the frame is for: the nesting depth of an update counts from it. */
  doc?: Y.Doc
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

export class Reader {
  pos = 0
  constructor(readonly bytes: Uint8Array) {}

  varUint(): number {
    let num = 0
    let mult = 1
    for (;;) {
      if (this.pos >= this.bytes.length) throw new FrameError('unexpected end of frame')
      const b = this.bytes[this.pos++]!
      num += (b & 0x7f) * mult
      if (b < 0x80) return num
      mult *= 128
      if (mult > Number.MAX_SAFE_INTEGER) throw new FrameError('integer out of range')
    }
  }

  varUint8Array(): Uint8Array {
    const len = this.varUint()
    if (len > this.bytes.length - this.pos) throw new FrameError('length beyond the frame')
    const out = this.bytes.subarray(this.pos, this.pos + len)
    this.pos += len
    return out
  }

  varString(): string {
    try {
      return utf8.decode(this.varUint8Array())
    } catch (e) {
      if (e instanceof FrameError) throw e
      throw new FrameError('not UTF-8')
    }
  }

  get done(): boolean {
    return this.pos === this.bytes.length
  }
}

export interface FrameHeader {
  documentName: string
  type: number
  /** Where the message after the header starts. */
  bodyAt: number
}

/** The document name and message type of a frame; throws FrameError if they do not decode. */
export function readHeader(frame: Uint8Array): FrameHeader {
  const r = new Reader(frame)
  const documentName = r.varString()
  const type = r.varUint()
  if (!FROM_CLIENTS.has(type)) throw new FrameError(`message type ${type} is not sent by clients`)
  return { documentName, type, bodyAt: r.pos }
}

/**
 * Checks that a whole frame from a client decodes: every field present, nothing left over, a
 * Yjs update that applies to an empty doc, awareness states that are JSON. Returns the frame's
 * header, and whether it carries document content (sync step 2 or update); throws FrameError
 * otherwise. `header`: the frame's header if the caller has read it already (read once per frame).
 */
export function validateFrame(frame: Uint8Array, options: ValidateOptions = {}, header = readHeader(frame)): FrameHeader & { writes: boolean } {
  let writes = false
  const r = new Reader(frame)
  r.pos = header.bodyAt
  switch (header.type) {
    case MessageType.Sync: {
      const step = r.varUint()
      const payload = r.varUint8Array()
      if (step === SyncStep1) decodes(() => Y.decodeStateVector(payload), 'state vector')
      else if (step === SyncStep2 || step === SyncUpdate) {
        checkUpdate(payload, options)
        writes = true
      } else throw new FrameError(`unknown sync step ${step}`)
      break
    }
    case MessageType.Awareness:
      checkAwareness(r.varUint8Array())
      break
    case MessageType.Auth:
      r.varUint()
      r.varString()
      break
    case MessageType.Stateless:
      r.varString()
      break
    case MessageType.QueryAwareness:
    case MessageType.Close:
      break
  }
  if (!r.done) throw new FrameError('bytes left over after the message')
  return { ...header, writes }
}

/** Whether a frame (already validated) carries document content: sync step 2 or update. */
export function carriesContent(frame: Uint8Array, header = readHeader(frame)): boolean {
  if (header.type !== MessageType.Sync) return false
  const r = new Reader(frame)
  r.pos = header.bodyAt
  const step = r.varUint()
  return step === SyncStep2 || step === SyncUpdate
}

/** Whether a frame (already validated) is a sync update message (not step 1 or 2). */
export function isUpdateFrame(frame: Uint8Array, header: FrameHeader): boolean {
  return header.type === MessageType.Sync && frame[header.bodyAt] === SyncUpdate
}

function checkUpdate(update: Uint8Array, { bounds = DEFAULT_UPDATE_BOUNDS, doc }: ValidateOptions): void {
  // The first number of an update is its count of clients: refused before anything else is read.
  const clients = new Reader(update).varUint()
  // Each client takes at least 3 bytes (struct count, id, clock): more is not an update at all.
  if (clients * 3 > update.length) throw new FrameError('update does not decode: more clients than bytes')
  if (clients > bounds.maxClients) throw new TooCostly(`${clients} clients in one update (at most ${bounds.maxClients})`)
  try {
    // Decoded once: the bounds, the depth and the free-integration check all read the same structs.
    const decoded = checkDecodedBounds(update, bounds, doc)
    // Integrated on the live document's shadow (or a scratch doc), its work counted and cut off.
    tryUpdate(update, decoded.structs, bounds, doc, decoded.ds)
  } catch (e) {
    if (e instanceof UpdateTooCostly) throw new TooCostly(e.message)
    throw new FrameError(`update does not decode: ${e instanceof Error ? e.message : String(e)}`.slice(0, 200))
  }
}

/** y-protocols' awareness encoding: count, then per client: id, clock, JSON state. */
function checkAwareness(update: Uint8Array): void {
  const r = new Reader(update)
  const count = r.varUint()
  for (let i = 0; i < count; i++) {
    r.varUint()
    r.varUint()
    const json = r.varString()
    decodes(() => JSON.parse(json), 'awareness state')
  }
  if (!r.done) throw new FrameError('bytes left over after the awareness update')
}

function decodes(run: () => unknown, what: string): void {
  try {
    run()
  } catch (e) {
    throw new FrameError(`${what} does not decode: ${e instanceof Error ? e.message : String(e)}`.slice(0, 200))
  }
}
