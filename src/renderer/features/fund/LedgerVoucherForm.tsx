// A voucher brought in after its payment was booked (补附凭证): the invoice number, its date and
// the scanned receipt, as a new entry naming the payment. The payment itself is never edited; the
// street office's checks count the voucher from then on (paymentWithoutVoucher, voucherWithoutScan).
import { useTranslation } from 'react-i18next'
import type { FileRef } from '../../../shared/files/fileRef'
import type { PaymentEntry } from '../../../shared/fund/ledger'
import { AttachFiles, FileList } from '../../kit/Attachments'
import { useCouncil } from '../../kit/CouncilContext'
import { useEnv } from '../../kit/env'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { bookEntry, useFundDescribe, usePlainT } from './projectActions'

export function LedgerVoucherForm({ handle, payment, what, onDone }: { handle: DocHandle; payment: PaymentEntry; what: string; onDone: () => void }) {
  const { t } = useTranslation(['fund', 'common'])
  const pt = usePlainT()
  const env = useEnv()
  const { council } = useCouncil()
  const form = useFormAction(useFundDescribe())
  const L = (k: string) => pt(`fund:ledgerScreen.form.${k}`)
  const empty = { invoiceNo: '', issuedOn: '', on: env.today(), by: '', scan: null as FileRef | null }
  const d = useDraft(empty, (v) => [...(['invoiceNo', 'by'] as const).filter((k) => v[k] !== '').map(L), ...(v.scan ? [L('receipt')] : [])])
  const set = (k: 'invoiceNo' | 'issuedOn' | 'on' | 'by') => (e: { target: { value: string } }) => d.set((o) => ({ ...o, [k]: e.target.value }))
  const save = (v: typeof empty) =>
    form.submit(() =>
      bookEntry(env, handle, { kind: 'voucher', paymentId: payment.id, on: v.on, voucher: { invoiceNo: v.invoiceNo.trim(), issuedOn: v.issuedOn, ...(v.scan ? { file: v.scan } : {}) } }, v.by),
    )
  const title = t('fund:ledgerScreen.voucher.title', { what })
  return (
    <form className="card" aria-label={title} onSubmit={(e) => { e.preventDefault(); void d.submit(save).then((ok) => ok && onDone()) }}>
      <h4>{title}</h4>
      {form.failure ? <Banner kind="error">{form.failure}</Banner> : null}
      <div className="row">
        <TextField label={L('invoiceNo')} value={d.value.invoiceNo} maxLength={60} onChange={set('invoiceNo')} />
        <TextField label={L('issuedOn')} type="date" value={d.value.issuedOn} onChange={set('issuedOn')} />
        <TextField label={L('on')} type="date" value={d.value.on} onChange={set('on')} />
        <TextField label={L('by')} value={d.value.by} maxLength={60} onChange={set('by')} />
      </div>
      <AttachFiles councilId={council.id} label={L('attachReceipt')} onAttached={async (refs) => d.set((o) => ({ ...o, scan: refs[0] ?? null }))} />
      {d.value.scan ? <FileList label={L('receipt')} items={[{ id: d.value.scan.hash, file: d.value.scan }]} onRemove={() => d.set((o) => ({ ...o, scan: null }))} /> : null}
      <FormActions submitLabel={t('fund:ledgerScreen.voucher.save')} busy={form.busy} onCancel={onDone} />
    </form>
  )
}
