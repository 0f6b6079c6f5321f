// A path step carried by a Yishi meeting takes its outcome from the motion's vote: the result that
// stands (the announced one, or its latest correction) of the motion's last closed, not cancelled
// vote. A vote that passed approves the step, one that failed rejects it; a vote with no valid
// result (held without quorum, counts refused) or no vote at all leaves the outcome to the secretary.
import type { Vote } from '../doc/voteTypes'
import { standingResult } from '../doc/votesRead'
import type { StepOutcome } from './matterPath'

export interface MotionOutcome {
  /** The outcome the vote gives, or null when it gives none (the secretary chooses). */
  outcome: Extract<StepOutcome, 'approved' | 'rejected'> | null
  /** The vote it was read from, when the motion had a closed vote. */
  voteId: string | null
}

/** `votes`: the motion's votes (votesOf), in any order. */
export function motionOutcome(votes: readonly Vote[]): MotionOutcome {
  const closed = votes.filter((v) => v.closedAt !== null && !v.cancelled).sort((a, b) => (a.closedAt! < b.closedAt! ? -1 : a.closedAt! > b.closedAt! ? 1 : 0))
  const last = closed.at(-1)
  if (!last) return { outcome: null, voteId: null }
  const result = standingResult(last)
  const outcome = result?.outcome === 'passed' ? 'approved' : result?.outcome === 'failed' ? 'rejected' : null
  return { outcome, voteId: last.id }
}
