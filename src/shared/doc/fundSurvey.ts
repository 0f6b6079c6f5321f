// Residents' satisfaction with a fund project from their own phones (issue 19, step 6): a survey of
// one project, opened and closed by the secretary, with one-time codes printed on slips. The phone
// page (the ballot page's survey mode) sends a code and a level to the host, which checks the code
// here and records the answer as a satisfaction entry (doc/fundProjects.ts, via 'phone', codeId =
// the code's hash: a code counts once however often it was sent, satisfactionTally).
//
// Layout (same document as doc/fund.ts):
//   surveys      Y.Map<surveyId, Y.Map{projectId, openedAt, closedAt}>   the id goes in the phone address
//   surveyCodes  Y.Map<hash, surveyId>                                    hashes only (voterCodeHash)
//
// The codes are handed out drawn, not named: nothing links an answer to a resident.
import * as Y from 'yjs'
import { newEntryId } from '../domain/ids'
import { VOTER_CODE_HASH } from '../domain/voterCode'
import { SATISFACTION_LEVELS, type SatisfactionLevel } from '../fund/implementation'
import { DocError } from './errors'
import { assertInstant, childMaps } from './guards'
import { assertFund, readDecisions } from './fund'
import { readSatisfaction, recordSatisfaction } from './fundProjects'
import { str, strOrNull } from './read'
import { ORIGIN_LOCAL } from './schema'

const surveysMap = (doc: Y.Doc) => doc.getMap<unknown>('surveys')
const codesMap = (doc: Y.Doc) => doc.getMap<unknown>('surveyCodes')

/** Who records a phone's answer (the host, for the phone). */
export const SURVEY_PHONE = 'phone'
/** At most this many codes per survey: a courtyard's households, with room to spare. */
export const MAX_SURVEY_CODES = 2000

export interface Survey {
  id: string
  projectId: string
  openedAt: string
  closedAt: string | null
  /** How many codes were issued for it. */
  codes: number
}

export function readSurveys(doc: Y.Doc, projectId?: string): Survey[] {
  const counts = new Map<string, number>()
  codesMap(doc).forEach((v) => typeof v === 'string' && counts.set(v, (counts.get(v) ?? 0) + 1))
  return childMaps(surveysMap(doc))
    .map(([id, m]) => ({ id, projectId: str(m, 'projectId'), openedAt: str(m, 'openedAt'), closedAt: strOrNull(m, 'closedAt'), codes: counts.get(id) ?? 0 }))
    .filter((s) => s.projectId !== '' && (projectId === undefined || s.projectId === projectId))
    .sort((a, b) => (a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : a.id < b.id ? -1 : 1))
}

export const readSurvey = (doc: Y.Doc, surveyId: string): Survey | null => readSurveys(doc).find((s) => s.id === surveyId) ?? null

/** Opens a survey of an approved project with the given codes' hashes (the codes themselves are printed, never stored). */
export function openSurvey(doc: Y.Doc, projectId: string, hashes: readonly string[], now: string, origin: unknown = ORIGIN_LOCAL): string {
  assertFund(doc)
  assertInstant(now, 'now')
  if (!readDecisions(doc).budgets.has(projectId)) throw new DocError('badTransition', { reason: 'notApproved' })
  if (hashes.length === 0 || hashes.length > MAX_SURVEY_CODES || !hashes.every((h) => VOTER_CODE_HASH.test(h))) throw new DocError('invalidInput', { codes: 'numberInvalid' })
  if (readSurveys(doc, projectId).some((s) => s.closedAt === null)) throw new DocError('badTransition', { reason: 'surveyOpen' })
  const id = newEntryId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    m.set('projectId', projectId)
    m.set('openedAt', now)
    m.set('closedAt', null)
    surveysMap(doc).set(id, m)
    for (const h of hashes) codesMap(doc).set(h, id)
  }, origin)
  return id
}

export function closeSurvey(doc: Y.Doc, surveyId: string, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertFund(doc)
  assertInstant(now, 'now')
  const m = surveysMap(doc).get(surveyId)
  if (!(m instanceof Y.Map)) throw new DocError('notFound')
  if (m.get('closedAt') !== null && m.get('closedAt') !== undefined) return
  doc.transact(() => m.set('closedAt', now), origin)
}

/** Why a phone's answer is not taken, in the phone contract's words (shared/phoneBallot.ts error codes). */
export type AnswerRefusal = 'invalid-code' | 'vote-closed' | 'code-used'

/** The level this code already answered in this survey, or null. */
export function answerOf(doc: Y.Doc, surveyId: string, hash: string): SatisfactionLevel | null {
  const survey = readSurvey(doc, surveyId)
  if (!survey) return null
  const e = readSatisfaction(doc, survey.projectId).find((x) => x.via === 'phone' && x.codeId === hash)
  return e ? (SATISFACTION_LEVELS.find((l) => e.counts[l] === 1) ?? null) : null
}

/**
 * Records a phone's answer, or says why not. The same code sending the same level again (its reply
 * was lost) is answered as taken; a different level from a used code is refused.
 */
export function answerSurvey(doc: Y.Doc, surveyId: string, hash: string, level: SatisfactionLevel, now: string, origin: unknown = ORIGIN_LOCAL): AnswerRefusal | null {
  const survey = readSurvey(doc, surveyId)
  if (!survey || codesMap(doc).get(hash) !== surveyId) return 'invalid-code'
  const earlier = answerOf(doc, surveyId, hash)
  if (earlier !== null) return earlier === level ? null : 'code-used'
  if (survey.closedAt !== null) return 'vote-closed'
  const counts = Object.fromEntries(SATISFACTION_LEVELS.map((l) => [l, l === level ? 1 : 0])) as Record<SatisfactionLevel, number>
  recordSatisfaction(doc, { projectId: survey.projectId, via: 'phone', codeId: hash, counts }, { now, by: SURVEY_PHONE }, origin)
  return null
}

/** Whether a document holds the survey (the host looks through the fund years it has open). */
export const hasSurvey = (doc: Y.Doc, surveyId: string): boolean => surveysMap(doc).get(surveyId) instanceof Y.Map
