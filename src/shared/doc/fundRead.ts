// Reads a fund year's document whole into the plain snapshot (fund/year.ts) the street office's
// checks, the 收支公示 and the XLSX 台账 are computed from; and every file it refers to.
import type * as Y from 'yjs'
import type { FileRef } from '../files/fileRef'
import type { Acceptance, Implementation } from '../fund/implementation'
import type { FundYearSnapshot } from '../fund/year'
import { DocError } from './errors'
import { fundYear, readDecisions, readLedger, readList, readProposalReplies, readProposalStates } from './fund'
import { readAcceptance, readFundPath, readFundStepEntries, readImplementation } from './fundProjects'

export function readFundYear(doc: Y.Doc): FundYearSnapshot {
  const year = fundYear(doc)
  if (year === null) throw new DocError('notFound')
  const decisions = readDecisions(doc)
  const paths = new Map<string, ReturnType<typeof readFundPath>>()
  const implementations = new Map<string, Implementation>()
  const acceptances = new Map<string, Acceptance>()
  for (const id of decisions.budgets.keys()) {
    paths.set(id, readFundPath(doc, id))
    const impl = readImplementation(doc, id)
    if (impl) implementations.set(id, impl)
    const acc = readAcceptance(doc, id)
    if (acc) acceptances.set(id, acc)
  }
  return {
    year,
    proposals: readProposalStates(doc),
    negativeList: readList(doc, 'negative'),
    priorityList: readList(doc, 'priority'),
    decisions,
    ledger: readLedger(doc),
    paths,
    implementations,
    acceptances,
    replied: new Set(readProposalReplies(doc).map((r) => r.proposalId)),
  }
}

/** Every file the year refers to (vouchers' scans and steps' scans): what a bundle lists by hash. */
export function readFundFileRefs(doc: Y.Doc): FileRef[] {
  const refs: FileRef[] = []
  for (const vs of readLedger(doc).vouchers.values()) for (const v of vs) if (v.file) refs.push(v.file)
  for (const e of readFundStepEntries(doc)) if (e.scan) refs.push(e.scan)
  return refs
}
