// The merge plan of each register: members matched by name and address, households by address,
// with the same "on the register" test the parsers use to flag a row as already there.
import type { Household, HouseholdFields } from '../domain/household'
import type { Member, MemberFields } from '../domain/member'
import { importKey, type MemberImportPreview } from './members'
import { planImport, type ExistingChoice, type ImportPlan } from './merge'
import { householdImportKey, type HouseholdImportPreview } from './parseHouseholdTable'

type OkMembers = Extract<MemberImportPreview, { ok: true }>
type OkHouseholds = Extract<HouseholdImportPreview, { ok: true }>

const MEMBER_UPDATABLE = ['role', 'areaCentiM2', 'phone', 'joinedOn', 'leftOn'] as const
const HOUSEHOLD_UPDATABLE = ['owner', 'tenant', 'areaCentiM2', 'phone'] as const

/**
 * `existing` and `onDate` as given to parseMemberTable (its `existing` and `defaultJoinedOn`):
 * the rows it flagged as already on the register are the rows matched here.
 */
export function planMemberImport(preview: OkMembers, existing: readonly Member[], onDate: string, choice: ExistingChoice): ImportPlan<MemberFields> {
  const columns = new Set<string>(preview.columns.mapped.map((c) => c.field))
  return planImport<MemberFields>({
    rows: preview.rows,
    existing,
    keyOf: importKey,
    isCurrent: (m) => m.leftOn === null || m.leftOn > onDate,
    compared: MEMBER_UPDATABLE.filter((f) => columns.has(f)),
    choice,
  })
}

/** `existing` and `onDate` as given to parseHouseholdTable (its `existing` and `addedOn`). */
export function planHouseholdImport(preview: OkHouseholds, existing: readonly Household[], onDate: string, choice: ExistingChoice): ImportPlan<HouseholdFields> {
  const columns = new Set<string>(preview.columns.mapped.map((c) => c.field))
  return planImport<HouseholdFields>({
    rows: preview.rows,
    existing,
    keyOf: householdImportKey,
    isCurrent: (h) => h.removedOn === null || h.removedOn > onDate,
    // The owner column is what makes a household file: always there.
    compared: HOUSEHOLD_UPDATABLE.filter((f) => f === 'owner' || columns.has(f)),
    choice,
  })
}
