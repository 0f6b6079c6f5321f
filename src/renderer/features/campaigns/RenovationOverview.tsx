// A renovation consent at a glance: the owners' answers, the Civil Code art. 278 double majority
// with each of its four figures against its own threshold (evaluateVote's result, never recomputed
// here) and the reasons in the votes' words; after the deadline the frozen decision; then the
// contributions (自筹) per household and the payments against them.
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { consentResult } from '../../../shared/domain/campaignRenovation'
import { CONSENT_CHOICES } from '../../../shared/domain/campaign'
import type { OwnerFigure } from '../../../shared/domain/votes'
import { formatArea } from '../../kit/format'
import { Banner } from '../../ui/Banner'
import { useCampaign } from './CampaignContext'
import { Contributions } from './Contributions'
import { DecisionCard } from './DecisionCard'

const isArea = (f: OwnerFigure) => f.name === 'participationArea' || f.name === 'approvalArea'

export function RenovationOverview() {
  const { t, i18n } = useTranslation(['campaigns', 'votes', 'common'])
  const { campaign, households, counted, decisions } = useCampaign()
  const lang = i18n.language
  const c = useMemo(() => consentResult(campaign, households, counted), [campaign, households, counted])
  const decision = decisions[0]?.kind === 'renovation' ? decisions[0] : null
  const result = decision ? decision.result : c.result
  const answers = useMemo(() => {
    const n = { agree: 0, disagree: 0, abstain: 0, notTakingPart: 0, none: 0 }
    for (const h of c.households) n[h.choice ?? 'none']++
    return n
  }, [c.households])
  const value = (f: OwnerFigure, v: number) => (isArea(f) ? t('campaigns:renovation.area', { area: formatArea(lang, v) }) : t('campaigns:renovation.owners', { count: v }))
  return (
    <>
      <section className={`card headline ${decision ? decision.outcome : 'provisional'}`} aria-labelledby="consent-title">
        <h2 id="consent-title">{decision ? t('campaigns:overview.decisionTitle') : t('campaigns:renovation.title')}</h2>
        <p className="headline-figure" data-testid="headline">
          {decision ? t(`campaigns:outcome.${decision.outcome}`) : t('campaigns:renovation.sofar', { outcome: t(`votes:outcome.${result.outcome}`) })}
        </p>
        <p>{t(`campaigns:matter.${campaign.matter}`)}</p>
        <p className="reason">{result.reasons.map((r) => t(`votes:reason.${r.code}`, r.params)).join(' ')}</p>
      </section>
      {c.missingArea.length && !decision ? <Banner kind="info">{t('campaigns:renovation.missingArea', { count: c.missingArea.length })}</Banner> : null}
      {decision && decision.missingArea ? <Banner kind="info">{t('campaigns:renovation.missingArea', { count: decision.missingArea })}</Banner> : null}
      <DecisionCard />
      <section className="card" aria-labelledby="figures-title">
        <h2 id="figures-title">{t('campaigns:renovation.figures')}</h2>
        <div className="table-wrap">
          <table className="figures-table" aria-labelledby="figures-title">
            <thead>
              <tr>
                <th scope="col">{t('campaigns:renovation.figure')}</th>
                <th scope="col" className="num">
                  {t('campaigns:renovation.value')}
                </th>
                <th scope="col" className="num">
                  {t('campaigns:renovation.of')}
                </th>
                <th scope="col">{t('campaigns:renovation.threshold')}</th>
                <th scope="col" className="num">
                  {t('campaigns:renovation.required')}
                </th>
                <th scope="col">{t('campaigns:renovation.met')}</th>
              </tr>
            </thead>
            <tbody>
              {(result.figures ?? []).map((f) => (
                <tr key={f.name} className={f.met ? '' : 'has-error'}>
                  <th scope="row">{t(`votes:figure.${f.name}`)}</th>
                  <td className="num">{value(f, f.value)}</td>
                  <td className="num">{value(f, f.of)}</td>
                  <td>{t(f.strict ? 'campaigns:renovation.moreThan' : 'campaigns:renovation.atLeast', { num: f.num, den: f.den })}</td>
                  <td className="num">{value(f, f.required)}</td>
                  <td>{f.met ? t('campaigns:renovation.yes') : t('campaigns:renovation.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h3>{t('campaigns:renovation.answers')}</h3>
        <ul className="plain row">
          {CONSENT_CHOICES.map((k) => (
            <li key={k}>{t('campaigns:renovation.answerCount', { label: t(`campaigns:choice.${k}`), count: answers[k] })}</li>
          ))}
          <li>{t('campaigns:renovation.answerCount', { label: t('campaigns:choice.none'), count: answers.none })}</li>
        </ul>
      </section>
      <Contributions />
    </>
  )
}
