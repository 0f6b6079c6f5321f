// The five steps every fund project goes through, in order (shared/domain.md §3b):
// 党组织提议 → 议事会民主决议 → 居委会组织实施 → 党组织评议验收 → 监委会民主监督.
// Like a matter's path (matters/matterPath.ts): each step's record is its own entry; a step stands
// when its earliest-recorded entry is not dated before the step it depends on and that step stands;
// what stands depends only on the set of entries. Each step is also disclosed (全过程公开): its
// notice's posting day and last day, which the street office checks.
import { isIsoDate, type IsoDate } from '../domain/dates'
import { isFileRef, type FileRef } from '../files/fileRef'

export const FUND_STEPS = ['partyProposal', 'councilResolution', 'implementation', 'reviewAcceptance', 'supervision'] as const
export type FundStep = (typeof FUND_STEPS)[number]

export interface FundStepRecord {
  date: IsoDate
  /** The body as its record names it (XX社区党委, 居民议事会, 居委会, 监委会). */
  body: string
  note: string
  /** The scanned record. */
  scan?: FileRef
  /** Where and until when the step was made public: the posting day and the last day. */
  disclosure?: { postedOn: IsoDate; until: IsoDate }
}

export type FundStepEntry = FundStepRecord & { id: string; projectId: string; step: FundStep; at: string; by: string }

export interface ResolvedFundStep {
  step: FundStep
  entry: FundStepEntry | null
  conflicts: FundStepEntry[]
  state: 'done' | 'ready' | 'waiting'
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

const fits = (e: FundStepEntry): boolean =>
  isIsoDate(e.date) &&
  typeof e.body === 'string' &&
  e.body.trim() !== '' &&
  (e.scan === undefined || isFileRef(e.scan)) &&
  (e.disclosure === undefined || (e.disclosure !== null && typeof e.disclosure === 'object' && isIsoDate(e.disclosure.postedOn) && isIsoDate(e.disclosure.until) && e.disclosure.until >= e.disclosure.postedOn))

/** A project's five steps as they stand, in order. */
export function resolveFundPath(projectId: string, entries: readonly FundStepEntry[]): ResolvedFundStep[] {
  const out: ResolvedFundStep[] = []
  let prev: ResolvedFundStep | null = null
  for (const step of FUND_STEPS) {
    const mine = entries.filter((e) => e.projectId === projectId && e.step === step).sort((a, b) => cmp(a.at, b.at) || cmp(a.id, b.id))
    const ready = prev === null || prev.state === 'done'
    const entry = ready ? (mine.find((e) => fits(e) && (!prev?.entry || e.date >= prev.entry.date)) ?? null) : null
    const r: ResolvedFundStep = { step, entry, conflicts: mine.filter((e) => e !== entry), state: entry ? 'done' : ready ? 'ready' : 'waiting' }
    out.push(r)
    prev = r
  }
  return out
}

export type FundStepRefusal = 'alreadyRecorded' | 'previousPending' | 'beforePrevious' | 'dateInvalid' | 'bodyRequired' | 'scanInvalid' | 'disclosureInvalid'

/** Why `rec` cannot be recorded as `step` of the project now. */
export function fundStepRefusal(path: readonly ResolvedFundStep[], step: FundStep, rec: FundStepRecord): FundStepRefusal | null {
  const i = FUND_STEPS.indexOf(step)
  const s = path[i]
  const prev = i > 0 ? path[i - 1] : undefined
  if (!s) return 'previousPending'
  if (s.entry) return 'alreadyRecorded'
  if (s.state !== 'ready') return 'previousPending'
  if (!isIsoDate(rec.date)) return 'dateInvalid'
  if (prev?.entry && rec.date < prev.entry.date) return 'beforePrevious'
  if (!rec.body.trim()) return 'bodyRequired'
  if (rec.scan !== undefined && !isFileRef(rec.scan)) return 'scanInvalid'
  const d = rec.disclosure
  if (d && !(isIsoDate(d.postedOn) && isIsoDate(d.until) && d.until >= d.postedOn && d.postedOn >= rec.date)) return 'disclosureInvalid'
  return null
}
