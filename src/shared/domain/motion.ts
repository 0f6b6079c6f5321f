// Motions (动议) and their status machine (domain.md 2.4): no motion, no debate; one motion on the
// floor at a time; amendments are voted before the main motion.

export const MOTION_STATUSES = ['proposed', 'seconded', 'debating', 'voting', 'passed', 'failed', 'withdrawn', 'deferred'] as const
export type MotionStatus = (typeof MOTION_STATUSES)[number]

/** A motion in one of these is "on the floor": it blocks another main motion. */
export const ON_FLOOR: readonly MotionStatus[] = ['proposed', 'seconded', 'debating', 'voting']
export const isOnFloor = (s: MotionStatus): boolean => ON_FLOOR.includes(s)
/** Decided or set aside: nothing more happens to it in this meeting. */
export const isSettled = (s: MotionStatus): boolean => !isOnFloor(s)

/** The council's setting (附议: required or not). */
export interface MotionRules {
  secondingRequired: boolean
}

const TRANSITIONS: Record<MotionStatus, readonly MotionStatus[]> = {
  proposed: ['seconded', 'debating', 'withdrawn', 'deferred'],
  seconded: ['debating', 'withdrawn', 'deferred'],
  debating: ['voting', 'withdrawn', 'deferred'],
  voting: ['passed', 'failed'],
  passed: [],
  failed: [],
  withdrawn: [],
  deferred: [],
}

/** proposed → debating skips the second, so only where seconding is not required. */
export function canMoveMotion(from: MotionStatus, to: MotionStatus, rules: MotionRules): boolean {
  if (from === 'proposed' && to === 'debating') return !rules.secondingRequired
  return TRANSITIONS[from].includes(to)
}

export const MAX_MOTION_TEXT = 5000
export const MAX_RECUSAL_REASON = 500

export type MotionTextError = 'textRequired' | 'textTooLong'

export function validateMotionText(text: string): MotionTextError | null {
  if (!text.trim()) return 'textRequired'
  return text.length > MAX_MOTION_TEXT ? 'textTooLong' : null
}
