// Voiding a campaign entry made by mistake (issue 14): the entry is kept, a void mark with who and
// why is added beside it, the signing rate goes back, the live state agrees with readSigningState,
// and a void recorded after the window closed changes nothing.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLiveSigningState } from '../../src/shared/campaigns/liveSigning'
import { decide, initCampaignDoc, readAllEntries, readConsentState, readEntries, readSigningState, readVoidedEntries, readVoids } from '../../src/shared/doc/campaign'
import { recordConsent, recordPayment, recordSigning, voidEntry } from '../../src/shared/doc/campaignEntries'
import { addHouseholds, readHouseholds } from '../../src/shared/doc/households'
import { defaultCampaignSettings, type CampaignId, type CampaignSettings } from '../../src/shared/domain/campaign'
import type { Household, HouseholdFields } from '../../src/shared/domain/household'
import { COUNCIL_ID, expectDocError, newDoc, replicaOf, syncAll } from './helpers'

const CAMPAIGN_ID = 'c0ffee00-7777-4000-8000-000000000002' as CampaignId
const CREATED = '2025-02-20T02:00:00.000Z'
const on = (day: number, hour = 2) => `2025-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`
const date = (day: number) => on(day).slice(0, 10)
const AFTER = '2025-04-01T02:00:00.000Z'

function register(n: number): Household[] {
  const doc = new Y.Doc()
  const list: HouseholdFields[] = Array.from({ length: n }, (_, i) => ({
    building: '3', unit: '2', room: String(301 + i), owner: `业主${i}`, tenant: '', areaCentiM2: 8000, phone: '', addedOn: '2025-01-01', removedOn: null,
  }))
  addHouseholds(doc, COUNCIL_ID, list, CREATED)
  return readHouseholds(doc)
}

function campaignDoc(over: Partial<CampaignSettings> = {}, clientID = 1): Y.Doc {
  const doc = newDoc(clientID)
  const s = { ...defaultCampaignSettings('relocation', '2025-03-01', '2025-03-31'), title: '模拟搬迁', ...over }
  initCampaignDoc(doc, { councilId: COUNCIL_ID, campaignId: CAMPAIGN_ID }, s, CREATED)
  return doc
}

const hs = register(4)
const sign = (doc: Y.Doc, h: Household, day: number) => recordSigning(doc, hs, { householdId: h.id, date: date(day), recordedBy: '李秘书', device: '李秘书的电脑' }, on(day))
const rate = (doc: Y.Doc, now = on(20)) => readSigningState(doc, hs, now)?.rate

