// What a step recorded in a Yishi meeting is chosen from: the council's meetings (the meeting
// list's rows, as the meetings tab reads them), the chosen meeting's agenda items and motions, and
// the outcome the chosen motion's frozen vote gives (shared/matters/stepVote.ts).
import { useCallback } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import type * as Y from 'yjs'
import { meetingIds } from '../../../shared/doc/council'
import { readAgenda } from '../../../shared/doc/meeting'
import { readMotions } from '../../../shared/doc/motions'
import { meetingDocName } from '../../../shared/doc/names'
import { votesOf } from '../../../shared/doc/votesRead'
import { asMeetingId, type MotionId } from '../../../shared/domain/ids'
import { motionOutcome, type MotionOutcome } from '../../../shared/matters/stepVote'
import type { MeetingRow } from '../../data/db'
import { queryMeetings } from '../../data/projections'
import { useCouncil } from '../../kit/CouncilContext'
import { useDocHandle, useDocValue } from '../../kit/docHooks'
import { useEnv } from '../../kit/env'

export interface MeetingChoice {
  /** The council's meetings, newest first. */
  meetings: MeetingRow[]
  items: { id: string; title: string }[]
  /** The chosen item's main motions (amendments are decided inside them). */
  motions: { id: string; text: string }[]
  vote: MotionOutcome
}

const idsKey = (doc: Y.Doc): string => meetingIds(doc).join(',')

export function useMeetingChoice(meetingId: string, itemId: string, motionId: string): MeetingChoice {
  const env = useEnv()
  const { council, handle: councilHandle } = useCouncil()
  // The council document names its meetings: a list row of a meeting it does not name is not offered.
  const named = useDocValue(councilHandle.doc, idsKey) ?? ''
  const rows = useLiveQuery(() => queryMeetings(env.db, { councilId: council.id, year: null, status: null, text: '' }), [env.db, council.id]) ?? []
  const meetings = rows.filter((r) => named.split(',').includes(r.id))
  const state = useDocHandle(meetingId ? meetingDocName(council.id, asMeetingId(meetingId)) : null)
  const doc = state.status === 'ready' ? state.handle.doc : null
  const items = useDocValue(doc, readAgenda) ?? []
  const readItemMotions = useCallback((d: Y.Doc) => readMotions(d).filter((m) => m.itemId === itemId && m.parentId === null), [itemId])
  const motions = useDocValue(doc, readItemMotions) ?? []
  const readVote = useCallback((d: Y.Doc) => (motionId ? motionOutcome(votesOf(d, motionId as MotionId)) : { outcome: null, voteId: null }), [motionId])
  const vote = useDocValue(doc, readVote) ?? { outcome: null, voteId: null }
  return {
    meetings,
    items: meetingId ? items.map((i) => ({ id: i.id, title: i.title })) : [],
    motions: meetingId && itemId ? motions.map((m) => ({ id: m.id, text: m.text })) : [],
    vote: meetingId ? vote : { outcome: null, voteId: null },
  }
}
