// Speeches on a motion (speaker, stance, summary, length) and the speaking queue of the Nantang
// rules: those who have not spoken first, for and against alternating, the per-motion limit flagged.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addObserver } from '../../src/shared/doc/attendance'
import { moveMotion } from '../../src/shared/doc/motions'
import { closeSession } from '../../src/shared/doc/session'
import { endSpeech, readSpeeches, runningSpeeches, speechCounts, speechesOf, startSpeech, updateSummary } from '../../src/shared/doc/speeches'
import type { MotionId, SpeechId } from '../../src/shared/domain/ids'
import { speakingQueue, STANCES, type SpeakingRequest, type Stance } from '../../src/shared/domain/speaking'
import { expectDocError, stateOf } from './helpers'
import { at, debating, inSession, memberId, SECONDING } from './session-helpers'

const secs = (minutes: number, seconds: number) => new Date(Date.parse(at(minutes)) + seconds * 1000).toISOString()

describe('speeches in the document', () => {
  it('records speeches in order with their length; starting the next ends the running one', () => {
    const s = inSession()
    const motion = debating(s)
    const a = startSpeech(s.doc, { motionId: motion, speakerId: s.ids[2]!, stance: 'for' }, at(10))
    endSpeech(s.doc, a, secs(10, 95))
    const b = startSpeech(s.doc, { motionId: motion, speakerId: s.ids[3]!, stance: 'against', summary: ' 担心噪音 ' }, at(12))
    const c = startSpeech(s.doc, { motionId: motion, speakerId: s.ids[2]!, stance: 'question' }, secs(13, 30))
    expect(runningSpeeches(s.doc).map((x) => x.id)).toEqual([c])
    const list = speechesOf(s.doc, motion)
    expect(list.map((x) => [x.id, x.speakerId, x.stance, x.seconds])).toEqual([
      [a, s.ids[2], 'for', 95],
      [b, s.ids[3], 'against', 90],
      [c, s.ids[2], 'question', null],
    ])
    expect(list[1]).toMatchObject({ summary: '担心噪音', startedAt: at(12), endedAt: secs(13, 30), speakerKind: 'member' })
    expect(speechCounts(s.doc, motion)).toEqual({ [s.ids[2]!]: 2, [s.ids[3]!]: 1 })
    // Ending twice keeps the first end.
    endSpeech(s.doc, c, at(15))
    const before = stateOf(s.doc)
    endSpeech(s.doc, c, at(16))
    expect(stateOf(s.doc)).toEqual(before)
  })

  it('lets an observer speak, but not someone unknown', () => {
    const s = inSession()
    const motion = debating(s)
    const observer = addObserver(s.doc, { name: '街道办 刘', note: '' }, at(1))
    const id = startSpeech(s.doc, { motionId: motion, speakerId: observer, stance: 'question' }, at(10))
    expect(readSpeeches(s.doc).find((x) => x.id === id)?.speakerKind).toBe('observer')
    const before = stateOf(s.doc)
    expect(expectDocError(() => startSpeech(s.doc, { motionId: motion, speakerId: memberId(50), stance: 'for' }, at(11)), 'notOnRoster').detail).toEqual({
      memberId: memberId(50),
    })
    expect(expectDocError(() => startSpeech(s.doc, { motionId: motion, speakerId: s.ids[0]!, stance: 'maybe' as Stance }, at(11)), 'invalidInput').detail).toEqual({
      stance: 'stanceInvalid',
    })
    expect(stateOf(s.doc)).toEqual(before)
  })

  it('only on a motion under debate', () => {
    const s = inSession()
    const motion = debating(s)
    moveMotion(s.doc, motion, 'deferred', SECONDING, at(9))
    expectDocError(() => startSpeech(s.doc, { motionId: motion, speakerId: s.ids[0]!, stance: 'for' }, at(10)), 'badMotionTransition')
    expectDocError(() => startSpeech(s.doc, { motionId: 'ffffffff-0000-0000-0000-000000000000' as MotionId, speakerId: s.ids[0]!, stance: 'for' }, at(10)), 'notFound')
  })

  it('refuses an end before the start, an unknown speech, an over-long summary', () => {
    const s = inSession()
    const id = startSpeech(s.doc, { motionId: debating(s), speakerId: s.ids[0]!, stance: 'for' }, at(10))
    expect(expectDocError(() => endSpeech(s.doc, id, at(9)), 'invalidInput').detail).toEqual({ endedAt: 'beforeStart' })
    expectDocError(() => endSpeech(s.doc, 'nope-nope-nope' as SpeechId, at(11)), 'notFound')
    expect(expectDocError(() => updateSummary(s.doc, id, '话'.repeat(5001)), 'invalidInput').detail).toEqual({ summary: 'textTooLong' })
  })

  it('summaries can be tidied after the session closes', () => {
    const s = inSession()
    const id = startSpeech(s.doc, { motionId: debating(s), speakerId: s.ids[0]!, stance: 'for' }, at(10))
    endSpeech(s.doc, id, at(11))
    closeSession(s.doc, at(60))
    updateSummary(s.doc, id, '  支持，电梯方便老人出行  ')
    expect(readSpeeches(s.doc)[0]?.summary).toBe('支持，电梯方便老人出行')
    expectDocError(() => endSpeech(s.doc, id, at(61)), 'wrongMeetingStatus')
  })
})

