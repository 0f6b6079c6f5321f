// Proposals (征集) for the fund year and their screening (梳理): duplicates merged, each checked
// against the council's negative list and priority list, exclusions with their reason. Pure: the
// document keeps every screening decision as its own entry; resolveProposals says what stands
// (the earliest recorded, as for requests), the same on every device, and builds the proposal list
// (项目建议清单) with its totals against the money available.
import { isIsoDate, type IsoDate } from '../domain/dates'
import { isPositiveFen, sumFen, type Fen } from './money'

export const PROPOSAL_SOURCES = ['request', 'paperForm', 'organisation', 'partyBranch'] as const
export type ProposalSourceKind = (typeof PROPOSAL_SOURCES)[number]

export const FUND_CATEGORIES = ['facilities', 'environment', 'services', 'culture', 'safety', 'governance', 'other'] as const
export type FundCategory = (typeof FUND_CATEGORIES)[number]

export interface ProposalSource {
  kind: ProposalSourceKind
  /** Who proposed it (a resident, an organisation, the party branch), as named. */
  name: string
  /** For kind 'request': the request in the matters document it came from. */
  request?: { year: number; requestId: string }
}

export interface ProposalFields {
  title: string
  description: string
  category: FundCategory
  source: ProposalSource
  /** A rough cost, in fen. */
  estimatedCost: Fen
  /** How many residents benefit (an estimate). */
  beneficiaries: number
  proposedOn: IsoDate
}

export interface Proposal extends ProposalFields {
  id: string
  recordedAt: string
  recordedBy: string
}

/**
 * The negative list's defaults (shared/domain.md §3b): private costs (物管费), costs another party
 * must bear (公房维修), government functions (staff pay). The council edits its own list: these keys
 * name the defaults (their words come from the locales); an added item carries its own text.
 */
export const DEFAULT_NEGATIVE_LIST = ['privateCosts', 'otherPartyCosts', 'governmentFunctions'] as const
export interface ListItem {
  id: string
  /** A default's key (DEFAULT_NEGATIVE_LIST) or '' for an item the council wrote itself. */
  key: string
  text: string
}

export type Screening =
  | { kind: 'merged'; into: string }
  /** Excluded by an item of the negative list (its id), or for another reason written out. */
  | { kind: 'excluded'; negativeItem: string | null; reason: string }
  /** On the proposal list; with the priority item it answers, if any. */
  | { kind: 'listed'; priorityItem: string | null }

export type ScreeningEntry = Screening & { id: string; proposalId: string; on: IsoDate; at: string; by: string }

export type ProposalStatus = 'open' | 'merged' | 'excluded' | 'listed'

export interface ProposalState {
  proposal: Proposal
  status: ProposalStatus
  screening: ScreeningEntry | null
  /** Later entries for the same proposal (decided on two laptops): shown, never counted. */
  conflicts: ScreeningEntry[]
  /** Proposals merged into this one. */
  merged: string[]
}

export const MAX_PROPOSAL_TEXT = 4000
export const MAX_TITLE = 200
export const MAX_BENEFICIARIES = 10_000_000

export type ProposalFieldError = 'required' | 'tooLong' | 'dateInvalid' | 'unknownValue' | 'amountInvalid' | 'numberInvalid'

