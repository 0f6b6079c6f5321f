// A resolution's follow-up (落实人 / 完成时限) is stored as it is typed (issue 14): every keystroke
// is in the document, so sending the draft for signature straight away carries it into the record
// and the signed hash; a half-typed deadline is refused with the field named; a space typed between
// two words survives; two devices typing into different fields both keep theirs.
import { describe, expect, it } from 'vitest'
import { finishDraft, readResolution, readResolutionField, setResolutionField } from '../../src/shared/doc/minutes'
import { DocError } from '../../src/shared/doc/errors'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { expectDocError, replicaOf, syncAll } from './helpers'
import { closedMeeting, council } from './minutes-fixture'
import { at } from './session-helpers'

/** Types `text` one character at a time, as the field does on each change. */
function typeInto(doc: Parameters<typeof setResolutionField>[0], motionId: string, text: string) {
  for (let i = 1; i <= text.length; i++) setResolutionField(doc, motionId, 'implementer', text.slice(0, i))
}

describe('follow-up stored as typed', () => {
  it('is in the record after each keystroke, and still there when the draft is sent at once', () => {
    const f = closedMeeting()
    typeInto(f.doc, f.motionId, '物业 服务中心')
    setResolutionField(f.doc, f.motionId, 'due', '2025-06-30')
    finishDraft(f.doc, at(30))
    expect(assembleMeetingRecord(f.doc, council()).agenda[0]!.motions[0]!.resolution).toEqual({ implementer: '物业 服务中心', due: '2025-06-30' })
  })

  it('keeps a space typed at the end while the next word is still to come, and trims only when read for the record', () => {
    const f = closedMeeting()
    typeInto(f.doc, f.motionId, '物业 ')
    expect(readResolutionField(f.doc, f.motionId, 'implementer')).toBe('物业 ')
    expect(readResolution(f.doc, f.motionId)).toEqual({ implementer: '物业', due: '' })
  })

  it('refuses a partial or impossible deadline naming the field, and keeps the last whole one', () => {
    const f = closedMeeting()
    setResolutionField(f.doc, f.motionId, 'due', '2025-06-30')
    for (const bad of ['2025-06', '2025-02-30', '30/06/2025']) {
      try {
        setResolutionField(f.doc, f.motionId, 'due', bad)
        expect.unreachable(`${bad} was stored`)
      } catch (e) {
        expect(e).toBeInstanceOf(DocError)
        expect((e as DocError).code).toBe('invalidInput')
        expect((e as DocError).detail).toEqual({ due: 'dateInvalid' })
      }
    }
    expect(readResolution(f.doc, f.motionId)?.due).toBe('2025-06-30')
    setResolutionField(f.doc, f.motionId, 'due', '')
    expect(readResolution(f.doc, f.motionId)).toBeNull()
  })

  it('refuses an implementer over 200 characters, and any edit once the draft is no longer editable', () => {
    const f = closedMeeting()
    expectDocError(() => setResolutionField(f.doc, f.motionId, 'implementer', '甲'.repeat(201)), 'invalidInput')
    expect(readResolution(f.doc, f.motionId)).toBeNull()
    setResolutionField(f.doc, f.motionId, 'implementer', '居委会')
    finishDraft(f.doc, at(30))
    // Still editable while the draft waits for signatures (minutes_drafted), as the narrative is.
    setResolutionField(f.doc, f.motionId, 'implementer', '居委会主任')
    expect(readResolution(f.doc, f.motionId)?.implementer).toBe('居委会主任')
  })

  it('writes nothing when the value is unchanged (no spurious edit invalidating a signature)', () => {
    const f = closedMeeting()
    setResolutionField(f.doc, f.motionId, 'implementer', '居委会')
    let updates = 0
    f.doc.on('update', () => updates++)
    setResolutionField(f.doc, f.motionId, 'implementer', '居委会')
    expect(updates).toBe(0)
  })

  it('keeps both when two devices type into the two fields at once', () => {
    const f = closedMeeting(1)
    const b = replicaOf(f.doc, 2)
    typeInto(f.doc, f.motionId, '社区居委会')
    setResolutionField(b, f.motionId, 'due', '2025-07-01')
    syncAll(f.doc, b)
    for (const d of [f.doc, b]) expect(readResolution(d, f.motionId)).toEqual({ implementer: '社区居委会', due: '2025-07-01' })
  })
})
