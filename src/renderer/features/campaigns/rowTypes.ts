// The recording table's row: a household, its status and every entry recorded for it, and what a
// row's buttons ask to record. Its own file so the row and its cells share it without a cycle.
import type { Agent, CampaignEntry, ConsentChoice, EntryRefusal } from '../../../shared/domain/campaign'
import type { EntryVoid } from '../../../shared/domain/campaignVoid'
import type { Household } from '../../../shared/domain/household'

export interface RowEntry {
  entry: CampaignEntry
  counted: boolean
  refusal: EntryRefusal | null
  late: boolean
  /** Set when the entry was voided: who, why and when. */
  voided?: EntryVoid | null
}

export interface RowData {
  household: Household
  /** relocation: signed / withdrawn / unsigned; renovation: the counted choice, or 'none'. */
  status: 'signed' | 'withdrawn' | 'unsigned' | ConsentChoice | 'none'
  entries: RowEntry[]
  conflict: boolean
}

export type RowAction = { type: 'sign' | 'withdraw'; agent: Agent | null } | { type: 'consent'; choice: ConsentChoice; agent: Agent | null }
