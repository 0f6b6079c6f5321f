// The council server's HTTP side, on the same address as its WebSocket: registering a council
// (its secret, trusted on first use) and revoking a join code. Failures are SyncErrors.
import { httpBaseOf } from './address'
import { SyncError } from './errors'

const TIMEOUT_MS = 10_000

export interface RegisterRequest {
  councilId: string
  secret: string
  /** A read-write code of the council: needed when the server already knows it. */
  code?: string
}

export interface RevokeRequest {
  councilId: string
  codeId: string
  /** A read-write code of the council, proving the right to revoke. */
  code: string
}

export const registerCouncil = (serverUrl: string, body: RegisterRequest): Promise<void> => post(serverUrl, '/councils/register', body)
export const revokeJoinCode = (serverUrl: string, body: RevokeRequest): Promise<void> => post(serverUrl, '/councils/revoke', body)

/** A server's answer to a JSON POST: its status and its body as an object ({} when not JSON). */
export interface ServerAnswer {
  ok: boolean
  status: number
  body: Record<string, unknown>
}

/** POSTs JSON to the server's HTTP side (same address as its WebSocket); null when there is no answer (network, 10 s timeout). */
export async function postJson(serverUrl: string, path: string, body: object): Promise<ServerAnswer | null> {
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), TIMEOUT_MS)
  let res: Response
  try {
    res = await fetch(httpBaseOf(serverUrl) + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: abort.signal,
    })
  } catch {
    return null
  } finally {
    clearTimeout(timer)
  }
  let data: unknown = null
  try {
    data = await res.json()
  } catch {
    // Not JSON (an older server, a proxy's page): the caller goes by the status.
  }
  return { ok: res.ok, status: res.status, body: data && typeof data === 'object' ? (data as Record<string, unknown>) : {} }
}

async function post(serverUrl: string, path: string, body: object): Promise<void> {
  const answer = await postJson(serverUrl, path, body)
  if (!answer) throw new SyncError('serverUnreachable', { url: serverUrl })
  const { ok, status: httpStatus, body: obj } = answer
  if (ok && obj.ok === true) return
  throw new SyncError('refused', { detail: typeof obj.error === 'string' ? obj.error.slice(0, 200) : `HTTP ${httpStatus}` })
}
