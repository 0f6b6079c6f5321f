// The owners' figures of a meeting vote under an owners' rule (Civil Code arts. 278, 279), read
// from the meeting document in exact hundredths of m² (integers, never floats):
//   ownerFigures: Y.Map{totalOwners, totalArea, participatingOwners, participatingArea, forOwners,
//                       forArea, againstOwners, againstArea, affectedOwners}   typed (show of hands)
//   areas: Y.Map<memberId, centiM2>   a roll-call member's floor area typed on the vote (missing in the register)
// A show of hands takes the figures as the secretary typed them; a roll call computes them from who
// voted what and each member's area on the roster of the day (or typed on the vote). Whatever is
// missing leaves the tally undefined, and evaluateVote then refuses to announce (ownersRequired).
import * as Y from 'yjs'
import type { ThresholdRule } from '../domain/council'
import type { MemberId } from '../domain/ids'
import { countsForQuorum } from '../domain/member'
import { usesOwners, type Choice, type OwnerTally } from '../domain/votes'
import { readRoster } from './attendance'

export const OWNER_FIGURES = ['totalOwners', 'totalArea', 'participatingOwners', 'participatingArea', 'forOwners', 'forArea', 'againstOwners', 'againstArea', 'affectedOwners'] as const
export type OwnerFigureField = (typeof OWNER_FIGURES)[number]
/** Which figures are floor areas (hundredths of m²); the others count owners. */
export const isAreaFigure = (f: OwnerFigureField): boolean => f.endsWith('Area')

const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0

function wholeEntries(m: Y.Map<unknown>, key: string): Map<string, number> {
  const v = m.get(key)
  const out = new Map<string, number>()
  if (v instanceof Y.Map) for (const [k, x] of (v as Y.Map<unknown>).entries()) if (whole(x)) out.set(k, x)
  return out
}

/** The figures typed on the vote, by field (absent when not typed). */
export const readOwnerFigures = (m: Y.Map<unknown>): Partial<Record<OwnerFigureField, number>> =>
  Object.fromEntries([...wholeEntries(m, 'ownerFigures')].filter(([k]) => (OWNER_FIGURES as readonly string[]).includes(k)))

/** Floor areas typed on the vote for members whose register entry has none. */
export const readVoteAreas = (m: Y.Map<unknown>): Map<string, number> => wholeEntries(m, 'areas')

/** A roll-call vote's members with their area (typed on the vote, else the roster's; null when neither). */
export function rollCallAreas(doc: Y.Doc, m: Y.Map<unknown>): { memberId: MemberId; name: string; areaCentiM2: number | null }[] {
  const typed = readVoteAreas(m)
  return readRoster(doc)
    .filter((e) => countsForQuorum(e.role))
    .map((e) => ({ memberId: e.memberId as MemberId, name: e.name, areaCentiM2: typed.get(e.memberId) ?? e.areaCentiM2 }))
}

/**
 * The owners' tally for an owners' rule, or undefined when a figure is missing. Roll call: the
 * voting members of the roster are the owners (their areas the total), those with a decided
 * choice took part, and their choices give for and against. Sums of integers: exact.
 */
export function ownerTallyOf(
  doc: Y.Doc,
  m: Y.Map<unknown>,
  vote: { rule: ThresholdRule; method: string; decisions: readonly { memberId: string; choice: Choice }[] },
): OwnerTally | undefined {
  if (!usesOwners(vote.rule)) return undefined
  const typed = readOwnerFigures(m)
  const unanimity = vote.rule === 'unanimity_affected'
  const affected = unanimity ? (typed.affectedOwners === undefined ? undefined : { affectedOwners: typed.affectedOwners }) : {}
  if (!affected) return undefined
  if (vote.method === 'roll_call') {
    const members = rollCallAreas(doc, m)
    if (members.some((x) => x.areaCentiM2 === null)) return undefined
    const area = new Map(members.map((x) => [x.memberId as string, x.areaCentiM2 as number]))
    const group = (pick: (c: Choice) => boolean) => {
      const ids = vote.decisions.filter((d) => pick(d.choice) && area.has(d.memberId)).map((d) => d.memberId)
      return { owners: ids.length, areaCentiM2: ids.reduce((s, id) => s + (area.get(id) ?? 0), 0) }
    }
    return {
      totalOwners: members.length,
      totalAreaCentiM2: members.reduce((s, x) => s + (x.areaCentiM2 ?? 0), 0),
      participating: group(() => true),
      for: group((c) => c === 'for'),
      against: group((c) => c === 'against'),
      ...affected,
    }
  }
  if (vote.method !== 'hands') return undefined
  const need: readonly OwnerFigureField[] = ['totalOwners', 'participatingOwners', 'forOwners', ...(unanimity ? [] : (['totalArea', 'participatingArea', 'forArea'] as const))]
  if (need.some((k) => typed[k] === undefined)) return undefined
  const n = (k: OwnerFigureField) => typed[k] ?? 0
  return {
    totalOwners: n('totalOwners'),
    totalAreaCentiM2: n('totalArea'),
    participating: { owners: n('participatingOwners'), areaCentiM2: n('participatingArea') },
    for: { owners: n('forOwners'), areaCentiM2: n('forArea') },
    against: { owners: n('againstOwners'), areaCentiM2: n('againstArea') },
    ...affected,
  }
}
