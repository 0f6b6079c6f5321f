// A path step carried by a Yishi meeting takes its outcome from the motion's vote: the standing
// result (a correction over the announced one) of the last closed, not cancelled vote; none when
// there is no such vote or its result is not valid, so the secretary chooses.
import { describe, expect, it } from 'vitest'
import { motionOutcome } from '../../src/shared/matters/stepVote'
import type { Vote } from '../../src/shared/doc/voteTypes'

type Outcome = 'passed' | 'failed' | 'invalid'
const vote = (id: string, closedAt: string | null, outcome: Outcome | null, over: Partial<Vote> = {}): Vote =>
  ({ id, motionId: 'm1', closedAt, cancelled: null, corrections: [], result: outcome ? { outcome } : null, ...over }) as unknown as Vote

describe('motionOutcome', () => {
  it('reads the last closed vote, a passed one approving and a failed one rejecting the step', () => {
    expect(motionOutcome([vote('v2', '2025-03-10T10:00:00Z', 'failed'), vote('v1', '2025-03-10T09:00:00Z', 'passed')])).toEqual({ outcome: 'rejected', voteId: 'v2' })
    expect(motionOutcome([vote('v1', '2025-03-10T09:00:00Z', 'failed'), vote('v2', '2025-03-10T10:00:00Z', 'passed')])).toEqual({ outcome: 'approved', voteId: 'v2' })
  })

  it('takes a correction over the announced result', () => {
    const corrected = vote('v1', '2025-03-10T09:00:00Z', 'failed', { corrections: [{ result: { outcome: 'passed' } }] as unknown as Vote['corrections'] })
    expect(motionOutcome([corrected])).toEqual({ outcome: 'approved', voteId: 'v1' })
  })

  it('leaves the outcome to the secretary for an open, cancelled or invalid vote, or none', () => {
    expect(motionOutcome([])).toEqual({ outcome: null, voteId: null })
    expect(motionOutcome([vote('v1', null, null)])).toEqual({ outcome: null, voteId: null })
    const cancelled = vote('v1', '2025-03-10T09:00:00Z', null, { cancelled: { by: '主持人', reason: '程序有误', at: '2025-03-10T09:00:00Z' } })
    expect(motionOutcome([cancelled])).toEqual({ outcome: null, voteId: null })
    expect(motionOutcome([vote('v1', '2025-03-10T09:00:00Z', 'invalid')])).toEqual({ outcome: null, voteId: 'v1' })
  })
})
