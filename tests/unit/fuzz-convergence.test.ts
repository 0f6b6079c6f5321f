// Convergence fuzz (issue 4): seeded random schedules of 3 to 8 replicas editing one meeting
// through the real accessors while a simulated network (fuzz-network.ts) reorders, duplicates and
// delays their messages, takes replicas offline and restarts them (and the server) from what they
// had stored. At the end every replica must hold the same document (RFC 8785 canonical JSON, state
// vector) and read the same attendance, motions, votes and tallies.
//
// Each schedule has two phases on the same replicas and network, because the agenda can only be
// edited while the meeting is a draft and everything else only after the notice:
//   1. draft: agenda add / move / remove / update, meeting details, minutes text, and now and then
//      the notice itself on one device while others, offline, still edit the agenda;
//   2. a barrier (everything delivered and checked equal; the chair's device notices the meeting
//      if nobody has, starts sign-in and signs in four members; everything delivered again), the
//      common base the session starts from: a noticed meeting with roster and agenda, sign-in
//      started, built through the accessors;
//   3. session: attendance, opening (with an override), motions, speeches, recusals, votes by
//      hands, roll call on several devices at once and secret ballot, closes, late entries, text.
// Failing? fast-check prints the seed and the path; replay with FUZZ_SEED=<seed> FUZZ_PATH=<path>.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import fc from 'fast-check'
import { canonicalDoc } from '../../src/shared/doc/canonical'
import { markPresent, readAttendance, startSignIn } from '../../src/shared/doc/attendance'
import { addAgendaItem, moveAgendaItem, readAgenda, readMeeting, transitionMeeting } from '../../src/shared/doc/meeting'
import { readMotions } from '../../src/shared/doc/motions'
import { readSession } from '../../src/shared/doc/session'
import { readSpeeches } from '../../src/shared/doc/speeches'
import { lateEntries, readVotes, voteInput, type Vote } from '../../src/shared/doc/votes'
import { evaluateVote } from '../../src/shared/domain/votes'
import { Network } from './fuzz-network'
import { DRAFT_OPS, editArb, MEMBERS, runEdit, SESSION_OPS, SETTINGS, type Edit } from './fuzz-ops'
import { itemFields, newMeetingDoc } from './helpers'
import { at } from './session-helpers'

const DEFAULT_SEED = 20250310
const DEFAULT_RUNS = 1000
const SEED = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED)
const RUNS = Number(process.env.FUZZ_RUNS ?? DEFAULT_RUNS)
const PATH = process.env.FUZZ_PATH

type NetStep =
  | { t: 'deliver'; pick: number; keep: boolean }
  | { t: 'burst'; pick: number; count: number }
  | { t: 'quiet'; pick: number }
  | { t: 'offline' | 'online' | 'store' | 'restart'; node: number }
type Step = Edit | NetStep

const n = fc.nat({ max: 1000 })
const node = fc.nat({ max: 8 })
const netStep: fc.Arbitrary<NetStep> = fc.oneof(
  // One message, any of those in flight (a reorder); one in five is delivered and kept (a duplicate).
  { arbitrary: fc.record({ t: fc.constant('deliver' as const), pick: n, keep: fc.nat({ max: 4 }).map((k) => k === 0) }), weight: 5 },
  { arbitrary: fc.record({ t: fc.constant('burst' as const), pick: n, count: fc.integer({ min: 2, max: 30 }) }), weight: 3 },
  // A quiet moment: everything deliverable arrives (in a random order), so that multi-step
  // procedures (open, propose, debate, vote, close) get done by different devices.
  { arbitrary: fc.record({ t: fc.constant('quiet' as const), pick: n }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constantFrom('offline' as const, 'online' as const), node }), weight: 3 },
  { arbitrary: fc.record({ t: fc.constant('store' as const), node }), weight: 2 },
  { arbitrary: fc.record({ t: fc.constant('restart' as const), node }), weight: 1 },
)
// size 'max': fast-check's default size would cap every array at about 10 steps, too few for a
// session to get from the opening to a closed vote.
const phase = (ops: Parameters<typeof editArb>[0], maxLength: number) =>
  fc.array(fc.oneof({ arbitrary: editArb(ops) as fc.Arbitrary<Step>, weight: 3 }, { arbitrary: netStep as fc.Arbitrary<Step>, weight: 2 }), { maxLength, size: 'max' })
