// Names of the campaign and households documents (issue 7). The sync server authorises by the council
// in a name, so parseAnyDocName is as strict as parseDocName, and parseDocName itself still answers
// only council and meeting names (backups and projections rely on that).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { campaignDocName, councilDocName, docNameOf, householdsDocName, meetingDocName, parseAnyDocName, parseDocName } from '../../src/shared/doc/names'
import type { CampaignId } from '../../src/shared/domain/campaign'
import type { CouncilId } from '../../src/shared/domain/ids'
import { COUNCIL_ID, MEETING_ID } from './helpers'

const CAMPAIGN_ID = 'c0ffee00-7777-4000-8000-000000000001' as CampaignId

describe('campaign and households document names', () => {
  it('name the documents as the issue says, and round-trip', () => {
    expect(campaignDocName(COUNCIL_ID, CAMPAIGN_ID)).toBe(`council/${COUNCIL_ID}/campaign/${CAMPAIGN_ID}`)
    expect(householdsDocName(COUNCIL_ID)).toBe(`council/${COUNCIL_ID}/households`)
    expect(parseAnyDocName(campaignDocName(COUNCIL_ID, CAMPAIGN_ID))).toEqual({ kind: 'campaign', councilId: COUNCIL_ID, campaignId: CAMPAIGN_ID })
    expect(parseAnyDocName(householdsDocName(COUNCIL_ID))).toEqual({ kind: 'households', councilId: COUNCIL_ID })
    expect(parseAnyDocName(councilDocName(COUNCIL_ID))).toEqual({ kind: 'council', councilId: COUNCIL_ID })
    expect(parseAnyDocName(meetingDocName(COUNCIL_ID, MEETING_ID))).toEqual({ kind: 'meeting', councilId: COUNCIL_ID, meetingId: MEETING_ID })
  })

  it('are not council or meeting names to parseDocName', () => {
    expect(parseDocName(campaignDocName(COUNCIL_ID, CAMPAIGN_ID))).toBeNull()
    expect(parseDocName(householdsDocName(COUNCIL_ID))).toBeNull()
  })

  it.each([
    `council/${COUNCIL_ID}/campaign`,
    `council/${COUNCIL_ID}/campaign/`,
    `council/${COUNCIL_ID}/campaign/../${CAMPAIGN_ID}`,
    `council/${COUNCIL_ID}/campaign/${CAMPAIGN_ID}/`,
    `council/${COUNCIL_ID}/campaign/${CAMPAIGN_ID}/entries`,
    `council/${COUNCIL_ID}/campaign/${CAMPAIGN_ID.toUpperCase()}`,
    `council/${COUNCIL_ID}/campaign/short`,
    `council/${COUNCIL_ID}/Campaign/${CAMPAIGN_ID}`,
    `council/${COUNCIL_ID}/campaigns/${CAMPAIGN_ID}`,
    `council/${COUNCIL_ID}/households/`,
    `council/${COUNCIL_ID}/households/${CAMPAIGN_ID}`,
    `council/${COUNCIL_ID}/Households`,
    `council/${COUNCIL_ID}/household`,
    `council/${COUNCIL_ID.toUpperCase()}/households`,
    `council/../households`,
    `council//households`,
    `households`,
    `campaign/${CAMPAIGN_ID}`,
    `council/${COUNCIL_ID}/households `,
    `council/${COUNCIL_ID}/meeting/${MEETING_ID}/campaign/${CAMPAIGN_ID}`,
  ])('refuses %j', (name) => {
    expect(parseAnyDocName(name)).toBeNull()
    expect(parseDocName(name)).toBeNull()
  })

  it('never accepts a name that does not rebuild to itself, and agrees with parseDocName on council and meeting names (property)', () => {
    const part = fc.oneof(fc.constantFrom('council', 'meeting', 'campaign', 'households', COUNCIL_ID, CAMPAIGN_ID, '', '..'), fc.stringMatching(/^[0-9a-zA-Z./-]{0,12}$/))
    const name = fc.oneof(fc.string({ maxLength: 120 }), fc.array(part, { maxLength: 5 }).map((p) => p.join('/')))
    fc.assert(
      fc.property(name, (n) => {
        const any = parseAnyDocName(n)
        if (any === null) {
          expect(parseDocName(n)).toBeNull()
          return
        }
        expect(docNameOf(any)).toBe(n)
        expect(n.startsWith(`council/${any.councilId}`)).toBe(true)
        if (any.kind === 'council' || any.kind === 'meeting') expect(parseDocName(n)).toEqual(any)
        else expect(parseDocName(n)).toBeNull()
      }),
      { numRuns: 2000 },
    )
  })

  it('round-trips any ids of the id alphabet (property)', () => {
    const id = fc.stringMatching(/^[0-9a-z-]{8,64}$/)
    fc.assert(
      fc.property(id, id, (council, campaign) => {
        expect(parseAnyDocName(campaignDocName(council as CouncilId, campaign as CampaignId))).toEqual({ kind: 'campaign', councilId: council, campaignId: campaign })
        expect(parseAnyDocName(householdsDocName(council as CouncilId))).toEqual({ kind: 'households', councilId: council })
      }),
    )
  })
})
