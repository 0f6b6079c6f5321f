// The two requests of the phone ballot contract (src/shared/phoneBallot.ts), by XMLHttpRequest:
// old phone browsers have it, and it has a timeout. Relative URLs: the page is served at
// /ballot/, so 'api/open' is /ballot/api/open on the same host. Never throws: errors are values.
import { CHOICES } from '../../shared/domain/votes/ballots'
import { isPhoneErrorCode, type CastRequest, type CastResponse, type OpenRequest, type OpenResponse, type OpenVote, type PhoneErrorCode } from '../../shared/phoneBallot'

/** 'network': no answer (offline, timed out, the host is gone). */
export type ApiError = PhoneErrorCode | 'network'
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export interface BallotApi {
  open(request: OpenRequest): Promise<ApiResult<OpenResponse>>
  cast(request: CastRequest): Promise<ApiResult<CastResponse>>
}

const TIMEOUT_MS = 10_000

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null
}

function isOpenVote(v: unknown): v is OpenVote {
  return isObject(v) && typeof v.voteId === 'string' && v.voteId !== '' && (v.method === 'secret' || v.method === 'roll_call') && typeof v.motionText === 'string' && typeof v.voted === 'boolean'
}

export const isOpenResponse = (v: unknown): v is OpenResponse => isObject(v) && v.ok === true && (v.vote === null || isOpenVote(v.vote))
export const isCastResponse = (v: unknown): v is CastResponse => isObject(v) && v.ok === true && typeof v.receipt === 'string'

/** What an answer means: the value when it has the expected shape, the host's error code, or 'unavailable'. */
export function interpretAnswer<T>(status: number, text: string, isValue: (v: unknown) => v is T): ApiResult<T> {
  let body: unknown = null
  try {
    body = JSON.parse(text)
  } catch {
    // not JSON: a proxy's error page, a truncated answer
  }
  if (status === 200 && isValue(body)) return { ok: true, value: body }
  if (isObject(body) && isPhoneErrorCode(body.error)) return { ok: false, error: body.error }
  return { ok: false, error: status === 0 ? 'network' : 'unavailable' }
}

/** POSTs JSON to a path relative to the page (api/…); never throws. */
export function post<T>(url: string, body: unknown, isValue: (v: unknown) => v is T): Promise<ApiResult<T>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest()
    const fail = () => resolve({ ok: false, error: 'network' })
    try {
      xhr.open('POST', url, true)
      xhr.timeout = TIMEOUT_MS
      xhr.setRequestHeader('Content-Type', 'application/json')
      xhr.onload = () => resolve(interpretAnswer(xhr.status, xhr.responseText, isValue))
      xhr.onerror = fail
      xhr.ontimeout = fail
      xhr.onabort = fail
      xhr.send(JSON.stringify(body))
    } catch {
      fail()
    }
  })
}

export const xhrBallotApi: BallotApi = {
  open: (request) => post('api/open', request, isOpenResponse),
  cast: (request) => (CHOICES.includes(request.choice) ? post('api/cast', request, isCastResponse) : Promise.resolve({ ok: false, error: 'invalid-request' })),
}
