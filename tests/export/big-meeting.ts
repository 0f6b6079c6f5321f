// A long closed meeting for the export tests and the bench (not a test file itself): 25 members,
// 6 agenda items × 3 motions, speeches, amendments, recusals, roll calls, a failed and a withdrawn
// motion, a late arrival and an early departure, long notes per item and resolutions with their
// follow-up. Built only through the real document API, as a secretary's device would.
import type * as Y from 'yjs'
import { addObserver, markAbsent, markLeave, markPresent, recordArrival, recordDeparture, startSignIn } from '../../src/shared/doc/attendance'
import { editText, setResolution } from '../../src/shared/doc/minutes'
import { moveMotion, proposeMotion, secondMotion } from '../../src/shared/doc/motions'
import { recuse } from '../../src/shared/doc/recusals'
import { closeSession, openSession } from '../../src/shared/doc/session'
import { endSpeech, startSpeech } from '../../src/shared/doc/speeches'
import { closeVote, openVote, readVote, recordRollCall, setHandsCounts, voteInput } from '../../src/shared/doc/votes'
import type { MemberId, MotionId } from '../../src/shared/domain/ids'
import type { Stance } from '../../src/shared/domain/speaking'
import { evaluateVote } from '../../src/shared/domain/votes'
import { at, noticedMeeting, register, SECONDING } from '../unit/session-helpers'

export const ITEM_TITLES = ['加装电梯', '垃圾分类', '停车管理', '社区保障资金项目', '院落绿化', '居民公约修订']

/** A resolution of the big meeting, for assertions on the printed text. */
export const resolutionText = (item: number, motion: number): string => `关于${ITEM_TITLES[item]}的第${motion + 1}项决定：由议事会委托物业在两个月内完成实施方案并公示`

const SENTENCES = [
  '居民代表介绍了前期走访的情况，多数住户表示支持，但也有住户担心施工期间的噪音和安全问题。',
  '物业负责人说明了费用测算的依据，建议按楼层和面积分摊，并设立专门账户，接受监事会监督。',
  '部分成员提出应当先征求低楼层住户的意见，必要时召开专题协调会，再作最终决定。',
  '街道列席人员提示，项目须符合社区保障资金的负面清单，不得用于应由其他主体承担的费用。',
  '主持人归纳了讨论中形成的共识和分歧，请提出人根据讨论意见完善动议文本。',
]
const notes = (item: number): string =>
  Array.from({ length: 3 }, (_, p) => Array.from({ length: 2 }, (_, s) => SENTENCES[(item + p + s) % SENTENCES.length]).join('')).join('\n\n')

export function bigClosedMeeting(): { doc: Y.Doc; motionIds: MotionId[] } {
  const { doc, itemIds } = noticedMeeting(undefined, ITEM_TITLES)
  const members = register(25, (i) => (i === 1 ? { role: 'chair' } : i === 2 ? { role: 'recorder' } : i === 25 ? { role: 'observer' } : {}))
  const ids = members.map((m) => m.id)
  const id = (i: number): MemberId => ids[i - 1]!
  startSignIn(doc, members, at(-30))
  for (let i = 1; i <= 20; i++) markPresent(doc, id(i), at(-20))
  markLeave(doc, id(21), '外出就医', at(-25))
  markLeave(doc, id(22), '出差', at(-25))
  markAbsent(doc, id(23), at(-10))
  addObserver(doc, { name: '街道王科长', note: '街道办' }, at(-15))
  addObserver(doc, { name: '物业李经理', note: '物业服务企业' }, at(-15))
  openSession(doc, { quorumMet: true }, at(0))
  recordArrival(doc, id(24), at(2)) // late

  let minute = 3
  const tick = (n = 1): string => at((minute += n))
  const settings = { quorumRule: 'more_than_half' } as const
  const motionIds: MotionId[] = []
  const speeches = (motion: MotionId, count: number, seed: number) => {
    for (let s = 0; s < count; s++) {
      const stance: Stance = (['for', 'against', 'question'] as const)[(seed + s) % 3]!
      const sp = startSpeech(doc, { motionId: motion, speakerId: id(3 + ((seed + s * 5) % 17)), stance, summary: `${SENTENCES[(seed + s) % SENTENCES.length]}（第${s + 1}位发言）` }, tick())
      endSpeech(doc, sp, tick(s % 2 ? 2 : 1))
    }
  }
  const vote = (motion: MotionId, method: 'hands' | 'roll_call', pass: boolean) => {
    const v = openVote(doc, motion, { method, rule: method === 'hands' ? 'simple_majority' : 'half_present' }, tick())
    const eligible = readVote(doc, v)!.eligible
    if (method === 'hands') setHandsCounts(doc, v, pass ? { for: eligible.length - 3, against: 2, abstain: 1 } : { for: 4, against: eligible.length - 6, abstain: 2 })
    else eligible.forEach((m, k) => recordRollCall(doc, v, m as MemberId, k % 7 === 6 ? 'against' : k % 9 === 8 ? 'abstain' : 'for', at(minute)))
    closeVote(doc, v, { ballots: [], result: evaluateVote(voteInput(doc, v, settings)!) }, tick())
  }

  itemIds.forEach((itemId, i) => {
    if (i % 2 === 0) recuse(doc, itemId, id(5 + i), `住${5 + i}栋，与本议题有利害关系`, tick())
    if (i === 5) recordDeparture(doc, id(20), tick())
    for (let j = 0; j < 3; j++) {
      const proposer = id(3 + ((i * 3 + j) % 15))
      const seconder = id(4 + ((i * 3 + j) % 15))
      const m = proposeMotion(doc, { itemId, proposerId: proposer, text: `关于${ITEM_TITLES[i]}的第${j + 1}项动议（初稿）` }, tick())
      secondMotion(doc, m, seconder, tick())
      moveMotion(doc, m, 'debating', SECONDING, tick())
      motionIds.push(m)
      speeches(m, 1 + ((i + j) % 2), i + j)
      if (j === 0 && i % 4 === 0) {
        const a = proposeMotion(doc, { itemId, proposerId: seconder, text: resolutionText(i, j), parentId: m }, tick())
        moveMotion(doc, a, 'debating', { secondingRequired: false }, tick())
        speeches(a, 2, i + j + 1)
        vote(a, 'hands', true)
      }
      if (i === 5 && j === 2) {
        moveMotion(doc, m, 'withdrawn', SECONDING, tick())
        continue
      }
      vote(m, j === 1 ? 'roll_call' : 'hands', !(j === 2 && i % 2 === 1))
    }
  })
  closeSession(doc, tick(5))

  editText(doc, { kind: 'narrative' }, `${SENTENCES.join('')}\n\n本次会议共审议六项议题，会议记录经主持人和记录人核对。`)
  itemIds.forEach((itemId, i) => editText(doc, { kind: 'item', itemId }, notes(i)))
  motionIds.forEach((m, k) => setResolution(doc, m, { implementer: k % 2 ? '社区居委会' : '物业服务中心', due: k % 3 ? '2025-06-30' : '' }))
  return { doc, motionIds }
}
