// The matters document of one council year (council/<id>/matters/<year>): residents' requests,
// what became of them and the replies, the matters with their paths, and (mattersFollowUp.ts) the
// follow-up of each resolution and the attached files' references.
//
// Layout:
//   meta      {schemaVersion, kind: 'matters', councilId, year}
//   requests  Y.Map<id, Y.Map{receivedOn, channel, category, requester (JSON), place (JSON), text, recordedAt, recordedBy}>
//   outcomes  Y.Map<id, OutcomeEntry (JSON)>   merged / declined / became a matter: never edited
//   replies   Y.Map<id, ReplyEntry (JSON)>     回音: when, how, what; final or not
//   matters   Y.Map<id, Y.Map{title, description, proposer (JSON), path, openedOn, createdAt, createdBy}>
//   steps     Y.Map<id, StepEntry (JSON)>      every step record of every matter's path
//
// Requests and matters are entities (one Y.Map each, one key per field) so two people correcting
// different fields both win. Decisions (outcomes, replies, steps) are immutable entries keyed by a
// fresh id: two laptops deciding the same thing offline both keep their entry, and the rules
// (matters/requests.ts, matters/path.ts) say which stands, the same everywhere.
import * as Y from 'yjs'
import { isIsoDate, type IsoDate } from '../domain/dates'
import { newEntryId, type CouncilId } from '../domain/ids'
import { matterErrors, type Matter, type MatterFields } from '../matters/matter'
import { isPathId, resolvePath, STEP_KEYS, stepRefusal, type PathId, type ResolvedPath, type StepEntry, type StepKey, type StepRecord } from '../matters/matterPath'
import {
  outcomeRefusal,
  REPLY_CHANNELS,
  replyRefusal,
  requestErrors,
  resolveRequests,
  type Outcome,
  type OutcomeEntry,
  type ReplyChannel,
  type ReplyEntry,
  REQUESTER_KINDS,
  type Requester,
  type RequestFields,
  type RequestState,
  type ResidentRequest,
} from '../matters/requests'
import { hasErrors, plainJson, recordedMap, type Recorder } from './entries'
import { DocError } from './errors'
import { assertInstant, childMaps, cmpStr, record } from './guards'
import { str } from './read'
import { assertWritable, initMeta, metaOf, ORIGIN_LOCAL } from './schema'

export const requestsMap = (doc: Y.Doc) => doc.getMap<unknown>('requests')
const outcomesMap = (doc: Y.Doc) => doc.getMap<unknown>('outcomes')
const repliesMap = (doc: Y.Doc) => doc.getMap<unknown>('replies')
export const mattersMap = (doc: Y.Doc) => doc.getMap<unknown>('matters')
const stepsMap = (doc: Y.Doc) => doc.getMap<unknown>('steps')

export type { Recorder } from './entries'

export function initMattersDoc(doc: Y.Doc, councilId: CouncilId, year: number, origin: unknown = ORIGIN_LOCAL): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new DocError('invalidInput', { year: 'dateInvalid' })
  if (metaOf(doc).size > 0) throw new DocError('badTransition', { reason: 'alreadyInitialised' })
  doc.transact(() => {
    initMeta(doc, 'matters', { councilId })
    metaOf(doc).set('year', year)
  }, origin)
}

/** The council year of a matters document, or null when it is not one. */
export function mattersYear(doc: Y.Doc): number | null {
  const meta = metaOf(doc)
  const y = meta.get('year')
  return meta.get('kind') === 'matters' && typeof y === 'number' ? y : null
}

function assertMatters(doc: Y.Doc): number {
  assertWritable(doc)
  const y = mattersYear(doc)
  if (y === null) throw new DocError('notFound')
  return y
}

// ---- requests -------------------------------------------------------------------------------

const cleanRequest = (f: RequestFields): RequestFields => ({
  receivedOn: f.receivedOn,
  channel: f.channel,
  category: f.category,
  requester: plainJson({ ...f.requester, name: f.requester.name.trim() }),
  place: plainJson(f.place ?? {}),
  text: f.text.trim(),
})

/** Records a request; its id. A request belongs to the year it was received in. */
export function addRequest(doc: Y.Doc, fields: RequestFields, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  const year = assertMatters(doc)
  assertInstant(who.now, 'now')
  const f = cleanRequest(fields)
  const errors = requestErrors(f)
  if (!errors.receivedOn && Number(f.receivedOn.slice(0, 4)) !== year) errors.receivedOn = 'dateInvalid'
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  const id = newEntryId()
  doc.transact(() => {
    const m = recordedMap(f, who)
    requestsMap(doc).set(id, m)
  }, origin)
  return id
}

