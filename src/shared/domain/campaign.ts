// Household campaigns (domain.md 3): mock relocation signing (模拟搬迁) and renovation consent
// (自治改造). Settings, the signing window on the community's calendar, the entries a secretary
// records, the roll a campaign counts, and the one order every device decides entries by.
// The rules themselves: campaignSigning.ts, campaignRenovation.ts, campaignDecision.ts.
import { randomUUID } from '../runtime'
import { closesAtMs, daysBetween, localDateOf } from './campaignWindow'
import { instantMs, isInstant, isIsoDate, type IsoDate } from './dates'
import { buildingKey, compareHouseholds, isOnRegister, type Household, type HouseholdId } from './household'
import type { Brand } from './ids'
import type { Share } from './votes/fraction'

export type CampaignId = Brand<string, 'CampaignId'>
export const newCampaignId = (): CampaignId => randomUUID() as CampaignId

export const CAMPAIGN_KINDS = ['relocation', 'renovation'] as const
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number]

/** Share of households that must sign a mock relocation (practice: 90, 95 or 100 %). */
export const SIGNING_THRESHOLDS = [90, 95, 100] as const
export type SigningThreshold = (typeof SIGNING_THRESHOLDS)[number]
export const DEFAULT_SIGNING_THRESHOLD: SigningThreshold = 90

/** "At least p %": 90 % of 200 is reached by 180 (180·100 ≥ 200·90), never by 179. */
export const signingShare = (percent: SigningThreshold): Share => ({ num: percent, den: 100, strict: false })

/** Art. 278: ordinary matters need more than half of the participants; major ones (rebuilding, the fund) three quarters. */
export const RENOVATION_MATTERS = ['ordinary', 'major'] as const
export type RenovationMatter = (typeof RENOVATION_MATTERS)[number]

/** Contributions (自筹): a rate per m² of floor area, a total shared by area, or none. Money in fen (分). */
export type ContributionPlan = { mode: 'none' } | { mode: 'perM2'; fenPerM2: number } | { mode: 'total'; totalFen: number }

/** China Standard Time. The window's days are the community's days, whatever zone a device is set to. */
export const DEFAULT_UTC_OFFSET_MINUTES = 480

export interface CampaignSettings {
  kind: CampaignKind
  /** The campaign's name as the secretary writes it (user data). */
  title: string
  /** First day of the window. The roll is the register on this day. */
  start: IsoDate
  /** Last day of the window, included: entries until the end of this day count. */
  deadline: IsoDate
  /** relocation: share of the roll that must be signed at the deadline. */
  thresholdPercent: SigningThreshold
  /** relocation: whether a household may withdraw its signature before the deadline. */
  withdrawalAllowed: boolean
  /** Buildings the campaign covers (as on the register); empty: the whole register. */
  buildings: string[]
  /** The community's offset from UTC in minutes: where its days begin and end. */
  utcOffsetMinutes: number
  /** renovation: which double majority applies. */
  matter: RenovationMatter
  /** renovation: how contributions are computed. */
  contribution: ContributionPlan
}

export type CampaignSettingsError =
  | 'kindInvalid'
  | 'titleRequired'
  | 'titleTooLong'
  | 'startInvalid'
  | 'deadlineInvalid'
  | 'deadlineBeforeStart'
  | 'windowTooLong'
  | 'thresholdInvalid'
  | 'withdrawalInvalid'
  | 'buildingsInvalid'
  | 'offsetInvalid'
  | 'matterInvalid'
  | 'contributionInvalid'

export const MAX_CAMPAIGN_TITLE = 100
/** About three years: beyond any signing window, and it bounds the daily series. */
export const MAX_WINDOW_DAYS = 1100
/** 10,000 yuan per m², 10 billion yuan in all: beyond any courtyard, and every sum stays a safe integer. */
export const MAX_FEN_PER_M2 = 1_000_000
export const MAX_TOTAL_FEN = 1_000_000_000_000

export function defaultCampaignSettings(kind: CampaignKind, start: IsoDate, deadline: IsoDate): CampaignSettings {
  return {
    kind,
    title: '',
    start,
    deadline,
    thresholdPercent: DEFAULT_SIGNING_THRESHOLD,
    withdrawalAllowed: true,
    buildings: [],
    utcOffsetMinutes: DEFAULT_UTC_OFFSET_MINUTES,
    matter: 'ordinary',
    contribution: { mode: 'none' },
  }
}

const isWhole = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= min && n <= max

