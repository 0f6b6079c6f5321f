// A simulated sync network for the convergence fuzz (tests/unit/fuzz-convergence.test.ts): replicas
// of one Y.Doc that talk through one relay server, the way the Hocuspocus provider and server do
// (architecture.md 4: no home-made relay, so the simulation does not invent a mesh the app never
// runs on). Every link direction has its own queue, and the fuzz decides what happens next:
//   - deliver any queued message, not only the oldest (REORDER), or deliver it and keep it
//     queued for a second delivery later (DUPLICATE); whatever is not picked waits (DELAY);
//   - take a replica offline: its queued messages, both ways, are held until it is back;
//   - store a node (its "disk" := Y.encodeStateAsUpdate now) and restart it: a fresh Y.Doc from
//     the disk; what it received and had not stored is gone, and so is everything in flight on
//     its links (the connection died with the process).
// A node that (re)connects or restarts resyncs like y-protocols' sync step 1/2: each side sends its
// state vector, the other answers with the update the sender lacks.
//
// Why a device's own edits are on its disk at once (a journal after the last snapshot, as
// y-indexeddb appends every local update): this network reorders messages on one link, which a
// WebSocket (TCP) never does. If a crash could erase the only copy of a device's edit #1 after its
// edit #2 had overtaken it to the server, #2 would stay pending on every replica forever: a gap no
// real link can produce, so a false alarm about the app. With own edits durable, every update
// still exists somewhere, and what a crash loses (received state not yet stored, the server's
// unsaved state) comes back through the resync.
import * as Y from 'yjs'

/** A message on a link: an update, or a state vector asking for what the sender lacks. */
export type Message = { kind: 'update'; update: Uint8Array } | { kind: 'stateVector'; stateVector: Uint8Array }

/** The origin of updates applied from the network: a client never sends those back itself. */
export const FROM_NETWORK = Symbol('network')

export interface NetNode {
  doc: Y.Doc
  online: boolean
  /** The last stored snapshot, then this incarnation's own edits since; a restart loads exactly this. */
  disk: Uint8Array[]
}

/** What the schedules reached, so the fuzz can prove it met the hard cases. */
export interface NetStats {
  delivered: number
  duplicated: number
  /** Deliveries after which the receiver held updates it could not integrate yet (out of order). */
  outOfOrder: number
  restarts: number
  resyncs: number
}

/**
 * Clients 0…n-1 and the server (index n). A client's local edits go on its queue to the server; the
 * server broadcasts every update it integrates to every client, the sender included, as
 * y-websocket's server does: an update that waited as pending on the server (out of order) is
 * integrated inside another client's transaction, and the client it came from must still hear of
 * the rest of that transaction.
 */
export class Network {
  readonly nodes: NetNode[]
  readonly server: number
  readonly stats: NetStats = { delivered: 0, duplicated: 0, outOfOrder: 0, restarts: 0, resyncs: 0 }
  /** up[i]: client i → server; down[i]: server → client i. */
  private readonly up: Message[][]
  private readonly down: Message[][]

  /** `nextClientId` gives every Y.Doc (and every restart) a fresh, reproducible Yjs client id. */
  constructor(
    base: Uint8Array,
    clients: number,
    private readonly nextClientId: () => number,
  ) {
    this.server = clients
    this.up = Array.from({ length: clients }, () => [])
    this.down = Array.from({ length: clients }, () => [])
    this.nodes = Array.from({ length: clients + 1 }, (_, i) => ({ doc: this.boot(i, [base]), online: true, disk: [base] }))
  }

  get clients(): number {
    return this.server
  }

  doc(i: number): Y.Doc {
    return (this.nodes[i] as NetNode).doc
  }

