// Mock relocation signing (模拟搬迁): each household's status decided from ALL its entries, the
// signing rate as an exact fraction of the roll, by building and day by day, the households not yet
// signed, and the days left. Pure: the same entries give the same state on every device.
import {
  campaignRoll,
  compareCampaignEntries,
  entryRefusal,
  signingShare,
  windowState,
  addDays,
  daysBetween,
  type CampaignEntry,
  type CampaignSettings,
  type EntryRefusal,
  type SigningEntry,
  type SigningThreshold,
  type WindowState,
} from './campaign'
import type { IsoDate } from './dates'
import { buildingKey, compareNatural, type Household, type HouseholdId } from './household'
import { reaches, smallestReaching, type Share } from './votes/fraction'

export type SigningStatus = 'signed' | 'withdrawn' | 'unsigned'

/** An entry with whether it counted, and why not. */
export interface EntryVerdict<E extends CampaignEntry = CampaignEntry> {
  entry: E
  counted: boolean
  refusal: EntryRefusal | null
}

export interface HouseholdSigning {
  household: Household
  status: SigningStatus
  /** The latest counted entry (see compareCampaignEntries), or null when none counted. */
  decidedBy: SigningEntry | null
  /** Every entry for the household, newest first: two devices recording it both show here. */
  entries: EntryVerdict<SigningEntry>[]
  /** Counted entries of the other kind on the deciding entry's day (signed and withdrew the same day): to confirm. */
  conflicting: SigningEntry[]
}

/** An exact share: num out of den. */
export interface Rate {
  num: number
  den: number
}

export interface BuildingRate {
  /** The building as the register writes it. */
  building: string
  signed: number
  total: number
}

export interface DailyRate {
  date: IsoDate
  /** Households signed at the end of that day, as the entries known now say. The denominator is the roll. */
  signed: number
}

export interface SigningState extends WindowState {
  thresholdPercent: SigningThreshold
  threshold: Share
  /** Signed households of the roll / the roll. */
  rate: Rate
  /** Signed households needed to reach the threshold. */
  required: number
  reached: boolean
  /** The first day the daily rate reached the threshold, or null. */
  reachedOn: IsoDate | null
  byBuilding: BuildingRate[]
  /** One point per day from the first day of the window to today (or the deadline once closed). */
  daily: DailyRate[]
  /** Households of the roll not signed now, in register order. */
  unsigned: HouseholdId[]
  households: HouseholdSigning[]
  /** Entries that belong to no household of the roll, or are not signing entries: kept, shown, never counted. */
  stray: EntryVerdict[]
}

/** The rate in hundredths of a percent, rounded DOWN: 89.995 % shows as 89.99 %, never as a 90 % it did not reach. */
export function rateBasisPoints(rate: Rate): number | null {
  if (rate.den <= 0) return null
  return Number((BigInt(rate.num) * 10_000n) / BigInt(rate.den))
}

export interface Folded {
  verdicts: EntryVerdict<SigningEntry>[]
  status: SigningStatus
  decidedBy: SigningEntry | null
  /** The status at the end of each day it changed on: date -> signed. */
  endOfDay: Map<IsoDate, boolean>
}

/** One household's entries, oldest first: each counted entry moves the status; a withdrawal needs a signature. Exported for the live state (campaigns/liveSigning.ts). */
export function fold(settings: CampaignSettings, onRoll: ReadonlySet<string>, entries: readonly SigningEntry[]): Folded {
  const sorted = [...entries].sort(compareCampaignEntries)
  let status: SigningStatus = 'unsigned'
  let decidedBy: SigningEntry | null = null
  const verdicts: EntryVerdict<SigningEntry>[] = []
  const endOfDay = new Map<IsoDate, boolean>()
  for (const entry of sorted) {
    let refusal = entryRefusal(settings, onRoll, entry)
    if (refusal === null && entry.type === 'withdraw' && status !== 'signed') refusal = 'notSigned'
    verdicts.push({ entry, counted: refusal === null, refusal })
    if (refusal !== null) continue
    status = entry.type === 'sign' ? 'signed' : 'withdrawn'
    decidedBy = entry
    endOfDay.set(entry.date, status === 'signed')
  }
  return { verdicts: verdicts.reverse(), status, decidedBy, endOfDay }
}

