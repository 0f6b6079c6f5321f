// The 台账 street offices inspect, as a real XLSX workbook (exceljs, loaded on first use): one sheet
// each for requests and their replies, matters and their paths, resolutions and their follow-up,
// and (when given) meetings with their attendance.
// Chinese headings (every word from the `t` given, so en and zh-TW work too), a frozen header row,
// column widths, and dates as Excel dates (yyyy-mm-dd), so Excel, WPS and LibreOffice sort and
// filter them as dates. Pure: the caller reads the documents (ledgerInput.ts) and saves the bytes.
import type { IsoDate } from '../domain/dates'
import { followUpState, type FollowUp, type Milestone } from './followUp'
import type { Matter } from './matter'
import type { ResolvedPath } from './matterPath'
import type { RequestState } from './requests'

export type Translate = (key: string, options?: Record<string, unknown>) => string

export interface LedgerInput {
  from: IsoDate
  to: IsoDate
  /** For overdue days: the day the ledger is made. */
  today: IsoDate
  requests: ReadonlyMap<string, RequestState>
  matters: readonly Matter[]
  paths: ReadonlyMap<string, ResolvedPath>
  followUps: readonly FollowUp[]
  milestones: readonly Milestone[]
  /** Meetings with their attendance (ledgerInput.ts meetingLedgerRow); the sheet is left out when absent. */
  meetings?: readonly MeetingLedgerRow[]
}

/** One meeting in the meetings ledger: when, what, where, and who attended of the members due. */
export interface MeetingLedgerRow {
  date: IsoDate
  title: string
  place: string
  convener: string
  /** Members on the meeting's roster who count for quorum. */
  members: number
  present: number
  leave: number
  absent: number
  items: number
}

// The few exceljs shapes used here, typed locally (exceljs's own declarations name Node's Buffer).
interface XlCell {
  numFmt: string
  alignment: Record<string, unknown>
}
interface XlRow {
  font: Record<string, unknown>
  alignment: Record<string, unknown>
  getCell(col: number): XlCell
}
interface XlSheet {
  columns: { header: string; key: string; width: number }[]
  addRow(values: Record<string, unknown>): XlRow
  getRow(n: number): XlRow
  autoFilter: unknown
}
export interface XlWorkbook {
  creator: string
  addWorksheet(name: string, options: { views: { state: 'frozen'; xSplit: number; ySplit: number }[] }): XlSheet
  xlsx: { writeBuffer(): Promise<ArrayBuffer | Uint8Array> }
}
interface ExcelModule {
  Workbook: new () => XlWorkbook
}

let excel: Promise<ExcelModule> | undefined
// Exported with sheet/col/asDate for the fund's 台账 (fund/ledgerXlsx.ts): one way to write a ledger workbook.
export function loadExcel(): Promise<ExcelModule> {
  // CommonJS: Node's ESM loader puts it on `default`, bundlers may not (as import/xlsx.ts).
  excel ??= import('exceljs').then((mod) => {
    const m = mod as unknown as ExcelModule & { default?: ExcelModule }
    return m.default ?? m
  })
  return excel
}

/** money: a number of yuan with two decimals (#,##0.00), from integer fen. */
export type Kind = 'text' | 'date' | 'number' | 'long' | 'money'
export interface Column {
  key: string
  kind: Kind
  width: number
}
const DATE_FORMAT = 'yyyy-mm-dd'
/** An ISO date as the Excel date of that day (UTC midnight: exceljs writes the serial from UTC). */
export const asDate = (d: IsoDate | null | undefined): Date | null => (d ? new Date(`${d}T00:00:00Z`) : null)
const inRange = (d: IsoDate, input: LedgerInput) => d >= input.from && d <= input.to
const short = (s: string, n = 30) => (s.length > n ? `${s.slice(0, n)}…` : s)

export function sheet(wb: XlWorkbook, name: string, t: Translate, prefix: string, columns: Column[], rows: Record<string, unknown>[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ header: t(`${prefix}.${c.key}`), key: c.key, width: c.width }))
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', wrapText: true }
  for (const r of rows) {
    const row = ws.addRow(r)
    columns.forEach((c, i) => {
      const cell = row.getCell(i + 1)
      if (c.kind === 'date') cell.numFmt = DATE_FORMAT
      if (c.kind === 'money') cell.numFmt = '#,##0.00'
      if (c.kind === 'long') cell.alignment = { wrapText: true, vertical: 'top' }
    })
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
}

export const col = (key: string, kind: Kind, width: number): Column => ({ key, kind, width })

function requestRows(input: LedgerInput, t: Translate): Record<string, unknown>[] {
  const titles = new Map(input.matters.map((m) => [m.id, m.title]))
  return [...input.requests.values()]
    .filter((s) => inRange(s.request.receivedOn, input))
    .sort((a, b) => (a.request.receivedOn < b.request.receivedOn ? -1 : a.request.receivedOn > b.request.receivedOn ? 1 : a.request.id < b.request.id ? -1 : 1))
    .map((s) => {
      const r = s.request
      const o = s.outcome
      const reply = s.finalReply ?? s.replies.at(-1) ?? null
      const detail =
        o?.kind === 'merged'
          ? t('ledger.mergedInto', { text: short(input.requests.get(o.into)?.request.text ?? '') })
          : o?.kind === 'declined'
            ? o.reason
            : o?.kind === 'matter'
              ? t('ledger.matterTitle', { title: titles.get(o.matterId) ?? '' })
              : ''
      return {
        receivedOn: asDate(r.receivedOn),
        channel: t(`channel.${r.channel}`),
        category: t(`category.${r.category}`),
        requester: r.requester.name,
        requesterKind: t(`requesterKind.${r.requester.kind}`),
        place: [r.place.building && `${r.place.building}`, r.place.unit, r.place.room, r.place.text].filter(Boolean).join(' '),
        text: r.text,
        status: t(`status.${s.status}`),
        decidedOn: asDate(o?.on),
        detail,
        replyOn: asDate(reply?.on),
        replyHow: reply ? t(`replyChannel.${reply.how}`) : '',
        replyWhat: reply?.what ?? '',
      }
    })
}

