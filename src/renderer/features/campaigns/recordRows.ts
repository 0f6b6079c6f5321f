// The recording table's rows: every household of the campaign with its status and its trail of
// entries (late and voided ones in their place, newest first), from the campaign's context.
import { useMemo } from 'react'
import { compareCampaignEntries } from '../../../shared/domain/campaign'
import { consentResult } from '../../../shared/domain/campaignRenovation'
import { useCampaign } from './CampaignContext'
import type { RowData, RowEntry } from './HouseholdRow'

export function useRecordRows(): RowData[] {
  const { campaign, households, counted, late, voided, signing } = useCampaign()
  return useMemo((): RowData[] => {
    const lateBy = new Map<string, RowEntry[]>()
    for (const e of late) lateBy.set(e.householdId, [...(lateBy.get(e.householdId) ?? []), { entry: e, counted: false, refusal: null, late: true }])
    for (const v of voided) lateBy.set(v.entry.householdId, [...(lateBy.get(v.entry.householdId) ?? []), { entry: v.entry, counted: false, refusal: null, late: false, voided: v.void }])
    // Newest first, voided entries in their place on the trail.
    const withLate = (id: string, list: RowEntry[]) => [...(lateBy.get(id) ?? []), ...list].sort((a, b) => compareCampaignEntries(b.entry, a.entry))
    if (campaign.kind === 'relocation') {
      // The provider's live signing state: the same households as signingState(campaign, households, counted, now).
      return (signing?.households ?? []).map((h) => ({
        household: h.household,
        status: h.status,
        entries: withLate(
          h.household.id,
          h.entries.map((v) => ({ ...v, late: false })),
        ),
        conflict: h.conflicting.length > 0,
      }))
    }
    return consentResult(campaign, households, counted).households.map((h) => ({
      household: h.household,
      status: h.choice ?? 'none',
      entries: withLate(
        h.household.id,
        h.entries.map((v) => ({ ...v, late: false })),
      ),
      conflict: h.conflicting.length > 0,
    }))
  }, [campaign, households, counted, late, voided, signing])
}
