// Ballots from residents' phones (手机投票), served by the host the meeting is synced through:
//   POST /ballot/api/open  {meeting, code}                 -> what there is to vote on now
//   POST /ballot/api/cast  {meeting, code, voteId, choice} -> a receipt
//   POST /ballot/api/seal  {meeting, voteId, code: rw join code} -> the phone ballots written in
// (contract, error codes and statuses: src/shared/phoneBallot.ts). Phones never join the CRDT: the
// host checks the one-time code against the meeting document's `voterCodes` (hashes only) and
// writes for them, through a Hocuspocus direct connection, so every connected device sees it.
//
// Secret ballots wait in the host's data folder (ballotStore.ts) as counts until the secretary's
// app asks for the seal, which writes them into the document in one shuffled transaction
// (sealPhoneBallots). Until then the document only learns how many came in (setPhoneReceived).
// Roll-call answers are public and go into the document at once (recordRollCall, device PHONE_DEVICE).
//
// Everything that changes a vote runs under that vote's mutex, so concurrent phones are counted
// exactly and a seal never races a cast. Rate limits (rateLimit.ts) per address, per code, and for
// failed code lookups per address. Nothing logged names a code, a choice or an address.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Hocuspocus } from '@hocuspocus/server'
import type * as Y from 'yjs'
import { DocError, type DocErrorCode } from '../shared/doc/errors'
import { readMeeting } from '../shared/doc/meeting'
import { readMotion } from '../shared/doc/motions'
import { parseAnyDocName } from '../shared/doc/names'
import { assertPhoneMayVote, PHONE_DEVICE, readVoterCode, sealPhoneBallots, setPhoneReceived, type VoterCodeEntry } from '../shared/doc/phoneVoting'
import { recordRollCall } from '../shared/doc/votes'
import { currentVote, isChoice, readVote } from '../shared/doc/votesRead'
import { isIdString, type VoteId } from '../shared/domain/ids'
import { newReceipt, normaliseVoterCode, voterCodeHash } from '../shared/domain/voterCode'
import type { Choice } from '../shared/domain/votes'
import { isCastAttempt, PHONE_ERROR_STATUS, type CastResponse, type OpenResponse, type PhoneErrorCode, type SealResponse } from '../shared/phoneBallot'
import type { DocumentBackend, PendingBallotBackend, PendingBallots } from './storageTypes'
import { retryToken, UnreadableBallots } from './ballotStore'
import { HttpError, readJson, send } from './http'
import { errorText, type SyncServerLogger } from './log'
import { RateLimiter, type BucketRate } from './rateLimit'
import type { CouncilRegistry } from './registry'

/** The transaction origin of what the host writes for phones. */
export const PHONE_HOST_ORIGIN = 'phone-host'

export const BALLOT_API_PREFIX = '/ballot/api/'

export interface PhoneLimits {
  /** Every /ballot/api request, per client address. */
  perAddress: BucketRate
  /** Every request naming a well-formed voter code, per code (open polls included). */
  perCode: BucketRate
  /** Per address, taken only by failed lookups (invalid-code; forbidden seals). */
  failedLookups: BucketRate
  /** Keys each limiter remembers at most (least recently used dropped first). */
  maxTrackedKeys: number
}

/**
 * For a room where every phone may share one address (a hall behind one NAT). The ballot page
 * polls /open every 3 s (src/renderer/ballot/controller.ts POLL_MS): 0.33 requests/s per code,
 * under the code's rate, with the bursts left for casts and reloads.
 */
export const DEFAULT_PHONE_LIMITS: PhoneLimits = {
  // Behind one NAT a whole hall shares an address: 120 phones polling every 3 s are 40 a second.
  perAddress: { burst: 600, perSecond: 40 },
  perCode: { burst: 10, perSecond: 1 / 2 },
  // A hall behind one NAT shares an address: 200 mistyped codes at once, then one every 2 s.
  // Codes carry 80 random bits, so this bounds the work and the log, not the odds of a guess.
  failedLookups: { burst: 200, perSecond: 1 / 2 },
  maxTrackedKeys: 10_000,
}

export interface BallotServiceDeps {
  hocuspocus: Hocuspocus
  documents: DocumentBackend
  registry: CouncilRegistry
  /** Pending ballots and the per-vote lock (files in the data folder, or PostgreSQL shared by every instance). */
  store: PendingBallotBackend
  log: SyncServerLogger
  limits?: Partial<PhoneLimits>
  now?: () => Date
}

