// Campaign writes: each is one transaction on the campaign document (or, for a new campaign, the
// campaign and then the council's index), acknowledged only once y-indexeddb has stored it, so a
// canvasser told "saved" has the signature on disk.
import type * as Y from 'yjs'
import { indexCampaign } from '../../../shared/doc/council'
import { decide, initCampaignDoc, updateCampaign } from '../../../shared/doc/campaign'
import { type EntryInput, recordConsent, recordPayment, recordSigning, recordWithdrawal, voidEntry, type VoidInput } from '../../../shared/doc/campaignEntries'
import { DocError } from '../../../shared/doc/errors'
import { campaignDocName } from '../../../shared/doc/names'
import { newCampaignId, validateCampaignSettings, type Agent, type CampaignId, type CampaignSettings, type ConsentChoice } from '../../../shared/domain/campaign'
import type { CampaignDecision } from '../../../shared/domain/campaignDecision'
import type { Household } from '../../../shared/domain/household'
import type { CouncilId } from '../../../shared/domain/ids'
import type { AppEnv } from '../../app/env'
import type { DocHandle } from '../../sync/docs'

export async function createCampaign(env: AppEnv, council: DocHandle, councilId: CouncilId, settings: CampaignSettings): Promise<CampaignId> {
  const errors = validateCampaignSettings(settings)
  if (Object.keys(errors).length) throw new DocError('invalidInput', errors)
  const campaignId = newCampaignId()
  const name = campaignDocName(councilId, campaignId)
  const { doc } = await env.docs.acquire(name)
  try {
    const now = env.now()
    initCampaignDoc(doc, { councilId, campaignId }, settings, now)
    await env.docs.whenStored(name)
    // Indexed only once the campaign is on disk: the list never names a campaign this device lost.
    indexCampaign(council.doc, campaignId, now)
    await env.docs.whenStored(council.name)
  } finally {
    await env.docs.release(name)
  }
  return campaignId
}

async function write<T>(env: AppEnv, h: DocHandle, fn: (doc: Y.Doc, now: string) => T): Promise<T> {
  const result = fn(h.doc, env.now())
  await env.docs.whenStored(h.name)
  return result
}

export const saveCampaignSettings = (env: AppEnv, h: DocHandle, patch: Partial<CampaignSettings>) => write(env, h, (d, now) => updateCampaign(d, patch, now))

export type EntryWrite = EntryInput & { agent?: Agent | null }

export const signHousehold = (env: AppEnv, h: DocHandle, households: readonly Household[], input: EntryWrite) => write(env, h, (d, now) => recordSigning(d, households, input, now))

export const withdrawHousehold = (env: AppEnv, h: DocHandle, households: readonly Household[], input: EntryWrite) =>
  write(env, h, (d, now) => recordWithdrawal(d, households, input, now))

export const recordChoice = (env: AppEnv, h: DocHandle, households: readonly Household[], input: EntryWrite & { choice: ConsentChoice }) =>
  write(env, h, (d, now) => recordConsent(d, households, input, now))

export const recordPaid = (env: AppEnv, h: DocHandle, households: readonly Household[], input: EntryInput & { amountFen: number }) =>
  write(env, h, (d, now) => recordPayment(d, households, input, now))

export const decideCampaign = (env: AppEnv, h: DocHandle, households: readonly Household[], decidedBy: string): Promise<CampaignDecision> =>
  write(env, h, (d, now) => decide(d, households, now, decidedBy))

/** Voids an entry made by mistake: a mark beside it (who, why), the entry itself kept. */
export const voidCampaignEntry = (env: AppEnv, h: DocHandle, input: VoidInput) => write(env, h, (d, now) => voidEntry(d, input, now))
