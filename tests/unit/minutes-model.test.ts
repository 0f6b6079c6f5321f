// The meeting record assembled from a real closed meeting: attendance, observers, recusals, the
// frozen vote results, names of the day, and one canonical form on converged replicas.
import { describe, expect, it } from 'vitest'
import { startSignIn } from '../../src/shared/doc/attendance'
import { canonicalJson } from '../../src/shared/doc/canonical'
import { readSpeeches, updateSummary } from '../../src/shared/doc/speeches'
import { readVote } from '../../src/shared/doc/votes'
import { transitionMeeting } from '../../src/shared/doc/meeting'
import { assembleMeetingRecord, MINUTES_SCHEMA } from '../../src/shared/minutes/model'
import { canonicalBytes, generateDeviceKey, sealMinutes } from '../../src/shared/minutes/seal'
import { replicaOf, syncAll } from './helpers'
import { council, closedMeeting } from './minutes-fixture'
import { at, memberId, noticedMeeting, register } from './session-helpers'

const SIGS = [
  { role: 'chair' as const, name: '李主任', signedAt: at(40) },
  { role: 'recorder' as const, name: '成员2', signedAt: at(41) },
]

describe('assembleMeetingRecord', () => {
  const f = closedMeeting()
  const record = assembleMeetingRecord(f.doc, council())

  it('carries the schema, council, meeting details, chair and recorder', () => {
    expect(record.schema).toBe(MINUTES_SCHEMA)
    expect(record.council.name).toBe('桂溪社区居民议事会')
    expect(record.meeting).toMatchObject({ title: '三月议事会', startsAt: '2025-03-10T19:30', place: '社区活动室', convener: '李主任' })
    expect(record.recorder).toEqual({ id: memberId(2), name: '成员2' })
    expect(record.chair).toBeNull()
    expect(record.session).toEqual({ signInStartedAt: at(-30), openedAt: at(0), quorumMet: true, quorumOverride: null, closedAt: at(30) })
  })

  it('counts attendance without observers, with the reason for leave', () => {
    const a = record.attendance
    expect({ expected: a.expected, present: a.present, leave: a.leave, absent: a.absent, notRecorded: a.notRecorded }).toEqual({ expected: 6, present: 4, leave: 1, absent: 1, notRecorded: 0 })
    expect(a.members.map((m) => m.memberId)).not.toContain(memberId(7))
    expect(a.members.find((m) => m.memberId === memberId(6))).toMatchObject({ status: 'leave', reason: '出差' })
    expect(record.observers).toEqual([
      { kind: 'member', id: memberId(7), name: '成员7', note: '' },
      { kind: 'guest', id: expect.any(String) as string, name: '街道王科长', note: '街道办' },
    ])
  })

  it('lists the recused member, the motion with its amendment, speeches and frozen votes', () => {
    const item = record.agenda[0]!
    expect(record.agenda.map((i) => i.title)).toEqual(['加装电梯', '垃圾分类'])
    expect(item.recusals).toEqual([{ member: { id: memberId(3), name: '成员3' }, reason: '住3栋', at: at(-5) }])
    expect(item.motions).toHaveLength(1)
    const motion = item.motions[0]!
    expect(motion).toMatchObject({ id: f.motionId, proposer: { name: '成员1' }, seconders: [{ id: memberId(2), name: '成员2' }], status: 'passed', text: '同意3栋加装电梯，费用按楼层分摊' })
    expect(motion.textVersions.map((t) => t.amendmentId)).toEqual([null, f.amendmentId])
    expect(motion.speeches).toEqual([{ id: expect.any(String) as string, speaker: { id: memberId(4), name: '成员4' }, speakerKind: 'member', stance: 'against', summary: '担心噪音', startedAt: at(8), endedAt: at(10), seconds: 120 }])
    expect(motion.amendments.map((a) => [a.id, a.status])).toEqual([[f.amendmentId, 'passed']])
    expect(motion.amendments[0]!.votes[0]!.result).toEqual(readVote(f.doc, f.voteIds[0]!)!.result)
    const v = motion.votes[0]!
    expect(v.result).toEqual(readVote(f.doc, f.voteIds[1]!)!.result)
    expect(v).toMatchObject({ method: 'hands', rule: 'simple_majority', eligible: 3, result: { outcome: 'passed', denominator: 'cast', counts: { for: 3, against: 0, abstain: 0, recused: 1 } } })
    expect(v.result!.reasons[0]!.code).toEqual(expect.any(String))
    expect(record.agenda[1]!.motions).toEqual([])
  })

  it('names people from the roster of the day, whatever the register becomes', () => {
    const { doc } = noticedMeeting()
    const members = register(3)
    startSignIn(doc, members, at(-30))
    startSignIn(doc, members.map((m) => ({ ...m, name: `改名${m.name}` })), at(-10)) // the register changed
    expect(assembleMeetingRecord(doc, council()).attendance.members.map((m) => m.name)).toEqual(['成员1', '成员2', '成员3'])
  })

  it('is plain JSON: a JSON round trip changes nothing', () => {
    expect(JSON.parse(JSON.stringify(record))).toEqual(record)
  })
})

describe('the canonical form across replicas', () => {
  it('is byte-identical on two converged replicas that edited concurrently, and hashes the same', async () => {
    const f = closedMeeting(1)
    const a = f.doc
    const b = replicaOf(a, 2)
    transitionMeeting(a, 'minutes_drafted', at(35))
    const speechId = readSpeeches(b)[0]!.id
    updateSummary(b, speechId, '担心施工噪音和采光')
    syncAll(a, b)
    const ra = assembleMeetingRecord(a, council())
    const rb = assembleMeetingRecord(b, council())
    expect(ra.agenda[0]!.motions[0]!.speeches[0]!.summary).toBe('担心施工噪音和采光')
    expect(canonicalJson(ra)).toBe(canonicalJson(rb))
    expect(Buffer.from(canonicalBytes(ra, SIGS)).equals(Buffer.from(canonicalBytes(rb, SIGS)))).toBe(true)
    const key = await generateDeviceKey()
    const [sa, sb] = await Promise.all([sealMinutes(ra, SIGS, key), sealMinutes(rb, [...SIGS].reverse(), key)])
    expect(sa.hash).toBe(sb.hash)
    expect(sa.hash).toMatch(/^[0-9a-f]{64}$/)
  })
})