function matterRows(input: LedgerInput, t: Translate): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = []
  const counts = new Map<string, number>()
  for (const s of input.requests.values()) if (s.outcome?.kind === 'matter') counts.set(s.outcome.matterId, (counts.get(s.outcome.matterId) ?? 0) + 1)
  for (const m of input.matters.filter((x) => inRange(x.openedOn, input))) {
    const path = input.paths.get(m.id)
    for (const step of path?.steps ?? []) {
      const e = step.entry
      rows.push({
        title: m.title,
        proposer: m.proposer.name,
        path: t(`path.${m.path}`),
        openedOn: asDate(m.openedOn),
        requests: counts.get(m.id) ?? 0,
        step: t(`step.${step.template.key}`),
        state: t(`stepState.${step.state}`),
        date: asDate(e?.date),
        body: !e ? '' : e.mode === 'outside' ? e.body : t(`stepMode.${e.mode}`),
        outcome: e && e.mode !== 'skipped' ? t(`stepOutcome.${e.outcome}`) : '',
        note: !e ? '' : e.mode === 'skipped' ? e.reason : e.mode === 'outside' ? (e.note ?? '') : '',
        scan: e?.mode === 'outside' ? (e.scan?.name ?? '') : '',
      })
    }
  }
  return rows
}

function followUpRows(input: LedgerInput, t: Translate): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = []
  const byId = new Map(input.matters.map((m) => [m.id, m]))
  for (const f of input.followUps) {
    const m = byId.get(f.matterId)
    if (!m || !inRange(m.openedOn, input)) continue
    const state = followUpState(f, input.milestones, input.today)
    const base = {
      title: m.title,
      resolvedOn: asDate(input.paths.get(m.id)?.resolvedOn),
      owner: f.owner,
      deadline: asDate(f.deadline),
      status: t(`followUpStatus.${state.status}`),
      daysOverdue: state.daysOverdue,
      completedOn: asDate(f.completedOn),
    }
    const mine = input.milestones.filter((x) => x.matterId === f.matterId)
    if (!mine.length) rows.push({ ...base, milestone: '', due: null, doneOn: null })
    for (const ms of mine) rows.push({ ...base, milestone: ms.title, due: asDate(ms.due), doneOn: asDate(ms.doneOn) })
  }
  return rows
}

/** How many rows each sheet of the workbook will have (shown before saving); null: no meetings sheet. */
export function ledgerRowCounts(input: LedgerInput): { requests: number; matters: number; followUp: number; meetings: number | null } {
  const t: Translate = (key) => key
  return {
    requests: requestRows(input, t).length,
    matters: matterRows(input, t).length,
    followUp: followUpRows(input, t).length,
    meetings: input.meetings ? meetingRows(input).length : null,
  }
}

const meetingRows = (input: LedgerInput) =>
  [...(input.meetings ?? [])].filter((m) => inRange(m.date, input)).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).map((m) => ({ ...m, date: asDate(m.date) }))

/** The three ledgers of `input` as the bytes of an .xlsx workbook. */
export async function buildLedgerWorkbook(input: LedgerInput, t: Translate): Promise<Uint8Array> {
  const Excel = await loadExcel()
  const wb = new Excel.Workbook()
  wb.creator = 'Yishi'
  sheet(wb, t('ledger.requests.sheet'), t, 'ledger.requests', [
    col('receivedOn', 'date', 12), col('channel', 'text', 12), col('category', 'text', 12), col('requester', 'text', 16), col('requesterKind', 'text', 12),
    col('place', 'text', 16), col('text', 'long', 40), col('status', 'text', 12), col('decidedOn', 'date', 12), col('detail', 'long', 30),
    col('replyOn', 'date', 12), col('replyHow', 'text', 10), col('replyWhat', 'long', 30),
  ], requestRows(input, t))
  sheet(wb, t('ledger.matters.sheet'), t, 'ledger.matters', [
    col('title', 'long', 28), col('proposer', 'text', 14), col('path', 'text', 14), col('openedOn', 'date', 12), col('requests', 'number', 10),
    col('step', 'text', 24), col('state', 'text', 10), col('date', 'date', 12), col('body', 'text', 18), col('outcome', 'text', 10), col('note', 'long', 24), col('scan', 'text', 20),
  ], matterRows(input, t))
  sheet(wb, t('ledger.followUp.sheet'), t, 'ledger.followUp', [
    col('title', 'long', 28), col('resolvedOn', 'date', 12), col('owner', 'text', 16), col('deadline', 'date', 12), col('status', 'text', 10),
    col('daysOverdue', 'number', 10), col('completedOn', 'date', 14), col('milestone', 'long', 24), col('due', 'date', 12), col('doneOn', 'date', 14),
  ], followUpRows(input, t))
  if (input.meetings) {
    sheet(wb, t('ledger.meetings.sheet'), t, 'ledger.meetings', [
      col('date', 'date', 12), col('title', 'long', 30), col('place', 'text', 16), col('convener', 'text', 14), col('members', 'number', 10),
      col('present', 'number', 10), col('leave', 'number', 10), col('absent', 'number', 10), col('items', 'number', 10),
    ], meetingRows(input))
  }
  const out = await wb.xlsx.writeBuffer()
  return out instanceof Uint8Array ? new Uint8Array(out.buffer, out.byteOffset, out.byteLength) : new Uint8Array(out)
}
