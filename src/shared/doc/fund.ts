// The document of one community fund year (council/<id>/fund/<year>): the council's negative and
// priority lists for the year, proposals and their screening, the per-project decisions, and the
// ledger; fundProjects.ts holds each project's steps, implementation, milestones, review,
// acceptance and satisfaction.
//
// Layout:
//   meta        {schemaVersion, kind: 'fund', councilId, year}
//   lists       Y.Map<id, Y.Map{list: 'negative'|'priority', key, text, order, removed}>
//   proposals   Y.Map<id, Y.Map{title, description, category, source (JSON), estimatedCost, beneficiaries, proposedOn, recordedAt, recordedBy}>
//   screenings  Y.Map<id, ScreeningEntry (JSON)>   merged / excluded (with its reason) / listed: never edited
//   decisions   Y.Map<id, DecisionEntry (JSON)>    one per project's vote: never edited
//   ledger      Y.Map<id, LedgerEntry (JSON)>      income, commitments, payments, vouchers, corrections: append-only
//   replies     Y.Map<id, ProposalReply (JSON)>    the reply to a proposer (an excluded proposal's above all)
//
// Append-only entries keyed by a fresh id: two laptops paying the same project offline both keep
// their payment; resolveLedger (fund/ledger.ts) computes the figures from the set of entries and
// reports an overdraft that only the merge revealed as a conflict, identically on both replicas.
import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'
import { isIsoDate, type IsoDate } from '../domain/dates'
import { newEntryId, type CouncilId } from '../domain/ids'
import { cleanFileRef } from '../files/fileRef'
import { decisionRefusal, resolveDecisions, type DecisionEntry, type DecisionState } from '../fund/decision'
import { entryRefusal, isLedgerEntry, resolveLedger, type LedgerEntry, type LedgerState, type NewEntry } from '../fund/ledger'
import { DEFAULT_NEGATIVE_LIST, PROPOSAL_SOURCES, proposalErrors, resolveProposals, screeningRefusal, type ListItem, type Proposal, type ProposalFields, type ProposalSource, type ProposalState, type Screening, type ScreeningEntry } from '../fund/proposals'
import { REPLY_CHANNELS, type ReplyChannel } from '../matters/requests'
import { hasErrors, jsonEntries, plainJson, recordedMap, type Recorder } from './entries'
import { DocError } from './errors'
import { assertInstant, childMaps, cmpStr, record } from './guards'
import { bool, str } from './read'
import { assertWritable, initMeta, metaOf, ORIGIN_LOCAL } from './schema'

export type { Recorder } from './entries'

const listsMap = (doc: Y.Doc) => doc.getMap<unknown>('lists')
const proposalsMap = (doc: Y.Doc) => doc.getMap<unknown>('proposals')
const screeningsMap = (doc: Y.Doc) => doc.getMap<unknown>('screenings')
const decisionsMap = (doc: Y.Doc) => doc.getMap<unknown>('decisions')
const ledgerMap = (doc: Y.Doc) => doc.getMap<unknown>('ledger')
const repliesMap = (doc: Y.Doc) => doc.getMap<unknown>('replies')

/** Opens a fund year with the negative list's defaults (the council edits them afterwards). */
export function initFundDoc(doc: Y.Doc, councilId: CouncilId, year: number, origin: unknown = ORIGIN_LOCAL): void {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new DocError('invalidInput', { year: 'dateInvalid' })
  if (metaOf(doc).size > 0) throw new DocError('badTransition', { reason: 'alreadyInitialised' })
  doc.transact(() => {
    initMeta(doc, 'fund', { councilId })
    metaOf(doc).set('year', year)
    let order: string | null = null
    // Fixed ids for the defaults: two laptops opening the same year offline do not list them twice.
    for (const key of DEFAULT_NEGATIVE_LIST) {
      order = generateKeyBetween(order, null)
      const m = new Y.Map<unknown>()
      for (const [k, v] of Object.entries({ list: 'negative', key, text: '', order, removed: false })) m.set(k, v)
      listsMap(doc).set(`default-${key}`, m)
    }
  }, origin)
}

export function fundYear(doc: Y.Doc): number | null {
  const meta = metaOf(doc)
  const y = meta.get('year')
  return meta.get('kind') === 'fund' && typeof y === 'number' ? y : null
}

export function assertFund(doc: Y.Doc): number {
  assertWritable(doc)
  const y = fundYear(doc)
  if (y === null) throw new DocError('notFound')
  return y
}

// ---- the negative and priority lists ---------------------------------------------------------

export type ListKind = 'negative' | 'priority'

export function readList(doc: Y.Doc, list: ListKind): ListItem[] {
  return childMaps(listsMap(doc))
    .filter(([, m]) => m.get('list') === list && !bool(m, 'removed', false))
    .map(([id, m]) => ({ id, key: str(m, 'key'), text: str(m, 'text'), order: str(m, 'order') }))
    .sort((a, b) => cmpStr(a.order, b.order) || cmpStr(a.id, b.id))
    .map(({ id, key, text }) => ({ id, key, text }))
}

