// The secretary's side of a fund project's satisfaction survey, on a real local stack (Dexie,
// DocStore, y-indexeddb on fake-indexeddb): the slips' codes are stored by hash only, all of them
// and only them answer; a second survey is refused while one is open; after the close no code
// answers; a slip's address names the survey, the year and the council's key, never its id.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { endSurvey, MAX_SURVEY_SLIPS, startSurvey, surveyPage } from '../../src/renderer/features/fund/surveyActions'
import { addProposal, book, initFundDoc, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { answerSurvey, readSurveys } from '../../src/shared/doc/fundSurvey'
import { fundDocName } from '../../src/shared/doc/names'
import { asCouncilId } from '../../src/shared/domain/ids'
import { newVoterCode, voterCodeHash } from '../../src/shared/domain/voterCode'
import { councilKey } from '../../src/shared/phoneSurvey'
import { createJoinCode, newCodeId, newCouncilSecret, toBase64Url } from '../../src/shared/sync/joinCode'
import { expectRejectsDocError, newDevice, stateOf } from './env'

const COUNCIL = 'c0ffee00-0000-4000-8000-000000000000'
const who = { by: 'secretary', now: '2026-09-01T08:00:00.000Z' }
const AT = '2026-09-05T10:00:00.000Z'

/** A fund year with one approved project and one proposal still being screened. */
function fundYear(doc: Y.Doc): { approved: string; pending: string } {
  initFundDoc(doc, asCouncilId(COUNCIL), 2026)
  book(doc, { kind: 'income', source: 'allocation', from: '区财政', amount: 500_000, on: '2026-01-10' }, who)
  const proposal = { description: '', category: 'facilities', source: { kind: 'partyBranch', name: '党委' }, estimatedCost: 100_000, beneficiaries: 80, proposedOn: '2026-02-01' } as const
  const approved = addProposal(doc, { ...proposal, title: '院落照明改造' }, who)
  const pending = addProposal(doc, { ...proposal, title: '楼道扶手' }, who)
  screenProposal(doc, approved, { kind: 'listed', priorityItem: null, on: '2026-03-01' }, who)
  recordDecision(doc, { proposalId: approved, outcome: 'approved', budget: 100_000, on: '2026-04-01' }, who)
  return { approved, pending }
}

async function onDevice() {
  const env = newDevice().start()
  const h = await env.docs.acquire(fundDocName(asCouncilId(COUNCIL), 2026))
  return { env, h, ...fundYear(h.doc) }
}

const hash = async (code: string) => (await voterCodeHash(code))!

describe('fund satisfaction survey, the secretary’s side', () => {
  it('opens a survey whose codes, and only they, answer, each code once; the plain codes are not in the document', async () => {
    const { env, h, approved } = await onDevice()
    const { surveyId, codes } = await startSurvey(env, h, approved, 3)
    expect(codes).toHaveLength(3)
    expect(new Set(codes).size).toBe(3)
    expect(readSurveys(h.doc, approved)).toEqual([{ id: surveyId, projectId: approved, openedAt: env.now(), closedAt: null, codes: 3 }])
    const json = JSON.stringify(h.doc.toJSON())
    for (const c of codes) expect(json).not.toContain(c)
    expect(answerSurvey(h.doc, surveyId, await hash(codes[0]!), 'satisfied', AT)).toBeNull()
    expect(answerSurvey(h.doc, surveyId, await hash(codes[0]!), 'neutral', AT)).toBe('code-used')
    expect(answerSurvey(h.doc, surveyId, await hash(newVoterCode()), 'satisfied', AT)).toBe('invalid-code')
    expect(answerSurvey(h.doc, surveyId, await hash(codes[2]!), 'verySatisfied', AT)).toBeNull()
  })

  it('refuses a second survey while one is open, and opens one after the close; a closed survey takes no answer', async () => {
    const { env, h, approved } = await onDevice()
    const first = await startSurvey(env, h, approved, 2)
    const before = stateOf(h.doc)
    const refused = await expectRejectsDocError(startSurvey(env, h, approved, 2), 'badTransition')
    expect(refused.detail).toEqual({ reason: 'surveyOpen' })
    expect(stateOf(h.doc)).toEqual(before)
    await endSurvey(env, h, first.surveyId)
    expect(readSurveys(h.doc, approved)[0]!.closedAt).toBe(env.now())
    expect(answerSurvey(h.doc, first.surveyId, await hash(first.codes[1]!), 'satisfied', AT)).toBe('vote-closed')
    const second = await startSurvey(env, h, approved, 1)
    // Both opened at the test clock's one instant: their order is by id, so compare as a set.
    const surveys = readSurveys(h.doc, approved)
    expect(new Map(surveys.map((s) => [s.id, s.codes]))).toEqual(new Map([[first.surveyId, 2], [second.surveyId, 1]]))
    expect(surveys.find((s) => s.id === second.surveyId)!.closedAt).toBeNull()
  })

  it('refuses a project the vote did not approve, and a count outside 1..500, writing nothing', async () => {
    const { env, h, approved, pending } = await onDevice()
    const before = stateOf(h.doc)
    expect((await expectRejectsDocError(startSurvey(env, h, pending, 2), 'badTransition')).detail).toEqual({ reason: 'notApproved' })
    for (const n of [0, MAX_SURVEY_SLIPS + 1, 1.5, Number.NaN]) await expect(startSurvey(env, h, approved, n)).rejects.toThrow(RangeError)
    expect(stateOf(h.doc)).toEqual(before)
  })

  it('a slip’s address: the survey, the year and the council’s key with the code in the fragment; plain http on a self-signed LAN host', async () => {
    const secret = newCouncilSecret()
    const code = 'ABCD-EFGH-JKMN-PQRS'
    const plain = { serverUrl: 'wss://fund.example.org', code: await createJoinCode(secret, { councilId: COUNCIL, access: 'rw', codeId: newCodeId() }) }
    const pinned = { serverUrl: 'wss://192.168.1.20:4455', code: await createJoinCode(secret, { councilId: COUNCIL, access: 'rw', codeId: newCodeId(), fingerprint: toBase64Url(new Uint8Array(32).fill(7)) }) }
    const a = { survey: 'survey-0001', year: 2026, councilId: COUNCIL }
    const k = councilKey(COUNCIL)
    expect(surveyPage(plain, a, code)).toBe(`https://fund.example.org/ballot/?s=survey-0001&y=2026&k=${k}#c=ABCDEFGHJKMNPQRS`)
    expect(surveyPage(pinned, a, code)).toBe(`http://192.168.1.20:4455/ballot/?s=survey-0001&y=2026&k=${k}#c=ABCDEFGHJKMNPQRS`)
    expect(surveyPage(plain, a)).not.toContain(COUNCIL)
  })
})