export const isSigning = (e: CampaignEntry): e is SigningEntry => e.type === 'sign' || e.type === 'withdraw'

/**
 * The signing state of a relocation campaign at `now`. The denominator is the roll (campaignRoll:
 * the register on the window's first day, in the campaign's buildings); the numerator, the roll's
 * households whose latest counted entry is a signature. Entries outside the window, withdrawals
 * when not allowed, and withdrawals of nothing are kept with their reason and never counted.
 */
export function signingState(settings: CampaignSettings, households: readonly Household[], entries: readonly CampaignEntry[], now: string): SigningState {
  const window = windowState(settings, now)
  const roll = campaignRoll(settings, households)
  const onRoll = new Set<string>(roll.map((h) => h.id))
  const byHousehold = new Map<string, SigningEntry[]>()
  const stray: EntryVerdict[] = []
  for (const e of entries) {
    if (!isSigning(e) || !onRoll.has(e.householdId)) {
      stray.push({ entry: e, counted: false, refusal: entryRefusal(settings, onRoll, e) ?? 'wrongCampaignKind' })
      continue
    }
    const list = byHousehold.get(e.householdId)
    if (list) list.push(e)
    else byHousehold.set(e.householdId, [e])
  }
  stray.sort((a, b) => compareCampaignEntries(b.entry, a.entry))

  const last = window.phase === 'closed' ? settings.deadline : window.today
  const days = window.phase === 'notStarted' ? 0 : daysBetween(settings.start, last) + 1
  const changes = new Array<number>(days).fill(0)
  const buildings = new Map<string, BuildingRate>()
  const out: HouseholdSigning[] = []
  let signed = 0
  for (const h of roll) {
    const f = fold(settings, onRoll, byHousehold.get(h.id) ?? [])
    const conflicting = f.decidedBy
      ? f.verdicts.filter((v) => v.counted && v.entry.type !== f.decidedBy?.type && v.entry.date === f.decidedBy?.date).map((v) => v.entry)
      : []
    out.push({ household: h, status: f.status, decidedBy: f.decidedBy, entries: f.verdicts, conflicting })
    if (f.status === 'signed') signed++
    const key = buildingKey(h.building)
    const b = buildings.get(key) ?? { building: h.building, signed: 0, total: 0 }
    b.total++
    if (f.status === 'signed') b.signed++
    buildings.set(key, b)
    // The daily series: +1 on a day the household ends signed after not being so, −1 the reverse.
    let was = false
    for (const [date, isSigned] of [...f.endOfDay].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      if (isSigned === was) continue
      was = isSigned
      const i = daysBetween(settings.start, date)
      if (i >= 0 && i < days) changes[i] = (changes[i] ?? 0) + (isSigned ? 1 : -1)
    }
  }

  const share = signingShare(settings.thresholdPercent)
  const daily: DailyRate[] = []
  let running = 0
  let reachedOn: IsoDate | null = null
  for (let i = 0; i < days; i++) {
    running += changes[i] ?? 0
    const date = addDays(settings.start, i)
    daily.push({ date, signed: running })
    if (reachedOn === null && reaches(running, roll.length, share)) reachedOn = date
  }

  return {
    ...window,
    thresholdPercent: settings.thresholdPercent,
    threshold: share,
    rate: { num: signed, den: roll.length },
    required: smallestReaching(roll.length, share),
    reached: reaches(signed, roll.length, share),
    reachedOn,
    byBuilding: [...buildings.entries()].sort((a, b) => compareNatural(a[0], b[0])).map(([, b]) => b),
    daily,
    unsigned: out.filter((h) => h.status !== 'signed').map((h) => h.household.id),
    households: out,
    stray,
  }
}
