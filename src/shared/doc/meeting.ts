// The meeting document (council/<id>/meeting/<id>): the meeting's details, its status with a
// log of transitions, and its agenda items ordered by fractional index.
import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'
import { newAgendaItemId, type AgendaItemId, type CouncilId, type MeetingId } from '../domain/ids'
import {
  canEditAgenda,
  canTransition,
  MEETING_STATUSES,
  PROPOSAL_SOURCES,
  validateAgendaItem,
  validateMeeting,
  type AgendaItem,
  type AgendaItemFields,
  type Meeting,
  type MeetingFields,
  type MeetingStatus,
} from '../domain/meeting'
import { hasErrors } from './entries'
import { DocError } from './errors'
import { assertWritable, initMeta, metaOf, ORIGIN_LOCAL } from './schema'
import { child, int, oneOf, setChanged, str, strOrNull, strings } from './read'

const meetingMap = (doc: Y.Doc) => doc.getMap<unknown>('meeting')
const agendaMap = (doc: Y.Doc) => doc.getMap<unknown>('agenda')
const statusLog = (doc: Y.Doc) => doc.getArray<{ from: MeetingStatus; to: MeetingStatus; at: string }>('statusLog')

const cleanMeeting = (f: MeetingFields): MeetingFields => ({ ...f, title: f.title.trim(), place: f.place.trim(), convener: f.convener.trim() })

export function initMeetingDoc(
  doc: Y.Doc,
  ids: { councilId: CouncilId; meetingId: MeetingId },
  fields: MeetingFields,
  now: string,
  origin: unknown = ORIGIN_LOCAL,
): void {
  // Never rewrite the meta of a document from a newer Yishi (or a damaged one) back to ours.
  assertWritable(doc)
  const f = cleanMeeting(fields)
  const errors = validateMeeting(f)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  doc.transact(() => {
    initMeta(doc, 'meeting', { councilId: ids.councilId, meetingId: ids.meetingId })
    const m = meetingMap(doc)
    setChanged(m, { ...f, status: 'draft', createdAt: now })
  }, origin)
}

export function readMeeting(doc: Y.Doc): Meeting | null {
  const meta = metaOf(doc)
  const m = meetingMap(doc)
  const id = meta.get('meetingId')
  const councilId = meta.get('councilId')
  if (typeof id !== 'string' || typeof councilId !== 'string' || m.size === 0) return null
  return {
    id: id as MeetingId,
    councilId: councilId as CouncilId,
    title: str(m, 'title'),
    startsAt: str(m, 'startsAt'),
    place: str(m, 'place'),
    convener: str(m, 'convener'),
    status: oneOf(m, 'status', MEETING_STATUSES, 'draft'),
    createdAt: str(m, 'createdAt'),
    noticedAt: strOrNull(m, 'noticedAt'),
  }
}

export function updateMeeting(doc: Y.Doc, fields: MeetingFields, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  const current = readMeeting(doc)
  if (!current) throw new DocError('notFound')
  const f = cleanMeeting(fields)
  const errors = validateMeeting(f)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  // After the notice, the date and place residents were told are part of the record.
  if (current.status !== 'draft' && (f.startsAt !== current.startsAt || f.place !== current.place)) throw new DocError('agendaLocked')
  doc.transact(() => setChanged(meetingMap(doc), { ...f }), origin)
}

export function transitionMeeting(doc: Y.Doc, to: MeetingStatus, now: string, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  const current = readMeeting(doc)
  if (!current) throw new DocError('notFound')
  if (!canTransition(current.status, to)) throw new DocError('badTransition', { from: current.status, to })
  if (to === 'noticed' && readAgenda(doc).length === 0) throw new DocError('invalidInput', { agenda: 'empty' })
  doc.transact(() => {
    const m = meetingMap(doc)
    m.set('status', to)
    if (to === 'noticed') m.set('noticedAt', now)
    statusLog(doc).push([{ from: current.status, to, at: now }])
  }, origin)
}

export const readStatusLog = (doc: Y.Doc) => statusLog(doc).toArray()

