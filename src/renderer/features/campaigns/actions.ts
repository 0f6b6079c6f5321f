// Campaign writes: each is one transaction on the campaign document (or, for a new campaign, the
// campaign and then the council's index), acknowledged only once y-indexeddb has stored it, so a
// canvasser told "saved" has the signature on disk.
import { indexCampaign } from '../../../shared/doc/council'
import { decide, initCampaignDoc, updateCampaign } from '../../../shared/doc/campaign'
import { type EntryInput, recordConsent, recordPayment, recordSigning, recordWithdrawal, voidEntry, type VoidInput } from '../../../shared/doc/campaignEntries'
import { DocError } from '../../../shared/doc/errors'
import { campaignDocName } from '../../../shared/doc/names'
import { newCampaignId, validateCampaignSettings, type Agent, type CampaignId, type CampaignSettings, type ConsentChoice } from '../../../shared/domain/campaign'
import type { CampaignDecision } from '../../../shared/domain/campaignDecision'
import type { Household } from '../../../shared/domain/household'
import type { CouncilId } from '../../../shared/domain/ids'
import type { AppEnv } from '../../kit/env'
import type { DocHandle } from '../../sync/docs'
import { createIndexedDoc, writeDoc } from '../../kit/write'

export async function createCampaign(env: AppEnv, council: DocHandle, councilId: CouncilId, settings: CampaignSettings): Promise<CampaignId> {
  const errors = validateCampaignSettings(settings)
  if (Object.keys(errors).length) throw new DocError('invalidInput', errors)
  const campaignId = newCampaignId()
  const name = campaignDocName(councilId, campaignId)
  // Indexed only once the campaign is on disk: the list never names a campaign this device lost.
  await createIndexedDoc(
    env,
    council,
    name,
    (doc, now) => initCampaignDoc(doc, { councilId, campaignId }, settings, now),
    (councilDoc, now) => indexCampaign(councilDoc, campaignId, now),
  )
  return campaignId
}

export const saveCampaignSettings = (env: AppEnv, h: DocHandle, patch: Partial<CampaignSettings>) => writeDoc(env, h, (d, now) => updateCampaign(d, patch, now))

export type EntryWrite = EntryInput & { agent?: Agent | null }

export const signHousehold = (env: AppEnv, h: DocHandle, households: readonly Household[], input: EntryWrite) => writeDoc(env, h, (d, now) => recordSigning(d, households, input, now))

export const withdrawHousehold = (env: AppEnv, h: DocHandle, households: readonly Household[], input: EntryWrite) =>
  writeDoc(env, h, (d, now) => recordWithdrawal(d, households, input, now))

export const recordChoice = (env: AppEnv, h: DocHandle, households: readonly Household[], input: EntryWrite & { choice: ConsentChoice }) =>
  writeDoc(env, h, (d, now) => recordConsent(d, households, input, now))

export const recordPaid = (env: AppEnv, h: DocHandle, households: readonly Household[], input: EntryInput & { amountFen: number }) =>
  writeDoc(env, h, (d, now) => recordPayment(d, households, input, now))

export const decideCampaign = (env: AppEnv, h: DocHandle, households: readonly Household[], decidedBy: string): Promise<CampaignDecision> =>
  writeDoc(env, h, (d, now) => decide(d, households, now, decidedBy))

/** Voids an entry made by mistake: a mark beside it (who, why), the entry itself kept. */
export const voidCampaignEntry = (env: AppEnv, h: DocHandle, input: VoidInput) => writeDoc(env, h, (d, now) => voidEntry(d, input, now))
