// A matter (议题): what the council takes up, gathered from requests or proposed directly, with the
// path it follows. The fields and their checks; the path rules are path.ts, the requests requests.ts.
import { isIsoDate, type IsoDate } from '../domain/dates'
import { isPathId, type PathId } from './matterPath'
import { MAX_REQUEST_TEXT, MAX_SHORT_TEXT, REQUESTER_KINDS, type Requester } from './requests'

export interface MatterFields {
  title: string
  description: string
  /** Who proposes it (for 四议两公开 the party organisation; otherwise often a member or a group of residents). */
  proposer: Requester
  path: PathId
  openedOn: IsoDate
}

export interface Matter extends MatterFields {
  id: string
  createdAt: string
  createdBy: string
}

export type MatterFieldError = 'required' | 'tooLong' | 'dateInvalid' | 'unknownValue'

export function matterErrors(f: MatterFields): Partial<Record<keyof MatterFields, MatterFieldError>> {
  const e: Partial<Record<keyof MatterFields, MatterFieldError>> = {}
  if (!f.title.trim()) e.title = 'required'
  else if (f.title.length > MAX_SHORT_TEXT) e.title = 'tooLong'
  if (f.description.length > MAX_REQUEST_TEXT) e.description = 'tooLong'
  if (!f.proposer || !(REQUESTER_KINDS as readonly string[]).includes(f.proposer.kind)) e.proposer = 'unknownValue'
  else if (!f.proposer.name.trim()) e.proposer = 'required'
  else if (f.proposer.name.length > MAX_SHORT_TEXT) e.proposer = 'tooLong'
  if (!isPathId(f.path)) e.path = 'unknownValue'
  if (!isIsoDate(f.openedOn)) e.openedOn = 'dateInvalid'
  return e
}
