// The campaign document (council/<id>/campaign/<id>): a mock relocation or a renovation consent,
// its settings, every entry the canvassers record, and the decision frozen at the deadline.
//
// Layout:
//   meta       {schemaVersion, kind: 'campaign', councilId, campaignId}
//   campaign   Y.Map{kind, title, start, deadline, thresholdPercent, withdrawalAllowed, utcOffsetMinutes,
//              matter, buildings: string[] (JSON), contribution: ContributionPlan (JSON), createdAt}
//   entries    Y.Map<entryId, {type, householdId, at, date, recordedBy, device, agent?, choice?, amountFen?}>
//   decisions  Y.Map<decisionId, CampaignDecision (JSON)>
//   voids      Y.Map<voidId, {entryId, at, by, reason, device}>: an entry made by mistake, voided
//              (never deleted): it stays on the trail and stops counting (domain/campaignVoid.ts)
//
// Entries are never edited or merged: the same household recorded on two devices is two entries,
// both kept and shown, and the rules (domain/campaignSigning.ts) decide by an explicit order rather
// than by Yjs's client-id order for one key (yjs#573). Counts are then sums over entry ids, so two
// laptops canvassing different buildings offline merge to the exact total. A decision is written
// once per deciding device under its own id; if two devices decide offline, the earliest stands
// and the other is shown (standingDecision), never lost.
//
// Client ids (yjs#415): a campaign is ONE document however many households it covers; entries are
// plain JSON values in one Y.Map (no Y type per entry or per household, no document per household),
// so the document holds one client id per device session that wrote to it, and nothing here creates
// Y.Docs. Keeping that to one per device is the renderer's DocStore's part: reuse a stored client id
// per device and document, only after the local state is loaded, and never in two tabs at once.
import type * as Y from 'yjs'
import {
  closesAtMs,
  compareCampaignEntries,
  isCampaignEntry,
  MAX_PERSON_NAME,
  validateCampaignSettings,
  windowState,
  type CampaignEntry,
  type CampaignId,
  type CampaignSettings,
  type EntryRefusal,
} from '../domain/campaign'
import { decideCampaign, isCampaignDecision, standingDecision, type CampaignDecision } from '../domain/campaignDecision'
import { consentResult, payments, type ConsentState, type PaymentsState } from '../domain/campaignRenovation'
import { signingState, type SigningState } from '../domain/campaignSigning'
import type { Household, HouseholdId } from '../domain/household'
import { newEntryId, type CouncilId } from '../domain/ids'
import { isEntryVoid, voidedEntryIds, type EntryVoid, type VoidRefusal } from '../domain/campaignVoid'
import { hasErrors } from './entries'
import { DocError } from './errors'
import { assertInstant, cmpStr, record } from './guards'
import { str } from './read'
import { assertWritable, initMeta, metaOf, ORIGIN_LOCAL } from './schema'

export interface Campaign extends CampaignSettings {
  id: CampaignId
  councilId: CouncilId
  createdAt: string
}

const campaignMap = (doc: Y.Doc) => doc.getMap<unknown>('campaign')
export const entriesMap = (doc: Y.Doc) => doc.getMap<unknown>('entries')
const decisionsMap = (doc: Y.Doc) => doc.getMap<unknown>('decisions')
export const voidsMap = (doc: Y.Doc) => doc.getMap<unknown>('voids')

/** Only the known settings, as plain values (buildings and the plan copied: nothing shared with the caller). */
function cleanSettings(s: CampaignSettings): CampaignSettings {
  return { ...s, title: s.title.trim(), buildings: s.buildings.map((b) => b.trim()), contribution: { ...s.contribution } }
}

function writeSettings(m: Y.Map<unknown>, s: CampaignSettings, only?: readonly (keyof CampaignSettings)[]): void {
  for (const k of only ?? (Object.keys(s) as (keyof CampaignSettings)[])) {
    const v = s[k]
    // Arrays and the plan are single values: a concurrent edit settles to one whole plan, never a mix.
    if (k === 'buildings' || k === 'contribution') {
      if (JSON.stringify(m.get(k)) !== JSON.stringify(v)) m.set(k, JSON.parse(JSON.stringify(v)))
    } else if (m.get(k) !== v) m.set(k, v)
  }
}

export function initCampaignDoc(doc: Y.Doc, ids: { councilId: CouncilId; campaignId: CampaignId }, settings: CampaignSettings, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  assertInstant(now, 'now')
  const s = cleanSettings(settings)
  const errors = validateCampaignSettings(s)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  doc.transact(() => {
    initMeta(doc, 'campaign', { councilId: ids.councilId, campaignId: ids.campaignId })
    const c = campaignMap(doc)
    c.set('createdAt', now)
    writeSettings(c, s)
  }, origin)
}

