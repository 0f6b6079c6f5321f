// The council document's index of campaigns (indexCampaign / campaignIds), as the meeting index:
// each campaign once, campaigns made on two devices merged, read-only documents never written.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { campaignIds, indexCampaign, indexMeeting, meetingIds } from '../../src/shared/doc/council'
import { ORIGIN_LOCAL } from '../../src/shared/doc/schema'
import type { CampaignId } from '../../src/shared/domain/campaign'
import { MEETING_ID, newCouncilDoc, NOW, replicaOf, syncAll } from './helpers'

const FIRST = 'c0ffee00-7777-4000-8000-000000000001' as CampaignId
const SECOND = 'c0ffee00-7777-4000-8000-000000000002' as CampaignId
const LATER = '2025-04-02T10:00:00.000Z'

describe('campaign index', () => {
  it('is empty in an empty or new council document', () => {
    expect(campaignIds(new Y.Doc())).toEqual([])
    expect(campaignIds(newCouncilDoc())).toEqual([])
  })

  it('lists the campaigns of the council, each once, keeping the first createdAt', () => {
    const doc = newCouncilDoc()
    indexCampaign(doc, FIRST, NOW)
    indexCampaign(doc, SECOND, LATER)
    indexCampaign(doc, FIRST, LATER)
    expect(campaignIds(doc).sort()).toEqual([FIRST, SECOND])
    expect((doc.getMap('campaigns').get(FIRST) as Y.Map<unknown>).get('createdAt')).toBe(NOW)
  })

  it('is apart from the meeting index', () => {
    const doc = newCouncilDoc()
    indexMeeting(doc, MEETING_ID, NOW)
    indexCampaign(doc, FIRST, NOW)
    expect(meetingIds(doc)).toEqual([MEETING_ID])
    expect(campaignIds(doc)).toEqual([FIRST])
  })

  it('writes one transaction with the origin given', () => {
    const doc = newCouncilDoc()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tx: Y.Transaction) => origins.push(tx.origin))
    indexCampaign(doc, FIRST, NOW)
    indexCampaign(doc, SECOND, NOW, 'import')
    indexCampaign(doc, SECOND, NOW, 'import')
    expect(origins).toEqual([ORIGIN_LOCAL, 'import'])
  })

  it('merges campaigns created on two devices', () => {
    const a = newCouncilDoc()
    const b = replicaOf(a)
    indexCampaign(a, FIRST, NOW)
    indexCampaign(b, SECOND, LATER)
    syncAll(a, b)
    expect(campaignIds(a).sort()).toEqual([FIRST, SECOND])
    expect(campaignIds(b).sort()).toEqual(campaignIds(a).sort())
  })

  it('never writes a document from a newer Yishi', () => {
    const doc = newCouncilDoc()
    doc.getMap('meta').set('schemaVersion', 999)
    expect(() => indexCampaign(doc, FIRST, NOW)).toThrow()
    expect(campaignIds(doc)).toEqual([])
  })
})
