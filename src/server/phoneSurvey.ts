// POST /ballot/api/survey and /ballot/api/answer: residents' satisfaction with a fund project from
// their phones (shared/phoneSurvey.ts), on the phone ballots' footing (ballots.ts): the same limits
// per address and per code, failed lookups counted against the address, and the host writing for
// the phone through a direct connection, under the survey's lock, so every device sees the answer.
// The rule (one answer per code, nothing after the close) is shared/doc/fundSurvey.ts.
import type * as Y from 'yjs'
import { readProposals } from '../shared/doc/fund'
import { answerOf, answerSurvey, readSurvey } from '../shared/doc/fundSurvey'
import { fundDocName } from '../shared/doc/names'
import { asCouncilId } from '../shared/domain/ids'
import { normaliseVoterCode, voterCodeHash } from '../shared/domain/voterCode'
import { isSatisfactionLevel, surveyAddressOf, type SurveyAnswerResponse, type SurveyOpenResponse } from '../shared/phoneSurvey'
import type { DirectConnection } from './docLeases'
import type { PhoneContext } from './phoneContext'
import { refuse } from './phoneErrors'
import { RateLimited } from './phoneLimits'

interface SurveyCall {
  name: string
  survey: string
  hash: string
}

/** The shape of the request, the limits a lookup takes, and the fund year's document it names. */
async function surveyRequest(ctx: PhoneContext, body: Record<string, unknown>, address: string): Promise<SurveyCall> {
  const a = surveyAddressOf(body)
  if (!a || typeof body.code !== 'string') return refuse('invalid-request')
  const canonical = normaliseVoterCode(body.code)
  if (!canonical) return refuse('invalid-code')
  if (!ctx.limits.failures.has(address)) throw new RateLimited(ctx.limits.failures.retryAfter(address))
  const hash = (await voterCodeHash(canonical))!
  if (!ctx.limits.perCode.take(hash)) throw new RateLimited(ctx.limits.perCode.retryAfter(hash))
  const councilId = ctx.registry.councilIdByKey(a.council)
  if (!councilId) return ctx.lookupFailed(address)
  return { name: fundDocName(asCouncilId(councilId), a.year), survey: a.survey, hash }
}

/** Runs `task` with the fund year's document, once the survey and the code are found in it. */
async function withSurvey<T>(ctx: PhoneContext, c: SurveyCall, address: string, task: (conn: DirectConnection, doc: Y.Doc, projectId: string) => Promise<T>): Promise<T> {
  const result = await ctx.docs.use(c.name, async (conn, doc) => {
    const survey = readSurvey(doc, c.survey)
    // An unknown survey and a wrong code answer alike.
    if (!survey || doc.getMap('surveyCodes').get(c.hash) !== c.survey) return ctx.lookupFailed(address)
    return { value: await task(conn, doc, survey.projectId) }
  })
  return result === null ? ctx.lookupFailed(address) : result.value
}

export async function surveyOpen(ctx: PhoneContext, body: Record<string, unknown>, address: string): Promise<SurveyOpenResponse> {
  const c = await surveyRequest(ctx, body, address)
  return withSurvey(ctx, c, address, async (_conn, doc, projectId) => ({
    ok: true as const,
    title: readProposals(doc).find((p) => p.id === projectId)?.title ?? '',
    open: readSurvey(doc, c.survey)?.closedAt === null,
    answered: answerOf(doc, c.survey, c.hash),
  }))
}

export async function surveyAnswer(ctx: PhoneContext, body: Record<string, unknown>, address: string): Promise<SurveyAnswerResponse> {
  const level = body.level
  if (!isSatisfactionLevel(level)) return refuse('invalid-request')
  const c = await surveyRequest(ctx, body, address)
  return ctx.store.locked(c.name, `survey-${c.survey}`, () =>
    withSurvey(ctx, c, address, async (conn) => {
      // Under the survey's lock, on the live document: a refusal returns before anything is written.
      let result: ReturnType<typeof answerSurvey> = null
      await ctx.write(conn, c.name, (d) => {
        result = answerSurvey(d, c.survey, c.hash, level, ctx.now())
      })
      if (result) return refuse(result)
      return { ok: true as const }
    }),
  )
}
