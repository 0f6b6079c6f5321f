// The phone ballot page's flow against a scripted host and a hand-driven clock: code, wait,
// choose, confirm, cast once, receipt kept across a reload, a new vote votes again, and what
// each refusal leaves on screen.
import { describe, expect, it } from 'vitest'
import type { CastRequest, OpenVote } from '../../src/shared/phoneBallot'
import type { ApiError, ApiResult, BallotApi } from '../../src/renderer/ballot/api'
import { BallotController, CONFIRM_GUARD_MS, POLL_MS, RATE_LIMITED_MS, type State } from '../../src/renderer/ballot/controller'
import type { BallotStore, StoredReceipt } from '../../src/renderer/ballot/store'
import type { OpenResponse, CastResponse } from '../../src/shared/phoneBallot'

const MEETING = 'council/0c0ffee0-aaaa/meeting/1234abcd-bbbb'
const CODE = '7KQM2X9P4HRTW3CD'
const vote = (voteId: string, voted = false): OpenVote => ({ voteId, method: 'secret', motionText: `Motion ${voteId} <b>not bold</b>`, voted })

class Clock {
  t = 1_000_000
  private queue: { at: number; fn: () => void; id: number }[] = []
  private next = 1
  readonly timers = {
    set: (fn: () => void, ms: number) => {
      const id = this.next++
      this.queue.push({ at: this.t + ms, fn, id })
      return id
    },
    clear: (id: unknown) => {
      this.queue = this.queue.filter((q) => q.id !== id)
    },
    now: () => this.t,
  }
  get pending(): number {
    return this.queue.length
  }
  async advance(ms: number): Promise<void> {
    const end = this.t + ms
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at)
      const first = this.queue[0]
      if (!first || first.at > end) break
      this.queue.shift()
      this.t = first.at
      first.fn()
      await settle()
    }
    this.t = end
    await settle()
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

/** A host whose next answers are scripted; unscripted calls answer like the last `open` state. */
class FakeHost implements BallotApi {
  openVote: OpenVote | null = null
  openError: ApiError | null = null
  castAnswers: ApiResult<CastResponse>[] = []
  opens = 0
  casts: CastRequest[] = []
  open(): Promise<ApiResult<OpenResponse>> {
    this.opens += 1
    return Promise.resolve(this.openError ? { ok: false, error: this.openError } : { ok: true, value: { ok: true, vote: this.openVote } })
  }
  cast(request: CastRequest): Promise<ApiResult<CastResponse>> {
    this.casts.push(request)
    return Promise.resolve(this.castAnswers.shift() ?? { ok: true, value: { ok: true, receipt: 'ABCD-EFGH' } })
  }
}

class MemoryStore implements BallotStore {
  c: string | null = null
  r: StoredReceipt | null = null
  code = () => this.c
  setCode = (c: string | null) => void (this.c = c)
  receipt = () => this.r
  setReceipt = (r: StoredReceipt) => void (this.r = r)
}

function page(store = new MemoryStore(), host = new FakeHost(), clock = new Clock(), meeting: string | null = MEETING) {
  const states: State[] = []
  const c = new BallotController(meeting, host, store, clock.timers, (s) => states.push(s))
  return { c, host, store, clock, states, screen: () => c.current.screen.kind }
}

