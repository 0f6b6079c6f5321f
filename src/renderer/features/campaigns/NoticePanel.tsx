// The daily public notice (签约情况公示) for a chosen day: the rate, signed out of the roll, the
// threshold, the days left and the signed households (addresses only, names if the council turned
// that on), shown as it prints and exported as PDF and DOCX.
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { campaignNoticeDocument } from '../../../shared/campaigns/notice'
import { signingStateOnDay } from '../../../shared/campaigns/dayState'
import { windowState } from '../../../shared/domain/campaign'
import { isIsoDate } from '../../../shared/domain/dates'
import { href } from '../../kit/router'
import { TextField } from '../../ui/Field'
import { useCouncil } from '../../kit/CouncilContext'
import { PrintDocumentView } from '../../kit/PrintDocumentView'
import { useCampaign } from './CampaignContext'

export function NoticePanel() {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const { council } = useCouncil()
  const { campaign, households, counted, decisions, now } = useCampaign()
  const today = windowState(campaign, now).today
  const [dayChoice, setDayChoice] = useState<string | null>(null)
  const day = dayChoice ?? today
  // The council decides, in its rules, whether the notice names owners (room numbers otherwise).
  const showNames = council.noticeShowsNames
  const lang = i18n.language
  const decision = decisions[0]?.kind === 'relocation' ? decisions[0] : null
  const state = useMemo(() => signingStateOnDay(campaign, households, counted, day, now), [campaign, households, counted, day, now])
  const doc = useMemo(
    () =>
      campaignNoticeDocument(
        { campaign, councilName: council.name, state, decision },
        { t: i18n.getFixedT(lang) as (key: string, o?: Record<string, unknown>) => string, lang, day, showNames },
      ),
    [campaign, council.name, state, decision, i18n, lang, day, showNames],
  )
  return (
    <section aria-label={t('campaigns:tabs.notice')}>
      <p className="muted no-print">{t('campaigns:notice.explain')}</p>
      <div className="row bottom no-print">
        <TextField
          label={t('campaigns:notice.day')}
          type="date"
          value={day}
          min={campaign.start}
          max={today}
          onChange={(e) => setDayChoice(isIsoDate(e.target.value) ? e.target.value : null)}
        />
      </div>
      <p className="muted no-print">
        {showNames ? t('campaigns:notice.namesShown') : t('campaigns:notice.roomsOnly')}{' '}
        <a href={href({ name: 'council', councilId: council.id, tab: 'rules' })}>{t('campaigns:notice.changeInRules')}</a>
      </p>
      <PrintDocumentView doc={doc} fileName={`${campaign.title}-${day}-${t('campaigns:notice.fileLabel')}`} />
    </section>
  )
}
