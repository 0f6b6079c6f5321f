// What every phone ballot request shares (ballots.ts): the documents it leases, the pending
// ballots, the limits, and the steps before an action: finding the meeting, checking the code,
// writing through the direct connection.
import type { Hocuspocus } from '@hocuspocus/server'
import type * as Y from 'yjs'
import { readMeeting } from '../shared/doc/meeting'
import { parseAnyDocName } from '../shared/doc/names'
import { readVoterCode, type VoterCodeEntry } from '../shared/doc/phoneVoting'
import { isIdString } from '../shared/domain/ids'
import { normaliseVoterCode, voterCodeHash } from '../shared/domain/voterCode'
import { UnreadableBallots } from './ballotStore'
import { DocLeases, type DirectConnection } from './docLeases'
import { errorText, type SyncServerLogger } from './log'
import { refuse } from './phoneErrors'
import { PhoneRateLimits, RateLimited, type PhoneLimits } from './phoneLimits'
import type { CouncilRegistry } from './registry'
import type { DocumentBackend, PendingBallotBackend, PendingBallots } from './storageTypes'

/** The transaction origin of what the host writes for phones. */
export const PHONE_HOST_ORIGIN = 'phone-host'

export interface CodeRequest {
  meeting: string
  councilId: string
  hash: string
}

export const isMeetingName = (v: unknown): v is string => typeof v === 'string' && v.length <= 300 && parseAnyDocName(v)?.kind === 'meeting'

export interface PhoneContextDeps {
  hocuspocus: Hocuspocus
  documents: DocumentBackend
  registry: CouncilRegistry
  store: PendingBallotBackend
  log: SyncServerLogger
  limits: PhoneLimits
  now: () => string
}

export function createPhoneContext(deps: PhoneContextDeps) {
  const { hocuspocus, registry, store, log, now } = deps
  const limits = new PhoneRateLimits(deps.limits)
  const { perCode, failures } = limits
  const docs = new DocLeases(hocuspocus, deps.documents)
  const reportedUnreadable = new Set<string>()

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

  return { hocuspocus, registry, store, log, now, limits, docs, lookupFailed, pending, write, codeRequest, withCode }
}

export type PhoneContext = ReturnType<typeof createPhoneContext>