const req = (speakerId: string, stance: Stance): SpeakingRequest => ({ speakerId, stance })

describe('speakingQueue', () => {
  it('puts those who have not spoken first, then alternates for and against', () => {
    const queue = speakingQueue(
      [req('甲', 'for'), req('乙', 'for'), req('丙', 'against'), req('丁', 'for'), req('戊', 'against')],
      [req('甲', 'for')],
      { maxPerMotion: 2 },
    )
    // 甲 already spoke (for): the newcomers go first, starting with against.
    expect(queue.map((q) => q.speakerId)).toEqual(['丙', '乙', '戊', '丁', '甲'])
    expect(queue.map((q) => q.spoken)).toEqual([0, 0, 0, 0, 1])
  })

  it('starts with the first request’s side when nobody has spoken, and puts questions after', () => {
    const queue = speakingQueue([req('甲', 'question'), req('乙', 'against'), req('丙', 'against'), req('丁', 'for')], [], { maxPerMotion: 2 })
    expect(queue.map((q) => `${q.speakerId}:${q.stance}`)).toEqual(['乙:against', '丁:for', '丙:against', '甲:question'])
  })

  it('flags those at the limit, places them last, and never drops them', () => {
    const so = [req('甲', 'for'), req('乙', 'against'), req('甲', 'for')]
    const queue = speakingQueue([req('甲', 'for'), req('乙', 'against'), req('丙', 'for')], so, { maxPerMotion: 2 })
    expect(queue).toEqual([
      { speakerId: '丙', stance: 'for', spoken: 0, atLimit: false },
      { speakerId: '乙', stance: 'against', spoken: 1, atLimit: false },
      { speakerId: '甲', stance: 'for', spoken: 2, atLimit: true },
    ])
    expect(speakingQueue([req('甲', 'for')], so, { maxPerMotion: null })[0]).toMatchObject({ atLimit: false, spoken: 2 })
  })

  it('keeps a speaker’s first request only', () => {
    expect(speakingQueue([req('甲', 'for'), req('甲', 'against')], [], { maxPerMotion: 2 })).toEqual([{ speakerId: '甲', stance: 'for', spoken: 0, atLimit: false }])
  })

  it('holds for any requests: a permutation of the distinct speakers, fresh first, flags exact (property)', () => {
    const speaker = fc.constantFrom('甲', '乙', '丙', '丁', '戊', '己')
    const request = fc.record({ speakerId: speaker, stance: fc.constantFrom(...STANCES) })
    fc.assert(
      fc.property(fc.array(request, { maxLength: 10 }), fc.array(request, { maxLength: 12 }), fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }), (cands, so, max) => {
        const queue = speakingQueue(cands, so, { maxPerMotion: max })
        const distinct = [...new Set(cands.map((c) => c.speakerId))]
        expect(queue.map((q) => q.speakerId).sort()).toEqual(distinct.sort())
        const count = (id: string) => so.filter((x) => x.speakerId === id).length
        for (const q of queue) {
          expect(q.spoken).toBe(count(q.speakerId))
          expect(q.atLimit).toBe(max !== null && q.spoken >= max)
        }
        const firstSpoken = queue.findIndex((q) => q.spoken > 0)
        if (firstSpoken >= 0) expect(queue.slice(firstSpoken).every((q) => q.spoken > 0)).toBe(true)
        // Inside the newcomers, for and against alternate while both sides still wait.
        const sides = queue.filter((q) => q.spoken === 0 && q.stance !== 'question').map((q) => q.stance)
        const fors = sides.filter((x) => x === 'for').length
        const alternating = 2 * Math.min(fors, sides.length - fors)
        for (let i = 1; i < alternating; i++) expect(sides[i]).not.toBe(sides[i - 1])
      }),
      { numRuns: 300, seed: 11 },
    )
  })
})
