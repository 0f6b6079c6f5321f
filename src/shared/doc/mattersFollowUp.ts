// The follow-up (落实) half of the matters document, and the attached files' references.
//
// Layout (same document as doc/matters.ts):
//   followUps   Y.Map<"<matterId>/<field>", value>  owner, deadline, openedOn, completedOn: flat keys,
//               never a Y.Map per follow-up, so two laptops opening the same follow-up offline each
//               keep the fields they typed (a nested Y.Map set at one key would drop the other's whole map)
//   milestones  Y.Map<id, Y.Map{matterId, title, due, doneOn, note, order (fractional)}>
//   notes       Y.Map<id, FollowUpNote (JSON)>
//   files       Y.Map<id, {id, on: {kind, id}, file: FileRef, at, by}>: a file attached to a request, a
//               step, a milestone or a note. Only the reference: the bytes are in the blob store.
import * as Y from 'yjs'
import { generateKeyBetween } from 'fractional-indexing'
import { isIsoDate, type IsoDate } from '../domain/dates'
import { newEntryId } from '../domain/ids'
import { cleanFileRef, fileRefErrors, isFileRef, type FileRef } from '../files/fileRef'
import { completionRefusal, followUpErrors, followUpState, milestoneErrors, byOrder, type FollowUp, type FollowUpFields, type FollowUpNote, type FollowUpState, type Milestone } from '../matters/followUp'
import { MAX_REQUEST_TEXT } from '../matters/requests'
import { hasErrors } from './entries'
import { DocError } from './errors'
import { assertInstant, childMaps, cmpStr, record } from './guards'
import { readMatterPath, readMatters, readStepEntries, type Recorder } from './matters'
import { str, strOrNull } from './read'
import { assertWritable, ORIGIN_LOCAL } from './schema'

const followUpsMap = (doc: Y.Doc) => doc.getMap<unknown>('followUps')
const milestonesMap = (doc: Y.Doc) => doc.getMap<unknown>('milestones')
const notesMap = (doc: Y.Doc) => doc.getMap<unknown>('notes')
const filesMap = (doc: Y.Doc) => doc.getMap<unknown>('files')

export function readFollowUp(doc: Y.Doc, matterId: string): FollowUp | null {
  const m = followUpsMap(doc)
  const get = (k: string) => m.get(`${matterId}/${k}`)
  const openedOn = get('openedOn')
  if (!isIsoDate(openedOn)) return null
  const deadline = get('deadline')
  const completedOn = get('completedOn')
  return {
    matterId,
    owner: typeof get('owner') === 'string' ? (get('owner') as string) : '',
    deadline: isIsoDate(deadline) ? deadline : openedOn,
    openedOn,
    completedOn: isIsoDate(completedOn) ? completedOn : null,
  }
}

export function readFollowUps(doc: Y.Doc): FollowUp[] {
  return readMatters(doc)
    .map((m) => readFollowUp(doc, m.id))
    .filter((f): f is FollowUp => f !== null)
}

/** Opens the follow-up of a matter whose path has reached its resolution (approved). */
export function openFollowUp(doc: Y.Doc, matterId: string, fields: FollowUpFields, openedOn: IsoDate, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  const path = readMatterPath(doc, matterId)
  if (!path) throw new DocError('notFound')
  if (!path.resolvedOn) throw new DocError('badTransition', { reason: 'notResolved' })
  if (readFollowUp(doc, matterId)) throw new DocError('badTransition', { reason: 'followUpOpen' })
  if (!isIsoDate(openedOn) || openedOn < path.resolvedOn) throw new DocError('invalidInput', { openedOn: 'beforeResolution' })
  const f = { owner: fields.owner.trim(), deadline: fields.deadline }
  const errors = followUpErrors(f, openedOn)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  doc.transact(() => {
    const m = followUpsMap(doc)
    m.set(`${matterId}/openedOn`, openedOn)
    m.set(`${matterId}/owner`, f.owner)
    m.set(`${matterId}/deadline`, f.deadline)
  }, origin)
}

