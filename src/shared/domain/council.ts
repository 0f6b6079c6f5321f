// A council and its rules, with the defaults of shared/domain.md (law and practice).
import type { CouncilId } from './ids'
import { addYears, isIsoDate, type IsoDate } from './dates'

export const COUNCIL_KINDS = ['resident', 'courtyard', 'assembly', 'representatives'] as const
export type CouncilKind = (typeof COUNCIL_KINDS)[number]

/** Quorum: the share of members that must be present. Exact fractions, compared with integers. */
export const QUORUM_RULES = ['more_than_half', 'at_least_two_thirds'] as const
export type QuorumRule = (typeof QUORUM_RULES)[number]

/** The vote thresholds of domain.md section 2.8; a vote names one, the council sets a default. */
export const THRESHOLD_RULES = [
  'simple_majority',
  'half_present',
  'half_all',
  'two_thirds_present',
  'two_thirds_all',
  'three_quarters_present',
  'three_quarters_all',
  'double_majority_ordinary',
  'double_majority_major',
  'unanimity_affected',
] as const
export type ThresholdRule = (typeof THRESHOLD_RULES)[number]

export interface CouncilRules {
  quorumRule: QuorumRule
  defaultThreshold: ThresholdRule
  secondingRequired: boolean
  /** The speaking limit shown by the timer, in seconds (practice: 2 minutes). */
  speechSeconds: number
  /** Speeches per person per motion before the chair is told (practice: 2). */
  speechesPerMotion: number
  /** Whether a recused member still counts toward quorum (domain.md 2.6: yes by default). */
  recusedCountForQuorum: boolean
  /** Whether a campaign's daily public notice names the owners who signed (off: room numbers only). */
  noticeShowsNames: boolean
}

/** Practice defaults (Nantang rules) for the speaking limits and recusal, whatever the kind. */
export const PROCEDURE_DEFAULTS = { speechSeconds: 120, speechesPerMotion: 2, recusedCountForQuorum: true, noticeShowsNames: false } as const

export interface Council extends CouncilRules {
  id: CouncilId
  name: string
  kind: CouncilKind
  community: string
  street: string
  termStart: IsoDate
  termEnd: IsoDate
  createdAt: string
}

export type CouncilInput = Omit<Council, 'id' | 'createdAt'>

export const DEFAULT_TERM_YEARS = 5 // practice

/**
 * Defaults per kind. Residents' assembly: more than half present (law); representatives'
 * assembly and resident council: at least two thirds (law for villages / practice). A courtyard
 * council follows the general default, more than half. Assemblies decide by more than half of
 * those present (law default); councils by simple majority, for > against (Nantang rules).
 */
export function defaultRules(kind: CouncilKind): CouncilRules {
  switch (kind) {
    case 'assembly':
      return { quorumRule: 'more_than_half', defaultThreshold: 'half_present', secondingRequired: true, ...PROCEDURE_DEFAULTS }
    case 'representatives':
      return { quorumRule: 'at_least_two_thirds', defaultThreshold: 'half_present', secondingRequired: true, ...PROCEDURE_DEFAULTS }
    case 'resident':
      return { quorumRule: 'at_least_two_thirds', defaultThreshold: 'simple_majority', secondingRequired: true, ...PROCEDURE_DEFAULTS }
    case 'courtyard':
      return { quorumRule: 'more_than_half', defaultThreshold: 'simple_majority', secondingRequired: true, ...PROCEDURE_DEFAULTS }
  }
}

export function defaultCouncilInput(kind: CouncilKind, today: IsoDate): CouncilInput {
  return {
    name: '',
    kind,
    community: '',
    street: '',
    termStart: today,
    termEnd: addYears(today, DEFAULT_TERM_YEARS),
    ...defaultRules(kind),
  }
}

/** i18n keys under `errors.` for each invalid field. */
export type CouncilError = 'nameRequired' | 'nameTooLong' | 'kindInvalid' | 'termStartInvalid' | 'termEndInvalid' | 'termOrder' | 'ruleInvalid' | 'speechLimitInvalid' | 'speechCountInvalid'

export const MAX_NAME = 120

export function validateCouncil(input: CouncilInput): Partial<Record<keyof CouncilInput, CouncilError>> {
  const errors: Partial<Record<keyof CouncilInput, CouncilError>> = {}
  const name = input.name.trim()
  if (!name) errors.name = 'nameRequired'
  else if (name.length > MAX_NAME) errors.name = 'nameTooLong'
  if (!COUNCIL_KINDS.includes(input.kind)) errors.kind = 'kindInvalid'
  if (!isIsoDate(input.termStart)) errors.termStart = 'termStartInvalid'
  if (!isIsoDate(input.termEnd)) errors.termEnd = 'termEndInvalid'
  else if (isIsoDate(input.termStart) && input.termEnd <= input.termStart) errors.termEnd = 'termOrder'
  if (!QUORUM_RULES.includes(input.quorumRule)) errors.quorumRule = 'ruleInvalid'
  if (!THRESHOLD_RULES.includes(input.defaultThreshold)) errors.defaultThreshold = 'ruleInvalid'
  if (!Number.isInteger(input.speechSeconds) || input.speechSeconds < 30 || input.speechSeconds > 3600) errors.speechSeconds = 'speechLimitInvalid'
  if (!Number.isInteger(input.speechesPerMotion) || input.speechesPerMotion < 1 || input.speechesPerMotion > 20) errors.speechesPerMotion = 'speechCountInvalid'
  return errors
}

/** The editable part of a council, without its id and creation time. */
export function councilInputOf(c: CouncilInput): CouncilInput {
  return {
    name: c.name,
    kind: c.kind,
    community: c.community,
    street: c.street,
    termStart: c.termStart,
    termEnd: c.termEnd,
    quorumRule: c.quorumRule,
    defaultThreshold: c.defaultThreshold,
    secondingRequired: c.secondingRequired,
    speechSeconds: c.speechSeconds,
    speechesPerMotion: c.speechesPerMotion,
    recusedCountForQuorum: c.recusedCountForQuorum,
    noticeShowsNames: c.noticeShowsNames,
  }
}