describe('voidEntry', () => {
  it('keeps the entry, marks it void with who and why, and the rate goes back', () => {
    const doc = campaignDoc()
    sign(doc, hs[0]!, 3)
    const wrong = sign(doc, hs[1]!, 3)
    expect(rate(doc)).toEqual({ num: 2, den: 4 })
    voidEntry(doc, { entryId: wrong, by: '李秘书', reason: '点错了户，应为302', device: '李秘书的电脑' }, on(4))
    expect(rate(doc)).toEqual({ num: 1, den: 4 })
    // Never deleted: the entry is still in the document, listed with its void mark.
    expect(readAllEntries(doc).map((e) => e.entryId)).toContain(wrong)
    expect(readEntries(doc).map((e) => e.entryId)).not.toContain(wrong)
    expect(readVoidedEntries(doc)).toEqual([
      { entry: expect.objectContaining({ entryId: wrong, type: 'sign' }), void: expect.objectContaining({ entryId: wrong, by: '李秘书', reason: '点错了户，应为302', at: on(4) }) },
    ])
    // The household can sign again, as a new entry.
    sign(doc, hs[1]!, 5)
    expect(rate(doc)).toEqual({ num: 2, den: 4 })
  })

  it('the live state follows a void exactly as readSigningState does', () => {
    const doc = campaignDoc()
    const live = createLiveSigningState(doc, hs)
    const ids = hs.map((h) => sign(doc, h, 3))
    expect(live.state(on(20))?.rate).toEqual({ num: 4, den: 4 })
    voidEntry(doc, { entryId: ids[2]!, by: '李秘书', reason: '录错', device: '' }, on(4))
    expect(live.state(on(20))).toEqual(readSigningState(doc, hs, on(20)))
    expect(live.state(on(20))?.rate).toEqual({ num: 3, den: 4 })
    live.destroy()
  })

  it('refuses without a reason or a recorder, twice, for a payment, after the deadline and once decided', () => {
    const doc = campaignDoc()
    const id = sign(doc, hs[0]!, 3)
    const input = { entryId: id, by: '李秘书', reason: '录错', device: '' }
    expect(expectDocError(() => voidEntry(doc, { ...input, reason: '  ' }, on(4)), 'invalidInput').detail).toEqual({ reason: 'reasonRequired' })
    expect(expectDocError(() => voidEntry(doc, { ...input, by: '' }, on(4)), 'invalidInput').detail).toEqual({ recordedBy: 'recordedByRequired' })
    expect(expectDocError(() => voidEntry(doc, { ...input, entryId: 'nope' }, on(4)), 'invalidInput').detail).toEqual({ entryId: 'entryNotFound' })
    voidEntry(doc, input, on(4))
    expect(expectDocError(() => voidEntry(doc, input, on(5)), 'invalidInput').detail).toEqual({ entryId: 'alreadyVoided' })
    const other = sign(doc, hs[1]!, 3)
    expect(expectDocError(() => voidEntry(doc, { ...input, entryId: other }, AFTER), 'invalidInput').detail).toEqual({ entryId: 'afterDeadline' })
    decide(doc, hs, AFTER, '李主任')
    expectDocError(() => voidEntry(doc, { ...input, entryId: other }, AFTER), 'badTransition')

    const reno = campaignDoc({ kind: 'renovation', contribution: { mode: 'perM2', fenPerM2: 100 } }, 2)
    const paid = recordPayment(reno, hs, { householdId: hs[0]!.id, date: date(3), recordedBy: '李秘书', device: '', amountFen: 500 }, on(3))
    expect(expectDocError(() => voidEntry(reno, { ...input, entryId: paid }, on(4)), 'invalidInput').detail).toEqual({ entryId: 'paymentNotVoidable' })
  })

  it('a void recorded after the window closed (an offline device) is kept but changes nothing, and a decision stays as decided', () => {
    const a = campaignDoc()
    const id = sign(a, hs[0]!, 3)
    const b = replicaOf(a, 2)
    decide(a, hs, AFTER, '李主任')
    // b voids offline before the close; it arrives after the decision: the decided count stands.
    voidEntry(b, { entryId: id, by: '王', reason: '录错', device: '' }, on(30))
    syncAll(a, b)
    expect(readVoids(a)).toHaveLength(1)
    expect(rate(a, AFTER)).toEqual({ num: 1, den: 4 })
    // A hostile or late mark written after the close is ignored by the rule.
    const c = campaignDoc({}, 3)
    const kept = sign(c, hs[0]!, 3)
    c.getMap('voids').set('late', { entryId: kept, at: AFTER, by: '王', reason: '晚了', device: '' })
    expect(readEntries(c).map((e) => e.entryId)).toEqual([kept])
  })

  it('a voided consent no longer counts in a renovation', () => {
    const doc = campaignDoc({ kind: 'renovation' })
    const id = recordConsent(doc, hs, { householdId: hs[0]!.id, date: date(3), recordedBy: '李秘书', device: '', choice: 'agree' }, on(3))
    expect(readConsentState(doc, hs)?.households[0]?.choice).toBe('agree')
    voidEntry(doc, { entryId: id, by: '李秘书', reason: '业主没有表态', device: '' }, on(4))
    expect(readConsentState(doc, hs)?.households[0]?.choice ?? null).toBeNull()
  })
})
