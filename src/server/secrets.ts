// Council secrets at rest, and the data folder's permissions. A council's secret is what join
// codes are made from (an HMAC key: whoever holds it can mint read-write codes), so the registry
// never stores it in clear: each secret is sealed with AES-256-GCM under a server key kept OUTSIDE
// the data folder (`<data>.key` beside it, or `secretKeyFile`), bound to its council id. A copy of
// the folder (a backup, a stolen disk image of it) gives no secret; the server decrypts a secret
// in memory when a code is checked. Registries from before are sealed when the server opens them.
// The folder is 0700 and its files 0600, set by the server whatever the umask.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { chmod, mkdir, open, readFile, readdir, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import type { RegistryBackend } from './storageTypes'

const KEY_BYTES = 32
const IV_BYTES = 12
const TAG_BYTES = 16
const PREFIX = 'S1.'

/** Where the server key lives when not told: beside the data folder, never inside it. */
export const defaultKeyFile = (dataDir: string): string => `${resolve(dataDir)}.key`

/** Reads the server key, or creates it (mode 600) when the registry holds no sealed secret yet. */
export async function loadServerKey(file: string): Promise<Buffer> {
  try {
    const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64url')
    if (key.length !== KEY_BYTES) throw new Error(`${file} is not a Yishi server key (32 bytes, base64url)`)
    await chmod(file, 0o600)
    return key
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
  }
  await mkdir(dirname(file), { recursive: true })
  const key = randomBytes(KEY_BYTES)
  const handle = await open(file, 'wx', 0o600)
  try {
    await handle.writeFile(`${key.toString('base64url')}\n`)
    await handle.sync()
  } finally {
    await handle.close()
  }
  return key
}

export const isSealed = (stored: string): boolean => stored.startsWith(PREFIX)

export function seal(key: Buffer, councilId: string, secret: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(councilId, 'utf8'))
  const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()])
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')
}

/** The secret, or throws if it was not sealed for this council with this key. */
export function unseal(key: Buffer, councilId: string, stored: string): string {
  if (!isSealed(stored)) throw new Error('not a sealed secret')
  const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES))
  decipher.setAAD(Buffer.from(councilId, 'utf8'))
  decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES))
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8')
}

/**
 * The registry rows with every secret sealed: callers see and pass secrets in clear, the backend
 * stores them sealed. Decrypted secrets are cached in memory (never written anywhere).
 */
export class SealedRegistry implements RegistryBackend {
  private readonly clear = new Map<string, { stored: string; secret: string }>()

  private constructor(
    private readonly rows: RegistryBackend,
    private readonly key: Buffer,
  ) {}

  /** Wraps the rows, sealing every secret still stored in clear (a registry from before). */
  static async open(rows: RegistryBackend, key: Buffer): Promise<SealedRegistry> {
    const sealed = new SealedRegistry(rows, key)
    let migrated = 0
    for (const councilId of rows.councilIds()) {
      const stored = rows.secretOf(councilId)
      if (stored === null) continue
      if (isSealed(stored)) {
        // Fails here, at start, if the key is not the one the registry was sealed with.
        sealed.secretOf(councilId)
        continue
      }
      if (!(await rows.replaceSecret(councilId, stored, seal(key, councilId, stored)))) throw new Error(`could not seal the secret of council ${councilId}`)
      migrated++
    }
    if (migrated > 0) await rows.forgetOldSecrets?.()
    return sealed
  }

  councilIds(): string[] {
    return this.rows.councilIds()
  }

  secretOf(councilId: string): string | null {
    const stored = this.rows.secretOf(councilId)
    if (stored === null) return null
    const cached = this.clear.get(councilId)
    if (cached?.stored === stored) return cached.secret
    let secret: string
    try {
      secret = unseal(this.key, councilId, stored)
    } catch {
      throw new Error(`the secret of council ${councilId} does not open with this server key (was the key file replaced?)`)
    }
    this.clear.set(councilId, { stored, secret })
    return secret
  }

  isRevoked(councilId: string, codeId: string): boolean {
    return this.rows.isRevoked(councilId, codeId)
  }

  addCouncil(councilId: string, secret: string, registeredAt: string): Promise<boolean> {
    return this.rows.addCouncil(councilId, seal(this.key, councilId, secret), registeredAt)
  }

  async replaceSecret(councilId: string, expected: string, next: string): Promise<boolean> {
    const stored = this.rows.secretOf(councilId)
    if (stored === null || this.secretOf(councilId) !== expected) return false
    return this.rows.replaceSecret(councilId, stored, seal(this.key, councilId, next))
  }

  addRevoked(councilId: string, codeId: string, revokedAt: string): Promise<void> {
    return this.rows.addRevoked(councilId, codeId, revokedAt)
  }

  close(): Promise<void> {
    return this.rows.close()
  }
}

/** Creates the data folder if needed and makes it 0700 (whatever the umask, whatever it was). */
export async function secureFolder(dataDir: string): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 })
  await chmod(dataDir, 0o700)
}

/** Folders 0700 and files 0600, two levels deep (the folder, docs/, phone-ballots/). */
export async function secureFiles(dataDir: string, depth = 2): Promise<void> {
  for (const entry of await readdir(dataDir, { withFileTypes: true })) {
    const path = join(dataDir, entry.name)
    const want = entry.isDirectory() ? 0o700 : 0o600
    if (!entry.isDirectory() && !entry.isFile()) continue
    try {
      if (((await stat(path)).mode & 0o777) !== want) await chmod(path, want)
    } catch (e) {
      // A temp file renamed away meanwhile.
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
    }
    if (entry.isDirectory() && depth > 1) await secureFiles(path, depth - 1)
  }
}
