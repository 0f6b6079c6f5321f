// Implementing an approved project (居委会组织实施 → 评议验收): who carries it out and for how much,
// the mid-term review's score sheet, the acceptance checklist and residents' satisfaction. Milestones
// are the follow-up of matters (matters/followUp.ts, with the project's id as matterId). Pure rules.
import { isIsoDate, type IsoDate } from '../domain/dates'
import { isFen, isPositiveFen, type Fen } from './money'

export const IMPLEMENTER_KINDS = ['community', 'socialOrganisation', 'company'] as const
export type ImplementerKind = (typeof IMPLEMENTER_KINDS)[number]

export interface Implementation {
  projectId: string
  implementer: { kind: ImplementerKind; name: string }
  /** A public call, where the council's rules ask for one: when, and who applied. */
  call?: { announcedOn: IsoDate; applicants: string[] }
  /** The whole contract, in fen: the fund's part plus the residents' own share. */
  contractAmount: Fen
  /** Residents' own money in it (自筹), in fen; 0 when none. */
  residentsShare: Fen
  signedOn: IsoDate
}

export type ImplementationError = 'required' | 'tooLong' | 'unknownValue' | 'amountInvalid' | 'dateInvalid' | 'overBudget' | 'shareTooLarge'

/** Field errors; the fund's part (contract − residents' share) must fit the approved budget. */
export function implementationErrors(i: Implementation, budget: Fen): Partial<Record<keyof Implementation, ImplementationError>> {
  const e: Partial<Record<keyof Implementation, ImplementationError>> = {}
  if (!(IMPLEMENTER_KINDS as readonly string[]).includes(i.implementer?.kind)) e.implementer = 'unknownValue'
  else if (!i.implementer.name.trim()) e.implementer = 'required'
  else if (i.implementer.name.length > 200) e.implementer = 'tooLong'
  if (i.call && (!isIsoDate(i.call.announcedOn) || i.call.applicants.some((a) => !a.trim() || a.length > 200))) e.call = 'required'
  if (!isPositiveFen(i.contractAmount)) e.contractAmount = 'amountInvalid'
  if (!isFen(i.residentsShare) || i.residentsShare < 0) e.residentsShare = 'amountInvalid'
  else if (isPositiveFen(i.contractAmount) && i.residentsShare > i.contractAmount) e.residentsShare = 'shareTooLarge'
  else if (isPositiveFen(i.contractAmount) && i.contractAmount - i.residentsShare > budget) e.contractAmount = 'overBudget'
  if (!isIsoDate(i.signedOn)) e.signedOn = 'dateInvalid'
  return e
}

/** The fund's part of the contract. */
export const fundShare = (i: Implementation): Fen => i.contractAmount - i.residentsShare

// ---- mid-term review (中期评议): scored on the spot -------------------------------------------

export const SCORER_ROLES = ['leader', 'acceptanceStaff', 'supervisoryCommittee'] as const
export type ScorerRole = (typeof SCORER_ROLES)[number]

export interface ReviewSheet {
  projectId: string
  criteria: { id: string; title: string; max: number }[]
}

/** One scorer's sheet (entries, never edited: a scorer who re-scores hands in a new sheet; the latest counts). */
export interface ScoreEntry {
  id: string
  projectId: string
  scorer: string
  role: ScorerRole
  scores: Record<string, number>
  at: string
}

export type ScoreRefusal = 'scorerRequired' | 'unknownCriterion' | 'scoreInvalid' | 'incomplete'

export function scoreRefusal(sheet: ReviewSheet, e: Pick<ScoreEntry, 'scorer' | 'role' | 'scores'>): ScoreRefusal | null {
  if (!e.scorer.trim() || !(SCORER_ROLES as readonly string[]).includes(e.role)) return 'scorerRequired'
  const ids = new Set(sheet.criteria.map((c) => c.id))
  if (Object.keys(e.scores).some((k) => !ids.has(k))) return 'unknownCriterion'
  for (const c of sheet.criteria) {
    const v = e.scores[c.id]
    if (v === undefined) return 'incomplete'
    if (!Number.isSafeInteger(v) || v < 0 || v > c.max) return 'scoreInvalid'
  }
  return null
}

