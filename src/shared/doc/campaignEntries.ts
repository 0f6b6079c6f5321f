// Writing a campaign's entries (sign, withdraw, consent, payment): each checked against the
// campaign's rules and the register, then stored as one plain JSON value under a new id (never
// edited; a mistake is voided, voidEntry below). Built on doc/campaign.ts, which reads them.
import type * as Y from 'yjs'
import {
  CONSENT_CHOICES,
  isAgent,
  isCampaignEntry,
  MAX_DEVICE_LABEL,
  MAX_PERSON_NAME,
  entryRefusal,
  isOnRoll,
  type Agent,
  type CampaignEntry,
  type ConsentChoice,
} from '../domain/campaign'
import { signingState } from '../domain/campaignSigning'
import { isIsoDate, type IsoDate } from '../domain/dates'
import type { Household, HouseholdId } from '../domain/household'
import { newEntryId } from '../domain/ids'
import { DocError } from './errors'
import { assertInstant } from './guards'
import { ORIGIN_LOCAL } from './schema'

import { campaignOrThrow, entriesMap, FIELD_OF, readAllEntries, readDecisions, readEntries, readVoids, refuse, voidsMap } from './campaign'
import { voidRefusal } from '../domain/campaignVoid'

export interface EntryInput {
  householdId: HouseholdId
  /** The community's day it happened (usually today). */
  date: IsoDate
  recordedBy: string
  /** This device's label (e.g. "笔记本2"). */
  device: string
}

/** Why a write was refused, beyond the rules' own EntryRefusal: codes under detail[field]. */

function baseOf(input: EntryInput, now: string): Omit<CampaignEntry, 'type' | 'entryId'> {
  const recordedBy = input.recordedBy.trim()
  if (!recordedBy || recordedBy.length > MAX_PERSON_NAME) refuse('recordedBy', 'recordedByRequired')
  if (input.device.length > MAX_DEVICE_LABEL) refuse('device', 'deviceTooLong')
  if (!isIsoDate(input.date)) refuse('date', 'dateInvalid')
  return { householdId: input.householdId, at: now, date: input.date, recordedBy, device: input.device.trim() }
}

function cleanAgent(agent: Agent | null | undefined): Agent | null {
  if (agent === null || agent === undefined) return null
  const a = { name: agent.name.trim(), note: agent.note.trim() }
  if (!isAgent(a)) refuse('agent', 'agentInvalid')
  return a
}

/** Writes one entry after the same rules that will count it have accepted it. */
function writeEntry(doc: Y.Doc, households: readonly Household[], entry: CampaignEntry, now: string, origin: unknown): string {
  const c = campaignOrThrow(doc)
  assertInstant(now, 'now')
  // Nothing is added to a decided campaign from here; a device that was offline may still bring
  // entries, which show as late.
  if (entry.type !== 'payment' && readDecisions(doc).length) throw new DocError('badTransition', { reason: 'campaignDecided' })
  if (!isCampaignEntry(entry)) throw new DocError('invalidInput', { entry: 'invalid' })
  // One household's roll and entries, not the whole campaign's: a click stays cheap with 3,000 households.
  const household = households.filter((h) => h.id === entry.householdId && isOnRoll(c, h))
  const refusal = entryRefusal(c, new Set<string>(household.map((h) => h.id)), entry)
  if (refusal) refuse(FIELD_OF[refusal], refusal)
  if (entry.type === 'sign' || entry.type === 'withdraw') {
    const mine = readEntries(doc, entry.householdId)
    const before = signingState(c, household, mine, now).households[0]?.status
    if (entry.type === 'sign' && before === 'signed') refuse('householdId', 'alreadySigned')
    const after = signingState(c, household, [...mine, entry], now).households[0]
    const verdict = after?.entries.find((v) => v.entry.entryId === entry.entryId)
    if (verdict?.refusal) refuse(FIELD_OF[verdict.refusal], verdict.refusal)
  }
  const { entryId, ...stored } = entry
  doc.transact(() => entriesMap(doc).set(entryId, JSON.parse(JSON.stringify(stored))), origin)
  return entryId
}

