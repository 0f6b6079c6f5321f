// A fund year for the unit tests of the fund's rules: ¥5,000 allocated, one project proposed,
// listed and approved at ¥1,000, and its five-step path recorded with each step's disclosure.
import * as Y from 'yjs'
import type { CouncilId } from '../../src/shared/domain/ids'
import { addProposal, book, initFundDoc, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { recordFundStep } from '../../src/shared/doc/fundProjects'
import { FUND_STEPS } from '../../src/shared/fund/fundPath'
import type { FileRef } from '../../src/shared/files/fileRef'

export const who = (by = 'a', now = '2026-03-01T08:00:00.000Z') => ({ by, now })

/** The year's document with its one approved project. */
export function fundYear(title = '楼道灯更换', councilId = 'council-0001'): { doc: Y.Doc; project: string } {
  const doc = new Y.Doc()
  initFundDoc(doc, councilId as CouncilId, 2026)
  book(doc, { kind: 'income', source: 'allocation', from: '区财政', amount: 500_000, on: '2026-01-10' }, who())
  const project = addProposal(doc, { title, description: '', category: 'facilities', source: { kind: 'partyBranch', name: '社区党委' }, estimatedCost: 100_000, beneficiaries: 120, proposedOn: '2026-02-01' }, who())
  screenProposal(doc, project, { kind: 'listed', priorityItem: null, on: '2026-03-01' }, who())
  recordDecision(doc, { proposalId: project, outcome: 'approved', budget: 100_000, on: '2026-04-01' }, who())
  return { doc, project }
}

/** The project's first `upTo` path steps, each with `scan` and a week's disclosure. */
export function discloseSteps(doc: Y.Doc, project: string, scan: FileRef, upTo: number = FUND_STEPS.length): void {
  FUND_STEPS.slice(0, upTo).forEach((step, i) => {
    const d = `2026-0${4 + i}-01`
    recordFundStep(doc, project, step, { date: d, body: '社区', note: '', scan, disclosure: { postedOn: d, until: `2026-0${4 + i}-08` } }, who())
  })
}
