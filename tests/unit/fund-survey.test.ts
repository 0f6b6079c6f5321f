// Satisfaction from residents' phones: a survey of one approved project with one-time codes; each
// code counts once (a retry of the same answer is taken, a second different answer refused), a
// closed survey takes nothing more, and two laptops merging the document count the same.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { CouncilId } from '../../src/shared/domain/ids'
import { newVoterCode, voterCodeHash } from '../../src/shared/domain/voterCode'
import { DocError } from '../../src/shared/doc/errors'
import { addProposal, book, initFundDoc, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { readSatisfaction, recordSatisfaction } from '../../src/shared/doc/fundProjects'
import { answerOf, answerSurvey, closeSurvey, hasSurvey, openSurvey, readSurveys } from '../../src/shared/doc/fundSurvey'
import { satisfactionTally } from '../../src/shared/fund/implementation'

const who = { by: 'laptopA', now: '2026-09-01T08:00:00.000Z' }
const NOW = '2026-09-02T10:00:00.000Z'

function year(): { doc: Y.Doc; project: string; unapproved: string } {
  const doc = new Y.Doc()
  initFundDoc(doc, 'council-0001' as CouncilId, 2026)
  book(doc, { kind: 'income', source: 'allocation', from: '区财政', amount: 500_000, on: '2026-01-10' }, who)
  const f = { description: '', category: 'facilities' as const, source: { kind: 'partyBranch' as const, name: '党委' }, beneficiaries: 80, proposedOn: '2026-02-01' }
  const project = addProposal(doc, { ...f, title: '院落照明', estimatedCost: 100_000 }, who)
  const unapproved = addProposal(doc, { ...f, title: '花坛', estimatedCost: 10_000 }, who)
  screenProposal(doc, project, { kind: 'listed', priorityItem: null, on: '2026-03-01' }, who)
  recordDecision(doc, { proposalId: project, outcome: 'approved', budget: 100_000, on: '2026-04-01' }, who)
  return { doc, project, unapproved }
}

const hashes = async (n: number): Promise<{ codes: string[]; hashes: string[] }> => {
  const codes = Array.from({ length: n }, () => newVoterCode())
  return { codes, hashes: await Promise.all(codes.map(async (c) => (await voterCodeHash(c))!)) }
}

describe('a phone satisfaction survey', () => {
  it('takes one answer per code, adds it to the paper counts, and nothing after the close', async () => {
    const { doc, project } = year()
    const { hashes: h } = await hashes(3)
    const id = openSurvey(doc, project, h, NOW)
    expect(hasSurvey(doc, id)).toBe(true)
    expect(readSurveys(doc, project)).toEqual([{ id, projectId: project, openedAt: NOW, closedAt: null, codes: 3 }])
    recordSatisfaction(doc, { projectId: project, via: 'paper', counts: { verySatisfied: 4, satisfied: 1, neutral: 0, dissatisfied: 1 } }, who)
    expect(answerSurvey(doc, id, h[0]!, 'satisfied', NOW)).toBeNull()
    // The same answer again (the reply was lost): taken, counted once.
    expect(answerSurvey(doc, id, h[0]!, 'satisfied', NOW)).toBeNull()
    expect(answerSurvey(doc, id, h[0]!, 'dissatisfied', NOW)).toBe('code-used')
    expect(answerOf(doc, id, h[0]!)).toBe('satisfied')
    expect(answerSurvey(doc, id, 'f'.repeat(64), 'satisfied', NOW)).toBe('invalid-code')
    expect(answerSurvey(doc, id, h[1]!, 'neutral', NOW)).toBeNull()
    closeSurvey(doc, id, '2026-09-03T10:00:00.000Z')
    expect(answerSurvey(doc, id, h[2]!, 'verySatisfied', NOW)).toBe('vote-closed')
    const tally = satisfactionTally(project, readSatisfaction(doc, project))
    expect(tally.counts).toEqual({ verySatisfied: 4, satisfied: 2, neutral: 1, dissatisfied: 1 })
    expect(tally.total).toBe(8)
  })

  it('is only for an approved project, with valid hashes, one open at a time', async () => {
    const { doc, project, unapproved } = year()
    const { hashes: h } = await hashes(2)
    expect(() => openSurvey(doc, unapproved, h, NOW)).toThrow(DocError)
    expect(() => openSurvey(doc, project, ['not-a-hash'], NOW)).toThrow(DocError)
    expect(() => openSurvey(doc, project, [], NOW)).toThrow(DocError)
    const first = openSurvey(doc, project, h.slice(0, 1), NOW)
    expect(() => openSurvey(doc, project, h.slice(1), NOW)).toThrow(DocError)
    closeSurvey(doc, first, NOW)
    const second = openSurvey(doc, project, h.slice(1), NOW)
    // A code of one survey is no code of another.
    expect(answerSurvey(doc, second, h[0]!, 'satisfied', NOW)).toBe('invalid-code')
  })

  it('counts a code once when two hosts took the same code offline and the documents merge', async () => {
    const { doc: a, project } = year()
    const { hashes: h } = await hashes(1)
    const id = openSurvey(a, project, h, NOW)
    const b = new Y.Doc()
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    expect(answerSurvey(a, id, h[0]!, 'satisfied', NOW)).toBeNull()
    expect(answerSurvey(b, id, h[0]!, 'dissatisfied', NOW)).toBeNull()
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const ta = satisfactionTally(project, readSatisfaction(a, project))
    expect(ta.total).toBe(1)
    expect(ta.repeated).toHaveLength(1)
    expect(satisfactionTally(project, readSatisfaction(b, project))).toEqual(ta)
  })
})
