// Contributions (自筹): what each household owes by floor area (shared exactly, to the fen), what
// it has paid and what is outstanding; a payment (or a refund, negative) is recorded per household.
import { useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { addressSearchParts, foldForSearch, matchesFolded, searchText } from '../../../shared/domain/addressSearch'
import { payments } from '../../../shared/domain/campaignRenovation'
import { windowState } from '../../../shared/domain/campaign'
import type { Household } from '../../../shared/domain/household'
import { parseYuan, yuanText } from '../../../shared/campaigns/figures'
import { DocError } from '../../../shared/doc/errors'
import { useEnv } from '../../kit/env'
import { useUnsavedFields } from '../../kit/unsaved'
import { formatArea, formatDate } from '../../kit/format'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { recordPaid } from './actions'
import { useCampaign } from './CampaignContext'
import { addressText } from './labels'
import { saveRecorder, useDeviceLabel, useRecorder } from './local'
import { useCampaignAction } from './useCampaignAction'

const SHOWN = 200

export function Contributions() {
  const { t } = useTranslation(['campaigns', 'common'])
  const { campaign, households, entries } = useCampaign()
  const [q, setQ] = useState('')
  const [open, setOpen] = useState<string | null>(null)
  const p = useMemo(() => payments(campaign, households, entries), [campaign, households, entries])
  const byId = useMemo(() => new Map(households.map((h) => [h.id as string, h])), [households])
  if (campaign.contribution.mode === 'none') return null
  const needle = foldForSearch(q)
  const rows = p.perHousehold.filter((r) => {
    const h = byId.get(r.householdId)
    return h && (!needle || matchesFolded(searchText([...addressSearchParts(h), h.owner, addressText(t, h)]), needle))
  })
  const plan = campaign.contribution
  return (
    <section className="card" aria-labelledby="contrib-title">
      <h2 id="contrib-title">{t('campaigns:contribution.title')}</h2>
      <p>
        {plan.mode === 'perM2' ? t('campaigns:contribution.perM2Rule', { yuan: yuanText(plan.fenPerM2) }) : plan.mode === 'total' ? t('campaigns:contribution.totalRule', { yuan: yuanText(plan.totalFen) }) : null}{' '}
        {t('campaigns:contribution.totals', { due: yuanText(p.totalDueFen), paid: yuanText(p.totalPaidFen), outstanding: yuanText(p.totalDueFen - p.totalPaidFen) })}
      </p>
      <div className="row" role="search">
        <label className="field">
          <span className="label">{t('campaigns:record.search')}</span>
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
      </div>
      <div className="table-wrap">
        <table aria-labelledby="contrib-title">
          <thead>
            <tr>
              <th scope="col">{t('campaigns:household.address')}</th>
              <th scope="col">{t('campaigns:household.owner')}</th>
              <th scope="col" className="num">
                {t('campaigns:household.area')}
              </th>
              <th scope="col" className="num">
                {t('campaigns:contribution.due')}
              </th>
              <th scope="col" className="num">
                {t('campaigns:contribution.paid')}
              </th>
              <th scope="col" className="num">
                {t('campaigns:contribution.outstanding')}
              </th>
              <th scope="col">{t('campaigns:record.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((r) => (
              <ContributionRow key={r.householdId} row={r} household={byId.get(r.householdId) as Household} open={open === r.householdId} onOpen={setOpen} />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > SHOWN ? <p className="muted">{t('campaigns:record.more', { count: rows.length - SHOWN })}</p> : null}
    </section>
  )
}

type PerHousehold = ReturnType<typeof payments>['perHousehold'][number]

/** One household's row: due, paid (with each payment), outstanding, and recording a payment. */
function ContributionRow({ row: r, household: h, open, onOpen }: { row: PerHousehold; household: Household; open: boolean; onOpen: (id: string | null) => void }) {
  const { t, i18n } = useTranslation(['campaigns', 'common'])
  const lang = i18n.language
  const address = addressText(t, h)
  return (
    <tr>
      <td>{address}</td>
      <td>{h.owner}</td>
      <td className="num">{h.areaCentiM2 === null ? t('campaigns:household.noArea') : formatArea(lang, h.areaCentiM2)}</td>
      <td className="num">{yuanText(r.dueFen)}</td>
      <td className="num">
        {yuanText(r.paidFen)}
        {r.payments.length ? (
          <ul className="plain entries">
            {r.payments.map((e) => (
              <li key={e.entryId}>{t('campaigns:contribution.paymentLine', { date: formatDate(lang, e.date), amount: yuanText(e.amountFen), by: e.recordedBy })}</li>
            ))}
          </ul>
        ) : null}
      </td>
      <td className="num">{yuanText(r.outstandingFen)}</td>
      <td>
        {open ? (
          <PaymentForm household={h} onDone={() => onOpen(null)} />
        ) : (
          <button type="button" className="small" onClick={() => onOpen(r.householdId)} aria-label={t('campaigns:contribution.recordFor', { household: address })}>
            {t('campaigns:contribution.record')}
          </button>
        )}
      </td>
    </tr>
  )
}

function PaymentForm({ household, onDone }: { household: Household; onDone: () => void }) {
  const { t } = useTranslation(['campaigns', 'common'])
  const env = useEnv()
  const { campaign, households, handle, now } = useCampaign()
  const recorder = useRecorder(env.db) ?? ''
  const device = useDeviceLabel(env.db, env.platform.kind, recorder) ?? ''
  const [amount, setAmount] = useState('')
  const [date, setDate] = useState(() => windowState(campaign, now).today)
  // An amount typed and not yet saved: leaving asks first, naming it (kit/unsaved.ts).
  useUnsavedFields(amount.trim() ? [t('campaigns:contribution.amount')] : [])
  const { errors, failure, busy, run } = useCampaignAction()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      const fen = parseYuan(amount, { allowNegative: true })
      if (fen === null || fen === 0) throw new DocError('invalidInput', { amountFen: amount.trim() ? 'amountInvalid' : 'amountRequired' })
      if (!recorder.trim()) throw new DocError('invalidInput', { recordedBy: 'recordedByRequired' })
      await recordPaid(env, handle, households, { householdId: household.id, date, recordedBy: recorder, device, amountFen: fen })
      await saveRecorder(env.db, recorder)
    }).then((ok) => ok && onDone())
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('campaigns:contribution.recordFor', { household: addressText(t, household) })}>
      {failure ? <Banner kind="error">{Object.values(errors).join(' ') || failure}</Banner> : null}
      <TextField label={t('campaigns:contribution.amount')} hint={t('campaigns:contribution.amountHint')} inputMode="decimal" value={amount} error={errors.amountFen} onChange={(e) => setAmount(e.target.value)} />
      <TextField label={t('campaigns:contribution.date')} type="date" value={date} error={errors.date} onChange={(e) => setDate(e.target.value)} />
      <div className="row tight">
        <button type="submit" className="primary small" disabled={busy}>
          {t('campaigns:contribution.save')}
        </button>
        <button type="button" className="small" onClick={onDone}>
          {t('common:actions.cancel')}
        </button>
      </div>
    </form>
  )
}
