// The decision at the deadline: once the window has closed, the recorder decides (the result is
// computed by the shared rules and frozen in the document); after that, who decided and when, the
// entries that arrived too late to count, and any second decision another device made offline.
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { windowState } from '../../../shared/domain/campaign'
import { formatDate, formatMoment } from '../../kit/format'
import { useEnv } from '../../kit/env'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { decideCampaign } from './actions'
import { useCampaign } from './CampaignContext'
import { addressText, entryWhat } from './labels'
import { saveRecorder, useRecorder } from './local'
import { useCampaignAction } from './useCampaignAction'
import { yuanText } from '../../../shared/campaigns/figures'

export function DecisionCard() {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const { campaign, decisions, late, households, now, handle } = useCampaign()
  const lang = i18n.language
  const w = windowState(campaign, now)
  const decision = decisions[0]
  if (!decision) {
    if (w.phase !== 'closed') return null
    return handle.readOnly ? <Banner kind="info">{t('campaigns:decide.waiting')}</Banner> : <DecideForm key="decide" />
  }
  const byId = new Map(households.map((h) => [h.id, h]))
  return (
    <section className="card" aria-labelledby="decided-title">
      <h2 id="decided-title">{t('campaigns:decide.decidedTitle')}</h2>
      <p>{t('campaigns:decide.decidedBy', { name: decision.decidedBy, at: formatMoment(lang, decision.decidedAt), deadline: formatDate(lang, decision.deadline) })}</p>
      <p className="muted">{t('campaigns:decide.frozen')}</p>
      {decisions.length > 1 ? <Banner kind="info">{t('campaigns:decide.others', { count: decisions.length - 1 })}</Banner> : null}
      {late.length ? (
        <div className="banner info" role="status">
          <p>{t('campaigns:decide.late', { count: late.length })}</p>
          <ul>
            {late.map((e) => {
              const h = byId.get(e.householdId)
              return (
                <li key={e.entryId}>
                  {t('campaigns:decide.lateEntry', {
                    household: h ? addressText(t, h) : t('campaigns:record.unknownHousehold'),
                    what: entryWhat(t, e, yuanText),
                    date: formatDate(lang, e.date),
                    by: e.recordedBy,
                    device: e.device || t('campaigns:entry.noDevice'),
                  })}
                </li>
              )
            })}
          </ul>
        </div>
      ) : null}
    </section>
  )
}

function DecideForm() {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const env = useEnv()
  const { campaign, households, handle } = useCampaign()
  const remembered = useRecorder(env.db)
  const [name, setName] = useState<string | null>(null)
  const { errors, failure, busy, run } = useCampaignAction()
  const value = name ?? remembered ?? ''
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      await decideCampaign(env, handle, households, value)
      await saveRecorder(env.db, value)
    })
  }
  return (
    <form className="card decide" onSubmit={submit} noValidate aria-label={t('campaigns:decide.title')}>
      <h2>{t('campaigns:decide.title')}</h2>
      <p>{t(campaign.kind === 'relocation' ? 'campaigns:decide.explainRelocation' : 'campaigns:decide.explainRenovation', { date: formatDate(i18n.language, campaign.deadline) })}</p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      <TextField label={t('campaigns:decide.by')} value={value} error={errors.decidedBy} onChange={(e) => setName(e.target.value)} autoComplete="name" />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('common:status.saving') : t('campaigns:decide.button')}
      </button>
    </form>
  )
}