export function addListItem(doc: Y.Doc, list: ListKind, text: string, origin: unknown = ORIGIN_LOCAL): string {
  assertFund(doc)
  const t = text.trim()
  if (!t) throw new DocError('invalidInput', { text: 'required' })
  if (t.length > 200) throw new DocError('invalidInput', { text: 'tooLong' })
  const last = childMaps(listsMap(doc)).map(([, m]) => str(m, 'order')).sort(cmpStr).at(-1)
  const id = newEntryId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    for (const [k, v] of Object.entries({ list, key: '', text: t, order: generateKeyBetween(last || null, null), removed: false })) m.set(k, v)
    listsMap(doc).set(id, m)
  }, origin)
  return id
}

/** Takes an item off the list (kept, marked removed: an exclusion that cited it still reads). */
export function removeListItem(doc: Y.Doc, id: string, origin: unknown = ORIGIN_LOCAL): void {
  assertFund(doc)
  const m = listsMap(doc).get(id)
  if (!(m instanceof Y.Map)) throw new DocError('notFound')
  doc.transact(() => m.set('removed', true), origin)
}

/** Every item ever on a list, removed ones too: what an exclusion's reason refers to. */
export function readListItem(doc: Y.Doc, id: string): ListItem | null {
  const m = listsMap(doc).get(id)
  return m instanceof Y.Map ? { id, key: str(m, 'key'), text: str(m, 'text') } : null
}

// ---- proposals and screening -----------------------------------------------------------------

export function addProposal(doc: Y.Doc, fields: ProposalFields, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  const year = assertFund(doc)
  assertInstant(who.now, 'now')
  const f: ProposalFields = { ...fields, title: fields.title.trim(), description: fields.description.trim(), source: plainJson({ ...fields.source, name: fields.source.name.trim() }) }
  const errors = proposalErrors(f, year)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  const id = newEntryId()
  doc.transact(() => {
    const m = recordedMap(f, who)
    proposalsMap(doc).set(id, m)
  }, origin)
  return id
}

/** Who proposed, as stored; a damaged value reads as an unnamed paper form rather than vanishing. */
function sourceOf(v: unknown): ProposalSource {
  const r = record(v)
  if (!r || typeof r.name !== 'string' || !(PROPOSAL_SOURCES as readonly unknown[]).includes(r.kind)) return { kind: 'paperForm', name: '' }
  const req = record(r.request)
  return { kind: r.kind as ProposalSource['kind'], name: r.name, ...(req && typeof req.requestId === 'string' && typeof req.year === 'number' ? { request: { year: req.year, requestId: req.requestId } } : {}) }
}

export function readProposals(doc: Y.Doc): Proposal[] {
  return childMaps(proposalsMap(doc))
    .map(([id, m]) => ({
      id,
      title: str(m, 'title'),
      description: str(m, 'description'),
      category: m.get('category'),
      source: sourceOf(m.get('source')),
      estimatedCost: m.get('estimatedCost'),
      beneficiaries: m.get('beneficiaries'),
      proposedOn: str(m, 'proposedOn'),
      recordedAt: str(m, 'recordedAt'),
      recordedBy: str(m, 'recordedBy'),
    }) as unknown as Proposal)
    .filter((p) => isIsoDate(p.proposedOn) && Number.isSafeInteger(p.estimatedCost) && Number.isSafeInteger(p.beneficiaries) && typeof p.category === 'string')
}


export const readScreenings = (doc: Y.Doc): ScreeningEntry[] =>
  jsonEntries<ScreeningEntry>(screeningsMap(doc), (r) => typeof r.proposalId === 'string' && isIsoDate(r.on) && typeof r.at === 'string' && ['merged', 'excluded', 'listed'].includes(r.kind as string))

export const readProposalStates = (doc: Y.Doc): Map<string, ProposalState> => resolveProposals(readProposals(doc), readScreenings(doc))

/** Merges a proposal into another, excludes it (a negative-list item or a reason written out), or lists it. */
export function screenProposal(doc: Y.Doc, proposalId: string, s: Screening & { on: IsoDate }, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertFund(doc)
  assertInstant(who.now, 'now')
  const refusal = screeningRefusal(readProposalStates(doc), proposalId, s, { negative: readList(doc, 'negative'), priority: readList(doc, 'priority') })
  if (refusal) throw new DocError('badTransition', { reason: refusal })
  const id = newEntryId()
  const base = { id, proposalId, on: s.on, at: who.now, by: who.by }
  const entry: ScreeningEntry =
    s.kind === 'merged' ? { ...base, kind: 'merged', into: s.into } : s.kind === 'excluded' ? { ...base, kind: 'excluded', negativeItem: s.negativeItem, reason: s.reason.trim() } : { ...base, kind: 'listed', priorityItem: s.priorityItem }
  doc.transact(() => screeningsMap(doc).set(id, entry), origin)
  return id
}

// ---- decisions -------------------------------------------------------------------------------

