// Residents' requests (民情 / 诉求) and what becomes of them: merged with another, declined with a
// reason, or turned into a matter; and the reply (回音) every request ends with. Pure rules over
// plain values: the document (doc/matters.ts) keeps every outcome and reply as its own entry, and
// these functions decide what stands.
//
// Why entries, not a status field: two laptops may decide the same request offline (one merges it,
// the other declines it). A status key would be settled by Yjs client id (yjs#573), silently. Here
// both are kept; the earliest recorded stands, the other is shown as a conflict to look at.
import { isIsoDate, type IsoDate } from '../domain/dates'

export const REQUEST_CHANNELS = ['householdForm', 'visit', 'noticeBoard', 'phone', 'onlineGroup', 'meeting', 'organisation'] as const
export type RequestChannel = (typeof REQUEST_CHANNELS)[number]

export const REQUEST_CATEGORIES = ['environment', 'repairs', 'safety', 'traffic', 'greening', 'services', 'neighbours', 'property', 'other'] as const
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number]

export const REQUESTER_KINDS = ['member', 'household', 'resident', 'organisation', 'partyBranch'] as const
export type RequesterKind = (typeof REQUESTER_KINDS)[number]

/** Who asked: a member or a household of the registers (by id, with the name as it was), or anyone by name. */
export interface Requester {
  kind: RequesterKind
  name: string
  /** The member's or household's id when kind is member or household. */
  refId?: string
  /** How to reach them for the reply (a phone number, a group name); optional. */
  contact?: string
}

/** Where: building / unit / room as on the household register, or a free description (a road, a yard). */
export interface Place {
  building?: string
  unit?: string
  room?: string
  text?: string
}

export interface RequestFields {
  receivedOn: IsoDate
  channel: RequestChannel
  category: RequestCategory
  requester: Requester
  place: Place
  text: string
}

export interface ResidentRequest extends RequestFields {
  id: string
  recordedAt: string
  recordedBy: string
}

export const REPLY_CHANNELS = ['inPerson', 'phone', 'written', 'noticeBoard', 'onlineGroup'] as const
export type ReplyChannel = (typeof REPLY_CHANNELS)[number]

export type Outcome = { kind: 'merged'; into: string } | { kind: 'declined'; reason: string } | { kind: 'matter'; matterId: string }

/** One decision about a request, as recorded (never edited). */
export type OutcomeEntry = Outcome & { id: string; requestId: string; on: IsoDate; at: string; by: string }

/** One reply to whoever asked: when, how, what. A final reply closes the request's loop. */
export interface ReplyEntry {
  id: string
  requestId: string
  on: IsoDate
  how: ReplyChannel
  what: string
  final: boolean
  at: string
  by: string
}

export const MAX_REQUEST_TEXT = 4000
export const MAX_SHORT_TEXT = 200

export type RequestFieldError = 'required' | 'dateInvalid' | 'unknownValue' | 'tooLong'

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T => (list as readonly unknown[]).includes(v)
const short = (v: unknown): boolean => v === undefined || (typeof v === 'string' && v.length <= MAX_SHORT_TEXT)

/** Every problem with a request's fields, keyed by field; empty when it can be recorded. */
export function requestErrors(f: RequestFields): Partial<Record<keyof RequestFields, RequestFieldError>> {
  const e: Partial<Record<keyof RequestFields, RequestFieldError>> = {}
  if (!isIsoDate(f.receivedOn)) e.receivedOn = 'dateInvalid'
  if (!oneOf(REQUEST_CHANNELS, f.channel)) e.channel = 'unknownValue'
  if (!oneOf(REQUEST_CATEGORIES, f.category)) e.category = 'unknownValue'
  const r = f.requester
  if (!r || !oneOf(REQUESTER_KINDS, r.kind)) e.requester = 'unknownValue'
  else if (typeof r.name !== 'string' || !r.name.trim()) e.requester = 'required'
  else if (!short(r.name) || !short(r.contact) || !short(r.refId)) e.requester = 'tooLong'
  const p = f.place ?? {}
  if (!short(p.building) || !short(p.unit) || !short(p.room) || !short(p.text)) e.place = 'tooLong'
  if (typeof f.text !== 'string' || !f.text.trim()) e.text = 'required'
  else if (f.text.length > MAX_REQUEST_TEXT) e.text = 'tooLong'
  return e
}

/** Code-unit order: the same on every device (no locale). */
export const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Recording order: the instant recorded, then the day it happened, then the id (the same on every device). */
export const byRecorded = <T extends { on: IsoDate; at: string; id: string }>(a: T, b: T): number => cmpStr(a.at, b.at) || cmpStr(a.on, b.on) || cmpStr(a.id, b.id)

export type RequestStatus = 'open' | 'merged' | 'declined' | 'matter'

export interface RequestState {
  request: ResidentRequest
  status: RequestStatus
  /** The outcome that stands, or null while open. */
  outcome: OutcomeEntry | null
  /** Outcomes that came later (another device, offline) or that could not apply (a merge into a closed request, a cycle). */
  conflicts: OutcomeEntry[]
  /** For a merged request, the request it ends up in (following merges); its own id otherwise. */
  root: string
  /** Replies, oldest first. */
  replies: ReplyEntry[]
  /** The first final reply, or null: the request still waits for its 回音. */
  finalReply: ReplyEntry | null
}

