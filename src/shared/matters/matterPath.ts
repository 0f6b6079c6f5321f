// A matter's path through the bodies that must handle it (四议两公开, or the council alone), and
// the rule that a step is recorded only after the step it depends on. Pure: the document keeps
// every step record as its own entry (two laptops may record the same step offline); resolvePath
// decides what stands, the same on every device whatever order the entries arrived in.
import { isIsoDate, type IsoDate } from '../domain/dates'
import { isFileRef, type FileRef } from '../files/fileRef'
import { cmpStr } from './requests'

export const STEP_KEYS = [
  'partyProposal',
  'committeesDiscussion',
  'partyMembersReview',
  'residentsResolution',
  'resolutionNotice',
  'resultNotice',
  'councilDeliberation',
  'councilNotice',
] as const
export type StepKey = (typeof STEP_KEYS)[number]

export interface StepTemplate {
  key: StepKey
  dependsOn: readonly StepKey[]
  /** A body Yishi runs (a council or residents' meeting): the step may be a Yishi meeting's motion. */
  inYishi: boolean
  /** A body that decides (approved / rejected); other steps are done or skipped. */
  decides: boolean
  /** The step that makes the resolution: its approval opens the follow-up. Never skipped. */
  resolves?: true
  /** A public notice: recorded with its posting period. */
  notice?: true
  /** Recorded only once the follow-up is complete (实施结果公开). */
  afterFollowUp?: true
}

const T = (key: StepKey, dependsOn: StepKey[], o: Omit<StepTemplate, 'key' | 'dependsOn'>): StepTemplate => ({ key, dependsOn, ...o })

/** The paths a council chooses from per kind of matter; the order in each list is the order of the path. */
export const PATHS = {
  // 党组织提议 → 两委商议 → 党员大会审议 → 居民会议或居民代表会议决议 → 决议公开 → 实施结果公开
  fourTwo: [
    T('partyProposal', [], { inYishi: false, decides: false }),
    T('committeesDiscussion', ['partyProposal'], { inYishi: false, decides: true }),
    T('partyMembersReview', ['committeesDiscussion'], { inYishi: false, decides: true }),
    T('residentsResolution', ['partyMembersReview'], { inYishi: true, decides: true, resolves: true }),
    T('resolutionNotice', ['residentsResolution'], { inYishi: false, decides: false, notice: true }),
    T('resultNotice', ['resolutionNotice'], { inYishi: false, decides: false, notice: true, afterFollowUp: true }),
  ],
  // 议事会协商议决 → 公示
  councilOnly: [T('councilDeliberation', [], { inYishi: true, decides: true, resolves: true }), T('councilNotice', ['councilDeliberation'], { inYishi: false, decides: false, notice: true })],
} as const satisfies Record<string, readonly StepTemplate[]>
export type PathId = keyof typeof PATHS
export const PATH_IDS = Object.keys(PATHS) as PathId[]
export const isPathId = (v: unknown): v is PathId => typeof v === 'string' && Object.prototype.hasOwnProperty.call(PATHS, v)

export type StepOutcome = 'approved' | 'rejected' | 'done'

/** How a step happened: in a Yishi meeting (linked), in a body outside Yishi (recorded), or skipped (with why). */
export type StepRecord =
  | { mode: 'meeting'; date: IsoDate; meetingId: string; agendaItemId?: string; motionId?: string; outcome: StepOutcome }
  | {
      mode: 'outside'
      date: IsoDate
      /** The body as its record names it (e.g. "XX社区党委"). */
      body: string
      outcome: StepOutcome
      note?: string
      /** Who attended out of who was due (the party members' meeting needs 2/3 present). */
      attendance?: { present: number; due: number }
      /** Last day a notice stays posted. */
      until?: IsoDate
      /** The scanned record or a photo of the posted notice. */
      scan?: FileRef
    }
  | { mode: 'skipped'; date: IsoDate; reason: string }

export type StepEntry = StepRecord & { id: string; matterId: string; step: StepKey; at: string; by: string }

export type StepState = 'done' | 'skipped' | 'rejected' | 'ready' | 'waiting' | 'stopped'

export interface ResolvedStep {
  template: StepTemplate
  entry: StepEntry | null
  /** Entries that do not stand: recorded later for the same step, or before the step they depend on stood. */
  conflicts: StepEntry[]
  state: StepState
  /** Dated before a step it depends on (possible only after two devices merged). */
  outOfOrder: boolean
}

export interface ResolvedPath {
  path: PathId
  steps: ResolvedStep[]
  outcome: 'inProgress' | 'rejected' | 'resolved' | 'complete'
  /** The date of the resolving step once it was approved. */
  resolvedOn: IsoDate | null
}

/** Whether an entry keeps the rules of its step whatever else happened: a skip with a reason, never of the resolution; a meeting only where Yishi runs the body; an outcome the step can have. */
function entryFits(t: StepTemplate, e: StepEntry): boolean {
  if (e.mode === 'skipped') return !t.resolves && typeof e.reason === 'string' && e.reason.trim() !== ''
  if (e.mode === 'meeting' && !t.inYishi) return false
  return t.decides ? e.outcome === 'approved' || e.outcome === 'rejected' : e.outcome === 'done'
}

