// One campaign: its overview (the rate, by building and by day, who has not signed, the decision),
// recording (find a household, record its signature, withdrawal or consent), the daily notice
// (PDF, DOCX) and its settings.
import { useTranslation } from 'react-i18next'
import { windowState } from '../../../shared/domain/campaign'
import { CAMPAIGN_TABS, href, type CampaignTab } from '../../kit/router'
import { formatDate } from '../../kit/format'
import { Banner } from '../../ui/Banner'
import { StatusPill } from '../../ui/StatusPill'
import { useCouncil } from '../../kit/CouncilContext'
import { CampaignProvider, useCampaign } from './CampaignContext'
import { OverviewPanel } from './OverviewPanel'
import { RecordPanel } from './RecordPanel'
import { NoticePanel } from './NoticePanel'
import { SettingsPanel } from './SettingsPanel'

export function CampaignScreen({ campaignId, tab }: { campaignId: string; tab: CampaignTab }) {
  return (
    <CampaignProvider campaignId={campaignId}>
      <CampaignBody tab={tab} />
    </CampaignProvider>
  )
}

function CampaignBody({ tab }: { tab: CampaignTab }) {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const { council } = useCouncil()
  const { campaign, decisions, now } = useCampaign()
  const w = windowState(campaign, now)
  const lang = i18n.language
  const tabs = campaign.kind === 'relocation' ? CAMPAIGN_TABS : CAMPAIGN_TABS.filter((k) => k !== 'notice')
  return (
    <>
      <p className="no-print">
        <a href={href({ name: 'council', councilId: council.id, tab: 'campaigns' })}>{t('campaigns:back')}</a>
      </p>
      <div className="row no-print">
        <h1>{campaign.title}</h1>
        <StatusPill status={campaign.kind} label={t(`campaigns:kind.${campaign.kind}`)} />
        <StatusPill status={decisions.length ? 'decided' : w.phase} label={decisions.length ? t('campaigns:phase.decided') : t(`campaigns:phase.${w.phase}`)} />
      </div>
      <p className="muted no-print">{t(`campaigns:windowLine.${campaign.kind}`, { start: formatDate(lang, campaign.start), deadline: formatDate(lang, campaign.deadline) })}</p>
      <nav className="tabs no-print" aria-label={t('campaigns:tabs.label')}>
        {tabs.map((k) => (
          <a key={k} href={href({ name: 'campaign', councilId: council.id, campaignId: campaign.id, tab: k })} aria-current={k === tab ? 'page' : undefined}>
            {t(`campaigns:tabs.${k}`)}
          </a>
        ))}
      </nav>
      {tab === 'overview' ? <OverviewPanel /> : null}
      {tab === 'record' ? <RecordPanel /> : null}
      {tab === 'notice' ? campaign.kind === 'relocation' ? <NoticePanel /> : <Banner kind="info">{t('campaigns:notice.relocationOnly')}</Banner> : null}
      {tab === 'settings' ? <SettingsPanel /> : null}
    </>
  )
}
