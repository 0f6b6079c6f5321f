// Reads a matters year's document into the street office's file (matters/bundle.ts MattersFile): the
// records themselves, each list in a fixed order (requests, their outcomes and replies; matters and
// their step entries; follow-ups, milestones, notes; result notices and objections; attachments),
// so two devices exporting the same document sign the same bytes (apart from the export time), and
// every referenced file by hash, name, type and size (the bytes are not included).
import type * as Y from 'yjs'
import type { IsoDate } from '../domain/dates'
import type { FileRef } from '../files/fileRef'
import { referencedHashes } from '../files/fileRef'
import type { MattersFile } from '../matters/bundle'
import { DocError } from './errors'
import { mattersYear, readMatters, readOutcomes, readReplies, readRequests, readStepEntries } from './matters'
import { readAllFileRefs, readAttachments, readFollowUps, readMilestones, readNotes } from './mattersFollowUp'
import { readResultNotice, readResultObjections } from './mattersResultNotice'

const byId = <T extends { id: string }>(list: readonly T[]): T[] => [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))

/** One reference per hash (the first met, in the document's order), sorted by hash. */
function filesByHash(refs: readonly FileRef[]): FileRef[] {
  const first = new Map<string, FileRef>()
  for (const r of refs)
    if (!first.has(r.hash))
      first.set(r.hash, {
        hash: r.hash,
        name: r.name,
        type: r.type,
        size: r.size,
      })
  return referencedHashes(refs).map((h) => first.get(h) as FileRef)
}

export function readMattersFile(doc: Y.Doc, council: { id: string; name: string }, exportedOn: IsoDate, submittedAt: string): MattersFile {
  const year = mattersYear(doc)
  if (year === null) throw new DocError('notFound')
  const matters = readMatters(doc)
  const notice = (id: string) => {
    const n = readResultNotice(doc, id)
    return n ? [{ matterId: id, ...n }] : []
  }
  return {
    council: { id: council.id, name: council.name },
    year,
    requests: readRequests(doc),
    outcomes: byId(readOutcomes(doc)),
    replies: byId(readReplies(doc)),
    matters,
    steps: byId(readStepEntries(doc)),
    followUps: readFollowUps(doc),
    milestones: readMilestones(doc),
    notes: matters.flatMap((m) => readNotes(doc, m.id)),
    resultNotices: matters.flatMap((m) => notice(m.id)),
    objections: matters.flatMap((m) => readResultObjections(doc, m.id).map((o) => ({ matterId: m.id, ...o }))),
    attachments: readAttachments(doc),
    files: filesByHash(readAllFileRefs(doc)),
    exportedOn,
    submittedAt,
  }
}
