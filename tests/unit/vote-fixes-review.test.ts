// A vote put right, as the street office and the printed minutes see it: the checklist flags a vote
// with no valid votes, impossible counts, a correction, a re-vote and a cancelled vote, on bundles
// sealed from real documents or crafted; older bundles keep their shape and still verify; the record
// and the 纪要 print the announced result and then the correction.
import { beforeAll, describe, expect, it } from 'vitest'
import { recordCorrection } from '../../src/shared/doc/voteFixes'
import { readMotion } from '../../src/shared/doc/motions'
import { evaluateVote } from '../../src/shared/domain/votes'
import { verifyBundle, type Bundle } from '../../src/shared/minutes/bundle'
import { createI18n } from '../../src/shared/i18n/index'
import type { Block, PrintDocument } from '../../src/shared/minutes/blocks'
import { recordDocument, summaryDocument, type LayoutOptions } from '../../src/shared/minutes/layout'
import { checkBundle, type ChecklistItem } from '../../src/shared/minutes/review'
import type { MeetingRecord, VoteEntry } from '../../src/shared/minutes/types'
import { baseRecord, bundleOf, mainVote, recordOf, TODAY } from './minutes-bundle-fixture'
import { closedMeeting } from './minutes-fixture'
import { at } from './session-helpers'

const SETTINGS = { quorumRule: 'more_than_half' } as const
const check = (b: Bundle) => checkBundle(b, { today: TODAY })
const thresholdItems = (items: ChecklistItem[]) => items.filter((i) => i.id === 'threshold')
const others = (items: ChecklistItem[]) => items.filter((i) => i.id !== 'threshold')

/** closedMeeting's main motion (3 present and not recused: 1, 2, 4; 6 members), frozen with other counts. */
function withCounts(r: MeetingRecord, counts: { for: number; against: number; abstain: number }): VoteEntry {
  const { vote, motion } = mainVote(r)
  vote.result = evaluateVote({ rule: 'simple_majority', quorum: { rule: 'more_than_half' }, members: 6, present: 4, recused: 1, counts })
  motion.status = vote.result.outcome === 'passed' ? 'passed' : 'failed'
  return vote
}

describe('the checklist flags votes that need a second look', () => {
  it('warns on a vote frozen with no votes at all (the counts never entered), naming the vote', async () => {
    const r = baseRecord()
    const vote = withCounts(r, { for: 0, against: 0, abstain: 0 })
    expect(vote.result!.outcome).toBe('failed')
    const items = check(await bundleOf(r))
    expect(thresholdItems(items)).toEqual([{ id: 'threshold', status: 'warn', detail: { reason: 'noVotesCast', cast: 0, eligible: 3 }, ref: expect.objectContaining({ voteId: vote.id }) }])
    for (const i of others(items)) expect(i.status, JSON.stringify(i)).toBe('pass')
  })

  it('warns when only abstentions were cast', async () => {
    const r = baseRecord()
    withCounts(r, { for: 0, against: 0, abstain: 2 })
    expect(thresholdItems(check(await bundleOf(r))).map((i) => [i.status, i.detail.reason])).toEqual([['warn', 'noValidVotes']])
  })

  it('fails a vote frozen with more votes than voters', async () => {
    const r = baseRecord()
    const { vote } = mainVote(r)
    vote.eligible = 2
    const items = thresholdItems(check(await bundleOf(r)))
    expect(items).toContainEqual(expect.objectContaining({ status: 'fail', detail: { reason: 'countsExceedEligible', cast: 3, eligible: 2 } }))
  })

  it('warns on a correction recorded in the document, with both outcomes, and checks the corrected result', async () => {
    const f = closedMeeting()
    const [, main] = f.voteIds as [never, (typeof f.voteIds)[number]]
    recordCorrection(f.doc, main, { counts: { for: 1, against: 2, abstain: 0 }, by: '李主任', reason: '复核时发现举手计错' }, SETTINGS, at(35))
    expect(readMotion(f.doc, f.motionId)!.status).toBe('failed')
    const b = await bundleOf(recordOf(f.doc))
    expect((await verifyBundle(b)).ok).toBe(true)
    const items = check(b)
    expect(thresholdItems(items)).toEqual([
      {
        id: 'threshold',
        status: 'warn',
        detail: { reason: 'corrected', announced: 'passed', corrected: 'failed', for: 1, against: 2, abstain: 0, corrections: 1 },
        ref: expect.objectContaining({ voteId: main }),
      },
    ])
    for (const i of others(items)) expect(i.status, JSON.stringify(i)).toBe('pass')
  })

  it('fails a correction whose recorded result the rules do not give', async () => {
    const f = closedMeeting()
    recordCorrection(f.doc, f.voteIds[1]!, { counts: { for: 1, against: 2, abstain: 0 }, by: '李主任', reason: '复核' }, SETTINGS, at(35))
    const r = recordOf(f.doc)
    const c = mainVote(r).vote.corrections![0]!
    c.result = { ...c.result, outcome: 'passed', thresholdMet: true }
    mainVote(r).motion.status = 'passed'
    const items = thresholdItems(check(await bundleOf(r)))
    expect(items).toContainEqual(expect.objectContaining({ status: 'fail', detail: expect.objectContaining({ reason: 'correctionMismatch', correction: 1, outcome: 'failed', claimedOutcome: 'passed' }) }))
  })

  it('warns on a cancelled vote and on a re-vote, and a cancelled vote is not a missing result', async () => {
    const r = baseRecord()
    const { vote, motion } = mainVote(r)
    const cancelled: VoteEntry = { ...structuredClone(vote), id: 'cancelled-vote', result: null, closedAt: at(14), cancelled: { by: '李主任', reason: '规则选错', at: at(14) } }
    motion.votes.unshift(cancelled)
    vote.revoteOf = { voteId: cancelled.id, by: '李主任', reason: '重新表决', at: at(14) }
    const b = await bundleOf(r)
    expect((await verifyBundle(b)).ok).toBe(true)
    const items = check(b)
    expect(thresholdItems(items).map((i) => [i.status, i.detail.reason, i.ref?.voteId])).toEqual([
      ['warn', 'cancelled', 'cancelled-vote'],
      ['warn', 'revote', vote.id],
    ])
  })
})