/** Corrects a request's fields (each field on its own key: a concurrent edit of another field survives). */
export function updateRequest(doc: Y.Doc, id: string, patch: Partial<RequestFields>, origin: unknown = ORIGIN_LOCAL): void {
  assertMatters(doc)
  const m = requestsMap(doc).get(id)
  const current = readRequests(doc).find((r) => r.id === id)
  if (!(m instanceof Y.Map) || !current) throw new DocError('notFound')
  const next = cleanRequest({ ...current, ...patch })
  const errors = requestErrors(next)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  doc.transact(() => {
    for (const k of Object.keys(patch) as (keyof RequestFields)[]) {
      if (JSON.stringify(m.get(k)) !== JSON.stringify(next[k])) m.set(k, next[k])
    }
  }, origin)
}

/** Who asked (or proposed), as stored; a damaged value reads as an unnamed resident rather than vanishing. */
function requesterOf(v: unknown): Requester {
  const r = record(v)
  if (!r || typeof r.name !== 'string' || !(REQUESTER_KINDS as readonly unknown[]).includes(r.kind)) return { kind: 'resident', name: '' }
  return {
    kind: r.kind as Requester['kind'],
    name: r.name,
    ...(typeof r.refId === 'string' ? { refId: r.refId } : {}),
    ...(typeof r.contact === 'string' ? { contact: r.contact } : {}),
  }
}

export function readRequests(doc: Y.Doc): ResidentRequest[] {
  return childMaps(requestsMap(doc))
    .map(([id, m]) => ({
      id,
      receivedOn: str(m, 'receivedOn'),
      channel: m.get('channel'),
      category: m.get('category'),
      requester: requesterOf(m.get('requester')),
      place: record(m.get('place')) ?? {},
      text: str(m, 'text'),
      recordedAt: str(m, 'recordedAt'),
      recordedBy: str(m, 'recordedBy'),
    }) as ResidentRequest)
    // A replica's request with an unknown channel or category (a newer Yishi's) is still listed.
    .filter((r) => isIsoDate(r.receivedOn))
    .sort((a, b) => cmpStr(a.receivedOn, b.receivedOn) || cmpStr(a.id, b.id))
}

const entries = <T>(m: Y.Map<unknown>, ok: (r: Record<string, unknown>) => boolean): T[] => {
  const out: T[] = []
  m.forEach((v, id) => {
    const r = record(v)
    if (r && r.id === id && ok(r)) out.push(r as T)
  })
  return out
}
const isEntry = (r: Record<string, unknown>) => typeof r.requestId === 'string' && isIsoDate(r.on) && typeof r.at === 'string' && typeof r.by === 'string'

export const readOutcomes = (doc: Y.Doc): OutcomeEntry[] => entries<OutcomeEntry>(outcomesMap(doc), (r) => isEntry(r) && ['merged', 'declined', 'matter'].includes(r.kind as string))
export const readReplies = (doc: Y.Doc): ReplyEntry[] =>
  entries<ReplyEntry>(repliesMap(doc), (r) => isEntry(r) && (REPLY_CHANNELS as readonly unknown[]).includes(r.how) && typeof r.what === 'string' && typeof r.final === 'boolean')

/** Every request with what stands for it (resolveRequests). */
export const readRequestStates = (doc: Y.Doc): Map<string, RequestState> => resolveRequests(readRequests(doc), readOutcomes(doc), readReplies(doc))

function writeOutcome(doc: Y.Doc, o: Outcome & { requestId: string; on: IsoDate }, who: Recorder): string {
  const refusal = outcomeRefusal(readRequestStates(doc), o)
  if (refusal) throw new DocError('badTransition', { reason: refusal })
  const id = newEntryId()
  const base = { id, requestId: o.requestId, on: o.on, at: who.now, by: who.by }
  const entry: OutcomeEntry =
    o.kind === 'merged' ? { ...base, kind: 'merged', into: o.into } : o.kind === 'declined' ? { ...base, kind: 'declined', reason: o.reason.trim() } : { ...base, kind: 'matter', matterId: o.matterId }
  outcomesMap(doc).set(id, entry)
  return id
}

/** Merges a request into another (the one that carries on), or declines it with a reason. */
export function recordOutcome(doc: Y.Doc, o: ({ kind: 'merged'; into: string } | { kind: 'declined'; reason: string }) & { requestId: string; on: IsoDate }, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertMatters(doc)
  assertInstant(who.now, 'now')
  let id = ''
  doc.transact(() => (id = writeOutcome(doc, o, who)), origin)
  return id
}

