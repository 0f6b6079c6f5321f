// Residents' satisfaction with a fund project from their phones, through the real host: the
// secretary's device opens a survey with one-time codes in the fund year's document; two phones
// answer over plain HTTP and the answers reach the secretary's copy; a code counts once (a retried
// answer is taken again, another answer refused); nothing is taken after the close; the address
// names the council by its one-way key only, and a wrong key or code is refused like a wrong code.
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { addProposal, book, initFundDoc, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { readSatisfaction } from '../../src/shared/doc/fundProjects'
import { closeSurvey, openSurvey } from '../../src/shared/doc/fundSurvey'
import { fundDocName } from '../../src/shared/doc/names'
import { asCouncilId } from '../../src/shared/domain/ids'
import { newVoterCode, voterCodeHash } from '../../src/shared/domain/voterCode'
import { satisfactionTally } from '../../src/shared/fund/implementation'
import { councilKey, surveyPageUrl } from '../../src/shared/phoneSurvey'
import { acked, phone } from './phone-fixtures'
import { connect, newCouncil, runCleanups, startServer, waitFor } from './server-fixtures'

afterEach(runCleanups)

const ROOMY = { perAddress: { burst: 100_000, perSecond: 1000 }, perCode: { burst: 1000, perSecond: 100 }, failedLookups: { burst: 1000, perSecond: 100 } }
const who = { by: 'secretary', now: '2026-09-01T08:00:00.000Z' }

function fundYear(doc: Y.Doc, councilId: string): string {
  initFundDoc(doc, asCouncilId(councilId), 2026)
  book(doc, { kind: 'income', source: 'allocation', from: '区财政', amount: 500_000, on: '2026-01-10' }, who)
  const project = addProposal(doc, { title: '院落照明改造', description: '', category: 'facilities', source: { kind: 'partyBranch', name: '党委' }, estimatedCost: 100_000, beneficiaries: 80, proposedOn: '2026-02-01' }, who)
  screenProposal(doc, project, { kind: 'listed', priorityItem: null, on: '2026-03-01' }, who)
  recordDecision(doc, { proposalId: project, outcome: 'approved', budget: 100_000, on: '2026-04-01' }, who)
  return project
}

describe('phone satisfaction survey', () => {
  it('takes two phones’ answers into the secretary’s copy, each code once, and none after the close', async () => {
    const s = await startServer({ storage: 'files', phoneLimits: ROOMY })
    const council = await newCouncil(s)
    const client = connect(s.url, fundDocName(asCouncilId(council.councilId), 2026), await council.code('rw'))
    await waitFor(() => client.provider.isSynced, 'secretary synced')
    const project = fundYear(client.doc, council.councilId)
    const codes = [newVoterCode(), newVoterCode(), newVoterCode()]
    const survey = openSurvey(client.doc, project, await Promise.all(codes.map(async (c) => (await voterCodeHash(c))!)), '2026-09-02T10:00:00.000Z')
    await acked(client)
    const address = { survey, year: 2026, council: councilKey(council.councilId) }
    expect(surveyPageUrl('http://192.168.1.5:4455', address, codes[0])).toBe(`http://192.168.1.5:4455/ballot/?s=${survey}&y=2026&k=${address.council}#c=${codes[0]!.replace(/-/g, '')}`)

    expect(await phone(s, 'survey', { ...address, code: codes[0] })).toEqual([200, { ok: true, title: '院落照明改造', open: true, answered: null }])
    expect(await phone(s, 'answer', { ...address, code: codes[0], level: 'satisfied' })).toEqual([200, { ok: true }])
    // Its reply lost, the phone sends the same answer again: taken, counted once.
    expect(await phone(s, 'answer', { ...address, code: codes[0], level: 'satisfied' })).toEqual([200, { ok: true }])
    expect(await phone(s, 'answer', { ...address, code: codes[0], level: 'dissatisfied' })).toEqual([409, { error: 'code-used' }])
    expect(await phone(s, 'answer', { ...address, code: codes[1], level: 'verySatisfied' })).toEqual([200, { ok: true }])
    expect(await phone(s, 'survey', { ...address, code: codes[1] })).toEqual([200, { ok: true, title: '院落照明改造', open: true, answered: 'verySatisfied' }])

    await waitFor(() => readSatisfaction(client.doc, project).length === 2, 'answers reach the secretary')
    expect(satisfactionTally(project, readSatisfaction(client.doc, project)).counts).toEqual({ verySatisfied: 1, satisfied: 1, neutral: 0, dissatisfied: 0 })

    closeSurvey(client.doc, survey, '2026-09-03T10:00:00.000Z')
    await acked(client)
    expect(await phone(s, 'answer', { ...address, code: codes[2], level: 'neutral' })).toEqual([409, { error: 'vote-closed' }])
    expect((await phone(s, 'survey', { ...address, code: codes[2] }))[1]).toMatchObject({ open: false, answered: null })
    client.destroy()
  })

  it('refuses a wrong council key, a wrong code, a malformed address or level, alike and without writing', async () => {
    const s = await startServer({ storage: 'files', phoneLimits: ROOMY })
    const council = await newCouncil(s)
    const client = connect(s.url, fundDocName(asCouncilId(council.councilId), 2026), await council.code('rw'))
    await waitFor(() => client.provider.isSynced, 'secretary synced')
    const project = fundYear(client.doc, council.councilId)
    const code = newVoterCode()
    const survey = openSurvey(client.doc, project, [(await voterCodeHash(code))!], '2026-09-02T10:00:00.000Z')
    await acked(client)
    const address = { survey, year: 2026, council: councilKey(council.councilId) }
    expect(await phone(s, 'answer', { ...address, council: councilKey('another-council-0001'), code, level: 'satisfied' })).toEqual([403, { error: 'invalid-code' }])
    expect(await phone(s, 'answer', { ...address, code: newVoterCode(), level: 'satisfied' })).toEqual([403, { error: 'invalid-code' }])
    expect(await phone(s, 'answer', { ...address, year: 2025, code, level: 'satisfied' })).toEqual([403, { error: 'invalid-code' }])
    expect(await phone(s, 'answer', { ...address, council: council.councilId, code, level: 'satisfied' })).toEqual([400, { error: 'invalid-request' }])
    expect(await phone(s, 'answer', { ...address, code, level: 'thrilled' })).toEqual([400, { error: 'invalid-request' }])
    await new Promise((r) => setTimeout(r, 100))
    expect(readSatisfaction(client.doc, project)).toEqual([])
    client.destroy()
  })
})
