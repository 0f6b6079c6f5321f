// Booking a commitment (a signed contract's amount) or a payment against an approved project: the
// amount typed in yuan, the day, and for a payment the payee and its voucher (invoice number, the
// invoice's date, the scanned receipt). A payment that would overdraw the project or the year is
// refused by the rule (entryRefusal) and the refusal shows its figures (fundRefusalText).
import { useTranslation } from 'react-i18next'
import { AttachFiles, FileList } from '../../kit/Attachments'
import { useCouncil } from '../../kit/CouncilContext'
import { useEnv } from '../../kit/env'
import { useDraft } from '../../kit/useDraft'
import { useFormAction } from '../../kit/useFormAction'
import type { DocHandle } from '../../sync/docs'
import { Banner } from '../../ui/Banner'
import { SelectField, TextField } from '../../ui/Field'
import { FormActions } from '../../ui/FormActions'
import { bookEntry, useFundDescribe, usePlainT, type ProjectRow } from './projectActions'
import { EMPTY_LEDGER_FIELDS as EMPTY, ledgerEntryFrom, type LedgerFields as Fields } from './projectInput'

export function LedgerEntryForm({ handle, projects }: { handle: DocHandle; projects: readonly ProjectRow[] }) {
  const { t } = useTranslation(['fund', 'common'])
  const pt = usePlainT()
  const env = useEnv()
  const { council } = useCouncil()
  const form = useFormAction(useFundDescribe())
  const L = (k: string) => pt(`fund:ledgerScreen.form.${k}`)
  const typed = ['amount', 'payee', 'invoiceNo', 'note', 'by'] as const
  const d = useDraft({ ...EMPTY, projectId: projects[0]?.id ?? '', on: env.today() }, (v) => [...typed.filter((k) => v[k] !== '').map(L), ...(v.scan ? [L('receipt')] : [])])
  const v = d.value
  const set = (k: keyof Fields) => (e: { target: { value: string } }) => d.set((o) => ({ ...o, [k]: e.target.value }))
  const save = (x: Fields) =>
    form.submit(async () => {
      await bookEntry(env, handle, ledgerEntryFrom(pt, x), x.by)
    })
  return (
    <form className="card" aria-label={L('title')} onSubmit={(e) => { e.preventDefault(); void d.submit(save) }}>
      <h3>{L('title')}</h3>
      {form.failure ? <Banner kind="error">{form.failure}</Banner> : null}
      <div className="row">
        <SelectField label={L('kind')} value={v.kind} onChange={set('kind')} options={(['payment', 'commitment'] as const).map((k) => ({ value: k, label: t(`fund:entryKind.${k}`) }))} />
        <SelectField label={L('project')} value={v.projectId} onChange={set('projectId')} options={projects.map((p) => ({ value: p.id, label: p.title }))} />
      </div>
      <div className="row">
        <TextField label={L('amount')} inputMode="decimal" value={v.amount} onChange={set('amount')} error={form.errors.amount} hint={L('amountHint')} />
        <TextField label={L('on')} type="date" value={v.on} onChange={set('on')} />
        <TextField label={L('by')} value={v.by} maxLength={60} onChange={set('by')} />
      </div>
      {v.kind === 'payment' ? (
        <>
          <div className="row">
            <TextField label={L('payee')} value={v.payee} maxLength={200} onChange={set('payee')} />
            <TextField label={L('invoiceNo')} value={v.invoiceNo} maxLength={60} onChange={set('invoiceNo')} />
            <TextField label={L('issuedOn')} type="date" value={v.issuedOn} onChange={set('issuedOn')} />
          </div>
          <AttachFiles councilId={council.id} label={L('attachReceipt')} onAttached={async (refs) => d.set((o) => ({ ...o, scan: refs[0] ?? null }))} />
          {v.scan ? <FileList label={L('receipt')} items={[{ id: v.scan.hash, file: v.scan }]} onRemove={() => d.set((o) => ({ ...o, scan: null }))} /> : null}
        </>
      ) : (
        <TextField label={L('note')} value={v.note} maxLength={200} onChange={set('note')} />
      )}
      <FormActions submitLabel={t(v.kind === 'payment' ? 'fund:ledgerScreen.form.savePayment' : 'fund:ledgerScreen.form.saveCommitment')} busy={form.busy} disabled={!projects.length} />
    </form>
  )
}
