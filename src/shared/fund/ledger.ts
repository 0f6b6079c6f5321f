// The fund year's ledger (账): income, commitments, payments with their vouchers, and corrections,
// every one an immutable entry with an id (never edited: a correction is a new entry that names the
// original and carries the signed difference). Pure: resolveLedger turns the set of entries into the
// figures — per project and for the year — and the conflicts only a merge can create (two laptops
// each paying the same project offline); the refusals say, with the figures, why a write would
// overdraw. The result depends only on the set of entries, never on the order they arrived in.
import { isIsoDate, type IsoDate } from '../domain/dates'
import { isFileRef, type FileRef } from '../files/fileRef'
import { addFen, isFen, isPositiveFen, sumFen, type Fen } from './money'

export const INCOME_SOURCES = ['allocation', 'carryOver', 'other'] as const
export type IncomeSource = (typeof INCOME_SOURCES)[number]

/** A voucher (凭证): the invoice and its scanned receipt. */
export interface Voucher {
  invoiceNo: string
  issuedOn: IsoDate
  /** The scanned receipt or invoice (a reference; the bytes live in the blob store). */
  file?: FileRef
}

interface Base {
  id: string
  /** The day it happened (booked on), community time. */
  on: IsoDate
  /** When it was recorded, and by whom. */
  at: string
  by: string
}
export type IncomeEntry = Base & { kind: 'income'; source: IncomeSource; from: string; amount: Fen }
export type CommitmentEntry = Base & { kind: 'commitment'; projectId: string; amount: Fen; note: string }
export type PaymentEntry = Base & { kind: 'payment'; projectId: string; amount: Fen; payee: string; voucher?: Voucher }
/** A voucher attached later to a payment recorded without one. */
export type VoucherEntry = Base & { kind: 'voucher'; paymentId: string; voucher: Voucher }
/** The signed difference to an income, commitment or payment, with why. Reversing it fully: −its amount. */
export type CorrectionEntry = Base & { kind: 'correction'; corrects: string; amount: Fen; reason: string }
export type LedgerEntry = IncomeEntry | CommitmentEntry | PaymentEntry | VoucherEntry | CorrectionEntry
export type CorrectableEntry = IncomeEntry | CommitmentEntry | PaymentEntry

export const MAX_LEDGER_TEXT = 200
/**
 * The largest amount one entry may carry: ¥10 billion, far above any community's fund (Chengdu's
 * whole 2018 allocation was ¥1.59 bn). It keeps every sum a replica could hold far inside the safe
 * integers, so a damaged or hostile entry cannot make the figures throw.
 */
export const MAX_ENTRY_FEN = 1_000_000_000_000
const amountOk = (v: unknown, signed: boolean): v is Fen => isFen(v) && Math.abs(v) <= MAX_ENTRY_FEN && (signed ? v !== 0 : v > 0)

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
/** The one order of a ledger on every device: the day booked, then the instant recorded, then the id. */
export const byBooking = (a: LedgerEntry, b: LedgerEntry): number => cmp(a.on, b.on) || cmp(a.at, b.at) || cmp(a.id, b.id)

const text = (v: unknown, required: boolean) => typeof v === 'string' && v.length <= MAX_LEDGER_TEXT && (!required || v.trim() !== '')
export const isVoucher = (v: unknown): v is Voucher => {
  const r = v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : null
  return !!r && text(r.invoiceNo, true) && isIsoDate(r.issuedOn) && (r.file === undefined || isFileRef(r.file))
}

/** Whether a stored value is a well-formed entry (a damaged or hostile replica's values are left out). */
export function isLedgerEntry(v: unknown): v is LedgerEntry {
  const r = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null
  if (!r || typeof r.id !== 'string' || !isIsoDate(r.on) || typeof r.at !== 'string' || typeof r.by !== 'string') return false
  switch (r.kind) {
    case 'income':
      return (INCOME_SOURCES as readonly unknown[]).includes(r.source) && text(r.from, false) && amountOk(r.amount, false)
    case 'commitment':
      return typeof r.projectId === 'string' && amountOk(r.amount, false) && text(r.note, false)
    case 'payment':
      return typeof r.projectId === 'string' && amountOk(r.amount, false) && text(r.payee, true) && (r.voucher === undefined || isVoucher(r.voucher))
    case 'voucher':
      return typeof r.paymentId === 'string' && isVoucher(r.voucher)
    case 'correction':
      return typeof r.corrects === 'string' && amountOk(r.amount, true) && text(r.reason, true)
    default:
      return false
  }
}

