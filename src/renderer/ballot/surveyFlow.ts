// The ballot page's survey mode (?s=…&y=…&k=…, shared/phoneSurvey.ts): a resident rates a fund
// project with the one-time code of their slip. States and what moves between them; no DOM here
// (surveyView.ts draws), so the flow is tested with a fake host.
import { normaliseVoterCode } from '../../shared/domain/voterCode'
import type { SatisfactionLevel } from '../../shared/fund/implementation'
import { isSatisfactionLevel, type SurveyAddress, type SurveyAnswerResponse, type SurveyOpenResponse } from '../../shared/phoneSurvey'
import { post, type ApiError, type ApiResult } from './api'

export type SurveyProblem = ApiError | 'bad-format'

export type SurveyScreen =
  | { kind: 'enter' }
  | { kind: 'loading' }
  | { kind: 'choose'; title: string }
  | { kind: 'confirm'; title: string; level: SatisfactionLevel }
  /** Answered (now, or earlier with this code). */
  | { kind: 'done'; title: string; level: SatisfactionLevel }
  | { kind: 'closed'; title: string }

export interface SurveyState {
  screen: SurveyScreen
  problem: SurveyProblem | null
  busy: boolean
  code: string | null
}

export interface SurveyApi {
  open(request: SurveyAddress & { code: string }): Promise<ApiResult<SurveyOpenResponse>>
  answer(request: SurveyAddress & { code: string; level: SatisfactionLevel }): Promise<ApiResult<SurveyAnswerResponse>>
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null
export const isSurveyOpenResponse = (v: unknown): v is SurveyOpenResponse =>
  isObject(v) && v.ok === true && typeof v.title === 'string' && typeof v.open === 'boolean' && (v.answered === null || isSatisfactionLevel(v.answered))
export const isSurveyAnswerResponse = (v: unknown): v is SurveyAnswerResponse => isObject(v) && v.ok === true

/** What a code that cannot go on looks like: back to entering a code, with the reason. */
const CODE_PROBLEMS: readonly SurveyProblem[] = ['invalid-code', 'bad-format', 'invalid-request', 'not-found']

export class SurveyFlow {
  private state: SurveyState

  constructor(
    private readonly address: SurveyAddress,
    private readonly api: SurveyApi,
    private readonly onChange: (s: SurveyState) => void,
  ) {
    this.state = { screen: { kind: 'enter' }, problem: null, busy: false, code: null }
  }

  get current(): SurveyState {
    return this.state
  }

  private set(patch: Partial<SurveyState>): void {
    this.state = { ...this.state, ...patch }
    this.onChange(this.state)
  }

  /** A code typed or read from the slip's QR code: ask the host what it may rate. */
  async submitCode(input: string): Promise<void> {
    const code = normaliseVoterCode(input)
    if (!code) return this.set({ screen: { kind: 'enter' }, problem: 'bad-format', code: null })
    this.set({ screen: { kind: 'loading' }, problem: null, busy: true, code })
    const r = await this.api.open({ ...this.address, code })
    if (!r.ok) return this.set({ screen: { kind: 'enter' }, problem: r.error, busy: false, code: CODE_PROBLEMS.includes(r.error) ? null : code })
    const { title, open, answered } = r.value
    const screen: SurveyScreen = answered ? { kind: 'done', title, level: answered } : open ? { kind: 'choose', title } : { kind: 'closed', title }
    this.set({ screen, busy: false })
  }

  choose(level: SatisfactionLevel): void {
    const s = this.state.screen
    if (s.kind === 'choose' && !this.state.busy) this.set({ screen: { kind: 'confirm', title: s.title, level }, problem: null })
  }

  change(): void {
    const s = this.state.screen
    if (s.kind === 'confirm' && !this.state.busy) this.set({ screen: { kind: 'choose', title: s.title }, problem: null })
  }

  /** Sends the answer; a lost reply is safe to send again (the same answer is taken again). */
  async send(): Promise<void> {
    const s = this.state.screen
    const code = this.state.code
    if (s.kind !== 'confirm' || this.state.busy || !code) return
    this.set({ busy: true, problem: null })
    const r = await this.api.answer({ ...this.address, code, level: s.level })
    if (r.ok) return this.set({ screen: { kind: 'done', title: s.title, level: s.level }, busy: false })
    if (r.error === 'vote-closed') return this.set({ screen: { kind: 'closed', title: s.title }, busy: false, problem: r.error })
    if (r.error === 'code-used') return void this.submitCode(code)
    this.set({ busy: false, problem: r.error })
  }

  otherCode(): void {
    this.set({ screen: { kind: 'enter' }, problem: null, busy: false, code: null })
  }
}

export const xhrSurveyApi: SurveyApi = {
  open: (request) => post('api/survey', request, isSurveyOpenResponse),
  answer: (request) => post('api/answer', request, isSurveyAnswerResponse),
}
