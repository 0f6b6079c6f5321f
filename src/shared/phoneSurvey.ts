// The HTTP contract of residents' satisfaction from their phones (issue 19): the ballot page's
// survey mode, served by the same host and with the same one-time codes as phone ballots
// (phoneBallot.ts; the same error codes and statuses, the same limits).
//
//   GET  /ballot/?s=<survey id>&y=<year>&k=<council key>#c=<code>   the page
//   POST /ballot/api/survey  SurveyRequest             -> 200 SurveyOpenResponse
//   POST /ballot/api/answer  SurveyRequest & {level}   -> 200 SurveyAnswerResponse
//
// The address names the fund year's document without the council's id (a resident could otherwise
// register that council first on another server, issue 15): the council key is a one-way hash of
// the id, which the host matches against the councils it serves.
import { sha256HexSync } from './domain/sha256'
import { normaliseVoterCode } from './domain/voterCode'
import { isIdString } from './domain/ids'
import { SATISFACTION_LEVELS, type SatisfactionLevel } from './fund/implementation'

export interface SurveyAddress {
  survey: string
  year: number
  /** councilKey(councilId). */
  council: string
}

export interface SurveyRequest extends SurveyAddress {
  code: string
}

export interface SurveyOpenResponse {
  ok: true
  /** The project's title: the only content of the council the page shows. */
  title: string
  /** False once the secretary closed the survey. */
  open: boolean
  /** What this code already answered, or null. */
  answered: SatisfactionLevel | null
}

export interface SurveyAnswerResponse {
  ok: true
}

interface EncoderGlobals {
  TextEncoder: new () => { encode(input: string): Uint8Array }
}

/** 32 hex digits of SHA-256 over a domain label and the council's id. */
export function councilKey(councilId: string): string {
  const g = globalThis as unknown as EncoderGlobals
  return sha256HexSync(new g.TextEncoder().encode(`yishi-council-key/1:${councilId}`)).slice(0, 32)
}

export const isCouncilKey = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v)
export const isSurveyYear = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1900 && v <= 2199
export const isSatisfactionLevel = (v: unknown): v is SatisfactionLevel => (SATISFACTION_LEVELS as readonly unknown[]).includes(v)

/** The well-formed address a request or a page names, or null. */
export function surveyAddressOf(v: { survey?: unknown; year?: unknown; council?: unknown }): SurveyAddress | null {
  return isIdString(v.survey) && isSurveyYear(v.year) && isCouncilKey(v.council) ? { survey: v.survey, year: v.year, council: v.council } : null
}

/** The page's address for a survey, with the code (if any) in the fragment: never sent to the server. */
export function surveyPageUrl(httpBase: string, a: SurveyAddress, code?: string): string {
  const base = httpBase.replace(/\/+$/, '')
  const q = `s=${encodeURIComponent(a.survey)}&y=${a.year}&k=${a.council}`
  return `${base}/ballot/?${q}${code ? `#c=${normaliseVoterCode(code) ?? ''}` : ''}`
}