export interface ProjectFigures {
  projectId: string
  /** The budget the decision approved (0 when the project has none). */
  budget: Fen
  committed: Fen
  paid: Fen
  /** budget − paid; negative only after a merge overdrew it (then a conflict says so). */
  remaining: Fen
}

export type LedgerConflict =
  /** Payments recorded apart (two laptops offline) that together pass the project's budget. */
  | { kind: 'projectOverdrawn'; projectId: string; budget: Fen; paid: Fen; over: Fen; payments: string[] }
  | { kind: 'projectOvercommitted'; projectId: string; budget: Fen; committed: Fen; over: Fen }
  /** Payments that together pass the year's income (or an income corrected down under what was paid). */
  | { kind: 'yearOverdrawn'; income: Fen; paid: Fen; over: Fen }
  /** Corrections that together take an entry below zero (two laptops reversing the same payment). */
  | { kind: 'netNegative'; entryId: string; net: Fen; corrections: string[] }
  /** The same invoice booked twice (likely one payment recorded on two laptops). */
  | { kind: 'duplicateVoucher'; invoiceNo: string; payments: string[] }
  /** A payment to a project the decision did not approve (possible only after a merge). */
  | { kind: 'noBudget'; projectId: string; payments: string[] }

export interface LedgerState {
  /** Every well-formed entry in booking order. */
  entries: LedgerEntry[]
  /** Each income, commitment and payment's amount after its corrections. */
  net: Map<string, Fen>
  /** Corrections of each entry, in booking order. */
  corrections: Map<string, CorrectionEntry[]>
  /** Corrections whose original is not (yet) in this replica: counted nowhere until it arrives. */
  orphans: CorrectionEntry[]
  /** Each payment's vouchers: its own first, then those attached later. */
  vouchers: Map<string, Voucher[]>
  income: Record<IncomeSource, Fen> & { total: Fen }
  projects: Map<string, ProjectFigures>
  committedTotal: Fen
  paidTotal: Fen
  /** income − paid: what the year has left (carried over to the next). */
  balance: Fen
  conflicts: LedgerConflict[]
}