/** Changes the owner or the deadline (each its own key). */
export function updateFollowUp(doc: Y.Doc, matterId: string, patch: Partial<FollowUpFields>, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  const current = readFollowUp(doc, matterId)
  if (!current) throw new DocError('notFound')
  const next = { owner: (patch.owner ?? current.owner).trim(), deadline: patch.deadline ?? current.deadline }
  const errors = followUpErrors(next, current.openedOn)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  doc.transact(() => {
    const m = followUpsMap(doc)
    if (next.owner !== current.owner) m.set(`${matterId}/owner`, next.owner)
    if (next.deadline !== current.deadline) m.set(`${matterId}/deadline`, next.deadline)
  }, origin)
}

/** Marks the follow-up complete on `on`: every milestone must be done (completionRefusal). */
export function completeFollowUp(doc: Y.Doc, matterId: string, on: IsoDate, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  const f = readFollowUp(doc, matterId)
  if (!f) throw new DocError('notFound')
  const refusal = completionRefusal(f, readMilestones(doc, matterId), on)
  if (refusal) throw new DocError('badTransition', { reason: refusal })
  doc.transact(() => followUpsMap(doc).set(`${matterId}/completedOn`, on), origin)
}

export function readMilestones(doc: Y.Doc, matterId?: string): Milestone[] {
  return childMaps(milestonesMap(doc))
    .map(([id, m]) => ({ id, matterId: str(m, 'matterId'), title: str(m, 'title'), due: str(m, 'due'), doneOn: strOrNull(m, 'doneOn'), note: str(m, 'note'), order: str(m, 'order') }))
    .filter((m) => (matterId === undefined || m.matterId === matterId) && isIsoDate(m.due) && (m.doneOn === null || isIsoDate(m.doneOn)))
    .sort(byOrder)
}

export function addMilestone(doc: Y.Doc, matterId: string, fields: { title: string; due: IsoDate }, origin: unknown = ORIGIN_LOCAL): string {
  assertWritable(doc)
  const f = readFollowUp(doc, matterId)
  if (!f) throw new DocError('notFound')
  const title = fields.title.trim()
  const errors = milestoneErrors({ title, due: fields.due, doneOn: null }, f.openedOn)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  const last = readMilestones(doc, matterId).at(-1)
  const id = newEntryId()
  doc.transact(() => {
    const m = new Y.Map<unknown>()
    m.set('matterId', matterId)
    m.set('title', title)
    m.set('due', fields.due)
    m.set('doneOn', null)
    m.set('note', '')
    m.set('order', generateKeyBetween(last?.order || null, null))
    milestonesMap(doc).set(id, m)
  }, origin)
  return id
}

/** Edits a milestone: its title, date, note, or the day it was done (null: not done after all). */
export function updateMilestone(doc: Y.Doc, id: string, patch: Partial<Pick<Milestone, 'title' | 'due' | 'doneOn' | 'note'>>, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  const m = milestonesMap(doc).get(id)
  const current = readMilestones(doc).find((x) => x.id === id)
  if (!(m instanceof Y.Map) || !current) throw new DocError('notFound')
  const f = readFollowUp(doc, current.matterId)
  if (!f) throw new DocError('notFound')
  if (f.completedOn) throw new DocError('badTransition', { reason: 'alreadyComplete' })
  const next = { ...current, ...patch, title: (patch.title ?? current.title).trim() }
  const errors: Record<string, string> = { ...milestoneErrors(next, f.openedOn) }
  if (next.note.length > MAX_REQUEST_TEXT) errors.note = 'tooLong'
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  doc.transact(() => {
    for (const k of ['title', 'due', 'doneOn', 'note'] as const) if (m.get(k) !== next[k]) m.set(k, next[k])
  }, origin)
}

