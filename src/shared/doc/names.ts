// Document names carry the council, so a sync server can authorise by name.
import type { CouncilId, MeetingId } from '../domain/ids'
import { isIdString } from '../domain/ids'

export const councilDocName = (councilId: CouncilId): string => `council/${councilId}`
export const meetingDocName = (councilId: CouncilId, meetingId: MeetingId): string => `council/${councilId}/meeting/${meetingId}`

export type ParsedDocName =
  | { kind: 'council'; councilId: CouncilId }
  | { kind: 'meeting'; councilId: CouncilId; meetingId: MeetingId }

export function parseDocName(name: string): ParsedDocName | null {
  const parts = name.split('/')
  if (parts[0] !== 'council' || !isIdString(parts[1])) return null
  const councilId = parts[1] as CouncilId
  if (parts.length === 2) return { kind: 'council', councilId }
  if (parts.length === 4 && parts[2] === 'meeting' && isIdString(parts[3])) {
    return { kind: 'meeting', councilId, meetingId: parts[3] as MeetingId }
  }
  return null
}