export interface ReviewResult {
  /** Each scorer's latest sheet and its total. */
  sheets: { scorer: string; role: ScorerRole; total: number }[]
  /** Sum of totals and the number of scorers: the average is sum / count, kept exact. */
  sum: number
  count: number
  max: number
  /** The average to one decimal, rounded half up, as text (e.g. "86.7"); '' when nobody scored. */
  average: string
}

export function reviewResult(sheet: ReviewSheet, entries: readonly ScoreEntry[]): ReviewResult {
  const latest = new Map<string, ScoreEntry>()
  for (const e of [...entries].filter((x) => x.projectId === sheet.projectId).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))) {
    if (scoreRefusal(sheet, e) === null) latest.set(e.scorer.trim(), e)
  }
  const sheets = [...latest.values()].map((e) => ({ scorer: e.scorer.trim(), role: e.role, total: sheet.criteria.reduce((s, c) => s + (e.scores[c.id] ?? 0), 0) }))
  sheets.sort((a, b) => (a.scorer < b.scorer ? -1 : a.scorer > b.scorer ? 1 : 0))
  const sum = sheets.reduce((s, x) => s + x.total, 0)
  const count = sheets.length
  const max = sheet.criteria.reduce((s, c) => s + c.max, 0)
  // Tenths rounded half up in integers: (20·sum + count) / (2·count), floored.
  const tenths = count ? Math.floor((20 * sum + count) / (2 * count)) : 0
  return { sheets, sum, count, max, average: count ? `${Math.floor(tenths / 10)}.${tenths % 10}` : '' }
}

// ---- acceptance (验收) and satisfaction ----------------------------------------------------

export interface Acceptance {
  projectId: string
  on: IsoDate
  items: { text: string; passed: boolean; note: string }[]
  /** Who signed the acceptance (names as written). */
  signedBy: string[]
}

/** Accepted only when every item on the checklist passed, and somebody signed. */
export const accepted = (a: Acceptance): boolean => isIsoDate(a.on) && a.items.length > 0 && a.items.every((i) => i.passed) && a.signedBy.some((s) => s.trim() !== '')

export const SATISFACTION_LEVELS = ['verySatisfied', 'satisfied', 'neutral', 'dissatisfied'] as const
export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number]

/** A batch of answers: counts typed from paper sheets, or one phone's answer (count 1, keyed by its one-time code). */
export interface SatisfactionEntry {
  id: string
  projectId: string
  via: 'paper' | 'phone'
  /** For a phone: the one-time code's id, so a code counts once however often it was sent. */
  codeId?: string
  counts: Record<SatisfactionLevel, number>
  at: string
}

export interface SatisfactionTally {
  counts: Record<SatisfactionLevel, number>
  total: number
  /** Very satisfied + satisfied, of total (an exact fraction; the screen shows it as a percentage). */
  satisfied: { num: number; den: number }
  /** Phone answers sent again with the same code: kept, not counted. */
  repeated: string[]
}

export function satisfactionTally(projectId: string, entries: readonly SatisfactionEntry[]): SatisfactionTally {
  const counts: Record<SatisfactionLevel, number> = { verySatisfied: 0, satisfied: 0, neutral: 0, dissatisfied: 0 }
  const codes = new Set<string>()
  const repeated: string[] = []
  for (const e of [...entries].filter((x) => x.projectId === projectId).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))) {
    if (!SATISFACTION_LEVELS.every((l) => Number.isSafeInteger(e.counts[l]) && e.counts[l] >= 0)) continue
    if (e.via === 'phone') {
      if (!e.codeId || codes.has(e.codeId)) {
        repeated.push(e.id)
        continue
      }
      codes.add(e.codeId)
    }
    for (const l of SATISFACTION_LEVELS) counts[l] += e.counts[l]
  }
  const total = SATISFACTION_LEVELS.reduce((s, l) => s + counts[l], 0)
  return { counts, total, satisfied: { num: counts.verySatisfied + counts.satisfied, den: total }, repeated }
}
