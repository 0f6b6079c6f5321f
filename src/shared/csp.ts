// The one Content-Security-Policy of the app: sent as a header by Electron's app:// protocol
// and put in a <meta> tag of the built web app. No unsafe-eval, no inline script.
/**
 * Where the sync client connects: a council server at any address the user gives, by WebSocket
 * (ws:, wss:) for documents and by HTTP (http:, https:) on the same address to register the
 * council and revoke join codes.
 */
export const SYNC_CONNECT_SRC: readonly string[] = ['ws:', 'wss:', 'http:', 'https:']

/**
 * The phones' ballot page (src/renderer/ballot), served by the sync host: stricter than the app's.
 * It talks only to the host that served it and loads nothing else; it may not be framed.
 */
const BALLOT_PAGE_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
]
/** As the host's header: it may not be framed either. */
export const BALLOT_PAGE_CSP = [...BALLOT_PAGE_DIRECTIVES, "frame-ancestors 'none'"].join('; ')
/** In the built page's <meta> tag (browsers ignore frame-ancestors there, with a warning). */
export const BALLOT_PAGE_META_CSP = BALLOT_PAGE_DIRECTIVES.join('; ')

export function contentSecurityPolicy(options: { connectSrc?: readonly string[] } = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? [])].join(' ')
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
  ].join('; ')
}
