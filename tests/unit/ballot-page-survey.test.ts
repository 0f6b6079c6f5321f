// The phone page's survey mode: its address (?s, ?y, ?k), and its flow against a scripted host —
// a code, the project, a level, confirm, sent once; an earlier answer shown, not asked again; a
// closed survey; a wrong code back to entering one; a lost reply safe to send again.
import { describe, expect, it } from 'vitest'
import type { ApiResult } from '../../src/renderer/ballot/api'
import { readSurveyAddress } from '../../src/renderer/ballot/location'
import { SurveyFlow, isSurveyOpenResponse, type SurveyApi, type SurveyState } from '../../src/renderer/ballot/surveyFlow'
import { translate } from '../../src/renderer/ballot/messages'
import { councilKey, surveyPageUrl, type SurveyOpenResponse } from '../../src/shared/phoneSurvey'
import { SATISFACTION_LEVELS } from '../../src/shared/fund/implementation'

const KEY = councilKey('council-0001')
const ADDRESS = { survey: 'survey-00000001', year: 2026, council: KEY }
const CODE = '7KQM2X9P4HRTW3CD'

function host(script: { open: ApiResult<SurveyOpenResponse>[]; answer: ApiResult<{ ok: true }>[] }) {
  const calls: string[] = []
  const api: SurveyApi = {
    open: async (r) => (calls.push(`open ${r.code}`), script.open.shift()!),
    answer: async (r) => (calls.push(`answer ${r.level}`), script.answer.shift()!),
  }
  return { api, calls }
}
const opened = (v: Partial<SurveyOpenResponse> = {}): ApiResult<SurveyOpenResponse> => ({ ok: true, value: { ok: true, title: '院落照明改造', open: true, answered: null, ...v } })

describe('the survey address', () => {
  it('reads what surveyPageUrl writes, and nothing malformed', () => {
    const url = new URL(surveyPageUrl('http://192.168.1.5:4455', ADDRESS, CODE))
    expect(readSurveyAddress(url.search)).toEqual(ADDRESS)
    expect(url.hash).toBe(`#c=${CODE}`)
    expect(url.search).not.toContain('council-0001')
    for (const bad of ['', '?s=survey-00000001&y=2026', `?s=x&y=2026&k=${KEY}`, `?s=survey-00000001&y=26&k=${KEY}`, '?s=survey-00000001&y=2026&k=council-0001'])
      expect(readSurveyAddress(bad), bad).toBeNull()
  })
})

describe('the survey flow', () => {
  it('takes a code, shows the project, asks to confirm, and sends once', async () => {
    const { api, calls } = host({ open: [opened()], answer: [{ ok: true, value: { ok: true } }] })
    const states: SurveyState[] = []
    const flow = new SurveyFlow(ADDRESS, api, (s) => states.push(s))
    await flow.submitCode('7kqm-2x9p-4hrt-w3cd')
    expect(flow.current.screen).toEqual({ kind: 'choose', title: '院落照明改造' })
    flow.choose('satisfied')
    expect(flow.current.screen).toEqual({ kind: 'confirm', title: '院落照明改造', level: 'satisfied' })
    flow.change()
    flow.choose('verySatisfied')
    await flow.send()
    await flow.send()
    expect(flow.current.screen).toEqual({ kind: 'done', title: '院落照明改造', level: 'verySatisfied' })
    expect(calls).toEqual([`open ${CODE}`, 'answer verySatisfied'])
    expect(states.some((s) => s.screen.kind === 'loading')).toBe(true)
  })

  it('shows an earlier answer instead of asking again, and a closed survey as closed', async () => {
    const a = host({ open: [opened({ answered: 'neutral' })], answer: [] })
    const f1 = new SurveyFlow(ADDRESS, a.api, () => {})
    await f1.submitCode(CODE)
    expect(f1.current.screen).toEqual({ kind: 'done', title: '院落照明改造', level: 'neutral' })
    const b = host({ open: [opened({ open: false })], answer: [] })
    const f2 = new SurveyFlow(ADDRESS, b.api, () => {})
    await f2.submitCode(CODE)
    expect(f2.current.screen.kind).toBe('closed')
  })

  it('sends a wrong or mistyped code back to entering one, with the reason', async () => {
    const { api, calls } = host({ open: [{ ok: false, error: 'invalid-code' }], answer: [] })
    const flow = new SurveyFlow(ADDRESS, api, () => {})
    await flow.submitCode('not a code')
    expect(flow.current).toMatchObject({ screen: { kind: 'enter' }, problem: 'bad-format', code: null })
    await flow.submitCode(CODE)
    expect(flow.current).toMatchObject({ screen: { kind: 'enter' }, problem: 'invalid-code', code: null })
    expect(calls).toEqual([`open ${CODE}`])
  })

  it('keeps the answer on screen after a lost reply, so it can be sent again, and closes when the host says so', async () => {
    const { api } = host({ open: [opened()], answer: [{ ok: false, error: 'network' }, { ok: false, error: 'vote-closed' }] })
    const flow = new SurveyFlow(ADDRESS, api, () => {})
    await flow.submitCode(CODE)
    flow.choose('dissatisfied')
    await flow.send()
    expect(flow.current).toMatchObject({ screen: { kind: 'confirm', level: 'dissatisfied' }, problem: 'network', busy: false })
    await flow.send()
    expect(flow.current).toMatchObject({ screen: { kind: 'closed' }, problem: 'vote-closed' })
  })

  it('accepts only well-formed answers from the host, and has every level in the three languages', () => {
    expect(isSurveyOpenResponse({ ok: true, title: 'x', open: true, answered: 'thrilled' })).toBe(false)
    expect(isSurveyOpenResponse({ ok: true, title: 'x', open: true, answered: null })).toBe(true)
    for (const lang of ['zh-CN', 'zh-TW', 'en'] as const) for (const l of SATISFACTION_LEVELS) expect(translate(lang, `survey.level.${l}`)).not.toContain('survey.')
  })
})
