// Correcting an entry of the fund's ledger: a new entry naming the original, with the signed
// difference in yuan (−1,200.00 takes back ¥1,200) and why. The original stays as it was booked.
import { useTranslation } from 'react-i18next'
import type { LedgerEntry } from '../../../shared/fund/ledger'
import { formatYuan, type Fen } from '../../../shared/fund/money'
import { useEnv } from '../../kit/env'
import { formatDate } from '../../kit/format'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { bookEntry, FieldInputError, useFundDescribe, usePlainT, yuanInput } from './projectActions'

export function LedgerCorrectForm({ handle, entry, net, onDone }: { handle: DocHandle; entry: LedgerEntry; net: Fen; onDone: () => void }) {
  const { t, i18n } = useTranslation(['fund', 'common'])
  const pt = usePlainT()
  const env = useEnv()
  const form = useFormAction(useFundDescribe())
  const labels = { amount: t('fund:ledgerScreen.correction.amount'), reason: t('fund:ledgerScreen.correction.reason'), by: t('fund:ledgerScreen.form.by') }
  const empty = { amount: '', reason: '', by: '', on: env.today() }
  const d = useDraft(empty, (v) => (['amount', 'reason', 'by'] as const).filter((k) => v[k] !== '').map((k) => labels[k]))
  const save = (v: typeof empty) =>
    form.submit(async () => {
      const amount = yuanInput(pt, v.amount, true)
      if ('error' in amount) throw new FieldInputError({ amount: amount.error })
      await bookEntry(env, handle, { kind: 'correction', corrects: entry.id, amount: amount.fen, on: v.on, reason: v.reason.trim() }, v.by)
    })
  const what = `${pt(`fund:entryKind.${entry.kind}`)} ${formatDate(i18n.language, entry.on)} ¥${formatYuan(net)}`
  return (
    <form aria-label={t('fund:ledgerScreen.correction.title', { what })} onSubmit={(e) => { e.preventDefault(); void d.submit(save).then((ok) => ok && onDone()) }}>
      <h4>{t('fund:ledgerScreen.correction.title', { what })}</h4>
      {form.failure ? <Banner kind="error">{form.failure}</Banner> : null}
      <div className="row">
        <TextField label={labels.amount} inputMode="decimal" value={d.value.amount} hint={t('fund:ledgerScreen.correction.amountHint')} error={form.errors.amount} onChange={(e) => d.set((o) => ({ ...o, amount: e.target.value }))} />
        <TextField label={t('fund:ledgerScreen.form.on')} type="date" value={d.value.on} onChange={(e) => d.set((o) => ({ ...o, on: e.target.value }))} />
        <TextField label={labels.by} value={d.value.by} maxLength={60} onChange={(e) => d.set((o) => ({ ...o, by: e.target.value }))} />
      </div>
      <TextField label={labels.reason} value={d.value.reason} maxLength={200} onChange={(e) => d.set((o) => ({ ...o, reason: e.target.value }))} />
      <FormActions submitLabel={t('fund:ledgerScreen.correction.save')} busy={form.busy} onCancel={onDone} />
    </form>
  )
}
