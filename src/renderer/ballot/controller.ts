// The ballot page's states and what moves between them: enter a code, wait for a vote, choose,
// confirm, cast, show the receipt, wait for the next vote. No DOM here (view.ts draws a State), so
// the whole flow is tested with a fake host and fake timers.
import { normaliseVoterCode } from '../../shared/domain/voterCode'
import type { Choice } from '../../shared/domain/votes/ballots'
import type { OpenVote } from '../../shared/phoneBallot'
import type { ApiError, BallotApi } from './api'
import type { BallotStore } from './store'

/** What went wrong, shown as a message: a host's error code, no answer, or a code typed wrong. */
export type Problem = ApiError | 'bad-format' | 'cast-network'

export type Screen =
  | { kind: 'no-meeting' }
  | { kind: 'enter' }
  | { kind: 'loading' }
  | { kind: 'waiting' }
  | { kind: 'choose'; vote: OpenVote }
  | { kind: 'confirm'; vote: OpenVote; choice: Choice }
  /** `open`: the vote it was cast in is still open (compare after the close). */
  | { kind: 'receipt'; receipt: string; open: boolean }
  | { kind: 'voted' }
  /** The host said this code cannot go on (meeting over, not found): a retry button, no polling. */
  | { kind: 'stopped' }

export interface State {
  screen: Screen
  problem: Problem | null
  /** A request the resident asked for is under way: its buttons are disabled. */
  busy: boolean
  /** The last request got no answer; the page is trying again. */
  reconnecting: boolean
  /** The canonical code in use, or null. */
  code: string | null
  /** The receipt of an earlier vote, still worth seeing while the next one is open. */
  previousReceipt: string | null
}

export interface Timers {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
  now(): number
}

export const POLL_MS = 3_000
export const RETRY_MS = 3_000
export const RATE_LIMITED_MS = 60_000
/** A random attempt id (22 base64url characters, 128 bits): the same ballot sent again carries it (CastRequest.attempt). */
export function newAttemptId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  let out = ''
  let bits = 0
  let held = 0
  for (const b of bytes) {
    held = (held << 8) | b
    bits += 8
    while (bits >= 6) {
      bits -= 6
      out += ALPHABET[(held >> bits) & 63]
    }
  }
  return bits > 0 ? out + ALPHABET[(held << (6 - bits)) & 63] : out
}

const attemptKey = (code: string, voteId: string, choice: Choice): string => `${code}\n${voteId}\n${choice}`

/** A second tap of a double tap on a choice must not land on "cast", which takes its place. */
export const CONFIRM_GUARD_MS = 700

/** Errors about this code in this vote only: the code may vote again when the next vote opens. */
const PER_VOTE: readonly ApiError[] = ['vote-closed', 'ballots-full', 'not-eligible', 'wrong-code-kind']

export class BallotController {
  private state: State
  private timer: unknown = null
  /** Bumped by every request and by every change of code: an older answer is dropped. */
  private seq = 0
  private casting = false
  /**
   * The ballot last sent without an answer (network, unavailable, rate-limited): sending it again
   * reuses its id, so a host that stored it answers with the same receipt (issue 16).
   */
  private attempt: { key: string; id: string } | null = null
  private confirmedAt = 0
  /** A vote this code was refused in (per-vote error): polling does not offer it again. */
  private blockedVoteId: string | null = null

  constructor(
    private readonly meeting: string | null,
    private readonly api: BallotApi,
    private readonly store: BallotStore | null,
    private readonly timers: Timers,
    private readonly onChange: (state: State) => void,
  ) {
    this.state = { screen: { kind: 'loading' }, problem: null, busy: false, reconnecting: false, code: null, previousReceipt: null }
  }

  get current(): State {
    return this.state
  }

  /** `problem`: the code in the address could not be read ('bad-format'). */
  start(problem: Problem | null = null): void {
    const code = this.store?.code() ?? null
    if (this.meeting === null || this.store === null) this.set({ screen: { kind: 'no-meeting' } })
    else if (code === null) this.set({ screen: { kind: 'enter' }, problem })
    else {
      this.set({ screen: { kind: 'loading' }, code })
      void this.open()
    }
  }