const scheduleArb = fc.record({
  replicas: fc.integer({ min: 3, max: 8 }),
  draft: phase(DRAFT_OPS, 16),
  session: phase(SESSION_OPS, 100),
  /** The order the final delivery drains the queues in. */
  drain: fc.array(n, { minLength: 1, maxLength: 4 }),
})
type Schedule = typeof scheduleArb extends fc.Arbitrary<infer S> ? S : never

/** What the schedules reached, per run: the fuzz must meet the hard cases, not only pass. */
const seen = { restarts: 0, duplicates: 0, outOfOrder: 0, offlineEdits: 0, closedVotes: 0, rollCallConflicts: 0, lateEntries: 0, overrides: 0, agendaAfterNotice: 0 }

function step(net: Network, s: Step): void {
  const node = 'node' in s ? s.node % (net.clients + 1) : 0
  switch (s.t) {
    case 'edit': {
      const r = s.r % net.clients
      const doc = net.doc(r)
      const noticedElsewhere = s.op in DRAFT_OPS && net.nodes.some((x) => readMeeting(x.doc)?.status === 'noticed')
      if (runEdit(doc, { ...s, r })) {
        if (!net.nodes[r]!.online) seen.offlineEdits++
        if (noticedElsewhere && readMeeting(doc)?.status === 'draft' && s.op !== 'text') seen.agendaAfterNotice++
      }
      return
    }
    case 'deliver':
      return void net.deliver(s.pick, s.keep)
    case 'burst':
    case 'quiet':
      for (let k = 0; (s.t === 'quiet' || k < s.count) && net.deliver(s.pick + k); k++);
      return
    case 'offline':
    case 'online':
      return net.setOnline(node, s.t === 'online')
    case 'store':
      return net.store(node)
    case 'restart':
      return net.restart(node)
  }
}

/** The tally each replica shows: the frozen result of a closed vote, else evaluated from the doc now. */
const tallyOf = (doc: Y.Doc, v: Vote) => (v.closedAt !== null ? v.result : evaluateVote(voteInput(doc, v.id, SETTINGS)!))

/** Everything the screens read; equal on every replica once converged. */
function reads(doc: Y.Doc) {
  const votes = readVotes(doc)
  return {
    meeting: readMeeting(doc),
    agenda: readAgenda(doc),
    session: readSession(doc),
    attendance: readAttendance(doc),
    motions: readMotions(doc),
    speeches: readSpeeches(doc),
    votes,
    tallies: votes.map((v) => tallyOf(doc, v)),
    late: votes.map((v) => lateEntries(doc, v.id)),
  }
}

/** Every node holds every update (equal state vectors, nothing pending) and the same canonical document. */
function expectSameDocs(net: Network): Y.Doc[] {
  const docs = net.nodes.map((x) => x.doc)
  const first = docs[0]!
  const canonical = canonicalDoc(first)
  const sv = Y.encodeStateVector(first)
  for (const doc of docs) {
    expect(doc.store.pendingStructs).toBeNull()
    expect(doc.store.pendingDs).toBeNull()
    expect(Y.encodeStateVector(doc)).toEqual(sv)
    expect(canonicalDoc(doc)).toBe(canonical)
  }
  return docs
}

function runSchedule(s: Schedule): void {
  let clientId = 1
  const base = newMeetingDoc(100_000)
  addAgendaItem(base, itemFields({ title: '加装电梯' }))
  addAgendaItem(base, itemFields({ title: '垃圾分类' }))
  const net = new Network(Y.encodeStateAsUpdate(base), s.replicas, () => clientId++)

  s.draft.forEach((x) => step(net, x))
  net.settle(s.drain)
  expectSameDocs(net) // a checkpoint: the draft phase converged too

  // The barrier: the chair's device notices the meeting (unless a device did) and opens sign-in;
  // the first four members sign in on time there (the fuzz then changes attendance anywhere).
  const chair = net.doc(0)
  if (readMeeting(chair)?.status === 'draft') {
    if (!readAgenda(chair).length) addAgendaItem(chair, itemFields())
    transitionMeeting(chair, 'noticed', at(-3 * 24 * 60))
  }
  startSignIn(chair, MEMBERS, at(-30))
  MEMBERS.slice(0, 4).forEach((m) => markPresent(chair, m.id, at(-25)))
  net.settle(s.drain)

  s.session.forEach((x) => step(net, x))
  net.settle(s.drain)

  const docs = expectSameDocs(net)
  const first = reads(docs[0]!)
  for (const doc of docs.slice(1)) expect(reads(doc)).toEqual(first)

  seen.restarts += net.stats.restarts
  seen.duplicates += net.stats.duplicated
  seen.outOfOrder += net.stats.outOfOrder
  seen.closedVotes += first.votes.filter((v) => v.closedAt !== null).length
  seen.rollCallConflicts += first.votes.flatMap((v) => v.decisions).filter((d) => new Set(d.entries.map((e) => e.device)).size > 1 && d.conflicting.length > 0).length
  seen.lateEntries += first.late.flat().length
  if (first.session.override) seen.overrides++
}

