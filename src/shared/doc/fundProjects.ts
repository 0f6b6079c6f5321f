// The project half of a fund year's document (doc/fund.ts): each approved project's five steps,
// its implementation, milestones (the follow-up rules of matters), mid-term review scores,
// acceptance and residents' satisfaction.
//
// Layout (same document as doc/fund.ts):
//   steps            Y.Map<id, FundStepEntry (JSON)>          never edited; fund/fundPath.ts says what stands
//   implementations  Y.Map<"<projectId>/<field>", value>      flat keys, as matters' follow-ups: two laptops
//                    filling different fields offline both keep theirs
//   milestones       Y.Map<id, Y.Map{projectId, title, due, doneOn, note, order (fractional)}>
//   reviewCriteria   Y.Map<projectId, criteria (JSON)>
//   scores           Y.Map<id, ScoreEntry (JSON)>             each scorer's sheet; the latest per scorer counts
//   acceptances      Y.Map<id, Acceptance & {id, at, by}>     the earliest recorded stands
//   satisfaction     Y.Map<id, SatisfactionEntry (JSON)>      paper counts and phones' answers
import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'
import { isIsoDate, type IsoDate } from '../domain/dates'
import { newEntryId } from '../domain/ids'
import { cleanFileRef } from '../files/fileRef'
import { FUND_STEPS, fundStepRefusal, resolveFundPath, type FundStep, type FundStepEntry, type FundStepRecord, type ResolvedFundStep } from '../fund/fundPath'
import { implementationErrors, reviewResult, scoreRefusal, SATISFACTION_LEVELS, type Acceptance, type Implementation, type ReviewResult, type ReviewSheet, type SatisfactionEntry, type ScoreEntry } from '../fund/implementation'
import { byOrder, milestoneErrors, type Milestone } from '../matters/followUp'
import { hasErrors, jsonEntries, plainJson } from './entries'
import { DocError } from './errors'
import { assertInstant, childMaps, cmpStr, record } from './guards'
import { assertFund, readDecisions, type Recorder } from './fund'
import { str, strOrNull } from './read'
import { ORIGIN_LOCAL } from './schema'

const stepsMap = (doc: Y.Doc) => doc.getMap<unknown>('steps')
const implMap = (doc: Y.Doc) => doc.getMap<unknown>('implementations')
const milestonesMap = (doc: Y.Doc) => doc.getMap<unknown>('milestones')
const criteriaMap = (doc: Y.Doc) => doc.getMap<unknown>('reviewCriteria')
const scoresMap = (doc: Y.Doc) => doc.getMap<unknown>('scores')
const acceptancesMap = (doc: Y.Doc) => doc.getMap<unknown>('acceptances')
const satisfactionMap = (doc: Y.Doc) => doc.getMap<unknown>('satisfaction')


function budgetOf(doc: Y.Doc, projectId: string): number {
  const b = readDecisions(doc).budgets.get(projectId)
  if (b === undefined) throw new DocError('badTransition', { reason: 'notApproved' })
  return b
}

// ---- the five steps --------------------------------------------------------------------------

export const readFundStepEntries = (doc: Y.Doc): FundStepEntry[] =>
  jsonEntries<FundStepEntry>(stepsMap(doc), (r) => typeof r.projectId === 'string' && (FUND_STEPS as readonly unknown[]).includes(r.step) && typeof r.at === 'string')

export const readFundPath = (doc: Y.Doc, projectId: string): ResolvedFundStep[] => resolveFundPath(projectId, readFundStepEntries(doc))

/** Records a step of a project's path (refused before the step before it). */
export function recordFundStep(doc: Y.Doc, projectId: string, step: FundStep, rec: FundStepRecord, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertFund(doc)
  assertInstant(who.now, 'now')
  const refusal = fundStepRefusal(readFundPath(doc, projectId), step, rec)
  if (refusal) throw new DocError('badTransition', { reason: refusal })
  const id = newEntryId()
  const entry = plainJson({ ...rec, body: rec.body.trim(), id, projectId, step, at: who.now, by: who.by }) as FundStepEntry
  if (rec.scan) entry.scan = cleanFileRef(rec.scan)
  doc.transact(() => stepsMap(doc).set(id, entry), origin)
  return id
}

// ---- implementation --------------------------------------------------------------------------

const IMPL_FIELDS = ['implementer', 'call', 'contractAmount', 'residentsShare', 'signedOn'] as const