  submitCode(input: string): void {
    if (this.state.busy || this.store === null) return
    const code = normaliseVoterCode(input)
    if (code === null) return this.set({ screen: { kind: 'enter' }, problem: 'bad-format' })
    this.store.setCode(code)
    this.blockedVoteId = null
    this.set({ screen: { kind: 'loading' }, code, problem: null, busy: true })
    void this.open()
  }

  choose(choice: Choice): void {
    const s = this.state.screen
    if (s.kind !== 'choose' || this.state.busy) return
    this.confirmedAt = this.timers.now()
    this.set({ screen: { kind: 'confirm', vote: s.vote, choice }, problem: null })
  }

  change(): void {
    const s = this.state.screen
    if (s.kind !== 'confirm' || this.state.busy) return
    this.set({ screen: { kind: 'choose', vote: s.vote }, problem: null })
  }

  async cast(): Promise<void> {
    const s = this.state.screen
    const code = this.state.code
    if (s.kind !== 'confirm' || this.casting || this.state.busy || this.meeting === null || code === null) return
    if (this.timers.now() - this.confirmedAt < CONFIRM_GUARD_MS) return
    this.casting = true
    this.seq += 1
    this.clearTimer()
    this.set({ busy: true, problem: null })
    const key = attemptKey(code, s.vote.voteId, s.choice)
    if (this.attempt?.key !== key) this.attempt = { key, id: newAttemptId() }
    const r = await this.api.cast({ meeting: this.meeting, code, voteId: s.vote.voteId, choice: s.choice, attempt: this.attempt.id })
    this.casting = false
    if (this.state.code !== code) return // the resident changed code meanwhile: nothing to show
    // Kept only while the answer may have been lost.
    if (r.ok || (r.error !== 'network' && r.error !== 'unavailable' && r.error !== 'rate-limited')) this.attempt = null
    if (r.ok) {
      this.store?.setReceipt({ code, voteId: s.vote.voteId, receipt: r.value.receipt })
      this.set({ screen: { kind: 'receipt', receipt: r.value.receipt, open: true }, busy: false, reconnecting: false, previousReceipt: null })
      return this.schedule(POLL_MS)
    }
    const error = r.error
    if (error === 'network' || error === 'unavailable' || error === 'rate-limited') {
      this.set({ busy: false, problem: error === 'network' ? 'cast-network' : error })
      return this.schedule(error === 'rate-limited' ? RATE_LIMITED_MS : POLL_MS)
    }
    if (PER_VOTE.includes(error)) this.blockedVoteId = s.vote.voteId
    this.refused(error)
  }

  /** From the stopped screen: ask the host again. */
  retry(): void {
    if (this.state.screen.kind !== 'stopped' || this.state.code === null) return
    this.set({ screen: { kind: 'loading' }, problem: null, busy: true })
    void this.open()
  }

  otherCode(): void {
    if (this.casting || this.store === null) return
    this.seq += 1
    this.clearTimer()
    this.store.setCode(null)
    this.blockedVoteId = null
    this.set({ screen: { kind: 'enter' }, code: null, problem: null, busy: false, reconnecting: false, previousReceipt: null })
  }

  /** The page came back to the foreground: ask now rather than at the next tick. */
  wake(): void {
    if (this.timer !== null && !this.casting) {
      this.clearTimer()
      void this.open()
    }
  }

  private async open(): Promise<void> {
    const code = this.state.code
    if (this.meeting === null || code === null) return
    this.clearTimer()
    const seq = ++this.seq
    const r = await this.api.open({ meeting: this.meeting, code })
    if (seq !== this.seq || this.casting) return
    if (!r.ok) return this.openFailed(r.error)
    const problem = this.state.problem === 'rate-limited' ? null : this.state.problem
    this.set({ busy: false, reconnecting: false, problem, ...this.afterOpen(r.value.vote) })
    // The host has a ballot from this code, probably the one whose answer was lost: ask for its receipt.
    if (this.lostReply(r.value.vote)) return void this.cast()
    this.schedule(POLL_MS)
  }

