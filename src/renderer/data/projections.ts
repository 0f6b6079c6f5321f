// Meeting list projections: a row per meeting in Dexie, written from the meeting document
// whenever it changes, so the list opens without loading any meeting's document.
import type { Meeting } from '../../shared/domain/meeting'
import { MEETING_STATUSES, type MeetingStatus } from '../../shared/domain/meeting'
import { yearOf } from '../../shared/domain/dates'
import { normaliseSearch, type MeetingRow, type YishiDb } from './db'

export function meetingRow(meeting: Meeting, itemCount: number, now: string): MeetingRow {
  return {
    id: meeting.id,
    councilId: meeting.councilId,
    title: meeting.title,
    search: normaliseSearch(meeting.title),
    startsAt: meeting.startsAt,
    year: yearOf(meeting.startsAt),
    status: meeting.status,
    place: meeting.place,
    itemCount,
    updatedAt: now,
  }
}

/**
 * Writes the row unless Dexie already holds it as it is (updatedAt aside): opening a meeting then
 * writes nothing, and the lists watching the table are not made to query again (issue 20).
 */
export async function projectMeeting(db: YishiDb, row: MeetingRow): Promise<void> {
  const existing = await db.meetings.get(row.id)
  if (existing && sameRow(existing, row)) return
  await db.meetings.put(row)
}

/** Whether two rows say the same, updatedAt (when each was written) aside. */
export function sameRow<T extends { updatedAt: string }>(a: T, b: T): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  keys.delete('updatedAt')
  return [...keys].every((k) => a[k as keyof T] === b[k as keyof T])
}

export interface MeetingQuery {
  councilId: string
  year?: number | null
  status?: MeetingStatus | null
  text?: string
}

/** A council's meetings, newest first, filtered by year, status and title text. */
export async function queryMeetings(db: YishiDb, q: MeetingQuery): Promise<MeetingRow[]> {
  return filterMeetings(await councilMeetings(db, q.councilId), q)
}

/** Reads started before the list is shown (issue 20), by council, until the list takes them. */
const readAhead = new Map<string, { rows?: MeetingRow[] }>()

/** Starts reading a council's meetings while the app is still starting (its first screen is their list). */
export function readMeetingsAhead(db: YishiDb, councilId: string): Promise<MeetingRow[]> {
  const slot: { rows?: MeetingRow[] } = {}
  readAhead.set(councilId, slot)
  return councilMeetings(db, councilId).then(
    (rows) => (slot.rows = rows),
    () => {
      // The list reads again when it renders, and says there what went wrong.
      readAhead.delete(councilId)
      return []
    },
  )
}

/** The rows read ahead, if they have arrived: once (the list then follows the table live). */
export function takeMeetingsReadAhead(councilId: string): MeetingRow[] | undefined {
  const rows = readAhead.get(councilId)?.rows
  if (rows) readAhead.delete(councilId)
  return rows
}

/** The same array while its rows say the same, so a list read again draws nothing again. */
export function sameRows(a: readonly MeetingRow[] | undefined, b: readonly MeetingRow[]): boolean {
  return !!a && a.length === b.length && a.every((r, i) => sameRow(r, b[i]!))
}

/** A council's meetings, newest first: one read, which the list filters and takes its years from. */
export function councilMeetings(db: YishiDb, councilId: string): Promise<MeetingRow[]> {
  return db.meetings.where('[councilId+startsAt]').between([councilId, ''], [councilId, '\uffff']).reverse().toArray()
}

/** The rows that match the year, status and title text (each left out, no filter on it). */
export function filterMeetings(rows: readonly MeetingRow[], q: Omit<MeetingQuery, 'councilId'>): MeetingRow[] {
  const text = normaliseSearch(q.text ?? '')
  return rows.filter(
    (r) => (q.year == null || r.year === q.year) && (q.status == null || r.status === q.status) && (!text || r.search.includes(text)),
  )
}

/** The years that have meetings, newest first, for the year filter. */
export async function meetingYears(db: YishiDb, councilId: string): Promise<number[]> {
  return yearsOf(await db.meetings.where('councilId').equals(councilId).toArray())
}

export const yearsOf = (rows: readonly MeetingRow[]): number[] => [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a)

export async function projectedIds(db: YishiDb, councilId: string): Promise<Set<string>> {
  return new Set((await db.meetings.where('councilId').equals(councilId).primaryKeys()) as string[])
}

export const isMeetingStatus = (v: unknown): v is MeetingStatus => typeof v === 'string' && (MEETING_STATUSES as readonly string[]).includes(v)
