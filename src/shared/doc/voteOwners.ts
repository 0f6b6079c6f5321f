// Writing the owners' figures of an open meeting vote under an owners' rule (layout and reading in
// voteOwnersRead.ts): each figure as the secretary types it, and a roll-call member's floor area
// when the register has none. Whole numbers only: areas arrive in hundredths of m² (parseArea).
import * as Y from 'yjs'
import type { MemberId, VoteId } from '../domain/ids'
import { MAX_AREA_CENTI_M2 } from '../domain/member'
import { usesOwners } from '../domain/votes'
import { rosterEntry } from './attendance'
import { DocError } from './errors'
import { assertMeetingIn } from './guards'
import { ORIGIN_LOCAL } from './schema'
import { OWNER_FIGURES, type OwnerFigureField } from './voteOwnersRead'
import { readVote, votesMap } from './votesRead'

function openOwnersVote(doc: Y.Doc, voteId: VoteId, method: 'hands' | 'roll_call'): Y.Map<unknown> {
  assertMeetingIn(doc, ['in_session'])
  const map = votesMap(doc).get(voteId)
  const vote = readVote(doc, voteId)
  if (!(map instanceof Y.Map) || !vote) throw new DocError('notFound', { voteId })
  if (vote.closedAt !== null) throw new DocError('voteClosed', { voteId })
  if (!usesOwners(vote.rule)) throw new DocError('invalidInput', { rule: 'notOwnersRule' })
  // Unanimity counts heads only, so its one figure (affected owners) is typed for either method.
  if (vote.method !== method && !(method === 'hands' && vote.method === 'roll_call')) throw new DocError('wrongVoteMethod', { method: vote.method })
  return map as Y.Map<unknown>
}

function child(map: Y.Map<unknown>, key: string): Y.Map<unknown> {
  let v = map.get(key)
  if (!(v instanceof Y.Map)) {
    v = new Y.Map<unknown>()
    map.set(key, v)
  }
  return v as Y.Map<unknown>
}

/** A whole number; one member's area is bounded like the register's (a total is not). */
const valid = (n: number, memberArea: boolean) => Number.isSafeInteger(n) && n >= 0 && (!memberArea || n <= MAX_AREA_CENTI_M2)

/** One owners' figure as typed (show of hands; affectedOwners also for a roll call); null clears it. */
export function setOwnerFigure(doc: Y.Doc, voteId: VoteId, field: OwnerFigureField, value: number | null, origin: unknown = ORIGIN_LOCAL): void {
  if (!(OWNER_FIGURES as readonly string[]).includes(field)) throw new DocError('invalidInput', { field: 'figureInvalid' })
  const vote = readVote(doc, voteId)
  const map = openOwnersVote(doc, voteId, vote?.method === 'roll_call' && field === 'affectedOwners' ? 'roll_call' : 'hands')
  if (value !== null && !valid(value, false)) throw new DocError('invalidInput', { [field]: 'countInvalid' })
  doc.transact(() => {
    const figures = child(map, 'ownerFigures')
    if (value === null) figures.delete(field)
    else figures.set(field, value)
  }, origin)
}

/** A roll-call member's floor area typed on the vote (the register has none); null clears it. */
export function setVoteArea(doc: Y.Doc, voteId: VoteId, memberId: MemberId, centiM2: number | null, origin: unknown = ORIGIN_LOCAL): void {
  const map = openOwnersVote(doc, voteId, 'roll_call')
  if (!rosterEntry(doc, memberId)) throw new DocError('notOnRoster', { memberId })
  if (centiM2 !== null && !valid(centiM2, true)) throw new DocError('invalidInput', { area: 'areaTooLarge' })
  doc.transact(() => {
    const areas = child(map, 'areas')
    if (centiM2 === null) areas.delete(memberId)
    else areas.set(memberId, centiM2)
  }, origin)
}
