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

async function post(serverUrl: string, path: string, body: object): Promise<void> {
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
    throw new SyncError('serverUnreachable', { url: serverUrl })
  } finally {
    clearTimeout(timer)
  }
  let data: unknown = null
  try {
    data = await res.json()
  } catch {
    // Not JSON: reported below with the HTTP status.
  }
  const obj = data && typeof data === 'object' ? (data as Record<string, unknown>) : {}
  if (res.ok && obj.ok === true) return
  throw new SyncError('refused', { detail: typeof obj.error === 'string' ? obj.error.slice(0, 200) : `HTTP ${res.status}` })
}
