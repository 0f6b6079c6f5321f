// The secretary's side of a fund project's satisfaction survey from phones (issue 19, step 6): the
// one-time codes are made here, the survey opened in the fund year's document with their hashes
// only, and the plain codes handed back once for the slip sheet; the phone page's address for a
// slip; the close. The codes are the phone ballots' voter codes (shared/domain/voterCode.ts).
import { newVoterCode, normaliseVoterCode, voterCodeHash } from '../../../shared/domain/voterCode'
import { closeSurvey, openSurvey } from '../../../shared/doc/fundSurvey'
import { councilKey, surveyPageUrl } from '../../../shared/phoneSurvey'
import { parseJoinCode } from '../../../shared/sync/joinCode'
import type { AppEnv } from '../../kit/env'
import type { PhoneHost } from '../../kit/phoneHost'
import { writeDoc } from '../../kit/write'
import { phonesBaseOf } from '../../sync/address'
import type { DocHandle } from '../../sync/docs'

/** Slips per survey printed at once: a courtyard's households (the document takes up to MAX_SURVEY_CODES). */
export const MAX_SURVEY_SLIPS = 500

/** The phone page of a survey on the council's host, with a slip's code in the fragment. */
export const surveyPage = (host: PhoneHost, a: { survey: string; year: number; councilId: string }, code?: string): string =>
  surveyPageUrl(phonesBaseOf(host.serverUrl, Boolean(parseJoinCode(host.code)?.fingerprint)), { survey: a.survey, year: a.year, council: councilKey(a.councilId) }, code)

/** Fresh codes in canonical form (no hyphens), all different. */
function freshCodes(n: number): string[] {
  const codes = new Set<string>()
  while (codes.size < n) codes.add(normaliseVoterCode(newVoterCode())!)
  return [...codes]
}

/**
 * Opens a survey of an approved project with `count` new codes: stored by hash in ONE transaction,
 * the plain codes returned for the sheet and kept nowhere else. The document refuses a project not
 * approved or one whose survey is still open (DocError, said in the user's words by the form).
 */
export async function startSurvey(env: AppEnv, h: DocHandle, projectId: string, count: number): Promise<{ surveyId: string; codes: string[] }> {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SURVEY_SLIPS) throw new RangeError(`survey slips: count ${count} outside 1..${MAX_SURVEY_SLIPS}`)
  const codes = freshCodes(count)
  const hashes = await Promise.all(codes.map(voterCodeHash))
  if (hashes.some((x) => x === null)) throw new Error('survey code could not be hashed')
  const surveyId = await writeDoc(env, h, (doc, now) => openSurvey(doc, projectId, hashes as string[], now))
  return { surveyId, codes }
}

/** Closes the survey: the host takes no answer after this (a code already answered stays counted). */
export const endSurvey = (env: AppEnv, h: DocHandle, surveyId: string): Promise<void> => writeDoc(env, h, (doc, now) => closeSurvey(doc, surveyId, now))
