// Server addresses and invitations as people type or paste them: a ws:// or wss:// address, a
// join code, or a whole invitation text holding both (in any language, with any labels).

/**
 * The address in canonical form (no trailing slash), or null if it is not a ws:// or wss:// URL.
 * An https:// or http:// address of the server (what a TLS proxy or its operator shows) is the
 * same server: taken as wss:// or ws://.
 */
export function normaliseServerUrl(text: string): string | null {
  const trimmed = text.trim().replace(/^http(s?):\/\//i, 'ws$1://')
  if (!/^wss?:\/\//i.test(trimmed)) return null
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    return null
  }
  if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || !url.hostname || url.username || url.password || url.search || url.hash) return null
  return url.toString().replace(/\/+$/, '')
}

/** The HTTP address of the same server (registration and revocation live beside the WebSocket). */
export function httpBaseOf(serverUrl: string): string {
  const url = new URL(serverUrl)
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:'
  return url.toString().replace(/\/+$/, '')
}

/**
 * Where phones open the ballot page. A host whose certificate is pinned (its join code carries the
 * fingerprint: a laptop hosting on the LAN, self-signed) serves that page over plain http on the
 * same port, because a phone cannot be told to trust the certificate and would first show a
 * full-screen warning (src/server/plainBallotPage.ts; the cost is in the server README).
 */
export function phonesBaseOf(serverUrl: string, selfSigned: boolean): string {
  if (!selfSigned) return httpBaseOf(serverUrl)
  const url = new URL(serverUrl)
  url.protocol = 'http:'
  return url.toString().replace(/\/+$/, '')
}

/** Picks a server address and a join code out of pasted text; either may be missing. */
export function parseInvite(text: string): { serverUrl: string | null; code: string | null } {
  // A ws(s):// address first; else an http(s):// one (the same server, say behind a TLS proxy).
  const url = /wss?:\/\/[^\s"'<>，。、；）)]+/i.exec(text) ?? /https?:\/\/[^\s"'<>，。、；）)]+/i.exec(text)
  const code = /YS1\.[A-Za-z0-9._~-]+/.exec(text)
  return { serverUrl: url ? normaliseServerUrl(url[0]) : null, code: code ? code[0].replace(/\.+$/, '') : null }
}
