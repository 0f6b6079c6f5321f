// The council document (council/<id>): the council's settings, its register of members with
// each member's history, and the index of its meetings' and campaigns' ids and of the years of its
// matters and fund documents.
import * as Y from 'yjs'
import type { CampaignId } from '../domain/campaign'
import { COUNCIL_KINDS, councilInputOf, PROCEDURE_DEFAULTS, QUORUM_RULES, THRESHOLD_RULES, validateCouncil, type Council, type CouncilInput } from '../domain/council'
import { newMemberId, type CouncilId, type MeetingId, type MemberId } from '../domain/ids'
import { MEMBER_ROLES, validateMember, type Member, type MemberChange, type MemberFields } from '../domain/member'
import { hasErrors } from './entries'
import { DocError } from './errors'
import { assertWritable, initMeta, metaOf, ORIGIN_LOCAL } from './schema'
import { bool, child, int, intOrNull, oneOf, setChanged, str, strOrNull } from './read'

const councilMap = (doc: Y.Doc) => doc.getMap<unknown>('council')
const membersMap = (doc: Y.Doc) => doc.getMap<unknown>('members')
const meetingsMap = (doc: Y.Doc) => doc.getMap<unknown>('meetings')
const campaignsMap = (doc: Y.Doc) => doc.getMap<unknown>('campaigns')
/** The years that have a matters (council/<id>/matters/<year>) or fund (…/fund/<year>) document. */
const yearsMap = (doc: Y.Doc, kind: YearDocKind) => doc.getMap<unknown>(kind === 'matters' ? 'matterYears' : 'fundYears')


export function initCouncilDoc(doc: Y.Doc, id: CouncilId, input: CouncilInput, now: string, origin: unknown = ORIGIN_LOCAL): void {
  // Never rewrite the meta of a document from a newer Yishi (or a damaged one) back to ours.
  assertWritable(doc)
  const errors = validateCouncil(input)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  doc.transact(() => {
    initMeta(doc, 'council', { councilId: id })
    const c = councilMap(doc)
    c.set('createdAt', now)
    setChanged(c, { ...councilInputOf(input), name: input.name.trim() })
  }, origin)
}

export function readCouncil(doc: Y.Doc): Council | null {
  const c = councilMap(doc)
  const id = metaOf(doc).get('councilId')
  if (typeof id !== 'string' || c.size === 0) return null
  return {
    id: id as CouncilId,
    name: str(c, 'name'),
    kind: oneOf(c, 'kind', COUNCIL_KINDS, 'resident'),
    community: str(c, 'community'),
    street: str(c, 'street'),
    termStart: str(c, 'termStart'),
    termEnd: str(c, 'termEnd'),
    quorumRule: oneOf(c, 'quorumRule', QUORUM_RULES, 'more_than_half'),
    defaultThreshold: oneOf(c, 'defaultThreshold', THRESHOLD_RULES, 'simple_majority'),
    secondingRequired: bool(c, 'secondingRequired', true),
    // Councils made before these settings existed read the practice defaults.
    speechSeconds: int(c, 'speechSeconds', PROCEDURE_DEFAULTS.speechSeconds),
    speechesPerMotion: int(c, 'speechesPerMotion', PROCEDURE_DEFAULTS.speechesPerMotion),
    recusedCountForQuorum: bool(c, 'recusedCountForQuorum', PROCEDURE_DEFAULTS.recusedCountForQuorum),
    noticeShowsNames: bool(c, 'noticeShowsNames', PROCEDURE_DEFAULTS.noticeShowsNames),
    createdAt: str(c, 'createdAt'),
  }
}

export function updateCouncil(doc: Y.Doc, input: CouncilInput, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  const errors = validateCouncil(input)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  doc.transact(() => setChanged(councilMap(doc), { ...councilInputOf(input), name: input.name.trim() }), origin)
}

function readMember(id: string, m: Y.Map<unknown>): Member {
  return {
    id: id as MemberId,
    name: str(m, 'name'),
    role: oneOf(m, 'role', MEMBER_ROLES, 'councillor'),
    building: str(m, 'building'),
    unit: str(m, 'unit'),
    room: str(m, 'room'),
    areaCentiM2: intOrNull(m, 'areaCentiM2'),
    phone: str(m, 'phone'),
    joinedOn: str(m, 'joinedOn'),
    leftOn: strOrNull(m, 'leftOn'),
    createdAt: str(m, 'createdAt'),
  }
}

export function readMembers(doc: Y.Doc): Member[] {
  const out: Member[] = []
  membersMap(doc).forEach((v, id) => {
    if (v instanceof Y.Map) out.push(readMember(id, v as Y.Map<unknown>))
  })
  return out
}

export function readMemberById(doc: Y.Doc, id: MemberId): Member | null {
  const m = child(membersMap(doc), id)
  return m ? readMember(id, m) : null
}

/** Only the known fields, trimmed: nothing else a caller carries reaches the document. */
function cleanFields(f: MemberFields): MemberFields {
  return {
    name: f.name.trim(),
    role: f.role,
    building: f.building.trim(),
    unit: f.unit.trim(),
    room: f.room.trim(),
    areaCentiM2: f.areaCentiM2,
    phone: f.phone.trim(),
    joinedOn: f.joinedOn,
    leftOn: f.leftOn,
  }
}

/** Adds members in one transaction: all of them, or (on any invalid row) none. */
export function addMembers(doc: Y.Doc, list: readonly MemberFields[], now: string, origin: unknown = ORIGIN_LOCAL): MemberId[] {
  assertWritable(doc)
  const cleaned = list.map(cleanFields)
  const bad = cleaned.map((f, index) => ({ index, errors: validateMember(f) })).filter((r) => hasErrors(r.errors))
  if (bad.length) throw new DocError('invalidInput', bad)
  const ids: MemberId[] = []
  doc.transact(() => {
    const members = membersMap(doc)
    for (const f of cleaned) {
      const id = newMemberId()
      const m = new Y.Map<unknown>()
      members.set(id, m)
      m.set('createdAt', now)
      setChanged(m, { ...f })
      m.set('history', new Y.Array<MemberChange>())
      ids.push(id)
    }
  }, origin)
  return ids
}