export function isContributionPlan(p: unknown): p is ContributionPlan {
  if (p === null || typeof p !== 'object') return false
  const r = p as Record<string, unknown>
  if (r.mode === 'none') return true
  if (r.mode === 'perM2') return isWhole(r.fenPerM2, 0, MAX_FEN_PER_M2)
  if (r.mode === 'total') return isWhole(r.totalFen, 0, MAX_TOTAL_FEN)
  return false
}

export function validateCampaignSettings(s: CampaignSettings): Partial<Record<keyof CampaignSettings, CampaignSettingsError>> {
  const e: Partial<Record<keyof CampaignSettings, CampaignSettingsError>> = {}
  if (!(CAMPAIGN_KINDS as readonly unknown[]).includes(s.kind)) e.kind = 'kindInvalid'
  const title = typeof s.title === 'string' ? s.title.trim() : ''
  if (!title) e.title = 'titleRequired'
  else if (title.length > MAX_CAMPAIGN_TITLE) e.title = 'titleTooLong'
  if (!isIsoDate(s.start)) e.start = 'startInvalid'
  if (!isIsoDate(s.deadline)) e.deadline = 'deadlineInvalid'
  else if (isIsoDate(s.start)) {
    if (s.deadline < s.start) e.deadline = 'deadlineBeforeStart'
    else if (daysBetween(s.start, s.deadline) >= MAX_WINDOW_DAYS) e.deadline = 'windowTooLong'
  }
  if (!(SIGNING_THRESHOLDS as readonly unknown[]).includes(s.thresholdPercent)) e.thresholdPercent = 'thresholdInvalid'
  if (typeof s.withdrawalAllowed !== 'boolean') e.withdrawalAllowed = 'withdrawalInvalid'
  if (!Array.isArray(s.buildings) || s.buildings.length > 1000 || !s.buildings.every((b) => typeof b === 'string' && b.trim() !== '' && b.length <= 40)) e.buildings = 'buildingsInvalid'
  // Whole quarter hours between UTC−12 and UTC+14, as real zones are.
  if (!isWhole(s.utcOffsetMinutes, -720, 840) || s.utcOffsetMinutes % 15 !== 0) e.utcOffsetMinutes = 'offsetInvalid'
  if (!(RENOVATION_MATTERS as readonly unknown[]).includes(s.matter)) e.matter = 'matterInvalid'
  if (!isContributionPlan(s.contribution)) e.contribution = 'contributionInvalid'
  return e
}

// ---- the community's calendar: campaignWindow.ts --------------------------------------------

export { addDays, closesAt, closesAtMs, daysBetween, localDateOf, windowState, type CampaignPhase, type WindowState } from './campaignWindow'

// ---- the roll -------------------------------------------------------------------------------

/**
 * The households a campaign counts (its denominator): those on the register on the window's first
 * day, in the campaign's buildings. Fixed at the start, so a household added or removed during the
 * window never moves the rate of days already counted; ordered as the register lists them.
 */
export function campaignRoll<H extends Household>(s: Pick<CampaignSettings, 'start' | 'buildings'>, households: readonly H[]): H[] {
  const scope = new Set(s.buildings.map(buildingKey))
  return households.filter((h) => isOnRegister(h, s.start) && (scope.size === 0 || scope.has(buildingKey(h.building)))).sort(compareHouseholds)
}

/** Whether one household is on the campaign's roll (campaignRoll without building the whole list). */
export const isOnRoll = (s: Pick<CampaignSettings, 'start' | 'buildings'>, h: Household): boolean => campaignRoll(s, [h]).length === 1

// ---- entries --------------------------------------------------------------------------------

export const ENTRY_TYPES = ['sign', 'withdraw', 'consent', 'payment'] as const
export type EntryType = (typeof ENTRY_TYPES)[number]

/** Renovation: agree, disagree, abstain (takes part, neither way), or does not take part in the vote. */
export const CONSENT_CHOICES = ['agree', 'disagree', 'abstain', 'notTakingPart'] as const
export type ConsentChoice = (typeof CONSENT_CHOICES)[number]

/** Someone who signs for the owner (代签): a name and a note (a power of attorney, a relation). */
export interface Agent {
  name: string
  note: string
}

interface EntryBase {
  entryId: string
  householdId: HouseholdId
  /** When it was recorded (an instant from the recording device). */
  at: string
  /** The community's day the household signed, withdrew, consented or paid. */
  date: IsoDate
  /** The person who recorded it (the secretary or a canvasser). */
  recordedBy: string
  /** The recording device's label. */
  device: string
}

