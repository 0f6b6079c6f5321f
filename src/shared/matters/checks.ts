// The street office's checks of a requests-and-matters year (台账 inspection): every request answered
// (回音) or still within its time; every matter's path recorded in order (no step before the step it
// depends on, a skip with its reason); every resolution followed up, none overdue; every completed
// follow-up with its result notice (实施结果公开). Pure: the year is recomputed from the file's records
// with the rules the council's screens use (resolveRequests, resolvePath, followUpState), and the
// findings are values (codes and ids) the review screen translates.
import { daysBetween } from '../domain/campaignWindow'
import type { IsoDate } from '../domain/dates'
import type { Objection, PublicNotice } from '../minutes/types'
import type { MattersFile } from './bundle'
import { followUpState, type FollowUp, type FollowUpState } from './followUp'
import type { Matter } from './matter'
import { resolvePath, type ResolvedPath, type StepKey } from './matterPath'
import { resolveRequests, waitingRequests, type RequestState } from './requests'

/** Days a request may wait for its reply when no matter still runs for it (Yishi's default; no rule names one). */
export const REPLY_WITHIN_DAYS = 30

export type MattersFinding =
  | {
      code: 'requestUnanswered'
      severity: 'error'
      requestId: string
      days: number
    }
  | {
      code: 'requestWaiting'
      severity: 'warning'
      requestId: string
      days: number
    }
  | {
      code: 'stepBeforeDependency' | 'skipWithoutReason' | 'stepInvalid'
      severity: 'error'
      matterId: string
      step: StepKey
    }
  /** A second record of a step that already stands (two laptops offline): to look at. */
  | {
      code: 'stepDuplicate'
      severity: 'warning'
      matterId: string
      step: StepKey
    }
  | { code: 'followUpNotOpened'; severity: 'warning'; matterId: string }
  | {
      code: 'followUpOverdue'
      severity: 'error'
      matterId: string
      days: number
    }
  | { code: 'resultNoticeMissing'; severity: 'error'; matterId: string }
  | { code: 'objectionUnhandled'; severity: 'warning'; matterId: string }

/** A year recomputed from its records: what the checks and the review screen read. */
export interface MattersYearSnapshot {
  year: number
  exportedOn: IsoDate
  requests: ReadonlyMap<string, RequestState>
  /** Matters in the file's order (opened, then id). */
  matters: readonly Matter[]
  paths: ReadonlyMap<string, ResolvedPath>
  followUps: ReadonlyMap<string, { followUp: FollowUp; state: FollowUpState }>
  resultNotices: ReadonlyMap<string, PublicNotice>
  objections: readonly (Objection & { matterId: string })[]
}

export function snapshotOfMattersFile(f: MattersFile): MattersYearSnapshot {
  const known = new Set(f.matters.map((m) => m.id))
  return {
    year: f.year,
    exportedOn: f.exportedOn,
    requests: resolveRequests(f.requests, f.outcomes, f.replies),
    matters: f.matters,
    paths: new Map(
      f.matters.map((m) => [
        m.id,
        resolvePath(
          m.path,
          f.steps.filter((s) => s.matterId === m.id),
        ),
      ]),
    ),
    followUps: new Map(f.followUps.filter((x) => known.has(x.matterId)).map((x) => [x.matterId, { followUp: x, state: followUpState(x, f.milestones, f.exportedOn) }])),
    resultNotices: new Map(f.resultNotices.map(({ matterId, ...n }) => [matterId, n])),
    objections: f.objections,
  }
}

export const matterTitle = (y: MattersYearSnapshot, id: string): string => y.matters.find((m) => m.id === id)?.title ?? id

/** Whether the matter a request ends up in (following merges) still runs, so its reply comes with the result. */
function matterStillRuns(y: MattersYearSnapshot, s: RequestState): boolean {
  const o = (y.requests.get(s.root) ?? s).outcome
  if (o?.kind !== 'matter') return false
  const p = y.paths.get(o.matterId)
  const f = y.followUps.get(o.matterId)
  // A council-only path is complete once its 公示 is posted, while its follow-up still runs.
  return !!p && (p.outcome === 'inProgress' || p.outcome === 'resolved' || (!!f && !f.followUp.completedOn))
}

