// Adding a household, or editing one with its history: the forms the register shows above its
// list.
import { useTranslation } from 'react-i18next'
import type { Household, HouseholdFields } from '../../../shared/domain/household'
import { useEnv } from '../../kit/env'
import { useCouncil } from '../../kit/CouncilContext'
import type { DocHandle } from '../../sync/docs'
import { HouseholdForm } from './HouseholdForm'
import { HouseholdHistory } from './HouseholdHistory'
import { saveHousehold, saveNewHousehold } from './actions'
import { formatAddress, sameAddress } from './register'

interface Props {
  handle: DocHandle
  households: readonly Household[]
  editing: Household | 'new'
  onClose: (notice: string | null) => void
  /** Who makes the changes: kept by the register for the visit, so the next edit has it. */
  by: string
  onBy: (by: string) => void
}

export function HouseholdEditor({ handle, households, editing, onClose, by, onBy }: Props) {
  const { t } = useTranslation(['households', 'common'])
  const env = useEnv()
  const { council } = useCouncil()
  const address = (f: HouseholdFields) => formatAddress(t, f) || f.owner
  if (editing === 'new') {
    const today = env.today()
    const blank: HouseholdFields = { building: '', unit: '', room: '', owner: '', tenant: '', areaCentiM2: null, phone: '', addedOn: today, removedOn: null }
    return (
      <HouseholdForm
        title={t('households:addTitle')}
        initial={blank}
        duplicate={(f) => sameAddress(households, f, null) !== undefined}
        onCancel={() => onClose(null)}
        onSubmit={async (f) => {
          await saveNewHousehold(env, handle, council.id, f)
          onClose(t('households:added', { address: address(f) }))
        }}
      />
    )
  }
  return (
    <>
      <HouseholdForm
        key={editing.id}
        title={t('households:editTitle', { address: address(editing) })}
        initial={households.find((h) => h.id === editing.id) ?? editing}
        withBy
        by={by}
        // A household leaving the register may share its address with the one that replaced it.
        duplicate={(f) => f.removedOn === null && sameAddress(households, f, editing.id) !== undefined}
        onCancel={() => onClose(null)}
        onSubmit={async (f, who) => {
          const changed = await saveHousehold(env, handle, editing.id, f, who)
          onBy(who.trim())
          onClose(t(changed ? 'households:updated' : 'households:unchanged', { address: address(f) }))
        }}
      />
      <HouseholdHistory doc={handle.doc} householdId={editing.id} />
    </>
  )
}