export interface SignEntry extends EntryBase {
  type: 'sign'
  /** null: the owner signed in person. */
  agent: Agent | null
}
export interface WithdrawEntry extends EntryBase {
  type: 'withdraw'
  agent: Agent | null
}
export interface ConsentEntry extends EntryBase {
  type: 'consent'
  choice: ConsentChoice
  agent: Agent | null
}
export interface PaymentEntry extends EntryBase {
  type: 'payment'
  /** Fen; negative for a refund or a correction of an earlier payment. Never zero. */
  amountFen: number
}
export type CampaignEntry = SignEntry | WithdrawEntry | ConsentEntry | PaymentEntry
export type SigningEntry = SignEntry | WithdrawEntry

export const MAX_PERSON_NAME = 60
export const MAX_AGENT_NOTE = 500
export const MAX_DEVICE_LABEL = 100

/** Why an entry is kept but not counted; every one stays visible beside the household. */
export type EntryRefusal =
  | 'householdNotOnRoll'
  | 'wrongCampaignKind'
  | 'beforeWindow'
  | 'afterDeadline'
  | 'datedAfterRecorded'
  | 'withdrawalNotAllowed'
  | 'notSigned'

const KIND_OF: Record<EntryType, CampaignKind> = { sign: 'relocation', withdraw: 'relocation', consent: 'renovation', payment: 'renovation' }

/**
 * What refuses an entry by itself (the roll, the kind, the window), before its household's other
 * entries are looked at. Signing, withdrawing and consenting count only inside the window: dated
 * from the first to the deadline day and recorded before the window closed, so nothing recorded
 * after the deadline counts whatever date it carries. Payments come after the decision: no window.
 */
export function entryRefusal(s: CampaignSettings, onRoll: ReadonlySet<string>, e: CampaignEntry): EntryRefusal | null {
  if (!onRoll.has(e.householdId)) return 'householdNotOnRoll'
  if (KIND_OF[e.type] !== s.kind) return 'wrongCampaignKind'
  if (e.type === 'payment') return null
  if (e.date < s.start) return 'beforeWindow'
  if (e.date > s.deadline || instantMs(e.at) >= closesAtMs(s)) return 'afterDeadline'
  // A signing dated after the day it was recorded is a slip (or a back door past the deadline).
  const recordedOn = localDateOf(e.at, s.utcOffsetMinutes)
  if (recordedOn === null || e.date > recordedOn) return 'datedAfterRecorded'
  if (e.type === 'withdraw' && !s.withdrawalAllowed) return 'withdrawalNotAllowed'
  return null
}

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The one order of a household's entries, oldest first: the day it happened (date), then the
 * instant it was recorded (at), then the entry id. Total and the same on every device, whatever
 * order the entries synced in. Date comes first so a paper form typed in later is placed on the
 * day the household signed, and the daily series agrees with the final state.
 */
export function compareCampaignEntries(a: CampaignEntry, b: CampaignEntry): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1
  const ta = instantMs(a.at)
  const tb = instantMs(b.at)
  if (ta !== tb && !Number.isNaN(ta) && !Number.isNaN(tb)) return ta < tb ? -1 : 1
  return cmpStr(a.at, b.at) || cmpStr(a.entryId, b.entryId)
}

const isName = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max

export function isAgent(v: unknown): v is Agent {
  if (v === null || typeof v !== 'object') return false
  const r = v as Record<string, unknown>
  return isName(r.name, MAX_PERSON_NAME) && typeof r.note === 'string' && r.note.length <= MAX_AGENT_NOTE
}

/** Whether a value is a well-formed entry: what a reader accepts from the wire, and a writer writes. */
export function isCampaignEntry(v: unknown): v is CampaignEntry {
  if (v === null || typeof v !== 'object') return false
  const e = v as Record<string, unknown>
  if (typeof e.entryId !== 'string' || e.entryId === '' || e.entryId.length > 64) return false
  if (typeof e.householdId !== 'string' || e.householdId === '' || e.householdId.length > 64) return false
  if (!isInstant(e.at) || !isIsoDate(e.date) || !isName(e.recordedBy, MAX_PERSON_NAME)) return false
  if (typeof e.device !== 'string' || e.device.length > MAX_DEVICE_LABEL) return false
  switch (e.type) {
    case 'sign':
    case 'withdraw':
      return e.agent === null || isAgent(e.agent)
    case 'consent':
      return (CONSENT_CHOICES as readonly unknown[]).includes(e.choice) && (e.agent === null || isAgent(e.agent))
    case 'payment':
      return isWhole(e.amountFen, -MAX_TOTAL_FEN, MAX_TOTAL_FEN) && e.amountFen !== 0
    default:
      return false
  }
}
