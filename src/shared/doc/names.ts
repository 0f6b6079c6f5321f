// Document names carry the council, so a sync server can authorise by name.
//   council/<councilId>                          the council: settings, members, meeting index
//   council/<councilId>/meeting/<meetingId>      one meeting
//   council/<councilId>/campaign/<campaignId>    one household campaign (relocation or renovation)
//   council/<councilId>/households               the council's register of households
//   council/<councilId>/matters/<year>           requests, matters, paths and follow-up of one council year
//   council/<councilId>/fund/<year>              one community fund year: proposals, decisions, projects, ledger
import type { CampaignId } from '../domain/campaign'
import type { CouncilId, MeetingId } from '../domain/ids'
import { isIdString } from '../domain/ids'

export const councilDocName = (councilId: CouncilId): string => `council/${councilId}`
export const meetingDocName = (councilId: CouncilId, meetingId: MeetingId): string => `council/${councilId}/meeting/${meetingId}`
export const campaignDocName = (councilId: CouncilId, campaignId: CampaignId): string => `council/${councilId}/campaign/${campaignId}`
export const householdsDocName = (councilId: CouncilId): string => `council/${councilId}/households`
export const mattersDocName = (councilId: CouncilId, year: number): string => `council/${councilId}/matters/${year}`
export const fundDocName = (councilId: CouncilId, year: number): string => `council/${councilId}/fund/${year}`

/** The council and meeting documents: what parseDocName has always answered (backups and projections rely on it). */
export type ParsedDocName =
  | { kind: 'council'; councilId: CouncilId }
  | { kind: 'meeting'; councilId: CouncilId; meetingId: MeetingId }

/** Every kind of document. */
export type AnyDocName =
  | ParsedDocName
  | { kind: 'campaign'; councilId: CouncilId; campaignId: CampaignId }
  | { kind: 'households'; councilId: CouncilId }
  | { kind: 'matters'; councilId: CouncilId; year: number }
  | { kind: 'fund'; councilId: CouncilId; year: number }

/**
 * Any document name, strictly: exactly these shapes, ids of the id alphabet, nothing more. A name
 * that parses always rebuilds to itself (docNameOf), so the council it names is the council it is.
 */
export function parseAnyDocName(name: string): AnyDocName | null {
  const parts = name.split('/')
  if (parts[0] !== 'council' || !isIdString(parts[1])) return null
  const councilId = parts[1] as CouncilId
  if (parts.length === 2) return { kind: 'council', councilId }
  if (parts.length === 3 && parts[2] === 'households') return { kind: 'households', councilId }
  if (parts.length === 4 && parts[2] === 'matters' && /^(19|2[01])\d\d$/.test(parts[3] ?? '')) return { kind: 'matters', councilId, year: Number(parts[3]) }
  if (parts.length === 4 && parts[2] === 'fund' && /^(19|2[01])\d\d$/.test(parts[3] ?? '')) return { kind: 'fund', councilId, year: Number(parts[3]) }
  if (parts.length === 4 && isIdString(parts[3])) {
    if (parts[2] === 'meeting') return { kind: 'meeting', councilId, meetingId: parts[3] as MeetingId }
    if (parts[2] === 'campaign') return { kind: 'campaign', councilId, campaignId: parts[3] as CampaignId }
  }
  return null
}

/**
 * Council and meeting names only; null for every other name, campaigns and households included.
 * Callers that handle every kind (the sync server's authorisation, the provider) use parseAnyDocName.
 */
export function parseDocName(name: string): ParsedDocName | null {
  const parsed = parseAnyDocName(name)
  return parsed !== null && (parsed.kind === 'council' || parsed.kind === 'meeting') ? parsed : null
}

/** The name of a parsed document: the inverse of parseAnyDocName. */
export function docNameOf(parsed: AnyDocName): string {
  switch (parsed.kind) {
    case 'council':
      return councilDocName(parsed.councilId)
    case 'meeting':
      return meetingDocName(parsed.councilId, parsed.meetingId)
    case 'campaign':
      return campaignDocName(parsed.councilId, parsed.campaignId)
    case 'households':
      return householdsDocName(parsed.councilId)
    case 'matters':
      return mattersDocName(parsed.councilId, parsed.year)
    case 'fund':
      return fundDocName(parsed.councilId, parsed.year)
  }
}
