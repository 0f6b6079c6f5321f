// The households document (council/<id>/households): the council's register of households, each
// with the history of its edits. Its own document, not part of the council's (src/shared/README.md).
//
// Layout:
//   meta        {schemaVersion, kind: 'households', councilId}
//   households  Y.Map<householdId, Y.Map{building, unit, room, owner, tenant, areaCentiM2, phone,
//               addedOn, removedOn, createdAt, history: Y.Array<HouseholdChange>}>
// One field per key, so two people editing different fields of a household both win; the history
// array is created with the household, so two first edits on two devices both land in it.
import * as Y from 'yjs'
import type { CouncilId } from '../domain/ids'
import { compareHouseholds, HOUSEHOLD_FIELDS, newHouseholdId, validateHousehold, type Household, type HouseholdChange, type HouseholdFields, type HouseholdId } from '../domain/household'
import { hasErrors } from './entries'
import { DocError } from './errors'
import { assertWritable, initMeta, metaOf, ORIGIN_IMPORT, ORIGIN_LOCAL } from './schema'
import { child, intOrNull, setChanged, str, strOrNull } from './read'

const householdsMap = (doc: Y.Doc) => doc.getMap<unknown>('households')

/** Writes the meta of a new households document; harmless to repeat (the same values). */
export function initHouseholdsDoc(doc: Y.Doc, councilId: CouncilId, origin: unknown = ORIGIN_LOCAL): void {
  assertWritable(doc)
  doc.transact(() => ensureMeta(doc, councilId), origin)
}

function ensureMeta(doc: Y.Doc, councilId: CouncilId): void {
  const meta = metaOf(doc)
  if (meta.get('kind') === 'households' && meta.get('councilId') === councilId) return
  if (meta.size > 0) throw new DocError('invalidDocument')
  initMeta(doc, 'households', { councilId })
}

function readHousehold(id: string, m: Y.Map<unknown>): Household {
  return {
    id: id as HouseholdId,
    building: str(m, 'building'),
    unit: str(m, 'unit'),
    room: str(m, 'room'),
    owner: str(m, 'owner'),
    tenant: str(m, 'tenant'),
    areaCentiM2: intOrNull(m, 'areaCentiM2'),
    phone: str(m, 'phone'),
    addedOn: str(m, 'addedOn'),
    removedOn: strOrNull(m, 'removedOn'),
    createdAt: str(m, 'createdAt'),
  }
}

/** Every household, in register order (building, unit, room, then id). */
export function readHouseholds(doc: Y.Doc): Household[] {
  const out: Household[] = []
  householdsMap(doc).forEach((v, id) => {
    if (v instanceof Y.Map) out.push(readHousehold(id, v as Y.Map<unknown>))
  })
  return out.sort(compareHouseholds)
}

export function readHouseholdById(doc: Y.Doc, id: HouseholdId): Household | null {
  const m = child(householdsMap(doc), id)
  return m ? readHousehold(id, m) : null
}

export const householdCount = (doc: Y.Doc): number => householdsMap(doc).size

/** Only the known fields, trimmed: nothing else a caller carries reaches the document. */
function cleanFields(f: HouseholdFields): HouseholdFields {
  return {
    building: f.building.trim(),
    unit: f.unit.trim(),
    room: f.room.trim(),
    owner: f.owner.trim(),
    tenant: f.tenant.trim(),
    areaCentiM2: f.areaCentiM2,
    phone: f.phone.trim(),
    addedOn: f.addedOn,
    removedOn: f.removedOn,
  }
}

/**
 * Adds households in ONE transaction: all of them, or (on any invalid one) none. The importer's
 * write: 3,000 households are one update, one undo step, one projection.
 */
export function addHouseholds(doc: Y.Doc, councilId: CouncilId, list: readonly HouseholdFields[], now: string, origin: unknown = ORIGIN_IMPORT): HouseholdId[] {
  assertWritable(doc)
  const cleaned = list.map(cleanFields)
  const bad = cleaned.map((f, index) => ({ index, errors: validateHousehold(f) })).filter((r) => hasErrors(r.errors))
  if (bad.length) throw new DocError('invalidInput', bad)
  const meta = metaOf(doc)
  if (meta.size > 0 && (meta.get('kind') !== 'households' || meta.get('councilId') !== councilId)) throw new DocError('invalidDocument')
  const ids: HouseholdId[] = []
  doc.transact(() => {
    ensureMeta(doc, councilId)
    const households = householdsMap(doc)
    for (const f of cleaned) {
      const id = newHouseholdId()
      const m = new Y.Map<unknown>()
      households.set(id, m)
      m.set('createdAt', now)
      setChanged(m, { ...f })
      m.set('history', new Y.Array<HouseholdChange>())
      ids.push(id)
    }
  }, origin)
  return ids
}

export const addHousehold = (doc: Y.Doc, councilId: CouncilId, f: HouseholdFields, now: string, origin: unknown = ORIGIN_LOCAL): HouseholdId => {
  const [id] = addHouseholds(doc, councilId, [f], now, origin)
  return id as HouseholdId
}

/** Edits a household and appends what changed (old and new values, when, by whom) to its history. */
export function updateHousehold(doc: Y.Doc, id: HouseholdId, patch: Partial<HouseholdFields>, now: string, by: string, origin: unknown = ORIGIN_LOCAL): boolean {
  assertWritable(doc)
  const m = child(householdsMap(doc), id)
  if (!m) throw new DocError('notFound')
  const next = cleanFields({ ...readHousehold(id, m), ...patch })
  const errors = validateHousehold(next)
  if (hasErrors(errors)) throw new DocError('invalidInput', errors)
  let changed = false
  doc.transact(() => {
    const fields: Partial<HouseholdFields> = {}
    for (const k of Object.keys(patch) as (keyof HouseholdFields)[]) {
      if (HOUSEHOLD_FIELDS.includes(k)) (fields as Record<string, unknown>)[k] = next[k]
    }
    const diff = setChanged(m, fields)
    if (Object.keys(diff).length === 0) return
    changed = true
    let history = m.get('history')
    if (!(history instanceof Y.Array)) {
      history = new Y.Array<HouseholdChange>()
      m.set('history', history)
    }
    ;(history as Y.Array<HouseholdChange>).push([{ at: now, by: by.trim().slice(0, 60), changes: diff }])
  }, origin)
  return changed
}

/** The household's edits, oldest first; anything malformed a replica holds is skipped. */
export function readHouseholdHistory(doc: Y.Doc, id: HouseholdId): HouseholdChange[] {
  const h = child(householdsMap(doc), id)?.get('history')
  if (!(h instanceof Y.Array)) return []
  return (h.toArray() as unknown[]).filter((c): c is HouseholdChange => {
    if (c === null || typeof c !== 'object') return false
    const r = c as Record<string, unknown>
    return typeof r.at === 'string' && typeof r.by === 'string' && r.changes !== null && typeof r.changes === 'object'
  })
}
