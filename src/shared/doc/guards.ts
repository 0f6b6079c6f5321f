// Checks and small reads shared by the in-session accessors (sign-in, session, motions, speeches,
// votes): the meeting's status, times, and the typed reading of entity maps and plain records.
import * as Y from 'yjs'
import { isInstant } from '../domain/dates'
import type { MeetingStatus } from '../domain/meeting'
import { DocError } from './errors'
import { readMeeting } from './meeting'
import { assertWritable } from './schema'

/** Before any write: the document is writable and the meeting is in one of `allowed`. */
export function assertMeetingIn(doc: Y.Doc, allowed: readonly MeetingStatus[]): MeetingStatus {
  assertWritable(doc)
  const m = readMeeting(doc)
  if (!m) throw new DocError('notFound')
  if (!allowed.includes(m.status)) throw new DocError('wrongMeetingStatus', { status: m.status, allowed })
  return m.status
}

export function assertInstant(value: unknown, field = 'at'): asserts value is string {
  if (!isInstant(value)) throw new DocError('invalidInput', { [field]: 'timeInvalid' })
}

/** Code-unit order: the same on every device (no locale). */
export const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Entities ordered by fractional index, ties (concurrent inserts) settled by id. */
export const byOrder = <T extends { id: string; order: string }>(a: T, b: T): number => cmpStr(a.order, b.order) || cmpStr(a.id, b.id)

/** Every child Y.Map of an entity map with its key; anything else a replica holds is skipped. */
export function childMaps(parent: Y.Map<unknown>): [string, Y.Map<unknown>][] {
  const out: [string, Y.Map<unknown>][] = []
  parent.forEach((v, k) => {
    if (v instanceof Y.Map) out.push([k, v as Y.Map<unknown>])
  })
  return out
}

/** A plain JSON object stored as a value, or null when the value is anything else. */
export function record(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Y.AbstractType) ? (v as Record<string, unknown>) : null
}

export const strField = (r: Record<string, unknown>, k: string): string | null => (typeof r[k] === 'string' ? (r[k] as string) : null)

/** The meeting's session record: sign-in start, opening, override, current item, closing. */
export const sessionMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap<unknown>('session')

/** Votes of the meeting not yet closed, read raw (votes.ts builds on motions.ts, not the reverse). */
export function openVotes(doc: Y.Doc): { voteId: string; motionId: string }[] {
  return childMaps(doc.getMap<unknown>('votes'))
    .filter(([, v]) => typeof v.get('closedAt') !== 'string')
    .map(([voteId, v]) => ({ voteId, motionId: typeof v.get('motionId') === 'string' ? (v.get('motionId') as string) : '' }))
    .sort((a, b) => cmpStr(a.voteId, b.voteId))
}
