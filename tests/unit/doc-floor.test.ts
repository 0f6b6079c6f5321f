// Requests for the floor in the meeting document (shared/doc/floor.ts): kept in the order asked,
// answered when the speech starts, withdrawn on request, and merged from two laptops with nothing lost.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addObserver } from '../../src/shared/doc/attendance'
import { giveFloor, pendingFloorRequests, readFloorRequests, requestFloor, withdrawFloorRequest } from '../../src/shared/doc/floor'
import { moveMotion } from '../../src/shared/doc/motions'
import { readSpeeches } from '../../src/shared/doc/speeches'
import { speakingQueue } from '../../src/shared/domain/speaking'
import { expectDocError, replicaOf, stateOf, syncAll } from './helpers'
import { at, debating, inSession, SECONDING } from './session-helpers'

const queueOf = (s: ReturnType<typeof inSession>, motion: ReturnType<typeof debating>) =>
  speakingQueue(pendingFloorRequests(s.doc, motion), readSpeeches(s.doc).filter((x) => x.motionId === motion), { maxPerMotion: 2 }).map((q) => [q.speakerId, q.stance])

describe('requests for the floor in the document', () => {
  it('keeps requests in the order asked; asking again changes the stance and keeps the place', () => {
    const s = inSession()
    const motion = debating(s)
    const a = requestFloor(s.doc, { motionId: motion, speakerId: s.ids[2]!, stance: 'for' }, at(10))
    const b = requestFloor(s.doc, { motionId: motion, speakerId: s.ids[3]!, stance: 'for' }, at(11))
    const c = requestFloor(s.doc, { motionId: motion, speakerId: s.ids[4]!, stance: 'against' }, at(12))
    expect(pendingFloorRequests(s.doc, motion).map((r) => [r.id, r.speakerId, r.stance, r.askedAt])).toEqual([
      [a, s.ids[2], 'for', at(10)],
      [b, s.ids[3], 'for', at(11)],
      [c, s.ids[4], 'against', at(12)],
    ])
    expect(requestFloor(s.doc, { motionId: motion, speakerId: s.ids[3]!, stance: 'against' }, at(13))).toBe(b)
    expect(pendingFloorRequests(s.doc, motion).map((r) => [r.speakerId, r.stance])).toEqual([
      [s.ids[2], 'for'],
      [s.ids[3], 'against'],
      [s.ids[4], 'against'],
    ])
    // The same request again writes nothing.
    const before = stateOf(s.doc)
    requestFloor(s.doc, { motionId: motion, speakerId: s.ids[3]!, stance: 'against' }, at(14))
    expect(stateOf(s.doc)).toEqual(before)
    // The fair order is the shared rule's: for and against alternate.
    expect(queueOf(s, motion)).toEqual([
      [s.ids[2], 'for'],
      [s.ids[3], 'against'],
      [s.ids[4], 'against'],
    ])
  })

  it('marks a request done when its speech starts, in the same transaction, and lets a request be withdrawn', () => {
    const s = inSession()
    const motion = debating(s)
    requestFloor(s.doc, { motionId: motion, speakerId: s.ids[2]!, stance: 'for' }, at(10))
    requestFloor(s.doc, { motionId: motion, speakerId: s.ids[3]!, stance: 'against' }, at(11))
    requestFloor(s.doc, { motionId: motion, speakerId: s.ids[4]!, stance: 'for' }, at(12))
    let transactions = 0
    s.doc.on('afterTransaction', () => transactions++)
    const speech = giveFloor(s.doc, { motionId: motion, speakerId: s.ids[2]!, stance: 'for' }, at(13))
    expect(transactions).toBe(1)
    expect(readSpeeches(s.doc).map((x) => [x.id, x.speakerId])).toEqual([[speech, s.ids[2]]])
    const done = readFloorRequests(s.doc, motion).find((r) => r.speakerId === s.ids[2])
    expect(done).toMatchObject({ speechId: speech, doneAt: at(13), withdrawnAt: null })
    withdrawFloorRequest(s.doc, motion, s.ids[4]!, at(14))
    expect(pendingFloorRequests(s.doc, motion).map((r) => r.speakerId)).toEqual([s.ids[3]])
    // Kept, marked: the record of who asked is never deleted.
    expect(readFloorRequests(s.doc, motion).map((r) => [r.speakerId, r.doneAt !== null, r.withdrawnAt])).toEqual([
      [s.ids[2], true, null],
      [s.ids[3], false, null],
      [s.ids[4], false, at(14)],
    ])
    // Withdrawing someone with no waiting request is refused, and changes nothing.
    const before = stateOf(s.doc)
    expectDocError(() => withdrawFloorRequest(s.doc, motion, s.ids[4]!, at(15)), 'notFound')
    expect(stateOf(s.doc)).toEqual(before)
    // Asking again after speaking is a new request at the end of the line.
    requestFloor(s.doc, { motionId: motion, speakerId: s.ids[2]!, stance: 'question' }, at(16))
    expect(pendingFloorRequests(s.doc, motion).map((r) => r.speakerId)).toEqual([s.ids[3], s.ids[2]])
  })

  it('refuses requests nobody can act on: unknown speakers, motions not under debate, closed meetings', () => {
    const s = inSession()
    const motion = debating(s)
    const before = stateOf(s.doc)
    expectDocError(() => requestFloor(s.doc, { motionId: motion, speakerId: 'nobody', stance: 'for' }, at(10)), 'notOnRoster')
    expectDocError(() => requestFloor(s.doc, { motionId: motion, speakerId: s.ids[1]!, stance: 'loud' as 'for' }, at(10)), 'invalidInput')
    expectDocError(() => requestFloor(s.doc, { motionId: motion, speakerId: s.ids[1]!, stance: 'for' }, 'soon'), 'invalidInput')
    expect(stateOf(s.doc)).toEqual(before)
    // An observer (列席) may ask for the floor.
    const guest = addObserver(s.doc, { name: '街道办王干事', note: '' }, at(9))
    requestFloor(s.doc, { motionId: motion, speakerId: guest, stance: 'question' }, at(10))
    expect(pendingFloorRequests(s.doc, motion).map((r) => r.speakerId)).toEqual([guest])
    moveMotion(s.doc, motion, 'withdrawn', SECONDING, at(11))
    expectDocError(() => requestFloor(s.doc, { motionId: motion, speakerId: s.ids[1]!, stance: 'for' }, at(12)), 'badMotionTransition')
  })

  it('keeps every request two laptops add at once, in one order on both', () => {
    const s = inSession({ clientID: 1 })
    const motion = debating(s)
    requestFloor(s.doc, { motionId: motion, speakerId: s.ids[0]!, stance: 'for' }, at(10))
    const laptopA = s.doc
    const laptopB = replicaOf(laptopA, 2)
    // Offline from each other: each adds two requests after the same last one.
    requestFloor(laptopA, { motionId: motion, speakerId: s.ids[1]!, stance: 'against' }, at(11))
    requestFloor(laptopA, { motionId: motion, speakerId: s.ids[2]!, stance: 'for' }, at(13))
    requestFloor(laptopB, { motionId: motion, speakerId: s.ids[3]!, stance: 'against' }, at(12))
    requestFloor(laptopB, { motionId: motion, speakerId: s.ids[4]!, stance: 'question' }, at(14))
    // Both ask for the same member too; and B withdraws the first request meanwhile.
    requestFloor(laptopA, { motionId: motion, speakerId: s.ids[2]!, stance: 'for' }, at(13))
    withdrawFloorRequest(laptopB, motion, s.ids[0]!, at(15))
    syncAll(laptopA, laptopB)
    const onA = pendingFloorRequests(laptopA, motion)
    const onB = pendingFloorRequests(laptopB, motion)
    expect(onA).toEqual(onB)
    expect(onA.map((r) => r.speakerId).sort()).toEqual([s.ids[1], s.ids[2], s.ids[3], s.ids[4]].sort())
    // Equal keys from the two laptops are settled by the time asked: the order people asked in.
    expect(onA.map((r) => r.speakerId)).toEqual([s.ids[1], s.ids[3], s.ids[2], s.ids[4]])

    // The same member asked on both laptops at once: one place in the queue, and one speech answers both.
    const laptopC = replicaOf(laptopA, 3)
    const viaA = requestFloor(laptopA, { motionId: motion, speakerId: s.ids[0]!, stance: 'for' }, at(16))
    const viaC = requestFloor(laptopC, { motionId: motion, speakerId: s.ids[0]!, stance: 'for' }, at(16))
    expect(viaA).not.toBe(viaC)
    syncAll(laptopA, laptopB, laptopC)
    expect(speakingQueue(pendingFloorRequests(laptopB, motion), [], { maxPerMotion: 2 }).filter((q) => q.speakerId === s.ids[0])).toHaveLength(1)
    giveFloor(laptopB, { motionId: motion, speakerId: s.ids[0]!, stance: 'for' }, at(17))
    syncAll(laptopA, laptopB, laptopC)
    for (const doc of [laptopA, laptopB, laptopC]) {
      expect(pendingFloorRequests(doc, motion).some((r) => r.speakerId === s.ids[0])).toBe(false)
      expect(readFloorRequests(doc, motion).filter((r) => r.speakerId === s.ids[0] && r.doneAt === at(17))).toHaveLength(2)
    }
  })

  it('reads damaged entries without throwing and passes over a damaged order key', () => {
    const s = inSession()
    const motion = debating(s)
    const first = requestFloor(s.doc, { motionId: motion, speakerId: s.ids[1]!, stance: 'for' }, at(10))
    s.doc.transact(() => {
      const m = s.doc.getMap<unknown>('floorRequests').get(first) as Y.Map<unknown>
      m.set('order', 'not a key!')
      m.set('stance', 42)
      s.doc.getMap<unknown>('floorRequests').set('junk', 'not a map')
    }, 'remote')
    expect(pendingFloorRequests(s.doc, motion)).toMatchObject([{ id: first, stance: 'question' }])
    requestFloor(s.doc, { motionId: motion, speakerId: s.ids[2]!, stance: 'for' }, at(11))
    expect(pendingFloorRequests(s.doc, motion).map((r) => r.speakerId)).toHaveLength(2)
  })
})