export function proposalErrors(f: ProposalFields, year: number): Partial<Record<keyof ProposalFields, ProposalFieldError>> {
  const e: Partial<Record<keyof ProposalFields, ProposalFieldError>> = {}
  if (!f.title.trim()) e.title = 'required'
  else if (f.title.length > MAX_TITLE) e.title = 'tooLong'
  if (f.description.length > MAX_PROPOSAL_TEXT) e.description = 'tooLong'
  if (!(FUND_CATEGORIES as readonly string[]).includes(f.category)) e.category = 'unknownValue'
  if (!f.source || !(PROPOSAL_SOURCES as readonly string[]).includes(f.source.kind)) e.source = 'unknownValue'
  else if (!f.source.name.trim()) e.source = 'required'
  else if (f.source.name.length > MAX_TITLE) e.source = 'tooLong'
  else if (f.source.kind === 'request' && !(f.source.request && typeof f.source.request.requestId === 'string' && f.source.request.requestId)) e.source = 'required'
  if (!isPositiveFen(f.estimatedCost)) e.estimatedCost = 'amountInvalid'
  if (!Number.isSafeInteger(f.beneficiaries) || f.beneficiaries < 0 || f.beneficiaries > MAX_BENEFICIARIES) e.beneficiaries = 'numberInvalid'
  if (!isIsoDate(f.proposedOn) || Number(f.proposedOn.slice(0, 4)) > year) e.proposedOn = 'dateInvalid'
  return e
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const byRecording = (a: ScreeningEntry, b: ScreeningEntry) => cmp(a.at, b.at) || cmp(a.id, b.id)

/**
 * What stands for every proposal: its earliest-recorded screening entry. A merge into a proposal
 * that is itself merged or excluded does not stand (the chain must end on a proposal still in play),
 * nor does a merge that would close a loop (two laptops merging A into B and B into A).
 */
export function resolveProposals(proposals: readonly Proposal[], screenings: readonly ScreeningEntry[]): Map<string, ProposalState> {
  const out = new Map<string, ProposalState>()
  for (const p of [...proposals].sort((a, b) => cmp(a.proposedOn, b.proposedOn) || cmp(a.id, b.id))) out.set(p.id, { proposal: p, status: 'open', screening: null, conflicts: [], merged: [] })
  const mine = new Map<string, ScreeningEntry[]>()
  for (const e of [...screenings].sort(byRecording)) if (out.has(e.proposalId)) mine.set(e.proposalId, [...(mine.get(e.proposalId) ?? []), e])
  // Non-merge decisions first (they never depend on another proposal), then merges in recording order.
  for (const [id, list] of mine) {
    const first = list[0]!
    if (first.kind !== 'merged') Object.assign(out.get(id)!, { status: first.kind, screening: first })
  }
  const target = (id: string): string => {
    const seen = new Set<string>()
    let cur = id
    for (;;) {
      const s = out.get(cur)
      if (!s || s.status !== 'merged' || s.screening?.kind !== 'merged' || seen.has(cur)) return cur
      seen.add(cur)
      cur = s.screening.into
    }
  }
  const merges = [...mine.values()].map((l) => l[0]!).filter((e) => e.kind === 'merged').sort(byRecording)
  for (const e of merges) {
    if (e.kind !== 'merged') continue
    const into = out.get(e.into)
    const end = target(e.into)
    const ok = into && e.into !== e.proposalId && end !== e.proposalId && out.get(end)!.status !== 'excluded'
    if (ok) Object.assign(out.get(e.proposalId)!, { status: 'merged', screening: e })
  }
  for (const [id, list] of mine) {
    const s = out.get(id)!
    s.conflicts = list.filter((e) => e !== s.screening)
    if (s.screening?.kind === 'merged') out.get(s.screening.into)!.merged.push(id)
  }
  return out
}

export type ScreeningRefusal = 'notFound' | 'alreadyScreened' | 'mergeTargetInvalid' | 'reasonRequired' | 'unknownListItem' | 'dateInvalid'

/** Why `s` cannot be recorded for `proposalId` now (negative and priority lists by their items' ids). */
export function screeningRefusal(
  states: ReadonlyMap<string, ProposalState>,
  proposalId: string,
  s: Screening & { on: IsoDate },
  lists: { negative: readonly ListItem[]; priority: readonly ListItem[] },
): ScreeningRefusal | null {
  const st = states.get(proposalId)
  if (!st) return 'notFound'
  if (st.status !== 'open') return 'alreadyScreened'
  if (!isIsoDate(s.on)) return 'dateInvalid'
  if (s.kind === 'merged') {
    const into = states.get(s.into)
    if (!into || s.into === proposalId || into.status === 'merged' || into.status === 'excluded') return 'mergeTargetInvalid'
  }
  if (s.kind === 'excluded') {
    if (s.negativeItem !== null && !lists.negative.some((i) => i.id === s.negativeItem)) return 'unknownListItem'
    if (s.negativeItem === null && !s.reason.trim()) return 'reasonRequired'
  }
  if (s.kind === 'listed' && s.priorityItem !== null && !lists.priority.some((i) => i.id === s.priorityItem)) return 'unknownListItem'
  return null
}

/** The proposal list (项目建议清单): listed proposals, the priority ones first, with totals against the money available. */
export interface ProposalList {
  rows: { proposal: Proposal; priorityItem: string | null; merged: number }[]
  total: Fen
  available: Fen
  /** available − total: negative when everything listed could not all be approved. */
  margin: Fen
}

export function proposalList(states: ReadonlyMap<string, ProposalState>, available: Fen): ProposalList {
  const rows = [...states.values()]
    .filter((s) => s.status === 'listed')
    .map((s) => ({ proposal: s.proposal, priorityItem: s.screening?.kind === 'listed' ? s.screening.priorityItem : null, merged: s.merged.length }))
    .sort((a, b) => Number(a.priorityItem === null) - Number(b.priorityItem === null) || cmp(a.proposal.proposedOn, b.proposal.proposedOn) || cmp(a.proposal.id, b.proposal.id))
  const total = sumFen(rows.map((r) => r.proposal.estimatedCost))
  return { rows, total, available, margin: available - total }
}