/** The ledger's figures from its entries and the approved budgets (project id → fen). */
export function resolveLedger(raw: readonly unknown[], budgets: ReadonlyMap<string, Fen>): LedgerState {
  const entries = raw.filter(isLedgerEntry).sort(byBooking)
  const originals = new Map<string, CorrectableEntry>()
  for (const e of entries) if (e.kind === 'income' || e.kind === 'commitment' || e.kind === 'payment') originals.set(e.id, e)
  const net = new Map<string, Fen>([...originals].map(([id, e]) => [id, e.amount]))
  const corrections = new Map<string, CorrectionEntry[]>()
  const orphans: CorrectionEntry[] = []
  const vouchers = new Map<string, Voucher[]>()
  for (const e of entries) {
    if (e.kind === 'payment') vouchers.set(e.id, e.voucher ? [e.voucher] : [])
  }
  for (const e of entries) {
    if (e.kind === 'correction') {
      if (!originals.has(e.corrects)) orphans.push(e)
      else {
        net.set(e.corrects, addFen(net.get(e.corrects)!, e.amount))
        corrections.set(e.corrects, [...(corrections.get(e.corrects) ?? []), e])
      }
    } else if (e.kind === 'voucher') vouchers.get(e.paymentId)?.push(e.voucher)
  }
  const income = { allocation: 0, carryOver: 0, other: 0, total: 0 }
  const projects = new Map<string, ProjectFigures>()
  const project = (id: string): ProjectFigures => {
    let p = projects.get(id)
    if (!p) projects.set(id, (p = { projectId: id, budget: budgets.get(id) ?? 0, committed: 0, paid: 0, remaining: 0 }))
    return p
  }
  for (const id of [...budgets.keys()].sort(cmp)) project(id)
  for (const e of originals.values()) {
    const n = net.get(e.id)!
    if (e.kind === 'income') income[e.source] = addFen(income[e.source], n)
    else if (e.kind === 'commitment') project(e.projectId).committed = addFen(project(e.projectId).committed, n)
    else project(e.projectId).paid = addFen(project(e.projectId).paid, n)
  }
  income.total = sumFen([income.allocation, income.carryOver, income.other])
  for (const p of projects.values()) p.remaining = addFen(p.budget, -p.paid)
  const paidTotal = sumFen([...projects.values()].map((p) => p.paid))
  const committedTotal = sumFen([...projects.values()].map((p) => p.committed))
  const conflicts: LedgerConflict[] = []
  const paymentsOf = (projectId: string) => entries.filter((e) => e.kind === 'payment' && e.projectId === projectId).map((e) => e.id)
  for (const p of [...projects.values()].sort((a, b) => cmp(a.projectId, b.projectId))) {
    if (!budgets.has(p.projectId)) conflicts.push({ kind: 'noBudget', projectId: p.projectId, payments: paymentsOf(p.projectId) })
    else if (p.paid > p.budget) conflicts.push({ kind: 'projectOverdrawn', projectId: p.projectId, budget: p.budget, paid: p.paid, over: p.paid - p.budget, payments: paymentsOf(p.projectId) })
    if (budgets.has(p.projectId) && p.committed > p.budget) conflicts.push({ kind: 'projectOvercommitted', projectId: p.projectId, budget: p.budget, committed: p.committed, over: p.committed - p.budget })
  }
  if (paidTotal > income.total) conflicts.push({ kind: 'yearOverdrawn', income: income.total, paid: paidTotal, over: paidTotal - income.total })
  for (const [id, n] of [...net].sort((a, b) => cmp(a[0], b[0]))) {
    if (n < 0) conflicts.push({ kind: 'netNegative', entryId: id, net: n, corrections: (corrections.get(id) ?? []).map((c) => c.id) })
  }
  const byInvoice = new Map<string, string[]>()
  for (const e of entries) {
    // A payment reversed to nothing no longer counts as booking its invoice.
    if (e.kind !== 'payment' || net.get(e.id) === 0) continue
    for (const v of new Set(vouchers.get(e.id)!.map((x) => x.invoiceNo.trim()))) byInvoice.set(v, [...(byInvoice.get(v) ?? []), e.id])
  }
  for (const [invoiceNo, payments] of [...byInvoice].sort((a, b) => cmp(a[0], b[0]))) if (payments.length > 1) conflicts.push({ kind: 'duplicateVoucher', invoiceNo, payments })
  return { entries, net, corrections, orphans, vouchers, income, projects, committedTotal, paidTotal, balance: addFen(income.total, -paidTotal), conflicts }
}

/** Why a write is refused, with the figures the person needs to see (in fen). */
export type LedgerRefusal =
  | { reason: 'amountInvalid' | 'dateInvalid' | 'sourceRequired' | 'payeeRequired' | 'voucherInvalid' | 'reasonRequired' | 'notFound' | 'notCorrectable' | 'noBudget' | 'tooLong' }
  | { reason: 'overdrawsProject'; budget: Fen; paid: Fen; amount: Fen; over: Fen }
  | { reason: 'overcommitsProject'; budget: Fen; committed: Fen; amount: Fen; over: Fen }
  | { reason: 'overdrawsYear'; income: Fen; paid: Fen; amount: Fen; over: Fen }
  | { reason: 'belowZero'; net: Fen; amount: Fen }

export type NewEntry =
  | Omit<IncomeEntry, 'id' | 'at' | 'by'>
  | Omit<CommitmentEntry, 'id' | 'at' | 'by'>
  | Omit<PaymentEntry, 'id' | 'at' | 'by'>
  | Omit<VoucherEntry, 'id' | 'at' | 'by'>
  | Omit<CorrectionEntry, 'id' | 'at' | 'by'>