/** Records a conditional agreement signed by the owner, or by an agent with a note. */
export function recordSigning(doc: Y.Doc, households: readonly Household[], input: EntryInput & { agent?: Agent | null }, now: string, origin: unknown = ORIGIN_LOCAL): string {
  return writeEntry(doc, households, { ...baseOf(input, now), entryId: newEntryId(), type: 'sign', agent: cleanAgent(input.agent) }, now, origin)
}

/** Records a withdrawal: refused when withdrawal is not allowed, after the deadline, or with nothing signed. */
export function recordWithdrawal(doc: Y.Doc, households: readonly Household[], input: EntryInput & { agent?: Agent | null }, now: string, origin: unknown = ORIGIN_LOCAL): string {
  return writeEntry(doc, households, { ...baseOf(input, now), entryId: newEntryId(), type: 'withdraw', agent: cleanAgent(input.agent) }, now, origin)
}

/** Records an owner's answer on the renovation plan; a later answer replaces it (every answer kept). */
export function recordConsent(
  doc: Y.Doc,
  households: readonly Household[],
  input: EntryInput & { choice: ConsentChoice; agent?: Agent | null },
  now: string,
  origin: unknown = ORIGIN_LOCAL,
): string {
  if (!(CONSENT_CHOICES as readonly unknown[]).includes(input.choice)) refuse('choice', 'choiceInvalid')
  return writeEntry(doc, households, { ...baseOf(input, now), entryId: newEntryId(), type: 'consent', choice: input.choice, agent: cleanAgent(input.agent) }, now, origin)
}

/** Records a payment of a contribution in fen (negative: a refund or a correction). Allowed after the decision. */
export function recordPayment(doc: Y.Doc, households: readonly Household[], input: EntryInput & { amountFen: number }, now: string, origin: unknown = ORIGIN_LOCAL): string {
  if (!Number.isSafeInteger(input.amountFen) || input.amountFen === 0) refuse('amountFen', 'amountInvalid')
  const entry = { ...baseOf(input, now), entryId: newEntryId(), type: 'payment' as const, amountFen: input.amountFen }
  if (!isCampaignEntry(entry)) refuse('amountFen', 'amountInvalid')
  return writeEntry(doc, households, entry, now, origin)
}

// ---- voids --------------------------------------------------------------------------------------

export interface VoidInput {
  entryId: string
  /** Who voids it (the person recording). */
  by: string
  reason: string
  device: string
}

/**
 * Voids a signing, withdrawal or consent entry made by mistake: adds a mark beside it (the entry
 * itself is kept as written). Refused once decided or after the window closed, for a payment (a
 * negative payment corrects it), and without a reason.
 */
export function voidEntry(doc: Y.Doc, input: VoidInput, now: string, origin: unknown = ORIGIN_LOCAL): string {
  const c = campaignOrThrow(doc)
  assertInstant(now, 'now')
  if (readDecisions(doc).length) throw new DocError('badTransition', { reason: 'campaignDecided' })
  const entry = readAllEntries(doc).find((e) => e.entryId === input.entryId)
  const already = readVoids(doc).some((v) => v.entryId === input.entryId)
  const refusal = voidRefusal(c, entry, already, input, now)
  if (refusal) refuse(refusal === 'reasonRequired' || refusal === 'reasonTooLong' ? 'reason' : refusal === 'recordedByRequired' ? 'recordedBy' : 'entryId', refusal)
  const voidId = newEntryId()
  const mark = { entryId: input.entryId, at: now, by: input.by.trim(), reason: input.reason.trim(), device: input.device.trim() }
  doc.transact(() => voidsMap(doc).set(voidId, mark), origin)
  return voidId
}