export const addMember = (doc: Y.Doc, f: MemberFields, now: string, origin: unknown = ORIGIN_LOCAL): MemberId => {
  const [id] = addMembers(doc, [f], now, origin)
  return id as MemberId
}

/** Edits a member and appends what changed (old and new values) to the member's history. */
export function updateMember(doc: Y.Doc, id: MemberId, patch: Partial<MemberFields>, now: string, origin: unknown = ORIGIN_LOCAL): boolean {
  assertWritable(doc)
  const m = child(membersMap(doc), id)
  if (!m) throw new DocError('notFound')
  const next = cleanFields({ ...readMember(id, m), ...patch })
  const errors = validateMember(next)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  let changed = false
  doc.transact(() => {
    const fields: Partial<MemberFields> = {}
    for (const k of Object.keys(patch) as (keyof MemberFields)[]) (fields as Record<string, unknown>)[k] = next[k]
    const diff = setChanged(m, fields)
    if (Object.keys(diff).length === 0) return
    changed = true
    let history = m.get('history')
    if (!(history instanceof Y.Array)) {
      history = new Y.Array<MemberChange>()
      m.set('history', history)
    }
    ;(history as Y.Array<MemberChange>).push([{ at: now, changes: diff }])
  }, origin)
  return changed
}

export function readMemberHistory(doc: Y.Doc, id: MemberId): MemberChange[] {
  const m = child(membersMap(doc), id)
  const h = m?.get('history')
  return h instanceof Y.Array ? (h.toArray() as MemberChange[]) : []
}

/**
 * Removes a member entered by mistake. Only a member with no edits since entry may go;
 * anyone else leaves the council (leftOn) and stays on the register for past meetings.
 */
export function removeMistakenMember(doc: Y.Doc, id: MemberId, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  const m = child(membersMap(doc), id)
  if (!m) throw new DocError('notFound')
  if (readMemberHistory(doc, id).length > 0) throw new DocError('memberHasHistory')
  doc.transact(() => membersMap(doc).delete(id), origin)
}

export function indexMeeting(doc: Y.Doc, meetingId: MeetingId, createdAt: string, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  doc.transact(() => {
    const entry = new Y.Map<unknown>()
    entry.set('createdAt', createdAt)
    meetingsMap(doc).set(meetingId, entry)
  }, origin)
}

/** The ids of every meeting of the council, as the council document knows them. */
export function meetingIds(doc: Y.Doc): MeetingId[] {
  return [...meetingsMap(doc).keys()] as MeetingId[]
}

/**
 * The same ids, the most recently created first (ties by id): the index knows when a meeting was
 * made, not when it is held, and a meeting is made shortly before it is held, so this is the order
 * a new device fetches them in (tonight's meeting first, then back through the years).
 */
export function meetingIdsNewestFirst(doc: Y.Doc): MeetingId[] {
  const createdAt = (v: unknown) => (v instanceof Y.Map && typeof v.get('createdAt') === 'string' ? (v.get('createdAt') as string) : '')
  const entries = [...meetingsMap(doc).entries()].map(([id, v]) => ({ id: id as MeetingId, at: createdAt(v) }))
  return entries.sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) : a.at < b.at ? 1 : -1)).map((e) => e.id)
}

/**
 * Lists a campaign (council/<id>/campaign/<id>) in the council document, as indexMeeting does a
 * meeting: an entry per id, so campaigns made on two devices both appear. Indexing an id already
 * listed changes nothing (its first createdAt stays).
 */
export function indexCampaign(doc: Y.Doc, campaignId: CampaignId, createdAt: string, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  if (campaignsMap(doc).get(campaignId) instanceof Y.Map) return
  doc.transact(() => {
    const entry = new Y.Map<unknown>()
    entry.set('createdAt', createdAt)
    campaignsMap(doc).set(campaignId, entry)
  }, origin)
}

/** The ids of every campaign of the council, as the council document knows them. */
export function campaignIds(doc: Y.Doc): CampaignId[] {
  return [...campaignsMap(doc).keys()] as CampaignId[]
}

export type YearDocKind = 'matters' | 'fund'

/**
 * Lists a year's matters or fund document in the council document, as indexCampaign does a
 * campaign: a key per year, so a year opened on two devices appears once, and a new laptop knows
 * which year documents to fetch and a backup which to carry.
 */
export function indexYearDoc(doc: Y.Doc, kind: YearDocKind, year: number, createdAt: string, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  if (!Number.isInteger(year) || year < 1900 || year > 2199) throw new DocError('invalidInput', { year: 'dateInvalid' })
  if (yearsMap(doc, kind).get(String(year)) instanceof Y.Map) return
  doc.transact(() => {
    const entry = new Y.Map<unknown>()
    entry.set('createdAt', createdAt)
    yearsMap(doc, kind).set(String(year), entry)
  }, origin)
}

/** The years of the council's matters or fund documents, newest first. */
export function indexedYears(doc: Y.Doc, kind: YearDocKind): number[] {
  return [...yearsMap(doc, kind).keys()].map(Number).filter((y) => Number.isInteger(y) && y >= 1900 && y <= 2199).sort((a, b) => b - a)
}

export const memberCount = (doc: Y.Doc): number => membersMap(doc).size
export const meetingCount = (doc: Y.Doc): number => meetingsMap(doc).size
