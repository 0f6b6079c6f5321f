// Booking the year's income: the allocation, last year's balance carried over, or other income
// (a foundation's grant, residents' contributions), each with its source and date. The amount is
// typed in yuan and kept as integer fen (fund/money.ts); a refusal comes back with its figures.
import { useTranslation } from 'react-i18next'
import { INCOME_SOURCES, type IncomeSource } from '../../../shared/fund/ledger'
import { parseYuan } from '../../../shared/fund/money'
import { useEnv } from '../../kit/env'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { SelectField, TextField } from '../../ui/Field'
import { bookIncome, useFundDescribe } from './fundActions'

interface Draft {
  source: IncomeSource
  from: string
  amount: string
  on: string
}

export function IncomeForm({ handle }: { handle: DocHandle }) {
  const { t } = useTranslation(['fund', 'common'])
  const env = useEnv()
  const empty: Draft = { source: 'allocation', from: '', amount: '', on: env.today() }
  const draft = useDraft<Draft>(empty, (v) => [...(v.from.trim() ? [t('fund:income.from')] : []), ...(v.amount.trim() ? [t('fund:income.amount')] : [])])
  const action = useFormAction(useFundDescribe())
  const v = draft.value
  const set = (patch: Partial<Draft>) => draft.set((d) => ({ ...d, ...patch }))
  return (
    <form
      className="card"
      aria-label={t('fund:income.add')}
      onSubmit={(e) => {
        e.preventDefault()
        const money = parseYuan(v.amount)
        if (!money.ok) {
          action.setErrors({ amount: t(`fund:moneyError.${money.error}`) })
          return
        }
        void draft.submit((d) => action.submit(() => bookIncome(env, handle, { source: d.source, from: d.from.trim(), amount: money.fen, on: d.on })))
      }}
    >
      <h3>{t('fund:income.add')}</h3>
      <div className="row bottom">
        <SelectField label={t('fund:income.source')} value={v.source} onChange={(e) => set({ source: e.target.value as IncomeSource })} options={INCOME_SOURCES.map((s) => ({ value: s, label: t(`fund:incomeSource.${s}`) }))} />
        <TextField label={t('fund:income.from')} value={v.from} maxLength={200} onChange={(e) => set({ from: e.target.value })} hint={t('fund:income.fromHint')} />
        <TextField label={t('fund:income.amount')} inputMode="decimal" value={v.amount} onChange={(e) => set({ amount: e.target.value })} error={action.errors.amount} />
        <TextField label={t('fund:income.on')} type="date" value={v.on} onChange={(e) => set({ on: e.target.value })} />
        <button type="submit" className="primary" disabled={action.busy || handle.readOnly}>
          {t('fund:income.book')}
        </button>
      </div>
      {action.failure ? <Banner kind="error">{action.failure}</Banner> : null}
    </form>
  )
}