describe('the ballot page flow', () => {
  it('says where to open it from when the address names no meeting', () => {
    const p = page(new MemoryStore(), new FakeHost(), new Clock(), null)
    p.c.start()
    expect(p.screen()).toBe('no-meeting')
    expect(p.host.opens).toBe(0)
  })

  it('asks for a code, refuses a malformed one without asking the host, and takes a sloppy one', async () => {
    const p = page()
    p.c.start()
    expect(p.screen()).toBe('enter')
    p.c.submitCode('7KQM-2X9P')
    expect(p.c.current.problem).toBe('bad-format')
    expect(p.host.opens).toBe(0)
    p.c.submitCode(' 7kqm 2x9p-4hrt w3cd ')
    await settle()
    expect(p.store.c).toBe(CODE)
    expect(p.host.opens).toBe(1)
    expect(p.screen()).toBe('waiting')
  })

  it('waits, polls every 3 s, votes once through the confirm step, and keeps the receipt', async () => {
    const p = page()
    p.store.c = CODE
    p.c.start()
    await settle()
    expect(p.screen()).toBe('waiting')
    p.host.openVote = vote('v1')
    await p.clock.advance(POLL_MS)
    expect(p.screen()).toBe('choose')
    p.c.choose('against')
    expect(p.c.current.screen).toMatchObject({ kind: 'confirm', choice: 'against' })
    // The second tap of a double tap on "against" lands where "cast" now is: ignored.
    await p.c.cast()
    expect(p.host.casts).toHaveLength(0)
    await p.clock.advance(CONFIRM_GUARD_MS)
    const first = p.c.cast()
    const second = p.c.cast() // a double tap on cast
    await Promise.all([first, second])
    expect(p.host.casts).toEqual([{ meeting: MEETING, code: CODE, voteId: 'v1', choice: 'against', attempt: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) as unknown }])
    expect(p.c.current.screen).toEqual({ kind: 'receipt', receipt: 'ABCD-EFGH', open: true })
    expect(p.store.r).toEqual({ code: CODE, voteId: 'v1', receipt: 'ABCD-EFGH' })

    // The vote closes: the receipt stays, now with "compare it now".
    p.host.openVote = null
    await p.clock.advance(POLL_MS)
    expect(p.c.current.screen).toEqual({ kind: 'receipt', receipt: 'ABCD-EFGH', open: false })

    // A new vote: the same code votes again; the last receipt is still shown, small.
    p.host.openVote = vote('v2')
    await p.clock.advance(POLL_MS)
    expect(p.c.current.screen).toEqual({ kind: 'choose', vote: vote('v2') })
    expect(p.c.current.previousReceipt).toBe('ABCD-EFGH')
  })

  it('shows the receipt again after a reload, and "already voted" for a code that voted elsewhere', async () => {
    const store = new MemoryStore()
    store.c = CODE
    store.r = { code: CODE, voteId: 'v1', receipt: 'WXYZ-2345' }
    const host = new FakeHost()
    host.openVote = vote('v1', true)
    const p = page(store, host)
    p.c.start()
    await settle()
    expect(p.c.current.screen).toEqual({ kind: 'receipt', receipt: 'WXYZ-2345', open: true })

    const other = page(new MemoryStore(), host)
    other.store.c = CODE
    other.c.start()
    await settle()
    expect(other.screen()).toBe('voted')
  })

  it('goes back to the code field for a code the meeting does not know, and forgets it', async () => {
    const p = page()
    p.store.c = CODE
    p.host.openError = 'invalid-code'
    p.c.start()
    await settle()
    expect(p.screen()).toBe('enter')
    expect(p.c.current.problem).toBe('invalid-code')
    expect(p.store.c).toBeNull()
    expect(p.clock.pending).toBe(0)
  })

  it('stops asking once the meeting is over, until the resident retries', async () => {
    const p = page()
    p.store.c = CODE
    p.host.openError = 'expired'
    p.c.start()
    await settle()
    expect(p.screen()).toBe('stopped')
    expect(p.c.current.problem).toBe('expired')
    expect(p.clock.pending).toBe(0)
    p.host.openError = null
    p.c.retry()
    await settle()
    expect(p.screen()).toBe('waiting')
  })

  it('shows "reconnecting" while the host does not answer, keeps the screen, and recovers', async () => {
    const p = page()
    p.store.c = CODE
    p.host.openVote = vote('v1')
    p.c.start()
    await settle()
    p.host.openError = 'network'
    await p.clock.advance(POLL_MS)
    expect(p.c.current).toMatchObject({ reconnecting: true, screen: { kind: 'choose' } })
    p.host.openError = null
    await p.clock.advance(POLL_MS)
    expect(p.c.current).toMatchObject({ reconnecting: false, screen: { kind: 'choose' } })
  })

  it('waits a minute when rate-limited', async () => {
    const p = page()
    p.store.c = CODE
    p.host.openError = 'rate-limited'
    p.c.start()
    await settle()
    expect(p.c.current.problem).toBe('rate-limited')
    const opens = p.host.opens
    await p.clock.advance(RATE_LIMITED_MS - 1)
    expect(p.host.opens).toBe(opens)
    p.host.openError = null
    await p.clock.advance(1)
    expect(p.host.opens).toBe(opens + 1)
    expect(p.c.current.problem).toBeNull()
  })

  it('after a lost answer to a cast, lets the resident tap again, and "already voted" if it had arrived', async () => {
    const p = page()
    p.store.c = CODE
    p.host.openVote = vote('v1')
    p.c.start()
    await settle()
    p.c.choose('for')
    await p.clock.advance(CONFIRM_GUARD_MS)
    p.host.castAnswers = [{ ok: false, error: 'network' }, { ok: false, error: 'code-used' }]
    await p.c.cast()
    expect(p.c.current).toMatchObject({ screen: { kind: 'confirm', choice: 'for' }, problem: 'cast-network', busy: false })
    await p.c.cast()
    expect(p.screen()).toBe('voted')
    expect(p.host.casts).toHaveLength(2)
  })

  it('after a lost answer, the tap again and the next poll send the same ballot with the same attempt id, and show the receipt (issue 16)', async () => {
    const p = page()
    p.store.c = CODE
    p.host.openVote = vote('v1')
    p.c.start()
    await settle()
    p.c.choose('for')
    await p.clock.advance(CONFIRM_GUARD_MS)
    p.host.castAnswers = [{ ok: false, error: 'network' }, { ok: false, error: 'unavailable' }]
    await p.c.cast()
    await p.c.cast()
    expect(p.c.current).toMatchObject({ screen: { kind: 'confirm', choice: 'for' }, busy: false })
    // The host had stored it: the next poll says "voted", and the page asks for the receipt.
    p.host.openVote = { ...vote('v1'), voted: true }
    p.host.castAnswers = [{ ok: true, value: { ok: true, receipt: 'WXYZ-2345' } }]
    await p.clock.advance(POLL_MS)
    expect(p.c.current.screen).toEqual({ kind: 'receipt', receipt: 'WXYZ-2345', open: true })
    expect(p.host.casts).toHaveLength(3)
    const ids = new Set(p.host.casts.map((c) => c.attempt))
    expect(ids.size).toBe(1)
    expect(p.host.casts.every((c) => c.choice === 'for' && c.voteId === 'v1')).toBe(true)
    // A new ballot (the next vote) gets a new attempt id.
    p.host.openVote = vote('v2')
    await p.clock.advance(POLL_MS)
    p.c.choose('against')
    await p.clock.advance(CONFIRM_GUARD_MS)
    await p.c.cast()
    expect(p.host.casts[3]!.attempt).not.toBe(p.host.casts[0]!.attempt)
  })

  it('a vote closed under the finger: says so and waits; that vote is not offered again', async () => {
    const p = page()
    p.store.c = CODE
    p.host.openVote = vote('v1')
    p.c.start()
    await settle()
    p.c.choose('abstain')
    await p.clock.advance(CONFIRM_GUARD_MS)
    p.host.castAnswers = [{ ok: false, error: 'vote-closed' }]
    await p.c.cast()
    expect(p.c.current).toMatchObject({ screen: { kind: 'waiting' }, problem: 'vote-closed' })
    await p.clock.advance(POLL_MS) // the host still lists v1 while it closes
    expect(p.c.current).toMatchObject({ screen: { kind: 'waiting' }, problem: 'vote-closed' })
    p.host.openVote = vote('v2')
    await p.clock.advance(POLL_MS)
    expect(p.c.current).toMatchObject({ screen: { kind: 'choose' }, problem: null })
  })

  it('a vote that closes while the resident is choosing goes to waiting with a message', async () => {
    const p = page()
    p.store.c = CODE
    p.host.openVote = vote('v1')
    p.c.start()
    await settle()
    p.c.choose('for')
    p.host.openVote = null
    await p.clock.advance(POLL_MS)
    expect(p.c.current).toMatchObject({ screen: { kind: 'waiting' }, problem: 'vote-closed' })
  })

  it('a poll keeps the resident on the confirm step of the same vote', async () => {
    const p = page()
    p.store.c = CODE
    p.host.openVote = vote('v1')
    p.c.start()
    await settle()
    p.c.choose('for')
    await p.clock.advance(POLL_MS * 3)
    expect(p.c.current.screen).toMatchObject({ kind: 'confirm', choice: 'for' })
  })

  it('another code: forgets the code and stops polling', async () => {
    const p = page()
    p.store.c = CODE
    p.c.start()
    await settle()
    expect(p.clock.pending).toBe(1)
    p.c.otherCode()
    expect(p.screen()).toBe('enter')
    expect(p.store.c).toBeNull()
    expect(p.clock.pending).toBe(0)
  })

  it('redraws only when something changed', async () => {
    const p = page()
    p.store.c = CODE
    p.c.start()
    await settle()
    const n = p.states.length
    await p.clock.advance(POLL_MS * 5)
    expect(p.states.length).toBe(n)
    expect(p.host.opens).toBe(6)
  })
})
