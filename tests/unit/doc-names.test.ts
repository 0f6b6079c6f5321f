// Document names: the sync server authorises by the council in the name, so parsing is strict.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { councilDocName, meetingDocName, parseDocName } from '../../src/shared/doc/names'
import { newCouncilId, newMeetingId, type CouncilId, type MeetingId } from '../../src/shared/domain/ids'
import { COUNCIL_ID, MEETING_ID } from './helpers'

describe('councilDocName and meetingDocName', () => {
  it('name the documents as architecture.md says', () => {
    expect(councilDocName(COUNCIL_ID)).toBe(`council/${COUNCIL_ID}`)
    expect(meetingDocName(COUNCIL_ID, MEETING_ID)).toBe(`council/${COUNCIL_ID}/meeting/${MEETING_ID}`)
  })

  it('round-trip through parseDocName', () => {
    expect(parseDocName(councilDocName(COUNCIL_ID))).toEqual({ kind: 'council', councilId: COUNCIL_ID })
    expect(parseDocName(meetingDocName(COUNCIL_ID, MEETING_ID))).toEqual({ kind: 'meeting', councilId: COUNCIL_ID, meetingId: MEETING_ID })
  })

  it('round-trip for fresh ids and any id of the allowed alphabet (property)', () => {
    const c = newCouncilId()
    const m = newMeetingId()
    expect(parseDocName(meetingDocName(c, m))).toEqual({ kind: 'meeting', councilId: c, meetingId: m })
    const idArb = fc.stringMatching(/^[0-9a-z-]{8,64}$/)
    fc.assert(
      fc.property(idArb, idArb, (council, meeting) => {
        expect(parseDocName(councilDocName(council as CouncilId))).toEqual({ kind: 'council', councilId: council })
        expect(parseDocName(meetingDocName(council as CouncilId, meeting as MeetingId))).toEqual({ kind: 'meeting', councilId: council, meetingId: meeting })
      }),
    )
  })
})

describe('parseDocName refuses malformed names', () => {
  it.each([
    'council/../x',
    'council/..',
    `council/${COUNCIL_ID}/../../etc/passwd`,
    'council/a/meeting',
    `council/${COUNCIL_ID}/meeting`,
    `council/${COUNCIL_ID}/meeting/`,
    `council/${COUNCIL_ID}/meeting/../${MEETING_ID}`,
    `council/${COUNCIL_ID}/meeting/${MEETING_ID}/extra`,
    `council/${COUNCIL_ID}/meeting/${MEETING_ID}/`,
    `council/${COUNCIL_ID}/`,
    `council/${COUNCIL_ID}/campaign/${MEETING_ID}`,
    `council/${COUNCIL_ID}/Meeting/${MEETING_ID}`,
    `council/${COUNCIL_ID.toUpperCase()}`,
    `council//${COUNCIL_ID}`,
    `/council/${COUNCIL_ID}`,
    `councils/${COUNCIL_ID}`,
    `Council/${COUNCIL_ID}`,
    `meeting/${MEETING_ID}`,
    `council/${COUNCIL_ID} `,
    `council/${COUNCIL_ID}%2F..`,
    `council\\${COUNCIL_ID}`,
    'council/',
    'council',
    '',
  ])('%j', (name) => {
    expect(parseDocName(name)).toBeNull()
  })

  it('never accepts a name that does not rebuild to itself (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (name) => {
        const parsed = parseDocName(name)
        if (parsed === null) return
        const rebuilt = parsed.kind === 'council' ? councilDocName(parsed.councilId) : meetingDocName(parsed.councilId, parsed.meetingId)
        expect(rebuilt).toBe(name)
      }),
    )
  })
})
