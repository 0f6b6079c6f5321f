// The one Content-Security-Policy of the app: sent as a header by Electron's app:// protocol
// and put in a <meta> tag of the built web app. No unsafe-eval, no inline script.
/**
 * Where the sync client connects: a council server at any address the user gives, by WebSocket
 * (ws:, wss:) for documents and by HTTP (http:, https:) on the same address to register the
 * council and revoke join codes.
 */
export const SYNC_CONNECT_SRC: readonly string[] = ['ws:', 'wss:', 'http:', 'https:']

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