  private openFailed(error: ApiError): void {
    if (error === 'network' || error === 'unavailable') {
      this.set({ reconnecting: true })
      return this.schedule(RETRY_MS)
    }
    if (error === 'rate-limited') {
      this.set({ problem: error, busy: false })
      return this.schedule(RATE_LIMITED_MS)
    }
    this.refused(error)
  }

  /** The host refused this code: where that leaves the resident, and whether to keep asking. */
  private refused(error: ApiError): void {
    const base = { busy: false, reconnecting: false, problem: error }
    if (error === 'invalid-code') {
      this.store?.setCode(null)
      this.seq += 1
      return this.set({ ...base, screen: { kind: 'enter' }, code: null })
    }
    if (error === 'code-used') {
      this.set({ ...base, screen: { kind: 'voted' }, problem: null })
      return this.schedule(POLL_MS)
    }
    if (PER_VOTE.includes(error)) {
      this.set({ ...base, screen: { kind: 'waiting' } })
      return this.schedule(POLL_MS)
    }
    this.set({ ...base, screen: { kind: 'stopped' } })
  }

  /** Where an answer of /open leaves the page; a patch that leaves out `problem` keeps the current one. */
  private afterOpen(vote: OpenVote | null): Partial<State> {
    const code = this.state.code
    const stored = this.store?.receipt() ?? null
    const mine = stored !== null && stored.code === code ? stored : null
    const s = this.state.screen
    const voting = s.kind === 'choose' || s.kind === 'confirm'
    if (vote === null) {
      this.blockedVoteId = null
      if (mine !== null) return { screen: { kind: 'receipt', receipt: mine.receipt, open: false }, problem: null, previousReceipt: null }
      // A vote that vanished under the resident's finger closed: say so on the waiting screen.
      const problem = voting || this.state.problem === 'vote-closed' ? 'vote-closed' : null
      return { screen: { kind: 'waiting' }, problem, previousReceipt: null }
    }
    const previousReceipt = mine !== null && mine.voteId !== vote.voteId ? mine.receipt : null
    if (mine !== null && mine.voteId === vote.voteId) return { screen: { kind: 'receipt', receipt: mine.receipt, open: true }, problem: null, previousReceipt: null }
    if (this.lostReply(vote)) return { previousReceipt }
    if (vote.voted) return { screen: { kind: 'voted' }, problem: null, previousReceipt }
    if (vote.voteId === this.blockedVoteId) return { screen: { kind: 'waiting' }, previousReceipt }
    // Same vote: keep the resident's place, choice and message; the text is the host's latest.
    if (voting && s.vote.voteId === vote.voteId) return { screen: s.kind === 'confirm' ? { kind: 'confirm', vote, choice: s.choice } : { kind: 'choose', vote }, previousReceipt }
    this.blockedVoteId = null
    return { screen: { kind: 'choose', vote }, problem: null, previousReceipt }
  }

  /** The vote says this code voted while the confirm screen holds a ballot sent without an answer. */
  private lostReply(vote: OpenVote | null): boolean {
    const s = this.state.screen
    const code = this.state.code
    return vote?.voted === true && s.kind === 'confirm' && s.vote.voteId === vote.voteId && code !== null && this.attempt?.key === attemptKey(code, vote.voteId, s.choice)
  }

  private schedule(ms: number): void {
    this.clearTimer()
    this.timer = this.timers.set(() => {
      this.timer = null
      void this.open()
    }, ms)
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer)
    this.timer = null
  }

  private set(patch: Partial<State>): void {
    const next = { ...this.state, ...patch }
    // Polling every 3 s mostly brings nothing new: redraw only when something changed.
    if (JSON.stringify(next) === JSON.stringify(this.state)) return
    this.state = next
    this.onChange(next)
  }
}