export function readImplementation(doc: Y.Doc, projectId: string): Implementation | null {
  const m = implMap(doc)
  const get = (k: string) => m.get(`${projectId}/${k}`)
  const implementer = record(get('implementer'))
  if (!implementer || !isIsoDate(get('signedOn'))) return null
  const c = record(get('call'))
  const call = c && isIsoDate(c.announcedOn) && Array.isArray(c.applicants) && c.applicants.every((a) => typeof a === 'string') ? { announcedOn: c.announcedOn, applicants: c.applicants as string[] } : null
  return {
    projectId,
    implementer: { kind: implementer.kind, name: typeof implementer.name === 'string' ? implementer.name : '' } as Implementation['implementer'],
    ...(call ? { call } : {}),
    contractAmount: Number.isSafeInteger(get('contractAmount')) ? (get('contractAmount') as number) : 0,
    residentsShare: Number.isSafeInteger(get('residentsShare')) ? (get('residentsShare') as number) : 0,
    signedOn: get('signedOn') as IsoDate,
  }
}

/** Sets (or corrects) who implements an approved project and the contract; each field its own key. */
export function setImplementation(doc: Y.Doc, impl: Implementation, origin: unknown = ORIGIN_LOCAL): void {
  assertFund(doc)
  const errors = implementationErrors(impl, budgetOf(doc, impl.projectId))
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  const clean = plainJson({ ...impl, implementer: { kind: impl.implementer.kind, name: impl.implementer.name.trim() } })
  const current = readImplementation(doc, impl.projectId)
  doc.transact(() => {
    for (const k of IMPL_FIELDS) {
      const v = clean[k]
      if (v === undefined) continue
      if (JSON.stringify(current?.[k]) !== JSON.stringify(v)) implMap(doc).set(`${impl.projectId}/${k}`, v)
    }
  }, origin)
}

// ---- milestones (matters' follow-up rules) ---------------------------------------------------

export function readProjectMilestones(doc: Y.Doc, projectId?: string): Milestone[] {
  return childMaps(milestonesMap(doc))
    .map(([id, m]) => ({ id, matterId: str(m, 'projectId'), title: str(m, 'title'), due: str(m, 'due'), doneOn: strOrNull(m, 'doneOn'), note: str(m, 'note'), order: str(m, 'order') }))
    .filter((m) => (projectId === undefined || m.matterId === projectId) && isIsoDate(m.due) && (m.doneOn === null || isIsoDate(m.doneOn)))
    .sort(byOrder)
}

export function addProjectMilestone(doc: Y.Doc, projectId: string, fields: { title: string; due: IsoDate }, origin: unknown = ORIGIN_LOCAL): string {
  assertFund(doc)
  const impl = readImplementation(doc, projectId)
  if (!impl) throw new DocError('badTransition', { reason: 'noImplementation' })
  const title = fields.title.trim()
  const errors = milestoneErrors({ title, due: fields.due, doneOn: null }, impl.signedOn)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  const last = readProjectMilestones(doc, projectId).at(-1)
  const id = newEntryId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    for (const [k, v] of Object.entries({ projectId, title, due: fields.due, doneOn: null, note: '', order: generateKeyBetween(last?.order || null, null) })) m.set(k, v)
    milestonesMap(doc).set(id, m)
  }, origin)
  return id
}

export function markMilestoneDone(doc: Y.Doc, id: string, doneOn: IsoDate | null, origin: unknown = ORIGIN_LOCAL): void {
  assertFund(doc)
  const m = milestonesMap(doc).get(id)
  const current = readProjectMilestones(doc).find((x) => x.id === id)
  if (!(m instanceof Y.Map) || !current) throw new DocError('notFound')
  const impl = readImplementation(doc, current.matterId)
  const errors = milestoneErrors({ ...current, doneOn }, impl?.signedOn ?? current.due)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  doc.transact(() => m.set('doneOn', doneOn), origin)
}

// ---- mid-term review -------------------------------------------------------------------------

export function setReviewCriteria(doc: Y.Doc, sheet: ReviewSheet, origin: unknown = ORIGIN_LOCAL): void {
  assertFund(doc)
  budgetOf(doc, sheet.projectId)
  const ok = sheet.criteria.length > 0 && sheet.criteria.every((c) => c.id && c.title.trim() && Number.isSafeInteger(c.max) && c.max > 0 && c.max <= 1000)
  if (!ok || new Set(sheet.criteria.map((c) => c.id)).size !== sheet.criteria.length) throw new DocError('invalidInput', { criteria: 'required' })
  if (readScores(doc, sheet.projectId).length) throw new DocError('badTransition', { reason: 'scoresRecorded' })
  doc.transact(() => criteriaMap(doc).set(sheet.projectId, plainJson(sheet.criteria)), origin)
}

