// A mock relocation at a glance: the signing rate (rounded down, never up) with signed / roll,
// the threshold and the households it needs, the days left; by building; day by day; the
// households not signed. Once the window has closed: the decision, then the frozen result.
import { useTranslation } from 'react-i18next'
import type { SigningState } from '../../../shared/domain/campaignSigning'
import type { RelocationDecision } from '../../../shared/domain/campaignDecision'
import { rateText } from '../../../shared/campaigns/figures'
import { formatDate } from '../../kit/format'
import { href } from '../../kit/router'
import { useCouncil } from '../../kit/CouncilContext'
import { useCampaign } from './CampaignContext'
import { DailyChart } from './DailyChart'
import { DecisionCard } from './DecisionCard'
import { addressText } from './labels'
import { RenovationOverview } from './RenovationOverview'

const SHOWN_UNSIGNED = 300

export function OverviewPanel() {
  const { campaign } = useCampaign()
  return campaign.kind === 'relocation' ? <RelocationOverview /> : <RenovationOverview />
}

function RelocationOverview() {
  const { t } = useTranslation(['campaigns'])
  // The provider's live signing state (readSigningState at now): set for every relocation.
  const { campaign, decisions, signing: s } = useCampaign()
  if (!s) return null
  const decision = decisions[0]?.kind === 'relocation' ? decisions[0] : null
  return (
    <>
      <Headline s={s} decision={decision} />
      <DecisionCard />
      <ByBuilding s={s} decision={decision} />
      <section className="card" aria-labelledby="daily-title">
        <h2 id="daily-title">{t('campaigns:overview.daily')}</h2>
        <DailyChart daily={s.daily} roll={s.rate.den} thresholdPercent={campaign.thresholdPercent} start={campaign.start} deadline={campaign.deadline} />
      </section>
      <Unsigned s={s} />
    </>
  )
}

function Headline({ s, decision }: { s: SigningState; decision: RelocationDecision | null }) {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const { campaign } = useCampaign()
  const lang = i18n.language
  // Decided: the frozen figures, whatever reached the document since.
  const signed = decision ? decision.signed : s.rate.num
  const roll = decision ? decision.roll : s.rate.den
  const required = decision ? decision.required : s.required
  const percent = rateText({ num: signed, den: roll })
  const missing = Math.max(0, required - signed)
  return (
    <section className={`card headline ${decision ? decision.outcome : s.reached ? 'reached' : 'below'}`} aria-labelledby="headline-title">
      <h2 id="headline-title">{decision ? t('campaigns:overview.decisionTitle') : t('campaigns:overview.rateTitle')}</h2>
      <p className="headline-figure" data-testid="headline">
        {decision ? t(`campaigns:outcome.${decision.outcome}Rate`, { percent, signed, count: roll }) : t('campaigns:percent', { value: percent })}
      </p>
      <dl className="figures">
        <div>
          <dt>{t('campaigns:overview.signed')}</dt>
          <dd data-testid="signed-count">{t('campaigns:count', { signed, count: roll })}</dd>
        </div>
        <div>
          <dt>{t('campaigns:overview.threshold')}</dt>
          <dd>{t('campaigns:overview.thresholdValue', { threshold: decision?.thresholdPercent ?? campaign.thresholdPercent, count: required })}</dd>
        </div>
        <div>
          <dt>{t('campaigns:overview.missing')}</dt>
          <dd>{missing === 0 ? t('campaigns:overview.reached') : t('campaigns:overview.missingValue', { count: missing })}</dd>
        </div>
        <div>
          <dt>{t('campaigns:overview.daysLeft')}</dt>
          <dd data-testid="days-left">
            {s.phase === 'closed'
              ? t('campaigns:overview.closedOn', { date: formatDate(lang, campaign.deadline) })
              : s.phase === 'notStarted'
                ? t('campaigns:overview.opensOn', { date: formatDate(lang, campaign.start), count: s.daysLeft })
                : t('campaigns:overview.daysLeftValue', { count: s.daysLeft, date: formatDate(lang, campaign.deadline) })}
          </dd>
        </div>
        {s.reachedOn && !decision ? (
          <div>
            <dt>{t('campaigns:overview.reachedOn')}</dt>
            <dd>{formatDate(lang, s.reachedOn)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  )
}

function ByBuilding({ s, decision }: { s: SigningState; decision: RelocationDecision | null }) {
  const { t } = useTranslation(['campaigns'])
  const rows = decision ? decision.byBuilding : s.byBuilding
  if (rows.length === 0) return null
  return (
    <section className="card" aria-labelledby="buildings-title">
      <h2 id="buildings-title">{t('campaigns:overview.byBuilding')}</h2>
      <div className="table-wrap">
        <table aria-labelledby="buildings-title">
          <thead>
            <tr>
              <th scope="col">{t('campaigns:household.building')}</th>
              <th scope="col" className="num">
                {t('campaigns:overview.signed')}
              </th>
              <th scope="col" className="num">
                {t('campaigns:overview.rate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((b) => (
              <tr key={b.building}>
                <td>{b.building.trim() ? t('campaigns:address.building', { v: b.building }) : t('campaigns:overview.noBuilding')}</td>
                <td className="num">{t('campaigns:count', { signed: b.signed, count: b.total })}</td>
                <td className="num">{t('campaigns:percent', { value: rateText({ num: b.signed, den: b.total }) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}

function Unsigned({ s }: { s: SigningState }) {
  const { t } = useTranslation(['campaigns'])
  const { council } = useCouncil()
  const { campaign } = useCampaign()
  const rows = s.households.filter((h) => h.status !== 'signed')
  return (
    <section className="card" aria-labelledby="unsigned-title">
      <h2 id="unsigned-title">{t('campaigns:overview.unsigned', { count: rows.length })}</h2>
      {rows.length === 0 ? (
        <p>{s.rate.den === 0 ? t('campaigns:overview.emptyRoll') : t('campaigns:overview.allSigned')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table aria-labelledby="unsigned-title">
              <thead>
                <tr>
                  <th scope="col">{t('campaigns:household.address')}</th>
                  <th scope="col">{t('campaigns:household.owner')}</th>
                  <th scope="col">{t('campaigns:household.status')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, SHOWN_UNSIGNED).map((h) => (
                  <tr key={h.household.id}>
                    <td>{addressText(t, h.household)}</td>
                    <td>{h.household.owner}</td>
                    <td>{t(`campaigns:status.${h.status}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > SHOWN_UNSIGNED ? <p className="muted">{t('campaigns:overview.moreUnsigned', { count: rows.length - SHOWN_UNSIGNED })}</p> : null}
          <p className="no-print">
            <a href={href({ name: 'campaign', councilId: council.id, campaignId: campaign.id, tab: 'record' })}>{t('campaigns:overview.goRecord')}</a>
          </p>
        </>
      )}
    </section>
  )
}