describe('bundles stay compatible', () => {
  it('adds no field to a vote that was never put right, so older records keep their exact form', () => {
    const r = baseRecord()
    for (const v of mainVote(r).motion.votes) expect(Object.keys(v).sort()).toEqual(['closedAt', 'eligible', 'id', 'method', 'openedAt', 'result', 'rollCall', 'rule'])
  })

  it('refuses a correction that is out of shape (strict shape check at the boundary)', async () => {
    const f = closedMeeting()
    recordCorrection(f.doc, f.voteIds[1]!, { counts: { for: 1, against: 2, abstain: 0 }, by: '李主任', reason: '复核' }, SETTINGS, at(35))
    const r = recordOf(f.doc)
    ;(mainVote(r).vote.corrections![0] as unknown as Record<string, unknown>).extra = 1
    // Refused when bundled: the sealed minutes no longer verify (shape.ts knows every key of a correction).
    await expect(bundleOf(r)).rejects.toThrow(/sealedInvalid/)
  })
})

describe('the record and the 纪要 print the announced result, then the correction', () => {
  let zh: LayoutOptions
  let en: LayoutOptions
  beforeAll(async () => {
    const a = await createI18n('zh-CN')
    const b = await createI18n('en')
    zh = { t: a.t.bind(a) as LayoutOptions['t'], lang: 'zh-CN', timeZone: 'Asia/Shanghai' }
    en = { t: b.t.bind(b) as LayoutOptions['t'], lang: 'en', timeZone: 'Asia/Shanghai' }
  })
  const text = (d: PrintDocument) =>
    d.blocks.map((b: Block) => (b.kind === 'table' ? [b.header, ...b.rows].map((row) => row.join('|')).join('\n') : 'text' in b ? b.text : b.kind === 'field' ? `${b.label}${b.value}` : '')).join('\n')

  it('keeps the announced counts and adds the correction with who, why and the result that stands', () => {
    const f = closedMeeting()
    recordCorrection(f.doc, f.voteIds[1]!, { counts: { for: 1, against: 2, abstain: 0 }, by: '李主任', reason: '复核时发现举手计错' }, SETTINGS, at(35))
    const src = { record: recordOf(f.doc), signatures: [], sealedHash: null, corrections: [], notice: null, objections: [] }
    const rec = text(recordDocument(src, zh))
    const announcedAt = rec.indexOf('3|0|0')
    const correctedAt = rec.indexOf('1|2|0')
    expect(announcedAt).toBeGreaterThan(-1)
    expect(correctedAt).toBeGreaterThan(announcedAt)
    expect(rec).toContain('以上为宣布时的结果，保留不变。')
    expect(rec).toContain('更正1（李主任，')
    expect(rec).toContain('复核时发现举手计错')
    expect(rec).toContain('以更正1的结果为准。')
    const sum = text(summaryDocument(src, zh))
    expect(sum).toContain('以赞成3票、反对0票、弃权0票通过。会后经更正（理由：复核时发现举手计错），更正后赞成1票、反对2票、弃权0票，未通过。')
    expect(text(summaryDocument(src, en))).toContain('The result was later corrected (reason: 复核时发现举手计错): 1 for, 2 against, 0 abstaining')
  })
})
