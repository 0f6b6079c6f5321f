// The few globals every runtime of Yishi has (browser, Node 20, Electron), typed here because
// src/shared compiles with neither DOM nor Node types.
interface SharedGlobals {
  crypto: { randomUUID(): string; getRandomValues<T extends Uint8Array>(array: T): T }
  TextDecoder: new (label?: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string }
}

const g = globalThis as unknown as SharedGlobals

export const randomUUID = (): string => g.crypto.randomUUID()

/** `n` cryptographically random bytes. */
export const randomBytes = (n: number): Uint8Array => g.crypto.getRandomValues(new Uint8Array(n))

/** Decodes bytes with a WHATWG encoding label; throws on malformed input when fatal. */
export function decodeText(bytes: Uint8Array, label: string, fatal = false): string {
  return new g.TextDecoder(label, { fatal }).decode(bytes)
}