/**
 * What stands for every request. Outcomes are applied in recording order; an outcome stands if
 * its request has none yet and it can apply then (a merge needs a target that exists, is not the
 * request itself or merged into it, and is not declined). The result depends only on the set of
 * entries, so every device that has them agrees.
 */
export function resolveRequests(requests: readonly ResidentRequest[], outcomes: readonly OutcomeEntry[], replies: readonly ReplyEntry[]): Map<string, RequestState> {
  const states = new Map<string, RequestState>()
  for (const r of [...requests].sort((a, b) => cmpStr(a.id, b.id))) {
    states.set(r.id, { request: r, status: 'open', outcome: null, conflicts: [], root: r.id, replies: [], finalReply: null })
  }
  const rootOf = (id: string): string => {
    let cur = id
    for (let guard = 0; guard <= states.size; guard++) {
      const s = states.get(cur)
      if (!s || s.outcome?.kind !== 'merged') return cur
      cur = s.outcome.into
    }
    return cur
  }
  for (const o of [...outcomes].sort(byRecorded)) {
    const s = states.get(o.requestId)
    if (!s) continue
    if (s.outcome || outcomeRefusal(states, o) !== null) {
      s.conflicts.push(o)
      continue
    }
    s.outcome = o
    s.status = o.kind
  }
  for (const s of states.values()) s.root = rootOf(s.request.id)
  for (const r of [...replies].sort(byRecorded)) {
    const s = states.get(r.requestId)
    if (!s) continue
    s.replies.push(r)
    if (r.final && !s.finalReply) s.finalReply = r
  }
  return states
}

export type OutcomeRefusal = 'unknownRequest' | 'alreadyDecided' | 'mergeSelf' | 'mergeTargetUnknown' | 'mergeTargetClosed' | 'mergeCycle' | 'reasonRequired' | 'dateInvalid' | 'beforeReceived'

/** Why an outcome cannot be recorded now, or null when it can. */
export function outcomeRefusal(states: ReadonlyMap<string, RequestState>, o: Outcome & { requestId: string; on: IsoDate }): OutcomeRefusal | null {
  const s = states.get(o.requestId)
  if (!s) return 'unknownRequest'
  if (s.outcome) return 'alreadyDecided'
  if (!isIsoDate(o.on)) return 'dateInvalid'
  if (o.on < s.request.receivedOn) return 'beforeReceived'
  if (o.kind === 'declined' && !o.reason.trim()) return 'reasonRequired'
  if (o.kind === 'merged') {
    if (o.into === o.requestId) return 'mergeSelf'
    const target = states.get(o.into)
    if (!target) return 'mergeTargetUnknown'
    if (target.outcome?.kind === 'declined') return 'mergeTargetClosed'
    // Follow the target's merges: landing back here would make a loop.
    let cur: RequestState | undefined = target
    for (let guard = 0; cur && guard <= states.size; guard++) {
      if (cur.request.id === o.requestId) return 'mergeCycle'
      cur = cur.outcome?.kind === 'merged' ? states.get(cur.outcome.into) : undefined
    }
  }
  return null
}

export type ReplyRefusal = 'unknownRequest' | 'dateInvalid' | 'beforeReceived' | 'replyEmpty' | 'unknownChannel' | 'noOutcomeYet'

/** Why a reply cannot be recorded, or null. A final reply tells what happened, so it waits for an outcome. */
export function replyRefusal(states: ReadonlyMap<string, RequestState>, r: Pick<ReplyEntry, 'requestId' | 'on' | 'how' | 'what' | 'final'>): ReplyRefusal | null {
  const s = states.get(r.requestId)
  if (!s) return 'unknownRequest'
  if (!isIsoDate(r.on)) return 'dateInvalid'
  if (r.on < s.request.receivedOn) return 'beforeReceived'
  if (!oneOf(REPLY_CHANNELS, r.how)) return 'unknownChannel'
  if (!r.what.trim()) return 'replyEmpty'
  if (r.final && !s.outcome) return 'noOutcomeYet'
  return null
}

/** Requests still waiting for their final reply, oldest first (received, then recorded, then id). */
export function waitingRequests(states: ReadonlyMap<string, RequestState>): RequestState[] {
  return [...states.values()]
    .filter((s) => !s.finalReply)
    .sort((a, b) => cmpStr(a.request.receivedOn, b.request.receivedOn) || cmpStr(a.request.recordedAt, b.request.recordedAt) || cmpStr(a.request.id, b.request.id))
}

/** The requests that lead to a matter: those turned into it and those merged into them. */
export function requestsOfMatter(states: ReadonlyMap<string, RequestState>, matterId: string): RequestState[] {
  const direct = new Set([...states.values()].filter((s) => s.outcome?.kind === 'matter' && s.outcome.matterId === matterId).map((s) => s.request.id))
  return [...states.values()].filter((s) => direct.has(s.request.id) || (s.status === 'merged' && direct.has(s.root))).sort((a, b) => cmpStr(a.request.receivedOn, b.request.receivedOn) || cmpStr(a.request.id, b.request.id))
}