function readItem(id: string, m: Y.Map<unknown>): AgendaItem {
  return {
    id: id as AgendaItemId,
    order: str(m, 'order'),
    title: str(m, 'title'),
    description: str(m, 'description'),
    proposer: str(m, 'proposer'),
    source: oneOf(m, 'source', PROPOSAL_SOURCES, 'council'),
    expectedMinutes: int(m, 'expectedMinutes', 10),
    attachments: strings(m, 'attachments'),
  }
}

/** The agenda in order; equal keys (concurrent inserts) are settled by id on every replica. */
export function readAgenda(doc: Y.Doc): AgendaItem[] {
  const items: AgendaItem[] = []
  agendaMap(doc).forEach((v, id) => {
    if (v instanceof Y.Map) items.push(readItem(id, v as Y.Map<unknown>))
  })
  return items.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

function assertAgendaEditable(doc: Y.Doc): void {
  assertWritable(doc)
  const m = readMeeting(doc)
  if (!m) throw new DocError('notFound')
  if (!canEditAgenda(m.status)) throw new DocError('agendaLocked')
}

function cleanItem(f: AgendaItemFields): AgendaItemFields {
  return {
    ...f,
    title: f.title.trim(),
    description: f.description.trim(),
    proposer: f.proposer.trim(),
    attachments: f.attachments.map((a) => a.trim()).filter(Boolean),
  }
}

function writeItemFields(m: Y.Map<unknown>, f: AgendaItemFields): void {
  const { attachments, ...scalars } = f
  setChanged(m, scalars)
  const current = strings(m, 'attachments')
  if (current.length !== attachments.length || current.some((a, i) => a !== attachments[i])) {
    const arr = new Y.Array<string>()
    arr.push(attachments)
    m.set('attachments', arr)
  }
}

export function addAgendaItem(doc: Y.Doc, fields: AgendaItemFields, origin: unknown = ORIGIN_LOCAL): AgendaItemId {
  assertAgendaEditable(doc)
  const f = cleanItem(fields)
  const errors = validateAgendaItem(f)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  const last = readAgenda(doc).at(-1)
  const id = newAgendaItemId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    agendaMap(doc).set(id, m)
    m.set('order', generateKeyBetween(last?.order || null, null))
    writeItemFields(m, f)
  }, origin)
  return id
}

export function updateAgendaItem(doc: Y.Doc, id: AgendaItemId, fields: AgendaItemFields, origin: unknown = ORIGIN_LOCAL): void {
  assertAgendaEditable(doc)
  const m = child(agendaMap(doc), id)
  if (!m) throw new DocError('notFound')
  const f = cleanItem(fields)
  const errors = validateAgendaItem(f)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  doc.transact(() => writeItemFields(m, f), origin)
}

export function removeAgendaItem(doc: Y.Doc, id: AgendaItemId, origin: unknown = ORIGIN_LOCAL): void {
  assertAgendaEditable(doc)
  if (!child(agendaMap(doc), id)) throw new DocError('notFound')
  doc.transact(() => agendaMap(doc).delete(id), origin)
}

/** Moves an item to position `toIndex` of the agenda by giving it a key between its new neighbours. */
export function moveAgendaItem(doc: Y.Doc, id: AgendaItemId, toIndex: number, origin: unknown = ORIGIN_LOCAL): void {
  assertAgendaEditable(doc)
  const m = child(agendaMap(doc), id)
  if (!m) throw new DocError('notFound')
  const others = readAgenda(doc).filter((i) => i.id !== id)
  const index = Math.max(0, Math.min(toIndex, others.length))
  const before = others[index - 1]?.order ?? null
  const after = others[index]?.order ?? null
  // Concurrent inserts can leave two items with one key; a key strictly between them is then
  // impossible, so re-space the neighbours first (still one transaction). Same for a neighbour read
  // with no key (''): mid-sync, a later move's deletion of its old key can apply before its new key
  // arrives (yjs#591), and '' is no fractional index.
  doc.transact(() => {
    if (before === '' || after === '' || (before !== null && after !== null && before >= after)) {
      let prev: string | null = null
      for (const item of others) {
        const key = generateKeyBetween(prev, null)
        child(agendaMap(doc), item.id)?.set('order', key)
        item.order = key
        prev = key
      }
    }
    const b = others[index - 1]?.order ?? null
    const a = others[index]?.order ?? null
    m.set('order', generateKeyBetween(b, a))
  }, origin)
}