const byRecording = (a: StepEntry, b: StepEntry): number => cmpStr(a.at, b.at) || cmpStr(a.id, b.id)
const passes = (s: ResolvedStep | undefined): boolean => !!s && (s.state === 'done' || s.state === 'skipped')

/**
 * What stands on a path. Steps are settled in path order: a step's earliest-recorded entry stands
 * when every step it depends on stands and passed (done, approved or skipped); a rejection stops
 * the steps after it. Depends only on the set of entries, never on their arrival order.
 */
export function resolvePath(path: PathId, entries: readonly StepEntry[]): ResolvedPath {
  const out: ResolvedStep[] = []
  const byKey = new Map<StepKey, ResolvedStep>()
  let resolvedOn: IsoDate | null = null
  for (const template of PATHS[path] as readonly StepTemplate[]) {
    const mine = entries.filter((e) => e.step === template.key).sort(byRecording)
    const deps = template.dependsOn.map((k) => byKey.get(k))
    const ready = deps.every(passes)
    const stopped = deps.some((d) => !d || d.state === 'rejected' || d.state === 'stopped')
    // An entry that breaks the step's own rules (from a damaged or hostile replica) never stands.
    const fitting = ready ? mine.filter((e) => entryFits(template, e)) : []
    const entry = fitting[0] ?? null
    const state: StepState = entry
      ? entry.mode === 'skipped'
        ? 'skipped'
        : entry.outcome === 'rejected'
          ? 'rejected'
          : 'done'
      : ready
        ? 'ready'
        : stopped
          ? 'stopped'
          : 'waiting'
    const outOfOrder = !!entry && deps.some((d) => d?.entry && entry.date < d.entry.date)
    const step: ResolvedStep = { template, entry, conflicts: mine.filter((e) => e !== entry), state, outOfOrder }
    if (template.resolves && state === 'done' && entry) resolvedOn = entry.date
    out.push(step)
    byKey.set(template.key, step)
  }
  const outcome = out.some((s) => s.state === 'rejected') ? 'rejected' : out.every(passes) ? 'complete' : resolvedOn ? 'resolved' : 'inProgress'
  return { path, steps: out, outcome, resolvedOn }
}

export type StepRefusal =
  | 'unknownStep'
  | 'alreadyRecorded'
  | 'dependencyPending'
  | 'pathStopped'
  | 'dateInvalid'
  | 'beforeDependency'
  | 'notInYishi'
  | 'outcomeNotAllowed'
  | 'bodyRequired'
  | 'reasonRequired'
  | 'cannotSkip'
  | 'attendanceInvalid'
  | 'untilInvalid'
  | 'scanInvalid'
  | 'meetingRequired'
  | 'followUpNotDone'

/**
 * Why `record` cannot be recorded for `step` now, or null. `followUpDone` says whether the matter's
 * follow-up is complete (the result notice waits for it).
 */
export function stepRefusal(resolved: ResolvedPath, step: StepKey, record: StepRecord, followUpDone: boolean): StepRefusal | null {
  const s = resolved.steps.find((x) => x.template.key === step)
  if (!s) return 'unknownStep'
  if (s.entry) return 'alreadyRecorded'
  if (s.state === 'stopped') return 'pathStopped'
  if (s.state !== 'ready') return 'dependencyPending'
  if (!isIsoDate(record.date)) return 'dateInvalid'
  const deps = resolved.steps.filter((x) => s.template.dependsOn.includes(x.template.key))
  if (deps.some((d) => d.entry && record.date < d.entry.date)) return 'beforeDependency'
  if (record.mode === 'skipped') {
    if (s.template.resolves) return 'cannotSkip'
    return record.reason.trim() ? null : 'reasonRequired'
  }
  if (s.template.afterFollowUp && !followUpDone) return 'followUpNotDone'
  const allowed: StepOutcome[] = s.template.decides ? ['approved', 'rejected'] : ['done']
  if (!allowed.includes(record.outcome)) return 'outcomeNotAllowed'
  if (record.mode === 'meeting') {
    if (!s.template.inYishi) return 'notInYishi'
    return record.meetingId ? null : 'meetingRequired'
  }
  if (!record.body.trim()) return 'bodyRequired'
  const a = record.attendance
  if (a && !(Number.isSafeInteger(a.present) && Number.isSafeInteger(a.due) && a.present >= 0 && a.due > 0 && a.present <= a.due)) return 'attendanceInvalid'
  if (record.until !== undefined && (!isIsoDate(record.until) || record.until < record.date)) return 'untilInvalid'
  if (record.scan !== undefined && !isFileRef(record.scan)) return 'scanInvalid'
  return null
}

/** The next steps that can be recorded (ready), in path order. */
export const readySteps = (resolved: ResolvedPath): StepKey[] => resolved.steps.filter((s) => s.state === 'ready').map((s) => s.template.key)
