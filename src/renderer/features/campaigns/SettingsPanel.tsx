// The campaign's settings: all of them until the window opens; after that only the title (the
// rules a household signed under stay the rules it is counted by); nothing once decided.
import { useTranslation } from 'react-i18next'
import { windowState } from '../../../shared/domain/campaign'
import { useEnv } from '../../kit/env'
import { Banner } from '../../ui/Banner'
import { saveCampaignSettings } from './actions'
import { CampaignForm } from './CampaignForm'
import { useCampaign } from './CampaignContext'

export function SettingsPanel() {
  const { t } = useTranslation(['campaigns', 'common'])
  const env = useEnv()
  const { campaign, households, decisions, handle, now } = useCampaign()
  const phase = windowState(campaign, now).phase
  const decided = decisions.length > 0
  const rulesLocked = phase !== 'notStarted'
  return (
    <section aria-label={t('campaigns:tabs.settings')}>
      {decided ? <Banner kind="info">{t('campaigns:settings.decided')}</Banner> : rulesLocked ? <Banner kind="info">{t('campaigns:settings.locked')}</Banner> : null}
      {handle.readOnly || decided ? null : (
        <div className="card">
          <CampaignForm
            initial={campaign}
            households={households}
            submitLabel={t('campaigns:settings.save')}
            kindLocked
            rulesLocked={rulesLocked}
            onSubmit={async (s) => {
              await saveCampaignSettings(env, handle, rulesLocked ? { title: s.title } : s)
            }}
          />
        </div>
      )}
      {handle.readOnly || decided ? <ReadOnlySettings /> : null}
    </section>
  )
}

function ReadOnlySettings() {
  const { t } = useTranslation(['campaigns'])
  const { campaign } = useCampaign()
  const rows: [string, string][] = [
    [t('campaigns:fields.kind'), t(`campaigns:kind.${campaign.kind}`)],
    [t('campaigns:fields.title'), campaign.title],
    [t('campaigns:fields.start'), campaign.start],
    [t('campaigns:fields.deadline'), campaign.deadline],
    [t('campaigns:fields.buildings'), campaign.buildings.length ? campaign.buildings.join(t('campaigns:address.listSep')) : t('campaigns:settings.allBuildings')],
  ]
  if (campaign.kind === 'relocation') {
    rows.push([t('campaigns:fields.threshold'), t('campaigns:percent', { value: campaign.thresholdPercent })])
    rows.push([t('campaigns:fields.withdrawalAllowed'), campaign.withdrawalAllowed ? t('campaigns:renovation.yes') : t('campaigns:renovation.no')])
  } else rows.push([t('campaigns:fields.matter'), t(`campaigns:matter.${campaign.matter}`)])
  return (
    <dl className="card settings-list">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  )
}