/** The campaign, or null when the document is not a campaign or its rules are unreadable (a damaged or hostile replica). */
export function readCampaign(doc: Y.Doc): Campaign | null {
  const meta = metaOf(doc)
  const c = campaignMap(doc)
  const id = meta.get('campaignId')
  const councilId = meta.get('councilId')
  if (meta.get('kind') !== 'campaign' || typeof id !== 'string' || typeof councilId !== 'string' || c.size === 0) return null
  const buildings = c.get('buildings')
  const contribution = record(c.get('contribution'))
  const s = {
    kind: c.get('kind'),
    title: str(c, 'title'),
    start: c.get('start'),
    deadline: c.get('deadline'),
    thresholdPercent: c.get('thresholdPercent'),
    withdrawalAllowed: c.get('withdrawalAllowed'),
    buildings: Array.isArray(buildings) ? [...(buildings as unknown[])] : buildings,
    utcOffsetMinutes: c.get('utcOffsetMinutes'),
    matter: c.get('matter'),
    contribution: contribution ? { ...contribution } : contribution,
  } as CampaignSettings
  // Every rule field must read as written; a missing title alone is shown as empty.
  const errors = Object.keys(validateCampaignSettings(s)).filter((k) => k !== 'title')
  if (errors.length) return null
  return { ...s, id: id as CampaignId, councilId: councilId as CouncilId, createdAt: str(c, 'createdAt') }
}

export function campaignOrThrow(doc: Y.Doc): Campaign {
  assertWritable(doc)
  const c = readCampaign(doc)
  if (!c) throw new DocError('notFound')
  return c
}

/**
 * Edits the settings. Refused once decided; once the window has opened only the title may change
 * (the rules a household signed under stay the rules it is counted by). The kind never changes.
 */
export function updateCampaign(doc: Y.Doc, patch: Partial<CampaignSettings>, now: string, origin: unknown = ORIGIN_LOCAL): boolean {
  const current = campaignOrThrow(doc)
  assertInstant(now, 'now')
  if (readDecisions(doc).length) throw new DocError('badTransition', { reason: 'campaignDecided' })
  const next = cleanSettings({ ...current, ...patch })
  const errors = validateCampaignSettings(next)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  const keys = (Object.keys(patch) as (keyof CampaignSettings)[]).filter((k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]))
  if (keys.includes('kind')) throw new DocError('invalidInput', { kind: 'kindFixed' })
  const locked = keys.filter((k) => k !== 'title')
  if (locked.length && windowState(current, now).phase !== 'notStarted') throw new DocError('badTransition', { reason: 'windowOpened', fields: locked })
  if (!keys.length) return false
  doc.transact(() => writeSettings(campaignMap(doc), next, keys), origin)
  return true
}

// ---- entries ------------------------------------------------------------------------------------

/**
 * The entries that stand (of one household if given), in the rules' order (oldest first): every
 * well-formed entry but those voided in time (readVoidedEntries lists those); anything else a
 * replica holds is skipped.
 */
export function readEntries(doc: Y.Doc, householdId?: HouseholdId): CampaignEntry[] {
  const voided = voidedEntryIds(readCampaign(doc), readVoids(doc))
  const all = readAllEntries(doc, householdId)
  return voided.size ? all.filter((e) => !voided.has(e.entryId)) : all
}

/** Every well-formed entry, voided or not (of one household if given), in the rules' order. */
export function readAllEntries(doc: Y.Doc, householdId?: HouseholdId): CampaignEntry[] {
  const out: CampaignEntry[] = []
  entriesMap(doc).forEach((v, entryId) => {
    const r = record(v)
    if (!r || (householdId !== undefined && r.householdId !== householdId)) return
    const e: unknown = { ...r, entryId, agent: r.agent ?? null }
    if (!isCampaignEntry(e)) return
    const base = { entryId, householdId: e.householdId, at: e.at, date: e.date, recordedBy: e.recordedBy, device: e.device }
    if (e.type === 'payment') out.push({ ...base, type: 'payment', amountFen: e.amountFen })
    else if (e.type === 'consent') out.push({ ...base, type: 'consent', choice: e.choice, agent: e.agent && { name: e.agent.name, note: e.agent.note } })
    else out.push({ ...base, type: e.type, agent: e.agent && { name: e.agent.name, note: e.agent.note } })
  })
  return out.sort(compareCampaignEntries)
}

/** Why an entry (or a void) is refused, under the field the form shows it at. */
export type EntryWriteRefusal = EntryRefusal | VoidRefusal | 'alreadySigned' | 'recordedByRequired' | 'deviceTooLong' | 'agentInvalid' | 'dateInvalid' | 'choiceInvalid' | 'amountInvalid'

export const FIELD_OF: Record<EntryRefusal, string> = {
  householdNotOnRoll: 'householdId',
  wrongCampaignKind: 'type',
  beforeWindow: 'date',
  afterDeadline: 'date',
  datedAfterRecorded: 'date',
  withdrawalNotAllowed: 'type',
  notSigned: 'householdId',
}

export function refuse(field: string, code: EntryWriteRefusal): never {
  throw new DocError('invalidInput', { [field]: code })
}

