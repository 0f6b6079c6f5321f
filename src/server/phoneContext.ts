// What every phone ballot request shares (ballots.ts), as one PhoneContext: the documents it leases, the pending
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

export class PhoneContext {
  readonly hocuspocus: Hocuspocus
  readonly registry: CouncilRegistry
  readonly store: PendingBallotBackend
  readonly log: SyncServerLogger
  readonly now: () => string
  readonly limits: PhoneRateLimits
  readonly docs: DocLeases
  private readonly documents: DocumentBackend
  private readonly reportedUnreadable = new Set<string>()

  constructor(deps: PhoneContextDeps) {
    this.hocuspocus = deps.hocuspocus
    this.registry = deps.registry
    this.store = deps.store
    this.log = deps.log
    this.now = deps.now
    this.documents = deps.documents
    this.limits = new PhoneRateLimits(deps.limits)
    this.docs = new DocLeases(deps.hocuspocus, deps.documents)
  }

  /** A failed code lookup: counts against the address, then 'invalid-code'. */
  lookupFailed(address: string): never {
    this.limits.failures.take(address)
    return refuse('invalid-code')
  }

  async pending(meeting: string, voteId: string): Promise<PendingBallots> {
    try {
      return await this.store.get(meeting, voteId)
    } catch (e) {
      if (e instanceof UnreadableBallots) {
        const key = `${meeting}\n${voteId}`
        if (!this.reportedUnreadable.has(key)) {
          this.reportedUnreadable.add(key)
          this.log({ type: 'phone-ballots-unreadable', documentName: meeting, voteId, error: errorText(e) })
        }
      } else {
        this.log({ type: 'phone-error', documentName: meeting, error: errorText(e) })
      }
      return refuse('unavailable')
    }
  }

  /**
   * Applies `change` to the document through the direct connection (which then stores it). A
   * DocError from the change is thrown; a failed store after a change that was applied is not:
   * the change is in the live document, which Hocuspocus stores again on its next change.
   */
  async write(conn: DirectConnection, meeting: string, change: (doc: Y.Doc) => void): Promise<void> {
    let applied = false
    try {
      await conn.transact((doc) => {
        change(doc)
        applied = true
      })
    } catch (e) {
      if (!applied) throw e
      this.log({ type: 'phone-error', documentName: meeting, error: `stored later: ${errorText(e)}` })
    }
  }

  /**
   * The meeting a phone names: its id alone (what ballot addresses carry since issue 15: no council
   * id, which would let a resident register that council first on another server), or its whole
   * document name (older slips). Null when no such meeting is here; undefined when malformed.
   */
  private async meetingNameOf(v: unknown): Promise<string | null | undefined> {
    if (isMeetingName(v)) return v
    if (!isIdString(v)) return undefined
    const tail = `/meeting/${v}`
    for (const name of this.hocuspocus.documents.keys()) if (name.endsWith(tail) && isMeetingName(name)) return name
    try {
      const name = await this.documents.meetingName(v)
      return name !== null && isMeetingName(name) ? name : null
    } catch (e) {
      this.log({ type: 'phone-error', error: errorText(e) })
      return refuse('unavailable')
    }
  }

  /** The shape of a request naming a meeting and a voter code, then the limits a lookup takes. */
  async codeRequest(body: Record<string, unknown>, address: string): Promise<CodeRequest> {
    if ((!isMeetingName(body.meeting) && !isIdString(body.meeting)) || typeof body.code !== 'string') return refuse('invalid-request')
    const canonical = normaliseVoterCode(body.code)
    // Mistyped (wrong length, a letter not in the alphabet): not a guess of a real code.
    if (!canonical) return refuse('invalid-code')
    if (!this.limits.failures.has(address)) throw new RateLimited(this.limits.failures.retryAfter(address))
    const hash = (await voterCodeHash(canonical))!
    if (!this.limits.perCode.take(hash)) throw new RateLimited(this.limits.perCode.retryAfter(hash))
    const meeting = await this.meetingNameOf(body.meeting)
    if (!meeting) return this.lookupFailed(address)
    const councilId = parseAnyDocName(meeting)!.councilId
    if (!this.registry.isRegistered(councilId)) return this.lookupFailed(address)
    return { meeting, councilId, hash }
  }

  /** Runs `task` with the meeting document in session and the code's entry in it. */
  async withCode<T>(r: CodeRequest, address: string, task: (conn: DirectConnection, doc: Y.Doc, entry: VoterCodeEntry) => Promise<T>): Promise<T> {
    const result = await this.docs.use(r.meeting, async (conn, doc) => {
      const meeting = readMeeting(doc)
      if (!meeting) return this.lookupFailed(address)
      // The code first: without a valid code, an unknown meeting, a closed one and a wrong code
      // answer alike ('expired' would tell a stranger that the meeting exists).
      const entry = readVoterCode(doc, r.hash)
      if (!entry) return this.lookupFailed(address)
      if (meeting.status !== 'in_session') return refuse('expired')
      return { value: await task(conn, doc, entry) }
    })
    return result === null ? this.lookupFailed(address) : result.value
  }
}
