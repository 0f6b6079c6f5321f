// Adding a member, or editing one with their history: the forms the members tab shows above its list.
import { useTranslation } from 'react-i18next'
import type { Member, MemberFields } from '../../../shared/domain/member'
import { useEnv } from '../../kit/env'
import { useCouncil } from '../../kit/CouncilContext'
import { MemberForm } from './MemberForm'
import { MemberHistory } from './MemberHistory'
import { saveMember, saveNewMember } from './actions'

/** `onClose(notice)`: the form is done (notice: what was saved, or null when cancelled). */
export function MemberEditor({ members, editing, onClose }: { members: readonly Member[]; editing: Member | 'new'; onClose: (notice: string | null) => void }) {
  const { t } = useTranslation(['members', 'common'])
  const env = useEnv()
  const { handle } = useCouncil()
  if (editing === 'new') {
    const blank: MemberFields = { name: '', role: 'councillor', building: '', unit: '', room: '', areaCentiM2: null, phone: '', joinedOn: env.today(), leftOn: null }
    return (
      <MemberForm
        title={t('members:addTitle')}
        initial={blank}
        onCancel={() => onClose(null)}
        onSubmit={async (f) => {
          await saveNewMember(env, handle, f)
          onClose(t('members:added', { name: f.name.trim() }))
        }}
      />
    )
  }
  return (
    <>
      <MemberForm
        key={editing.id}
        title={t('members:editTitle', { name: editing.name })}
        initial={members.find((m) => m.id === editing.id) ?? editing}
        onCancel={() => onClose(null)}
        onSubmit={async (f) => {
          await saveMember(env, handle, editing.id, f)
          onClose(t('members:updated', { name: f.name.trim() }))
        }}
      />
      <MemberHistory memberId={editing.id} />
    </>
  )
}
