// What a person typed into the implementer and ledger forms, turned into what the shared rules
// write: amounts typed in yuan become integer fen, an empty voucher is no voucher. An amount that
// does not read throws FieldInputError with the message for its field; everything else is left
// to the rules (implementationErrors, entryRefusal) so they say it once.
import type { FileRef } from '../../../shared/files/fileRef'
import type { Implementation, ImplementerKind } from '../../../shared/fund/implementation'
import type { NewEntry } from '../../../shared/fund/ledger'
import { formatYuan, type Fen } from '../../../shared/fund/money'
import { FieldInputError, yuanInput, type PlainT } from './projectActions'

export interface ImplementerFields {
  kind: ImplementerKind
  name: string
  hasCall: boolean
  announcedOn: string
  applicants: string
  contract: string
  share: string
  signedOn: string
}

export const implementerFieldsOf = (i: Implementation | null): ImplementerFields => ({
  kind: i?.implementer.kind ?? 'community',
  name: i?.implementer.name ?? '',
  hasCall: !!i?.call,
  announcedOn: i?.call?.announcedOn ?? '',
  applicants: i?.call?.applicants.join('\n') ?? '',
  contract: i ? formatYuan(i.contractAmount, false) : '',
  share: i ? formatYuan(i.residentsShare, false) : '',
  signedOn: i?.signedOn ?? '',
})

/** The implementation to write from what was typed (applicants one a line), or the amounts' messages. */
export function implementationFrom(t: PlainT, projectId: string, f: ImplementerFields): Implementation {
  const contract = yuanInput(t, f.contract)
  const share = f.share.trim() === '' ? { fen: 0 as Fen } : yuanInput(t, f.share)
  const bad: Record<string, string> = {}
  if ('error' in contract) bad.contractAmount = contract.error
  if ('error' in share) bad.residentsShare = share.error
  if ('error' in contract || 'error' in share) throw new FieldInputError(bad)
  const applicants = f.applicants.split('\n').map((a) => a.trim()).filter(Boolean)
  return {
    projectId,
    implementer: { kind: f.kind, name: f.name },
    ...(f.hasCall ? { call: { announcedOn: f.announcedOn, applicants } } : {}),
    contractAmount: contract.fen,
    residentsShare: share.fen,
    signedOn: f.signedOn,
  }
}

export const EMPTY_LEDGER_FIELDS = { kind: 'payment' as 'payment' | 'commitment', projectId: '', amount: '', on: '', payee: '', invoiceNo: '', issuedOn: '', note: '', by: '', scan: null as FileRef | null }
export type LedgerFields = typeof EMPTY_LEDGER_FIELDS

/** The commitment or payment to book from what was typed; a payment's voucher only when any of it was given. */
export function ledgerEntryFrom(t: PlainT, v: LedgerFields): NewEntry {
  const amount = yuanInput(t, v.amount)
  if ('error' in amount) throw new FieldInputError({ amount: amount.error })
  if (v.kind === 'commitment') return { kind: 'commitment', projectId: v.projectId, amount: amount.fen, on: v.on, note: v.note.trim() }
  const hasVoucher = v.invoiceNo.trim() || v.issuedOn || v.scan
  const voucher = hasVoucher ? { invoiceNo: v.invoiceNo.trim(), issuedOn: v.issuedOn, ...(v.scan ? { file: v.scan } : {}) } : undefined
  return { kind: 'payment', projectId: v.projectId, amount: amount.fen, on: v.on, payee: v.payee.trim(), ...(voucher ? { voucher } : {}) }
}