export function addNote(doc: Y.Doc, matterId: string, note: { on: IsoDate; text: string }, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertWritable(doc)
  assertInstant(who.now, 'now')
  if (!readFollowUp(doc, matterId)) throw new DocError('notFound')
  const text = note.text.trim()
  if (!isIsoDate(note.on)) throw new DocError('invalidInput', { on: 'dateInvalid' })
  if (!text) throw new DocError('invalidInput', { text: 'required' })
  if (text.length > MAX_REQUEST_TEXT) throw new DocError('invalidInput', { text: 'tooLong' })
  const id = newEntryId()
  const entry: FollowUpNote = { id, matterId, on: note.on, text, at: who.now, by: who.by }
  doc.transact(() => notesMap(doc).set(id, entry), origin)
  return id
}

export function readNotes(doc: Y.Doc, matterId: string): FollowUpNote[] {
  const out: FollowUpNote[] = []
  notesMap(doc).forEach((v, id) => {
    const r = record(v)
    if (r && r.id === id && r.matterId === matterId && isIsoDate(r.on) && typeof r.text === 'string') out.push(r as unknown as FollowUpNote)
  })
  return out.sort((a, b) => cmpStr(a.on, b.on) || cmpStr(a.at, b.at) || cmpStr(a.id, b.id))
}

/** The follow-up of a matter with its state on `today`, or null when none is open. */
export function readFollowUpState(doc: Y.Doc, matterId: string, today: IsoDate): { followUp: FollowUp; state: FollowUpState } | null {
  const followUp = readFollowUp(doc, matterId)
  return followUp ? { followUp, state: followUpState(followUp, readMilestones(doc, matterId), today) } : null
}

// ---- attached files -------------------------------------------------------------------------

export const ATTACH_TARGETS = ['request', 'step', 'milestone', 'note', 'matter'] as const
export type AttachTarget = { kind: (typeof ATTACH_TARGETS)[number]; id: string }
export interface Attachment {
  id: string
  on: AttachTarget
  file: FileRef
  at: string
  by: string
}

/** Attaches a file (its reference only) to a request, a step, a milestone, a note or a matter. */
export function attachFile(doc: Y.Doc, on: AttachTarget, file: FileRef, who: Recorder, origin: unknown = ORIGIN_LOCAL): string {
  assertWritable(doc)
  assertInstant(who.now, 'now')
  if (!(ATTACH_TARGETS as readonly string[]).includes(on.kind) || typeof on.id !== 'string' || !on.id) throw new DocError('invalidInput', { on: 'unknownValue' })
  const errors = fileRefErrors(file)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  const id = newEntryId()
  const entry: Attachment = { id, on: { kind: on.kind, id: on.id }, file: cleanFileRef(file), at: who.now, by: who.by }
  doc.transact(() => filesMap(doc).set(id, entry), origin)
  return id
}

/** Takes an attachment off (the bytes stay in the blob store: another document may refer to them). */
export function detachFile(doc: Y.Doc, attachmentId: string, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  if (!filesMap(doc).has(attachmentId)) throw new DocError('notFound')
  doc.transact(() => filesMap(doc).delete(attachmentId), origin)
}

/** Attachments, oldest first; only those on `on` when given. */
export function readAttachments(doc: Y.Doc, on?: AttachTarget): Attachment[] {
  const out: Attachment[] = []
  filesMap(doc).forEach((v, id) => {
    const r = record(v)
    const target = r && record(r.on)
    if (!r || r.id !== id || !target || !isFileRef(r.file) || typeof r.at !== 'string') return
    if (on && (target.kind !== on.kind || target.id !== on.id)) return
    out.push(r as unknown as Attachment)
  })
  return out.sort((a, b) => cmpStr(a.at, b.at) || cmpStr(a.id, b.id))
}

/** Every file the year's document refers to (attachments and steps' scans): what a backup carries and a bundle lists by hash. */
export function readAllFileRefs(doc: Y.Doc): FileRef[] {
  const refs = readAttachments(doc).map((a) => a.file)
  for (const e of readStepEntries(doc)) if (e.mode === 'outside' && isFileRef(e.scan)) refs.push(e.scan)
  return refs
}
