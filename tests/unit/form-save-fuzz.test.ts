// Seeded fuzz (issue 23): two laptops' meeting-details forms against each other through a server,
// with random field edits, saves, Wi-Fi drops and reconnects, on real Yjs. A save writes what the
// form plan (shared/doc/editPlan.ts) says; the property: no save ever changes a field the person
// at that laptop did not change. The same schedules run with the old "write the whole form back"
// save must break it, so the property is known to catch the bug it guards against.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { planSave } from '../../src/shared/doc/editPlan'
import { initMeetingDoc, readMeeting, updateMeeting } from '../../src/shared/doc/meeting'
import type { MeetingFields } from '../../src/shared/domain/meeting'
import { COUNCIL_ID, MEETING_ID, meetingFields, NOW } from './helpers'

const FIELDS = ['title', 'place', 'convener'] as const
type Field = (typeof FIELDS)[number]

function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Laptop {
  name: string
  doc: Y.Doc
  online: boolean
  /** The open form: what the person typed, and what was stored when they first touched each field. */
  edits: Partial<MeetingFields>
  base: Partial<MeetingFields>
  /** The form's values when the page opened (what the old form wrote back). */
  opened: MeetingFields
}

const fieldsOf = (doc: Y.Doc): MeetingFields => {
  const m = readMeeting(doc)!
  return { title: m.title, startsAt: m.startsAt, place: m.place, convener: m.convener }
}

/** Runs one schedule; returns the saves that changed a field their person did not change. */
function run(seed: number, mode: 'plan' | 'wholeForm'): { violations: string[]; saves: number } {
  const rand = rng(seed)
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const server = new Y.Doc()
  initMeetingDoc(server, { councilId: COUNCIL_ID, meetingId: MEETING_ID }, meetingFields(), NOW)
  const laptops: Laptop[] = ['A', 'B'].map((name) => {
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
    return { name, doc, online: true, edits: {}, base: {}, opened: fieldsOf(doc) }
  })
  // Online laptops exchange every update through the server at once; offline ones catch up on reconnect.
  const resync = (l: Laptop) => {
    Y.applyUpdate(server, Y.encodeStateAsUpdate(l.doc, Y.encodeStateVector(server)), 'net')
    for (const other of laptops) if (other.online) Y.applyUpdate(other.doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(other.doc)), 'net')
  }
  for (const l of laptops) l.doc.on('update', (_u: Uint8Array, origin: unknown) => origin !== 'net' && l.online && resync(l))

  const violations: string[] = []
  let saves = 0
  let n = 0
  for (let step = 0; step < 60; step++) {
    const l = pick(laptops)
    const r = rand()
    if (r < 0.45) {
      // The person types into one field.
      const k = pick(FIELDS)
      if (!(k in l.base)) l.base[k] = fieldsOf(l.doc)[k]
      l.edits[k] = `${l.name}${k}${n++}`
    } else if (r < 0.75) {
      const stored = fieldsOf(l.doc)
      let whole: MeetingFields
      let mine: Field[]
      if (mode === 'plan') {
        const plan = planSave(stored, l.edits, l.base)
        // Each conflict is shown; the person keeps theirs or takes the other device's.
        for (const c of plan.conflicts) {
          if (rand() < 0.5) l.base[c.key] = stored[c.key]
          else {
            delete l.edits[c.key]
            delete l.base[c.key]
          }
        }
        const again = planSave(stored, l.edits, l.base)
        whole = { ...stored, ...again.changed }
        mine = Object.keys(again.changed) as Field[]
      } else {
        whole = { ...l.opened, ...l.edits }
        mine = (Object.keys(l.edits) as Field[]).filter((k) => l.edits[k] !== stored[k])
      }
      updateMeeting(l.doc, whole)
      saves++
      const after = fieldsOf(l.doc)
      for (const k of FIELDS) if (after[k] !== stored[k] && !mine.includes(k)) violations.push(`seed ${seed} step ${step}: ${l.name}'s save changed ${k} (${stored[k]} → ${after[k]}) untouched by its person`)
      l.edits = {}
      l.base = {}
      l.opened = fieldsOf(l.doc)
    } else if (r < 0.88) {
      l.online = false
    } else {
      l.online = true
      resync(l)
    }
  }
  for (const l of laptops) {
    l.online = true
    resync(l)
  }
  for (const l of laptops) resync(l)
  expect(fieldsOf(laptops[0]!.doc), `seed ${seed}: the laptops converge`).toEqual(fieldsOf(laptops[1]!.doc))
  return { violations, saves }
}

describe('two laptops saving the same meeting form (seeded)', () => {
  const seeds = Array.from({ length: 200 }, (_, i) => 1000 + i)

  it('no save changes a field its person did not change, through drops and reconnects', () => {
    let saves = 0
    for (const seed of seeds) {
      const r = run(seed, 'plan')
      saves += r.saves
      expect(r.violations, r.violations[0]).toEqual([])
    }
    expect(saves).toBeGreaterThan(1000)
  })

  it('the old whole-form save breaks the same property (so the check is not vacuous)', () => {
    const broken = seeds.filter((seed) => run(seed, 'wholeForm').violations.length > 0)
    expect(broken.length).toBeGreaterThan(20)
  })
})

describe('planSave', () => {
  const stored: MeetingFields = meetingFields()
  it('writes only the fields the person changed', () => {
    const p = planSave(stored, { place: '新会议室', title: stored.title }, { place: stored.place, title: stored.title })
    expect(p.changed).toEqual({ place: '新会议室' })
    expect(p.conflicts).toEqual([])
  })
  it('names a field another device changed while the person changed it too', () => {
    const p = planSave({ ...stored, place: 'B 改的地点' }, { place: 'A 改的地点' }, { place: stored.place })
    expect(p.conflicts).toEqual([{ key: 'place', mine: 'A 改的地点', theirs: 'B 改的地点' }])
  })
  it('is no conflict when both devices typed the same value', () => {
    const p = planSave({ ...stored, place: '同一个' }, { place: '同一个' }, { place: stored.place })
    expect(p).toEqual({ changed: {}, conflicts: [] })
  })
  it('compares chosen lists by their items', () => {
    const p = planSave({ buildings: ['1栋', '2栋'] }, { buildings: ['1栋', '2栋'] }, { buildings: ['1栋'] })
    expect(p).toEqual({ changed: {}, conflicts: [] })
  })
})
