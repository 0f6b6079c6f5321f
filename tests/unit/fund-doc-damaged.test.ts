// A fund year's document holding damaged or hostile values (from another replica) is still read:
// the bad values are left out, the figures stay exact, and nothing a screen calls throws.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { CouncilId } from '../../src/shared/domain/ids'
import { addProposal, book, initFundDoc, readLedger, readProposals, recordDecision, screenProposal } from '../../src/shared/doc/fund'
import { readAcceptance, readFundPath, readImplementation, readReview, setReviewCriteria } from '../../src/shared/doc/fundProjects'
import { readFundYear } from '../../src/shared/doc/fundRead'
import { fundYearFindings } from '../../src/shared/fund/checks'
import { MAX_ENTRY_FEN } from '../../src/shared/fund/ledger'

const who = { by: 'a', now: '2026-03-01T08:00:00.000Z' }

describe('a fund year with damaged values', () => {
  it('reads around them', () => {
    const doc = new Y.Doc()
    initFundDoc(doc, 'council-0001' as CouncilId, 2026)
    book(doc, { kind: 'income', source: 'allocation', from: '', amount: 100_000, on: '2026-01-10' }, who)
    const p = addProposal(doc, { title: '楼道灯', description: '', category: 'facilities', source: { kind: 'paperForm', name: '李' }, estimatedCost: 50_000, beneficiaries: 10, proposedOn: '2026-02-01' }, who)
    screenProposal(doc, p, { kind: 'listed', priorityItem: null, on: '2026-03-01' }, who)
    recordDecision(doc, { proposalId: p, outcome: 'approved', budget: 50_000, on: '2026-04-01' }, who)
    setReviewCriteria(doc, { projectId: p, criteria: [{ id: 'q', title: '质量', max: 100 }] })
    doc.transact(() => {
      const ledger = doc.getMap('ledger')
      ledger.set('huge', { id: 'huge', kind: 'income', source: 'allocation', from: '', amount: MAX_ENTRY_FEN + 1, on: '2026-01-10', at: 'x', by: 'x' })
      ledger.set('float', { id: 'float', kind: 'payment', projectId: p, amount: 0.5, payee: 'X', on: '2026-01-10', at: 'x', by: 'x' })
      ledger.set('wrongId', { id: 'other', kind: 'income', source: 'allocation', from: '', amount: 5, on: '2026-01-10', at: 'x', by: 'x' })
      ledger.set('text', 'garbage')
      const m = doc.getMap('proposals').get(p) as Y.Map<unknown>
      m.set('source', null)
      doc.getMap('steps').set('s', { id: 's', projectId: p, step: 'partyProposal', date: '2026-03-01', body: '党委', note: '', disclosure: null, at: 'x', by: 'x' })
      doc.getMap('implementations').set(`${p}/implementer`, { kind: 'company', name: 'X' })
      doc.getMap('implementations').set(`${p}/signedOn`, '2026-04-02')
      doc.getMap('implementations').set(`${p}/call`, { announcedOn: '2026-04-01', applicants: 'nope' })
      doc.getMap('reviewCriteria').set(p, [{ id: 'q', title: '质量', max: 100 }, null, { id: 'z', max: 'x' }])
      doc.getMap('acceptances').set('a', { id: 'a', projectId: p, on: '2026-05-01', items: 'x', signedBy: [], at: 'x', by: 'x' })
    })
    expect(readLedger(doc).income.total).toBe(100_000)
    expect(readLedger(doc).paidTotal).toBe(0)
    expect(readProposals(doc)[0]!.source).toEqual({ kind: 'paperForm', name: '' })
    expect(readFundPath(doc, p)[0]!.state).toBe('ready')
    expect(readImplementation(doc, p)!.call).toBeUndefined()
    expect(readReview(doc, p)!.max).toBe(100)
    expect(readAcceptance(doc, p)).toBeNull()
    expect(() => fundYearFindings(readFundYear(doc))).not.toThrow()
  })
})
