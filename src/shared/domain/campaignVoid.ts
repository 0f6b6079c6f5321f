// Voiding a campaign entry made by mistake (a signature recorded for the wrong room, a tap on the
// wrong button): the entry is never deleted or edited; a void mark is added beside it, with who
// voided it, why and when. A voided entry stays on the household's trail, struck through, and no
// longer counts. Payments are not voided: a wrong payment is corrected by a negative one.
import { instantMs, isInstant } from './dates'
import { closesAtMs, MAX_DEVICE_LABEL, MAX_PERSON_NAME, type CampaignEntry, type CampaignSettings } from './campaign'

export const MAX_VOID_REASON = 500

export interface EntryVoid {
  voidId: string
  /** The entry it voids. */
  entryId: string
  /** When it was recorded (an instant from the recording device). */
  at: string
  /** Who voided it (the person recording, as typed). */
  by: string
  /** Why, as typed: required, so the trail explains itself. */
  reason: string
  /** The recording device's label. */
  device: string
}

export type VoidRefusal = 'entryNotFound' | 'alreadyVoided' | 'paymentNotVoidable' | 'reasonRequired' | 'reasonTooLong' | 'recordedByRequired' | 'afterDeadline' | 'deviceTooLong'

const isText = (v: unknown, max: number, required: boolean): v is string => typeof v === 'string' && v.length <= max && (!required || v.trim() !== '')

export function isEntryVoid(v: unknown): v is EntryVoid {
  if (v === null || typeof v !== 'object') return false
  const r = v as Record<string, unknown>
  return (
    isText(r.voidId, 64, true) &&
    isText(r.entryId, 64, true) &&
    isInstant(r.at) &&
    isText(r.by, MAX_PERSON_NAME, true) &&
    isText(r.reason, MAX_VOID_REASON, true) &&
    isText(r.device, MAX_DEVICE_LABEL, false)
  )
}

/**
 * The entries that no longer count. A void recorded after the window closed is kept and shown but
 * changes nothing: what stood at the deadline is what the campaign is decided on, on every device,
 * whenever the void arrives.
 */
export function voidedEntryIds(s: Pick<CampaignSettings, 'deadline' | 'utcOffsetMinutes'> | null, voids: readonly EntryVoid[]): Set<string> {
  const closes = s ? closesAtMs(s) : Infinity
  const out = new Set<string>()
  for (const v of voids) if (instantMs(v.at) < closes) out.add(v.entryId)
  return out
}

/** Why a void may not be written now, or null: the same rule the document's writer applies. */
export function voidRefusal(
  s: Pick<CampaignSettings, 'deadline' | 'utcOffsetMinutes'>,
  entry: CampaignEntry | undefined,
  alreadyVoided: boolean,
  input: { by: string; reason: string; device: string },
  now: string,
): VoidRefusal | null {
  if (!entry) return 'entryNotFound'
  if (entry.type === 'payment') return 'paymentNotVoidable'
  if (alreadyVoided) return 'alreadyVoided'
  if (!isText(input.by, MAX_PERSON_NAME, true)) return 'recordedByRequired'
  if (input.reason.trim() === '') return 'reasonRequired'
  if (input.reason.length > MAX_VOID_REASON) return 'reasonTooLong'
  if (input.device.length > MAX_DEVICE_LABEL) return 'deviceTooLong'
  if (instantMs(now) >= closesAtMs(s)) return 'afterDeadline'
  return null
}
