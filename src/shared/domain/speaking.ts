// Who speaks next (domain.md 2.5, Nantang rules, practice): those who have not spoken on the
// motion go first, for and against alternate, and whoever reached the per-motion limit is flagged
// (shown to the chair, not blocked). Pure: the same inputs give the same queue on every device.

export const STANCES = ['for', 'against', 'question'] as const
export type Stance = (typeof STANCES)[number]

/** Practice defaults, settings per council: ≤ 2 minutes a speech, ≤ 2 speeches per person per motion. */
export const SPEAKING_DEFAULTS = { maxSpeechSeconds: 120, maxPerMotion: 2 } as const

export interface SpeakingRequest {
  speakerId: string
  stance: Stance
}

export interface QueuedSpeaker extends SpeakingRequest {
  /** Speeches this speaker already made on the motion. */
  spoken: number
  /** spoken ≥ maxPerMotion: the chair sees it; the app does not refuse the floor. */
  atLimit: boolean
}

const opposite = (s: 'for' | 'against'): 'for' | 'against' => (s === 'for' ? 'against' : 'for')
const lastSide = (list: readonly SpeakingRequest[]): 'for' | 'against' | null => {
  for (let i = list.length - 1; i >= 0; i--) {
    const s = list[i]?.stance
    if (s === 'for' || s === 'against') return s
  }
  return null
}

/** for / against alternate, starting opposite to the last side heard; questions follow, in request order. */
function alternate<T extends SpeakingRequest>(group: readonly T[], last: 'for' | 'against' | null): T[] {
  const queues = { for: group.filter((c) => c.stance === 'for'), against: group.filter((c) => c.stance === 'against') }
  const first = group.find((c) => c.stance !== 'question')?.stance as 'for' | 'against' | undefined
  let next: 'for' | 'against' = last ? opposite(last) : (first ?? 'for')
  const out: T[] = []
  while (queues.for.length || queues.against.length) {
    const side = queues[next].length ? next : opposite(next)
    out.push(queues[side].shift() as T)
    next = opposite(side)
  }
  return [...out, ...group.filter((c) => c.stance === 'question')]
}

/**
 * The speaking order for a motion. `candidates`: who asked for the floor, in the order they asked
 * (a repeated speakerId keeps its first request); `speechesSoFar`: the motion's speeches in order;
 * `maxPerMotion`: null for no limit. Order: not yet spoken, then spoken below the limit, then at
 * the limit; inside each group for and against alternate (continuing from the last speech).
 */
export function speakingQueue(
  candidates: readonly SpeakingRequest[],
  speechesSoFar: readonly SpeakingRequest[],
  options: { maxPerMotion: number | null },
): QueuedSpeaker[] {
  const counts = new Map<string, number>()
  for (const s of speechesSoFar) counts.set(s.speakerId, (counts.get(s.speakerId) ?? 0) + 1)
  const limit = options.maxPerMotion !== null && Number.isSafeInteger(options.maxPerMotion) && options.maxPerMotion > 0 ? options.maxPerMotion : Infinity
  const seen = new Set<string>()
  const queued: QueuedSpeaker[] = []
  for (const c of candidates) {
    if (seen.has(c.speakerId)) continue
    seen.add(c.speakerId)
    const spoken = counts.get(c.speakerId) ?? 0
    queued.push({ speakerId: c.speakerId, stance: c.stance, spoken, atLimit: spoken >= limit })
  }
  const groups = [queued.filter((q) => q.spoken === 0), queued.filter((q) => q.spoken > 0 && !q.atLimit), queued.filter((q) => q.atLimit)]
  let last = lastSide(speechesSoFar)
  const out: QueuedSpeaker[] = []
  for (const g of groups) {
    const ordered = alternate(g, last)
    last = lastSide(ordered) ?? last
    out.push(...ordered)
  }
  return out
}