export const readDecisionEntries = (doc: Y.Doc): DecisionEntry[] =>
  jsonEntries<DecisionEntry>(decisionsMap(doc), (r) => typeof r.proposalId === 'string' && (r.outcome === 'approved' || r.outcome === 'rejected') && Number.isSafeInteger(r.budget) && (r.budget as number) >= 0 && isIsoDate(r.on) && typeof r.at === 'string')

/** The money the year has: its income after corrections (what the approved total may not pass). */
export const readAvailable = (doc: Y.Doc): number => resolveLedger(readLedgerEntries(doc), new Map()).income.total

export const readDecisions = (doc: Y.Doc): DecisionState => resolveDecisions(readDecisionEntries(doc), readAvailable(doc))

/** Records one project's vote: approved with its budget (refused if the total would pass the money available) or rejected. */
export function recordDecision(doc: Y.Doc, d: Omit<DecisionEntry, 'id' | 'at' | 'by'>, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertFund(doc)
  assertInstant(who.now, 'now')
  const listed = new Set([...readProposalStates(doc).values()].filter((s) => s.status === 'listed').map((s) => s.proposal.id))
  const available = readAvailable(doc)
  const refusal = decisionRefusal(resolveDecisions(readDecisionEntries(doc), available), listed, d, available)
  if (refusal) throw new DocError('badTransition', { ...refusal })
  const id = newEntryId()
  const entry: DecisionEntry = plainJson({ ...d, id, at: who.now, by: who.by })
  doc.transact(() => decisionsMap(doc).set(id, entry), origin)
  return id
}

// ---- the ledger ------------------------------------------------------------------------------

export const readLedgerEntries = (doc: Y.Doc): LedgerEntry[] => {
  const out: LedgerEntry[] = []
  ledgerMap(doc).forEach((v, id) => {
    if (isLedgerEntry(v) && v.id === id) out.push(v)
  })
  return out
}

/** The ledger's figures and conflicts against the approved budgets. */
export const readLedger = (doc: Y.Doc): LedgerState => resolveLedger(readLedgerEntries(doc), readDecisions(doc).budgets)

/**
 * Books an entry: income, a commitment, a payment (with its voucher if at hand), a voucher for an
 * earlier payment, or a correction of an earlier entry. Refused with the figures when it would
 * overdraw the project or the year (DocError badTransition, detail: the LedgerRefusal).
 */
export function book(doc: Y.Doc, e: NewEntry, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  const year = assertFund(doc)
  assertInstant(who.now, 'now')
  const budgets = readDecisions(doc).budgets
  const refusal = entryRefusal(resolveLedger(readLedgerEntries(doc), budgets), budgets, e, year)
  if (refusal) throw new DocError('badTransition', { ...refusal })
  const id = newEntryId()
  const clean = plainJson({ ...e, id, at: who.now, by: who.by }) as LedgerEntry
  if ((clean.kind === 'payment' || clean.kind === 'voucher') && clean.voucher?.file) clean.voucher.file = cleanFileRef(clean.voucher.file)
  doc.transact(() => ledgerMap(doc).set(id, clean), origin)
  return id
}

// ---- replies to proposers --------------------------------------------------------------------

/** A reply to whoever proposed (回音): when, how, what. A proposal from a request is also answered in the matters document. */
export interface ProposalReply {
  id: string
  proposalId: string
  on: IsoDate
  how: ReplyChannel
  what: string
  at: string
  by: string
}

export function recordProposalReply(doc: Y.Doc, r: Omit<ProposalReply, 'id' | 'at' | 'by'>, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertFund(doc)
  assertInstant(who.now, 'now')
  const st = readProposalStates(doc).get(r.proposalId)
  if (!st) throw new DocError('notFound')
  const what = r.what.trim()
  if (!isIsoDate(r.on) || r.on < st.proposal.proposedOn) throw new DocError('invalidInput', { on: 'dateInvalid' })
  if (!(REPLY_CHANNELS as readonly string[]).includes(r.how)) throw new DocError('invalidInput', { how: 'unknownValue' })
  if (!what) throw new DocError('invalidInput', { what: 'required' })
  if (what.length > 4000) throw new DocError('invalidInput', { what: 'tooLong' })
  const id = newEntryId()
  const entry: ProposalReply = { id, proposalId: r.proposalId, on: r.on, how: r.how, what, at: who.now, by: who.by }
  doc.transact(() => repliesMap(doc).set(id, entry), origin)
  return id
}

export const readProposalReplies = (doc: Y.Doc): ProposalReply[] =>
  jsonEntries<ProposalReply>(repliesMap(doc), (r) => typeof r.proposalId === 'string' && isIsoDate(r.on) && (REPLY_CHANNELS as readonly unknown[]).includes(r.how) && typeof r.what === 'string' && typeof r.at === 'string').sort(
    (a, b) => cmpStr(a.on, b.on) || cmpStr(a.at, b.at) || cmpStr(a.id, b.id),
  )