/** mulberry32: crypto.getRandomValues made reproducible (ballot ids and shuffles at close). */
function seededBytes(seed: number) {
  let state = seed >>> 0
  return <T extends ArrayBufferView | null>(array: T): T => {
    if (!array) return array
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength)
    for (let i = 0; i < bytes.length; i++) {
      state = (state + 0x6d2b79f5) >>> 0
      let t = state
      t = Math.imul(t ^ (t >>> 15), t | 1)
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
      bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff
    }
    return array
  }
}

describe('convergence fuzz: a meeting on 3–8 devices over a reordering, duplicating, lossy network', () => {
  let counter = 0
  beforeEach(() => {
    // Deterministic ids and randomness, so a seed (and path) replays exactly.
    vi.spyOn(globalThis.crypto, 'randomUUID').mockImplementation(() => `00000000-0000-4000-b000-${(counter++).toString(16).padStart(12, '0')}` as ReturnType<Crypto['randomUUID']>)
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it(`${RUNS} seeded schedules (FUZZ_SEED=${SEED}) end with equal documents, reads and tallies on every replica`, () => {
    fc.assert(
      fc.property(scheduleArb, (s) => {
        counter = 0
        vi.spyOn(globalThis.crypto, 'getRandomValues').mockImplementation(seededBytes(SEED))
        runSchedule(s)
      }),
      { seed: SEED, numRuns: RUNS, ...(PATH ? { path: PATH, endOnFailure: true } : {}) },
    )
    if (RUNS < DEFAULT_RUNS || PATH) return
    // The default run must have met every hard case at least once (else the fuzz proves little).
    for (const [name, count] of Object.entries(seen)) expect(count, name).toBeGreaterThan(0)
    console.info(`convergence fuzz, seed ${SEED}: ${JSON.stringify(seen)}`)
  }, 120_000)
})

// Found by this fuzz while it was being written (seed 20250310, with an earlier version of the
// generators, so that path no longer replays; this test does, deterministically): a replica that receives a device's later agenda
// move before its earlier one applies the later move's deletion of the item's old key at once but
// keeps its new key pending (Yjs integrates a client's structs in clock order; delete sets apply
// at once: yjs#591), so the item reads with no order (''). Moving an item next to it then threw a
// TypeError from fractional-indexing instead of moving.
describe('regressions found by the convergence fuzz', () => {
  it('moves an agenda item next to one whose order key is still pending, and converges', () => {
    const a = newMeetingDoc(1)
    const [first, second] = [addAgendaItem(a, itemFields({ title: '甲' })), addAgendaItem(a, itemFields({ title: '乙' }))]
    const b = new Y.Doc()
    b.clientID = 2
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const updates: Uint8Array[] = []
    a.on('update', (u: Uint8Array) => updates.push(u))
    moveAgendaItem(a, first!, 1) // 甲 to the end
    moveAgendaItem(a, second!, 1) // 乙 back to the end: a new key for 乙
    Y.applyUpdate(b, updates[1]!) // the second move arrives first
    expect(readAgenda(b).find((i) => i.id === second)?.order).toBe('')
    moveAgendaItem(b, first!, 0)
    Y.applyUpdate(b, updates[0]!)
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
    expect(b.store.pendingStructs).toBeNull()
    expect(readAgenda(b)).toEqual(readAgenda(a))
    expect(canonicalDoc(b)).toBe(canonicalDoc(a))
    expect(readAgenda(a)).toHaveLength(2)
  })
})