  /** A fresh Y.Doc from stored state, wired to the network; a new client id, as y-indexeddb's every load. */
  private boot(i: number, disk: readonly Uint8Array[]): Y.Doc {
    const doc = new Y.Doc()
    doc.clientID = this.nextClientId()
    for (const u of disk) Y.applyUpdate(doc, u, FROM_NETWORK)
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      const node = this.nodes[i] as NetNode
      if (node.doc !== doc) return // a dead incarnation
      if (i === this.server) this.down.forEach((q) => q.push({ kind: 'update', update }))
      else if (origin !== FROM_NETWORK) {
        node.disk.push(update)
        ;(this.up[i] as Message[]).push({ kind: 'update', update })
      }
    })
    return doc
  }

  private linkUp(c: number): boolean {
    return (this.nodes[c] as NetNode).online && (this.nodes[this.server] as NetNode).online
  }

  /** Sync step 1 both ways on the link of client `c` (a provider's connect). */
  private connect(c: number): void {
    this.stats.resyncs++
    ;(this.up[c] as Message[]).push({ kind: 'stateVector', stateVector: Y.encodeStateVector(this.doc(c)) })
    ;(this.down[c] as Message[]).push({ kind: 'stateVector', stateVector: Y.encodeStateVector(this.doc(this.server)) })
  }

  /** Takes a client off the network (or back on, resyncing). The server only restarts. */
  setOnline(c: number, online: boolean): void {
    const node = this.nodes[c] as NetNode
    if (c === this.server || node.online === online) return
    node.online = online
    if (online && this.linkUp(c)) this.connect(c)
  }

  store(i: number): void {
    const node = this.nodes[i] as NetNode
    node.disk = [Y.encodeStateAsUpdate(node.doc)]
  }

  /** Crashes node `i` and restarts it from its disk; then it resyncs (with every client, for the server). */
  restart(i: number): void {
    const node = this.nodes[i] as NetNode
    const old = node.doc
    node.doc = this.boot(i, node.disk)
    old.destroy()
    this.stats.restarts++
    // Losing nothing stored: the new incarnation holds exactly what the disk held (compared as
    // encoded state, since updates still pending on the old incarnation are stored and reloaded too).
    const held = Y.encodeStateVectorFromUpdate(Y.encodeStateAsUpdate(node.doc))
    if (!sameBytes(held, Y.encodeStateVectorFromUpdate(Y.mergeUpdates(node.disk)))) throw new Error(`restart of node ${i} lost stored state`)
    for (const c of i === this.server ? [...this.up.keys()] : [i]) {
      ;(this.up[c] as Message[]).length = 0
      ;(this.down[c] as Message[]).length = 0
      if (this.linkUp(c)) this.connect(c)
    }
  }

  /** Every message that could be delivered now: [queue, index in it, receiver, sender]. */
  private deliverable(): [Message[], number, number, number][] {
    const out: [Message[], number, number, number][] = []
    for (let c = 0; c < this.clients; c++) {
      if (!this.linkUp(c)) continue
      const up = this.up[c] as Message[]
      const down = this.down[c] as Message[]
      up.forEach((_, k) => out.push([up, k, this.server, c]))
      down.forEach((_, k) => out.push([down, k, c, this.server]))
    }
    return out
  }

  /** Delivers the deliverable message number `pick` (mod their count); `keep` leaves a copy queued. Returns false if none. */
  deliver(pick: number, keep = false): boolean {
    const all = this.deliverable()
    if (!all.length) return false
    const [queue, k, to, from] = all[pick % all.length] as [Message[], number, number, number]
    const msg = queue[k] as Message
    if (keep) this.stats.duplicated++
    else queue.splice(k, 1)
    this.stats.delivered++
    const target = this.doc(to)
    if (msg.kind === 'update') {
      Y.applyUpdate(target, msg.update, FROM_NETWORK)
      if (target.store.pendingStructs !== null || target.store.pendingDs !== null) this.stats.outOfOrder++
    } else {
      // Sync step 2: what the asker lacks, on the way back.
      const reply: Message = { kind: 'update', update: Y.encodeStateAsUpdate(target, msg.stateVector) }
      ;(to === this.server ? (this.down[from] as Message[]) : (this.up[to] as Message[])).push(reply)
    }
    return true
  }

  /**
   * The end of a schedule: every client back online (resyncing), then every message delivered, in
   * an order drawn from `picks`, until nothing is left in flight.
   */
  settle(picks: readonly number[]): void {
    for (let c = 0; c < this.clients; c++) this.setOnline(c, true)
    for (let k = 0; this.deliver((picks[k % picks.length] ?? 0) + k); k++) {
      if (k > 1_000_000) throw new Error('the network never settled')
    }
  }
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i])