function requestFindings(y: MattersYearSnapshot): MattersFinding[] {
  return waitingRequests(y.requests).map((s) => {
    const days = daysBetween(s.request.receivedOn, y.exportedOn)
    return matterStillRuns(y, s) || days <= REPLY_WITHIN_DAYS
      ? {
          code: 'requestWaiting',
          severity: 'warning',
          requestId: s.request.id,
          days,
        }
      : {
          code: 'requestUnanswered',
          severity: 'error',
          requestId: s.request.id,
          days,
        }
  })
}

function pathFindings(y: MattersYearSnapshot): MattersFinding[] {
  const out: MattersFinding[] = []
  for (const m of y.matters) {
    const path = y.paths.get(m.id)
    for (const s of path?.steps ?? []) {
      const at = { matterId: m.id, step: s.template.key }
      if (s.outOfOrder) out.push({ code: 'stepBeforeDependency', severity: 'error', ...at })
      const depsPass = s.template.dependsOn.every((k) => ['done', 'skipped'].includes(path?.steps.find((d) => d.template.key === k)?.state ?? ''))
      for (const c of s.conflicts) {
        if (c.mode === 'skipped' && !(typeof c.reason === 'string' && c.reason.trim())) out.push({ code: 'skipWithoutReason', severity: 'error', ...at })
        else if (s.entry) out.push({ code: 'stepDuplicate', severity: 'warning', ...at })
        else
          out.push({
            code: depsPass ? 'stepInvalid' : 'stepBeforeDependency',
            severity: 'error',
            ...at,
          })
      }
    }
  }
  return out
}

function followUpFindings(y: MattersYearSnapshot): MattersFinding[] {
  const out: MattersFinding[] = []
  for (const m of y.matters) {
    const f = y.followUps.get(m.id)
    if (!f && y.paths.get(m.id)?.resolvedOn)
      out.push({
        code: 'followUpNotOpened',
        severity: 'warning',
        matterId: m.id,
      })
    if (f?.state.status === 'overdue')
      out.push({
        code: 'followUpOverdue',
        severity: 'error',
        matterId: m.id,
        days: f.state.daysOverdue,
      })
  }
  return out
}

function noticeFindings(y: MattersYearSnapshot): MattersFinding[] {
  const out: MattersFinding[] = []
  for (const m of y.matters) {
    if (y.followUps.get(m.id)?.followUp.completedOn && !y.resultNotices.has(m.id))
      out.push({
        code: 'resultNoticeMissing',
        severity: 'error',
        matterId: m.id,
      })
    if (y.objections.some((o) => o.matterId === m.id && !o.handledOn))
      out.push({
        code: 'objectionUnhandled',
        severity: 'warning',
        matterId: m.id,
      })
  }
  return out
}

/** Everything to point out in a year, check by check; an empty list means nothing to point out. */
export const mattersFindings = (y: MattersYearSnapshot): MattersFinding[] => [...requestFindings(y), ...pathFindings(y), ...followUpFindings(y), ...noticeFindings(y)]

export const MATTERS_REVIEW_CHECKS = ['replies', 'paths', 'followUp', 'resultNotices'] as const
export type MattersReviewCheck = (typeof MATTERS_REVIEW_CHECKS)[number]

const CODES: Record<MattersReviewCheck, readonly MattersFinding['code'][]> = {
  replies: ['requestUnanswered', 'requestWaiting'],
  paths: ['stepBeforeDependency', 'skipWithoutReason', 'stepInvalid', 'stepDuplicate'],
  followUp: ['followUpNotOpened', 'followUpOverdue'],
  resultNotices: ['resultNoticeMissing', 'objectionUnhandled'],
}

export interface MattersCheckResult {
  check: MattersReviewCheck
  state: 'passed' | 'failed' | 'lookAt'
  findings: MattersFinding[]
}

/** Each check passed, failed (an error finding) or to look at (only warnings), with the findings behind it. */
export function mattersReviewChecks(findings: readonly MattersFinding[]): MattersCheckResult[] {
  return MATTERS_REVIEW_CHECKS.map((check) => {
    const mine = findings.filter((f) => CODES[check].includes(f.code))
    const state = mine.some((f) => f.severity === 'error') ? 'failed' : mine.length ? 'lookAt' : 'passed'
    return { check, state, findings: mine }
  })
}
