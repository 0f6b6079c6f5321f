// Reads a fund year's document into the street office's file (fund/bundle.ts FundFile): the
// records themselves, each list in a fixed order so two devices exporting the same document sign
// the same bytes (apart from the export time).
import type * as Y from 'yjs'
import type { FundFile } from '../fund/bundle'
import { DocError } from './errors'
import { fundYear, readDecisionEntries, readDecisions, readLedgerEntries, readList, readProposalReplies, readProposals, readScreenings } from './fund'
import { readFundFileRefs } from './fundRead'
import { readAcceptance, readFundStepEntries, readImplementation, readSatisfaction } from './fundProjects'

const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

export function readFundFile(doc: Y.Doc, council: { id: string; name: string }, submittedAt: string): FundFile {
  const year = fundYear(doc)
  if (year === null) throw new DocError('notFound')
  const approved = [...readDecisions(doc).budgets.keys()].sort()
  const files = new Map(readFundFileRefs(doc).map((f) => [f.hash, f]))
  return {
    council: { id: council.id, name: council.name },
    year,
    proposals: byId(readProposals(doc)),
    screenings: byId(readScreenings(doc)),
    replies: byId(readProposalReplies(doc)),
    negativeList: byId(readList(doc, 'negative')),
    priorityList: byId(readList(doc, 'priority')),
    decisions: byId(readDecisionEntries(doc)),
    ledger: byId(readLedgerEntries(doc)),
    steps: byId(readFundStepEntries(doc)),
    implementations: approved.map((id) => readImplementation(doc, id)).filter((x) => x !== null),
    acceptances: approved.map((id) => readAcceptance(doc, id)).filter((x) => x !== null),
    satisfaction: byId(readSatisfaction(doc)),
    files: [...files.values()].sort((a, b) => (a.hash < b.hash ? -1 : 1)),
    submittedAt,
  }
}