export function readReviewSheet(doc: Y.Doc, projectId: string): ReviewSheet | null {
  const c = criteriaMap(doc).get(projectId)
  if (!Array.isArray(c)) return null
  // A damaged criterion (from another replica) is left out rather than turning every average into NaN.
  const criteria = c.map(record).filter((x): x is Record<string, unknown> => !!x && typeof x.id === 'string' && typeof x.title === 'string' && Number.isSafeInteger(x.max) && (x.max as number) > 0)
  return { projectId, criteria: criteria as unknown as ReviewSheet['criteria'] }
}

export const readScores = (doc: Y.Doc, projectId: string): ScoreEntry[] =>
  jsonEntries<ScoreEntry>(scoresMap(doc), (r) => r.projectId === projectId && typeof r.scorer === 'string' && record(r.scores) !== null && typeof r.at === 'string')

export function recordScores(doc: Y.Doc, e: Pick<ScoreEntry, 'projectId' | 'scorer' | 'role' | 'scores'>, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertFund(doc)
  assertInstant(who.now, 'now')
  const sheet = readReviewSheet(doc, e.projectId)
  if (!sheet) throw new DocError('notFound')
  const refusal = scoreRefusal(sheet, e)
  if (refusal) throw new DocError('invalidInput', { scores: refusal })
  const id = newEntryId()
  doc.transact(() => scoresMap(doc).set(id, plainJson({ ...e, scorer: e.scorer.trim(), id, at: who.now })), origin)
  return id
}

export function readReview(doc: Y.Doc, projectId: string): ReviewResult | null {
  const sheet = readReviewSheet(doc, projectId)
  return sheet ? reviewResult(sheet, readScores(doc, projectId)) : null
}

// ---- acceptance and satisfaction -------------------------------------------------------------

type AcceptanceEntry = Acceptance & { id: string; at: string; by: string }

export function recordAcceptance(doc: Y.Doc, a: Acceptance, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertFund(doc)
  assertInstant(who.now, 'now')
  budgetOf(doc, a.projectId)
  if (readAcceptance(doc, a.projectId)) throw new DocError('badTransition', { reason: 'alreadyRecorded' })
  if (!isIsoDate(a.on) || !a.items.length || a.items.some((i) => !i.text.trim())) throw new DocError('invalidInput', { items: 'required' })
  const id = newEntryId()
  doc.transact(() => acceptancesMap(doc).set(id, plainJson({ ...a, id, at: who.now, by: who.by })), origin)
  return id
}

/** The project's acceptance: the earliest recorded (two laptops recording it offline keep both; one stands). */
export function readAcceptance(doc: Y.Doc, projectId: string): AcceptanceEntry | null {
  const list = jsonEntries<AcceptanceEntry>(acceptancesMap(doc), (r) => r.projectId === projectId && isIsoDate(r.on) && Array.isArray(r.items) && r.items.every((i) => record(i) && typeof record(i)!.text === 'string' && typeof record(i)!.passed === 'boolean') && Array.isArray(r.signedBy) && r.signedBy.every((x) => typeof x === 'string') && typeof r.at === 'string')
  return list.sort((a, b) => cmpStr(a.at, b.at) || cmpStr(a.id, b.id))[0] ?? null
}

export function recordSatisfaction(doc: Y.Doc, e: Omit<SatisfactionEntry, 'id' | 'at'>, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertFund(doc)
  assertInstant(who.now, 'now')
  budgetOf(doc, e.projectId)
  if (!SATISFACTION_LEVELS.every((l) => Number.isSafeInteger(e.counts[l]) && e.counts[l] >= 0)) throw new DocError('invalidInput', { counts: 'numberInvalid' })
  if (e.via === 'phone' && (!e.codeId || SATISFACTION_LEVELS.reduce((s, l) => s + e.counts[l], 0) !== 1)) throw new DocError('invalidInput', { counts: 'onePerPhone' })
  const id = newEntryId()
  doc.transact(() => satisfactionMap(doc).set(id, plainJson({ ...e, id, at: who.now })), origin)
  return id
}

export const readSatisfaction = (doc: Y.Doc, projectId?: string): SatisfactionEntry[] =>
  jsonEntries<SatisfactionEntry>(satisfactionMap(doc), (r) => (projectId === undefined || r.projectId === projectId) && record(r.counts) !== null && typeof r.at === 'string')