/** Records a reply (回音) to whoever asked; a final one closes the request's loop. */
export function recordReply(doc: Y.Doc, r: { requestId: string; on: IsoDate; how: ReplyChannel; what: string; final: boolean }, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertMatters(doc)
  assertInstant(who.now, 'now')
  const refusal = replyRefusal(readRequestStates(doc), r)
  if (refusal) throw new DocError('badTransition', { reason: refusal })
  const id = newEntryId()
  const entry: ReplyEntry = { id, requestId: r.requestId, on: r.on, how: r.how, what: r.what.trim(), final: r.final, at: who.now, by: who.by }
  doc.transact(() => repliesMap(doc).set(id, entry), origin)
  return id
}

// ---- matters and their paths ----------------------------------------------------------------

/**
 * Opens a matter and, in the same transaction, turns the given requests into it: every request
 * must still be open, or nothing is written.
 */
export function openMatter(doc: Y.Doc, fields: MatterFields, requestIds: readonly string[], who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertMatters(doc)
  assertInstant(who.now, 'now')
  const f: MatterFields = { ...fields, title: fields.title.trim(), description: fields.description.trim(), proposer: plainJson(fields.proposer) }
  const errors = matterErrors(f)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  const states = readRequestStates(doc)
  for (const requestId of requestIds) {
    const refusal = outcomeRefusal(states, { kind: 'matter', matterId: '-', requestId, on: f.openedOn })
    if (refusal) throw new DocError('badTransition', { reason: refusal, requestId })
  }
  const id = newEntryId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    for (const [k, v] of Object.entries(f)) m.set(k, v)
    m.set('createdAt', who.now)
    m.set('createdBy', who.by)
    mattersMap(doc).set(id, m)
    for (const requestId of new Set(requestIds)) writeOutcome(doc, { kind: 'matter', matterId: id, requestId, on: f.openedOn }, who)
  }, origin)
  return id
}

export function readMatters(doc: Y.Doc): Matter[] {
  return childMaps(mattersMap(doc))
    .map(([id, m]) => ({
      id,
      title: str(m, 'title'),
      description: str(m, 'description'),
      proposer: requesterOf(m.get('proposer')),
      path: m.get('path'),
      openedOn: str(m, 'openedOn'),
      createdAt: str(m, 'createdAt'),
      createdBy: str(m, 'createdBy'),
    }) as Matter)
    .filter((m) => isPathId(m.path) && isIsoDate(m.openedOn))
    .sort((a, b) => cmpStr(a.openedOn, b.openedOn) || cmpStr(a.id, b.id))
}

export const readStepEntries = (doc: Y.Doc, matterId?: string): StepEntry[] =>
  entries<StepEntry>(stepsMap(doc), (r) => typeof r.matterId === 'string' && (matterId === undefined || r.matterId === matterId) && (STEP_KEYS as readonly unknown[]).includes(r.step) && isIsoDate(r.date) && typeof r.at === 'string' && ['meeting', 'outside', 'skipped'].includes(r.mode as string))

/** The matter's path as it stands, or null when there is no such matter. */
export function readMatterPath(doc: Y.Doc, matterId: string): ResolvedPath | null {
  const matter = readMatters(doc).find((m) => m.id === matterId)
  return matter ? resolvePath(matter.path, readStepEntries(doc, matterId)) : null
}

/** Chooses another path; only while no step of the matter is recorded. */
export function setMatterPath(doc: Y.Doc, matterId: string, path: PathId, origin: unknown = ORIGIN_LOCAL): void {
  assertMatters(doc)
  const m = mattersMap(doc).get(matterId)
  if (!(m instanceof Y.Map)) throw new DocError('notFound')
  if (!isPathId(path)) throw new DocError('invalidInput', { path: 'unknownValue' })
  if (readStepEntries(doc, matterId).length) throw new DocError('badTransition', { reason: 'stepsRecorded' })
  if (m.get('path') !== path) doc.transact(() => m.set('path', path), origin)
}

/**
 * Records one step of a matter's path: a Yishi meeting's motion, a body outside Yishi (date, body,
 * outcome, scan) or a skip with its reason. Refused (with the rule's reason) before the step it
 * depends on. `followUpDone`: whether the matter's follow-up is complete (mattersFollowUp.ts).
 */
export function recordStep(doc: Y.Doc, matterId: string, step: StepKey, rec: StepRecord, followUpDone: boolean, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertMatters(doc)
  assertInstant(who.now, 'now')
  const path = readMatterPath(doc, matterId)
  if (!path) throw new DocError('notFound')
  const refusal = stepRefusal(path, step, rec, followUpDone)
  if (refusal) throw new DocError('badTransition', { reason: refusal })
  const id = newEntryId()
  const entry = plainJson({ ...rec, ...(rec.mode === 'skipped' ? { reason: rec.reason.trim() } : {}), id, matterId, step, at: who.now, by: who.by }) as StepEntry
  doc.transact(() => stepsMap(doc).set(id, entry), origin)
  return id
}

