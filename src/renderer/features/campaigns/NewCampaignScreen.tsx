// Creating a campaign: a mock relocation (signing window, threshold, withdrawal) or a renovation
// consent (matter, contributions). It opens on its overview once stored.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { addDays, defaultCampaignSettings, DEFAULT_UTC_OFFSET_MINUTES, localDateOf } from '../../../shared/domain/campaign'
import { useEnv } from '../../kit/env'
import { navigate } from '../../kit/router'
import { useCouncil } from '../../kit/CouncilContext'
import { createCampaign } from './actions'
import { CampaignForm } from './CampaignForm'
import { useHouseholds } from './CampaignContext'

/** Thirty days from today, the community's today: a usual signing window. */
const WINDOW_DAYS = 30

export function NewCampaignScreen() {
  const { t } = useTranslation(['campaigns', 'common'])
  const env = useEnv()
  const { council, handle } = useCouncil()
  const { households, ready } = useHouseholds()
  const now = env.now()
  const today = localDateOf(now, DEFAULT_UTC_OFFSET_MINUTES) ?? env.today()
  const initial = useMemo(() => defaultCampaignSettings('relocation', today, addDays(today, WINDOW_DAYS - 1)), [today])
  const back = () => navigate({ name: 'council', councilId: council.id, tab: 'campaigns' })
  return (
    <>
      <h1>{t('campaigns:newTitle')}</h1>
      <p className="muted">{t('campaigns:newExplain')}</p>
      {households.length === 0 && ready ? <p className="banner info">{t('campaigns:noHouseholds')}</p> : null}
      <div className="card">
        {handle.readOnly ? (
          <p>{t(handle.readOnlyReason === 'access' ? 'common:status.readOnlyAccess' : 'common:status.readOnly')}</p>
        ) : ready ? (
          <CampaignForm
            initial={initial}
            households={households}
            submitLabel={t('campaigns:create')}
            onCancel={back}
            onSubmit={async (settings) => {
              const campaignId = await createCampaign(env, handle, council.id, settings)
              navigate({ name: 'campaign', councilId: council.id, campaignId, tab: 'overview' })
            }}
          />
        ) : (
          <p>{t('common:status.loading')}</p>
        )}
      </div>
    </>
  )
}
