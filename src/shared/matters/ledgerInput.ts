// What the ledgers (ledger.ts) need, read from the matters documents of the years a range covers:
// one document per council year, so a range across New Year reads two and joins them.
import type * as Y from 'yjs'
import type { IsoDate } from '../domain/dates'
import { readMatterPath, readMatters, readRequestStates } from '../doc/matters'
import { readFollowUps, readMilestones } from '../doc/mattersFollowUp'
import { readAttendance } from '../doc/attendance'
import { readAgenda, readMeeting } from '../doc/meeting'
import type { LedgerInput, MeetingLedgerRow } from './ledger'
import type { ResolvedPath } from './matterPath'
import type { RequestState } from './requests'

export function ledgerInput(docs: readonly Y.Doc[], from: IsoDate, to: IsoDate, today: IsoDate): LedgerInput {
  const requests = new Map<string, RequestState>()
  const paths = new Map<string, ResolvedPath>()
  const input: LedgerInput = { from, to, today, requests, paths, matters: [], followUps: [], milestones: [] }
  const matters: LedgerInput['matters'][number][] = []
  for (const doc of docs) {
    for (const [id, s] of readRequestStates(doc)) requests.set(id, s)
    for (const m of readMatters(doc)) {
      matters.push(m)
      const p = readMatterPath(doc, m.id)
      if (p) paths.set(m.id, p)
    }
    input.followUps = [...input.followUps, ...readFollowUps(doc)]
    input.milestones = [...input.milestones, ...readMilestones(doc)]
  }
  input.matters = matters.sort((a, b) => (a.openedOn < b.openedOn ? -1 : a.openedOn > b.openedOn ? 1 : a.id < b.id ? -1 : 1))
  return input
}

/** A meeting document as a row of the meetings ledger: attendance counts only members who count for quorum. */
export function meetingLedgerRow(doc: Y.Doc): MeetingLedgerRow | null {
  const m = readMeeting(doc)
  if (!m) return null
  const rows = readAttendance(doc).filter((r) => r.counts)
  const count = (status: string) => rows.filter((r) => r.status === status).length
  return {
    date: m.startsAt.slice(0, 10),
    title: m.title,
    place: m.place,
    convener: m.convener,
    members: rows.length,
    present: count('present'),
    leave: count('leave'),
    absent: count('absent'),
    items: readAgenda(doc).length,
  }
}
