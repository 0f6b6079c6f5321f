// Creating a council, with the rules pre-filled from the defaults of its kind.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { defaultCouncilInput } from '../../../shared/domain/council'
import { useEnv } from '../../kit/env'
import { navigate } from '../../kit/router'
import { CouncilForm } from './CouncilForm'
import { createCouncil } from './actions'

export function NewCouncilScreen() {
  const { t } = useTranslation('council')
  const env = useEnv()
  const initial = useMemo(() => defaultCouncilInput('resident', env.today()), [env])
  return (
    <>
      <h1>{t('new.title')}</h1>
      <div className="card">
        <CouncilForm
          initial={initial}
          submitLabel={t('new.submit')}
          onSubmit={async (input) => {
            const id = await createCouncil(env, input)
            navigate({ name: 'council', councilId: id, tab: 'members' })
          }}
          onCancel={() => navigate({ name: 'home' })}
        />
      </div>
    </>
  )
}
