// What the ledgers tab does: reads the 台账 of a date range from the council's matters documents
// (one per year the range covers) and the meetings held in it, and saves the workbook as XLSX.
// The rules (which rows, which headings) are shared/matters/ledger*.ts; this only opens and saves.
import { indexedYears } from '../../../shared/doc/council'
import { mattersDocName, meetingDocName } from '../../../shared/doc/names'
import { isIsoDate, type IsoDate } from '../../../shared/domain/dates'
import { asCouncilId, type MeetingId } from '../../../shared/domain/ids'
import type { Council } from '../../../shared/domain/council'
import { buildLedgerWorkbook, type LedgerInput, type MeetingLedgerRow, type Translate } from '../../../shared/matters/ledger'
import { ledgerInput, meetingLedgerRow } from '../../../shared/matters/ledgerInput'
import type { AppEnv } from '../../kit/env'
import { ensureProjections } from '../../kit/meetingList'
import type { DocHandle } from '../../sync/docs'

/** How long a year or meeting this device has not synced yet may take to arrive before it is read as it is. */
const FETCH_WAIT_MS = 5_000

export type LedgerRange = { from: IsoDate; to: IsoDate }
export type RangeProblem = 'fromInvalid' | 'toInvalid' | 'toBeforeFrom'

/** The range as typed, or what is wrong with it (named per field for the form). */
export function checkRange(from: string, to: string): LedgerRange | { problem: RangeProblem } {
  if (!isIsoDate(from)) return { problem: 'fromInvalid' }
  if (!isIsoDate(to)) return { problem: 'toInvalid' }
  if (to < from) return { problem: 'toBeforeFrom' }
  return { from, to }
}

export const yearRange = (year: number): LedgerRange => ({ from: `${year}-01-01`, to: `${year}-12-31` })

/** The matters years the range touches that the council has (an unrecorded year is not started here). */
export function yearsOf(council: DocHandle, range: LedgerRange): number[] {
  const first = Number(range.from.slice(0, 4))
  const last = Number(range.to.slice(0, 4))
  return indexedYears(council.doc, 'matters').filter((y) => y >= first && y <= last).sort((a, b) => a - b)
}

async function withDoc<T>(env: AppEnv, name: string, read: (h: DocHandle) => T): Promise<T> {
  const handle = await env.docs.acquire(name)
  try {
    // A meeting this device has not had yet comes from the server first (no wait when not syncing).
    await env.sync.waitForSync(name, FETCH_WAIT_MS)
    return read(handle)
  } finally {
    await env.docs.release(name)
  }
}

/** Meetings held in the range (a draft was never called; a noticed one has not sat yet). */
async function meetingRows(env: AppEnv, council: DocHandle, councilId: string, range: LedgerRange): Promise<MeetingLedgerRow[]> {
  await ensureProjections(env, council, asCouncilId(councilId))
  const rows = await env.db.meetings
    .where('[councilId+startsAt]')
    .between([councilId, range.from], [councilId, `${range.to}\uffff`], true, true)
    .toArray()
  const held = rows.filter((r) => r.status !== 'draft' && r.status !== 'noticed')
  const out: MeetingLedgerRow[] = []
  for (const r of held) {
    const row = await withDoc(env, meetingDocName(asCouncilId(councilId), r.id as MeetingId), (h) => meetingLedgerRow(h.doc))
    if (row) out.push(row)
  }
  return out
}

/** Everything the workbook of the range holds, read now. */
export async function collectLedger(env: AppEnv, council: DocHandle, councilId: string, range: LedgerRange): Promise<LedgerInput> {
  const names = yearsOf(council, range).map((y) => mattersDocName(asCouncilId(councilId), y))
  const handles: DocHandle[] = []
  let input: LedgerInput
  try {
    for (const name of names) {
      handles.push(await env.docs.acquire(name))
      // A year this device has not had yet comes from the server first (no wait when not syncing).
      await env.sync.waitForSync(name, FETCH_WAIT_MS)
    }
    // Read while the documents are held: the input holds plain values, not the documents.
    input = ledgerInput(handles.map((h) => h.doc), range.from, range.to, env.today())
  } finally {
    for (const h of handles) await env.docs.release(h.name)
  }
  input.meetings = await meetingRows(env, council, councilId, range)
  return input
}

/** Builds the workbook and hands it to the platform's save (a dialog on the desktop, a download in the browser). */
export async function saveLedger(env: AppEnv, council: Council, input: LedgerInput, t: Translate): Promise<{ saved: boolean }> {
  const data = await buildLedgerWorkbook(input, t)
  return env.platform.saveFile({
    suggestedName: t('ledger.fileName', { council: council.name, from: input.from, to: input.to }),
    kind: 'xlsx',
    data,
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  })
}