/** Paying (or correcting a payment up by) `amount` for `projectId`: over the project's budget or the year's income? */
function payRefusal(s: LedgerState, budgets: ReadonlyMap<string, Fen>, projectId: string, amount: Fen): LedgerRefusal | null {
  const budget = budgets.get(projectId)
  if (budget === undefined) return { reason: 'noBudget' }
  const paid = s.projects.get(projectId)?.paid ?? 0
  if (paid + amount > budget) return { reason: 'overdrawsProject', budget, paid, amount, over: paid + amount - budget }
  if (s.paidTotal + amount > s.income.total) return { reason: 'overdrawsYear', income: s.income.total, paid: s.paidTotal, amount, over: s.paidTotal + amount - s.income.total }
  return null
}

function commitRefusal(s: LedgerState, budgets: ReadonlyMap<string, Fen>, projectId: string, amount: Fen): LedgerRefusal | null {
  const budget = budgets.get(projectId)
  if (budget === undefined) return { reason: 'noBudget' }
  const committed = s.projects.get(projectId)?.committed ?? 0
  return committed + amount > budget ? { reason: 'overcommitsProject', budget, committed, amount, over: committed + amount - budget } : null
}

/** Why `e` cannot be booked on the ledger `s` with the approved `budgets`, or null. `year`: the fund year. */
export function entryRefusal(s: LedgerState, budgets: ReadonlyMap<string, Fen>, e: NewEntry, year: number): LedgerRefusal | null {
  if (!isIsoDate(e.on)) return { reason: 'dateInvalid' }
  if ('amount' in e && !amountOk(e.amount, e.kind === 'correction')) return { reason: 'amountInvalid' }
  switch (e.kind) {
    case 'income':
      if (!isPositiveFen(e.amount)) return { reason: 'amountInvalid' }
      if (Number(e.on.slice(0, 4)) !== year) return { reason: 'dateInvalid' }
      if (e.source === 'other' && !e.from.trim()) return { reason: 'sourceRequired' }
      return e.from.length > MAX_LEDGER_TEXT ? { reason: 'tooLong' } : null
    case 'commitment':
      if (!isPositiveFen(e.amount)) return { reason: 'amountInvalid' }
      return e.note.length > MAX_LEDGER_TEXT ? { reason: 'tooLong' } : commitRefusal(s, budgets, e.projectId, e.amount)
    case 'payment':
      if (!isPositiveFen(e.amount)) return { reason: 'amountInvalid' }
      if (!e.payee.trim()) return { reason: 'payeeRequired' }
      if (e.payee.length > MAX_LEDGER_TEXT) return { reason: 'tooLong' }
      if (e.voucher !== undefined && !isVoucher(e.voucher)) return { reason: 'voucherInvalid' }
      return payRefusal(s, budgets, e.projectId, e.amount)
    case 'voucher':
      if (!s.vouchers.has(e.paymentId)) return { reason: 'notFound' }
      return isVoucher(e.voucher) ? null : { reason: 'voucherInvalid' }
    case 'correction': {
      const target = s.entries.find((x) => x.id === e.corrects)
      if (!target) return { reason: 'notFound' }
      if (target.kind !== 'income' && target.kind !== 'commitment' && target.kind !== 'payment') return { reason: 'notCorrectable' }
      if (!isFen(e.amount) || e.amount === 0) return { reason: 'amountInvalid' }
      if (!e.reason.trim()) return { reason: 'reasonRequired' }
      if (e.reason.length > MAX_LEDGER_TEXT) return { reason: 'tooLong' }
      const n = s.net.get(target.id)!
      if (n + e.amount < 0) return { reason: 'belowZero', net: n, amount: e.amount }
      if (e.amount < 0) {
        // Income corrected down must still cover what was paid.
        if (target.kind === 'income' && s.income.total + e.amount < s.paidTotal) {
          return { reason: 'overdrawsYear', income: s.income.total, paid: s.paidTotal, amount: e.amount, over: s.paidTotal - s.income.total - e.amount }
        }
        return null
      }
      if (target.kind === 'payment') return payRefusal(s, budgets, target.projectId, e.amount)
      if (target.kind === 'commitment') return commitRefusal(s, budgets, target.projectId, e.amount)
      return null
    }
  }
}