// ---- the decision -------------------------------------------------------------------------------

/** Every well-formed decision the document holds (normally one), the standing one first. */
export function readDecisions(doc: Y.Doc): CampaignDecision[] {
  const all: CampaignDecision[] = []
  decisionsMap(doc).forEach((v, id) => {
    const d = record(v)
    if (d && d.decisionId === id && isCampaignDecision(d)) all.push(JSON.parse(JSON.stringify(d)) as CampaignDecision)
  })
  const standing = standingDecision(all)
  return standing ? [standing, ...all.filter((d) => d !== standing).sort((a, b) => cmpStr(a.decidedAt, b.decidedAt) || cmpStr(a.decisionId, b.decisionId))] : []
}

/** The decision that stands, or null while undecided. */
export const readDecision = (doc: Y.Doc): CampaignDecision | null => readDecisions(doc)[0] ?? null

/**
 * Decides the campaign and freezes the result, in one write, once: refused while the window is open
 * (before the end of the deadline day) and once a decision is in the document.
 */
export function decide(doc: Y.Doc, households: readonly Household[], now: string, decidedBy: string, origin: unknown = ORIGIN_LOCAL): CampaignDecision {
  const c = campaignOrThrow(doc)
  assertInstant(now, 'now')
  if (readDecisions(doc).length) throw new DocError('badTransition', { reason: 'campaignDecided' })
  const by = decidedBy.trim()
  if (!by || by.length > MAX_PERSON_NAME) refuse('decidedBy', 'recordedByRequired')
  const r = decideCampaign(c, households, readEntries(doc), now, { decisionId: newEntryId(), decidedBy: by })
  if (!r.ok) throw new DocError('badTransition', { reason: r.reason, closesAt: new Date(closesAtMs(c)).toISOString() })
  const frozen = JSON.parse(JSON.stringify(r.decision)) as CampaignDecision
  doc.transact(() => decisionsMap(doc).set(frozen.decisionId, frozen), origin)
  return frozen
}

/** Signing, withdrawal and consent entries the standing decision did not count: shown as late, never counted. */
export function lateEntries(doc: Y.Doc): CampaignEntry[] {
  const d = readDecision(doc)
  if (!d) return []
  const known = new Set(d.entryIds)
  return readEntries(doc).filter((e) => e.type !== 'payment' && !known.has(e.entryId))
}

/**
 * The entries the rules read: once decided, exactly those the decision knew (late ones are listed
 * apart), whatever void arrives afterwards; payments always.
 */
function countedEntries(doc: Y.Doc): CampaignEntry[] {
  const d = readDecision(doc)
  if (!d) return readEntries(doc)
  const known = new Set(d.entryIds)
  return readAllEntries(doc).filter((e) => e.type === 'payment' || known.has(e.entryId))
}

// ---- voids --------------------------------------------------------------------------------------

/** Every well-formed void mark, oldest first; anything else a replica holds is skipped. */
export function readVoids(doc: Y.Doc): EntryVoid[] {
  const out: EntryVoid[] = []
  voidsMap(doc).forEach((v, voidId) => {
    const r = record(v)
    const mark: unknown = r && { ...r, voidId }
    if (isEntryVoid(mark)) out.push({ voidId, entryId: mark.entryId, at: mark.at, by: mark.by, reason: mark.reason, device: mark.device })
  })
  return out.sort((a, b) => cmpStr(a.at, b.at) || cmpStr(a.voidId, b.voidId))
}

/** Each voided entry with its (first) void mark, for the household's trail. */
export function readVoidedEntries(doc: Y.Doc): { entry: CampaignEntry; void: EntryVoid }[] {
  const voids = readVoids(doc)
  const voided = voidedEntryIds(readCampaign(doc), voids)
  if (!voided.size) return []
  const first = new Map<string, EntryVoid>()
  for (const v of voids) if (voided.has(v.entryId) && !first.has(v.entryId)) first.set(v.entryId, v)
  return readAllEntries(doc).flatMap((entry) => {
    const v = first.get(entry.entryId)
    return v ? [{ entry, void: v }] : []
  })
}

export function readSigningState(doc: Y.Doc, households: readonly Household[], now: string): SigningState | null {
  const c = readCampaign(doc)
  return c && c.kind === 'relocation' ? signingState(c, households, countedEntries(doc), now) : null
}

export function readConsentState(doc: Y.Doc, households: readonly Household[]): ConsentState | null {
  const c = readCampaign(doc)
  return c && c.kind === 'renovation' ? consentResult(c, households, countedEntries(doc)) : null
}

export function readPayments(doc: Y.Doc, households: readonly Household[]): PaymentsState | null {
  const c = readCampaign(doc)
  return c && c.kind === 'renovation' ? payments(c, households, readEntries(doc)) : null
}

/** How many Yjs client ids have written to the document (yjs#415): for diagnostics and tests. */
export const clientIdCount = (doc: Y.Doc): number => doc.store.clients.size