class PhoneError extends Error {
  constructor(readonly code: PhoneErrorCode) {
    super(code)
  }
}

const refuse = (code: PhoneErrorCode): never => {
  throw new PhoneError(code)
}

/** What the phone is told for a DocError from the shared accessors. */
const DOC_ERRORS: Partial<Record<DocErrorCode, PhoneErrorCode>> = {
  voteClosed: 'vote-closed',
  phonesNotEnabled: 'vote-closed',
  notFound: 'vote-closed',
  wrongCodeKind: 'wrong-code-kind',
  wrongVoteMethod: 'wrong-code-kind',
  notEligible: 'not-eligible',
  ballotsFull: 'ballots-full',
  ballotsExceedVoters: 'ballots-full',
  wrongMeetingStatus: 'expired',
  invalidInput: 'invalid-request',
}

function phoneErrorOf(e: unknown): PhoneError {
  if (e instanceof PhoneError) return e
  if (e instanceof DocError) return new PhoneError(DOC_ERRORS[e.code] ?? 'unavailable')
  throw e
}

type DirectConnection = Awaited<ReturnType<Hocuspocus['openDirectConnection']>>

/**
 * Direct connections to meeting documents, shared by the requests in flight for one meeting and
 * disconnected when the last of them is done. A document that is not loaded is opened only if the
 * storage has it: a request for a made-up name never creates an empty document.
 */
class DocLeases {
  private readonly leases = new Map<string, { users: number; conn: Promise<DirectConnection | null> }>()
  private readonly closing = new Map<string, Promise<void>>()

  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly documents: DocumentBackend,
  ) {}

  /** Runs `task` on the document `name`; null when there is no such document. */
  async use<T>(name: string, task: (conn: DirectConnection, doc: Y.Doc) => Promise<T>): Promise<T | null> {
    let lease = this.leases.get(name)
    if (!lease) {
      lease = { users: 0, conn: this.connect(name) }
      this.leases.set(name, lease)
    }
    lease.users += 1
    try {
      const conn = await lease.conn
      if (!conn?.document) return null
      return await task(conn, conn.document)
    } finally {
      lease.users -= 1
      if (lease.users === 0 && this.leases.get(name) === lease) {
        this.leases.delete(name)
        // Not awaited by the request: the answer does not wait for the store and the unload.
        const done: Promise<void> = lease.conn
          .then((c) => c?.disconnect())
          .catch(() => {})
          .finally(() => {
            if (this.closing.get(name) === done) this.closing.delete(name)
          })
        this.closing.set(name, done)
      }
    }
  }

  /** Waits for every disconnect under way. */
  async settle(): Promise<void> {
    while (this.closing.size) await Promise.all(this.closing.values())
  }

  private async connect(name: string): Promise<DirectConnection | null> {
    // The previous lease's disconnect may be unloading the document: let it finish first.
    await this.closing.get(name)
    if (!this.hocuspocus.documents.has(name) && !this.hocuspocus.loadingDocuments.has(name)) {
      if ((await this.documents.fetch(name)) === null) return null
    }
    return this.hocuspocus.openDirectConnection(name, { phone: true })
  }
}

/** The client's address as the socket sees it (never X-Forwarded-For), IPv4-mapped form unwrapped. */
export function clientAddress(req: IncomingMessage): string {
  const a = req.socket.remoteAddress ?? 'unknown'
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a
}

interface CodeRequest {
  meeting: string
  councilId: string
  hash: string
}

const isMeetingName = (v: unknown): v is string => typeof v === 'string' && v.length <= 300 && parseAnyDocName(v)?.kind === 'meeting'

