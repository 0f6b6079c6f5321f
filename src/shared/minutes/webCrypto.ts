// The Web Crypto members the seal uses (SHA-256, Ed25519), typed here because src/shared compiles
// with neither DOM nor Node types; present in browsers, Node 20 and Electron.

export interface CryptoKeyLike {
  readonly type: string
  readonly extractable: boolean
  readonly algorithm: { readonly name: string }
}

export interface KeyPairLike {
  privateKey: CryptoKeyLike
  publicKey: CryptoKeyLike
}

const ED25519 = { name: 'Ed25519' } as const

interface SubtleLike {
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>
  generateKey(algorithm: typeof ED25519, extractable: boolean, usages: ['sign', 'verify']): Promise<KeyPairLike>
  exportKey(format: 'raw', key: CryptoKeyLike): Promise<ArrayBuffer>
  importKey(format: 'raw', key: Uint8Array, algorithm: typeof ED25519, extractable: boolean, usages: ['verify']): Promise<CryptoKeyLike>
  sign(algorithm: typeof ED25519, key: CryptoKeyLike, data: Uint8Array): Promise<ArrayBuffer>
  verify(algorithm: typeof ED25519, key: CryptoKeyLike, signature: Uint8Array, data: Uint8Array): Promise<boolean>
}

interface CryptoGlobals {
  crypto: { subtle: SubtleLike }
  TextEncoder: new () => { encode(input: string): Uint8Array }
}
const g = globalThis as unknown as CryptoGlobals

export const utf8 = (text: string): Uint8Array => new g.TextEncoder().encode(text)

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await g.crypto.subtle.digest('SHA-256', bytes))
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** A new Ed25519 key pair whose private key can never be exported. */
export const generateEd25519 = (): Promise<KeyPairLike> => g.crypto.subtle.generateKey(ED25519, false, ['sign', 'verify'])

export const exportRawPublicKey = async (key: CryptoKeyLike): Promise<Uint8Array> => new Uint8Array(await g.crypto.subtle.exportKey('raw', key))

export const importEd25519PublicKey = (raw: Uint8Array): Promise<CryptoKeyLike> => g.crypto.subtle.importKey('raw', raw, ED25519, true, ['verify'])

export const signEd25519 = async (key: CryptoKeyLike, data: Uint8Array): Promise<Uint8Array> => new Uint8Array(await g.crypto.subtle.sign(ED25519, key, data))

export const verifyEd25519 = (key: CryptoKeyLike, signature: Uint8Array, data: Uint8Array): Promise<boolean> => g.crypto.subtle.verify(ED25519, key, signature, data)
