// What the register screens share: the open council's households document, how an address reads,
// and the search key of a household.
import type { TFunction } from 'i18next'
import { householdsDocName } from '../../../shared/doc/names'
import { addressSearchParts, searchText } from '../../../shared/domain/addressSearch'
import type { Household, HouseholdFields } from '../../../shared/domain/household'
import { householdImportKey } from '../../../shared/import/parseHouseholdTable'
import { useDocHandle, type DocState } from '../../kit/docHooks'
import { useCouncil } from '../../kit/CouncilContext'

/** The register is its own document (council/<id>/households), opened while a screen shows it. */
export function useHouseholdsDoc(): DocState {
  const { council } = useCouncil()
  return useDocHandle(householdsDocName(council.id))
}

// A bare designator ("3", "12A", "3-1") gets its word (3栋, 2单元, 301室); anything else
// ("锦绣花园3栋", "东101") already says what it is and reads as written.
const BARE = /^[0-9A-Za-z-]+$/

/** "3栋 2单元 301室" (en: "Bldg 3, Unit 2, Rm 301"), leaving out the parts the household does not have. */
export function formatAddress(t: TFunction<'households'>, h: Pick<HouseholdFields, 'building' | 'unit' | 'room'>): string {
  return (['building', 'unit', 'room'] as const)
    .filter((k) => h[k].trim())
    .map((k) => (BARE.test(h[k]) ? t(`parts.${k}`, { v: h[k] }) : h[k]))
    .join(t('partsSep'))
}

export { foldForSearch, matchesFolded } from '../../../shared/domain/addressSearch'

/** Everything a search may match in a household (folded): its address as written and as shown, its people and phone. */
export function searchKey(t: TFunction<'households'>, h: Household): string {
  return searchText([...addressSearchParts(h), formatAddress(t, h), h.owner, h.tenant, h.phone])
}

/** Another household on the register on `date` at the same address (building + unit + room), or undefined. */
export function sameAddress(households: readonly Household[], f: HouseholdFields, except: string | null): Household | undefined {
  const key = householdImportKey(f)
  return households.find((h) => h.id !== except && (h.removedOn === null || h.removedOn > f.addedOn) && householdImportKey(h) === key)
}