export function createBallotService(deps: BallotServiceDeps) {
  const { hocuspocus, registry, store, log } = deps
  const limits: PhoneLimits = { ...DEFAULT_PHONE_LIMITS, ...deps.limits }
  const perAddress = new RateLimiter(limits.perAddress, limits.maxTrackedKeys)
  const perCode = new RateLimiter(limits.perCode, limits.maxTrackedKeys)
  const failures = new RateLimiter(limits.failedLookups, limits.maxTrackedKeys)
  const now = () => (deps.now ?? (() => new Date()))().toISOString()
  const docs = new DocLeases(hocuspocus, deps.documents)
  const reportedUnreadable = new Set<string>()
  // A flood is refused request by request but logged at most once a second.
  let rateLimitedLoggedAt = 0
  const quietFor = (ms: number): boolean => {
    const t = Date.now()
    if (t - rateLimitedLoggedAt < ms) return false
    rateLimitedLoggedAt = t
    return true
  }
  let inFlight = 0
  let closed = false
  let idle: (() => void) | null = null

  // Answers 'rate-limited' with the wait in Retry-After.
  class RateLimited extends PhoneError {
    constructor(readonly retryAfter: number) {
      super('rate-limited')
    }
  }

  /** A failed code lookup: counts against the address, then 'invalid-code'. */
  const lookupFailed = (address: string): never => {
    failures.take(address)
    return refuse('invalid-code')
  }

  async function pending(meeting: string, voteId: string): Promise<PendingBallots> {
    try {
      return await store.get(meeting, voteId)
    } catch (e) {
      if (e instanceof UnreadableBallots) {
        const key = `${meeting}\n${voteId}`
        if (!reportedUnreadable.has(key)) {
          reportedUnreadable.add(key)
          log({ type: 'phone-ballots-unreadable', documentName: meeting, voteId, error: errorText(e) })
        }
      } else {
        log({ type: 'phone-error', documentName: meeting, error: errorText(e) })
      }
      return refuse('unavailable')
    }
  }

  /**
   * Applies `change` to the document through the direct connection (which then stores it). A
   * DocError from the change is thrown; a failed store after a change that was applied is not:
   * the change is in the live document, which Hocuspocus stores again on its next change.
   */
  async function write(conn: DirectConnection, meeting: string, change: (doc: Y.Doc) => void): Promise<void> {
    let applied = false
    try {
      await conn.transact((doc) => {
        change(doc)
        applied = true
      })
    } catch (e) {
      if (!applied) throw e
      log({ type: 'phone-error', documentName: meeting, error: `stored later: ${errorText(e)}` })
    }
  }

  /**
   * The meeting a phone names: its id alone (what ballot addresses carry since issue 15: no council
   * id, which would let a resident register that council first on another server), or its whole
   * document name (older slips). Null when no such meeting is here; undefined when malformed.
   */
  async function meetingNameOf(v: unknown): Promise<string | null | undefined> {
    if (isMeetingName(v)) return v
    if (!isIdString(v)) return undefined
    const tail = `/meeting/${v}`
    for (const name of hocuspocus.documents.keys()) if (name.endsWith(tail) && isMeetingName(name)) return name
    try {
      const name = await deps.documents.meetingName(v)
      return name !== null && isMeetingName(name) ? name : null
    } catch (e) {
      log({ type: 'phone-error', error: errorText(e) })
      return refuse('unavailable')
    }
  }

  /** The shape of a request naming a meeting and a voter code, then the limits a lookup takes. */
  async function codeRequest(body: Record<string, unknown>, address: string): Promise<CodeRequest> {
    if ((!isMeetingName(body.meeting) && !isIdString(body.meeting)) || typeof body.code !== 'string') return refuse('invalid-request')
    const canonical = normaliseVoterCode(body.code)
    // Mistyped (wrong length, a letter not in the alphabet): not a guess of a real code.
    if (!canonical) return refuse('invalid-code')
    if (!failures.has(address)) throw new RateLimited(failures.retryAfter(address))
    const hash = (await voterCodeHash(canonical))!
    if (!perCode.take(hash)) throw new RateLimited(perCode.retryAfter(hash))
    const meeting = await meetingNameOf(body.meeting)
    if (!meeting) return lookupFailed(address)
    const councilId = parseAnyDocName(meeting)!.councilId
    if (!registry.isRegistered(councilId)) return lookupFailed(address)
    return { meeting, councilId, hash }
  }

  /** Runs `task` with the meeting document in session and the code's entry in it. */
  async function withCode<T>(r: CodeRequest, address: string, task: (conn: DirectConnection, doc: Y.Doc, entry: VoterCodeEntry) => Promise<T>): Promise<T> {
    const result = await docs.use(r.meeting, async (conn, doc) => {
      const meeting = readMeeting(doc)
      if (!meeting) return lookupFailed(address)
      // The code first: without a valid code, an unknown meeting, a closed one and a wrong code
      // answer alike ('expired' would tell a stranger that the meeting exists).
      const entry = readVoterCode(doc, r.hash)
      if (!entry) return lookupFailed(address)
      if (meeting.status !== 'in_session') return refuse('expired')
      return { value: await task(conn, doc, entry) }
    })
    return result === null ? lookupFailed(address) : result.value
  }

  async function open(body: Record<string, unknown>, address: string): Promise<OpenResponse> {
    const r = await codeRequest(body, address)
    return withCode(r, address, async (_conn, doc) => {
      const vote = currentVote(doc)
      if (!vote || !vote.phone?.enabled || vote.phone.sealedAt !== null || (vote.method !== 'secret' && vote.method !== 'roll_call')) return { ok: true, vote: null }
      const held = await pending(r.meeting, vote.id)
      return {
        ok: true,
        vote: { voteId: vote.id, method: vote.method, motionText: readMotion(doc, vote.motionId)?.text ?? '', voted: held.used.includes(r.hash) },
      }
    })
  }

  async function cast(body: Record<string, unknown>, address: string): Promise<CastResponse> {
    const { voteId, choice, attempt } = body
    if (!isIdString(voteId) || !isChoice(choice) || (attempt !== undefined && !isCastAttempt(attempt))) return refuse('invalid-request')
    const r = await codeRequest(body, address)
    return withCode(r, address, (conn, doc, entry) =>
      store.locked(r.meeting, voteId, async () => {
        const vote = readVote(doc, voteId as VoteId)
        if (!vote?.phone?.enabled) return refuse('vote-closed')
        const held = await pending(r.meeting, voteId)
        // The same ballot again (its reply was lost): the receipt it got, even if the vote closed since.
        const token = attempt === undefined ? null : retryToken(r.hash, attempt as string, choice)
        const earlier = token !== null && held.used.includes(r.hash) ? held.retries[token] : undefined
        if (earlier !== undefined) return { ok: true as const, receipt: earlier }
        if (vote.closedAt !== null || vote.phone.sealedAt !== null || held.sealed) return refuse('vote-closed')
        if (held.used.includes(r.hash)) return refuse('code-used')
        try {
          assertPhoneMayVote(doc, voteId as VoteId, entry)
        } catch (e) {
          throw phoneErrorOf(e)
        }
        let receipt = newReceipt()
        while (held.receipts.includes(receipt)) receipt = newReceipt()
        const marked = { used: [...held.used, r.hash], receipts: [...held.receipts, receipt], retries: token === null ? held.retries : { ...held.retries, [token]: receipt } }
        if (vote.method === 'secret') {
          // The pending count may be ahead of the document's (a store that failed before): it counts.
          const cast = held.counts.for + held.counts.against + held.counts.abstain
          if (cast + vote.checkedOff.length >= vote.eligible.length) return refuse('ballots-full')
          // Durable first: the phone gets its receipt only for a ballot that is on disk.
          await store.put({ ...held, ...marked, counts: { ...held.counts, [choice]: held.counts[choice as Choice] + 1 } })
          try {
            await write(conn, r.meeting, (d) => setPhoneReceived(d, voteId as VoteId, cast + 1, PHONE_HOST_ORIGIN))
          } catch (e) {
            // The ballot is held and will be sealed in; only the running count is behind.
            log({ type: 'phone-error', documentName: r.meeting, error: `received count not updated: ${errorText(e)}` })
          }
        } else {
          if (entry.kind !== 'named') return refuse('wrong-code-kind')
          try {
            // The answer and the running count in one transaction: named answers are public anyway.
            await write(conn, r.meeting, (d) =>
              d.transact(() => {
                recordRollCall(d, voteId as VoteId, entry.memberId, choice as Choice, now(), PHONE_DEVICE, PHONE_HOST_ORIGIN)
                setPhoneReceived(d, voteId as VoteId, held.receipts.length + 1, PHONE_HOST_ORIGIN)
              }, PHONE_HOST_ORIGIN),
            )
          } catch (e) {
            throw phoneErrorOf(e)
          }
          await store.put({ ...held, ...marked })
        }
        return { ok: true, receipt }
      }),
    )
  }

  async function seal(body: Record<string, unknown>, address: string): Promise<SealResponse> {
    const { meeting, voteId, code } = body
    if (!isMeetingName(meeting) || !isIdString(voteId) || typeof code !== 'string' || code.length > 1000) return refuse('invalid-request')
    if (!failures.has(address)) throw new RateLimited(failures.retryAfter(address))
    const auth = await registry.authorize(parseAnyDocName(meeting)!.councilId, code)
    if (!auth.ok || auth.access !== 'rw') {
      failures.take(address)
      return refuse('forbidden')
    }
    const result = await docs.use(meeting, (conn, doc) =>
      store.locked(meeting, voteId, async (): Promise<SealResponse> => {
        const vote = readVote(doc, voteId as VoteId)
        if (!vote?.phone) return refuse('vote-closed')
        // Sealed already (a retry, a second device): the same answer. The document decides; the
        // pending file is marked too in case a crash came between the two.
        if (vote.phone.sealedAt !== null) {
          const held = await store.get(meeting, voteId).catch(() => null)
          if (held && !held.sealed) await store.put({ ...held, sealed: true }).catch(() => {})
          return { ok: true, ballots: vote.phone.received }
        }
        if (vote.closedAt !== null) return refuse('vote-closed')
        const held = await pending(meeting, voteId)
        const choices: Choice[] = vote.method === 'secret' ? (['for', 'against', 'abstain'] as const).flatMap((c) => Array<Choice>(held.counts[c]).fill(c)) : []
        try {
          await write(conn, meeting, (d) => sealPhoneBallots(d, voteId as VoteId, { choices, receipts: held.receipts }, now(), PHONE_HOST_ORIGIN))
        } catch (e) {
          throw phoneErrorOf(e)
        }
        try {
          await store.put({ ...held, sealed: true })
        } catch (e) {
          // The document is sealed: casts are refused by it already.
          log({ type: 'phone-error', documentName: meeting, error: `pending file not marked sealed: ${errorText(e)}` })
        }
        const ballots = vote.method === 'secret' ? choices.length : held.receipts.length
        log({ type: 'phone-sealed', documentName: meeting, voteId, ballots })
        return { ok: true, ballots }
      }),
    )
    return result ?? refuse('not-found')
  }

  const ACTIONS = { open, cast, seal } as const

  async function api(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const address = clientAddress(req)
    const action = path.slice(BALLOT_API_PREFIX.length)
    let meeting: string | undefined
    try {
      if (!perAddress.take(address)) throw new RateLimited(perAddress.retryAfter(address))
      if (!Object.hasOwn(ACTIONS, action)) return refuse('not-found')
      if (req.method !== 'POST') return refuse('method-not-allowed')
      let body: Record<string, unknown>
      try {
        body = await readJson(req)
      } catch (e) {
        if (!(e instanceof HttpError)) throw e
        if (e.status === 413) return send(res, 413, { error: 'body-too-large' }, true)
        return refuse(e.code === 'unsupported-media-type' ? 'unsupported-media-type' : 'invalid-request')
      }
      if (isMeetingName(body.meeting)) meeting = body.meeting
      if (closed) return refuse('unavailable')
      inFlight += 1
      try {
        return send(res, 200, await ACTIONS[action as keyof typeof ACTIONS](body, address))
      } finally {
        inFlight -= 1
        if (inFlight === 0) idle?.()
      }
    } catch (e) {
      let error: PhoneError
      try {
        error = phoneErrorOf(e)
      } catch {
        log({ type: 'phone-error', ...(meeting ? { documentName: meeting } : {}), error: errorText(e) })
        error = new PhoneError('unavailable')
      }
      if ((action === 'cast' || action === 'seal') && (error.code !== 'rate-limited' || quietFor(1_000))) {
        log({ type: 'phone-refused', action, reason: error.code, ...(meeting ? { documentName: meeting } : {}) })
      }
      const headers: Record<string, string> = error instanceof RateLimited ? { 'retry-after': String(Math.max(1, error.retryAfter)) } : {}
      return send(res, PHONE_ERROR_STATUS[error.code], { error: error.code }, false, headers)
    }
  }

  /** Refuses new requests, waits for those in flight and for their documents to be let go. */
  async function close(): Promise<void> {
    closed = true
    if (inFlight > 0) await new Promise<void>((resolve) => (idle = resolve))
    await docs.settle()
  }

  return { api, close }
}

export type BallotService = ReturnType<typeof createBallotService>
