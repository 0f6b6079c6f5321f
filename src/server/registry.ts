// Councils known to this server: each council's secret (from which its join codes are made) and
// the ids of revoked codes. The rules live here; the rows in a RegistryBackend (storage.ts:
// SQLite tables or registry.json).
//
// Registration is trust-on-first-use (TOFU): the first registration of an unknown council id
// stores the secret it brings, with no other proof. This server has no accounts, and council ids
// are random UUIDs that only the council's devices know, so whoever registers first is the
// council's host. Registering a known council again (the host re-registering, or rotating the
// secret) needs a valid read-write join code made from the STORED secret, so nobody without
// one can replace the secret and lock the council out. Revoking a code needs one too.
// What TOFU cannot prevent: someone who learns a council id before the council registers could
// register it first. See src/server/README.md.
import type { JoinAccess } from '../shared/sync/joinCode'
import { isCodeId, isCouncilSecret, parseJoinCode, verifyJoinCode } from '../shared/sync/joinCode'
import { isIdString } from '../shared/domain/ids'
import { councilKey } from '../shared/phoneSurvey'
import type { RegistryBackend } from './storageTypes'

export type RegistryError =
  | 'invalid-request'
  /** The council is registered already and no code was given. */
  | 'council-registered'
  | 'unknown-council'
  /** Malformed, for another council, or not made from the council's secret. */
  | 'invalid-code'
  | 'code-revoked'
  /** A read-only code cannot register or revoke. */
  | 'read-only-code'
  /** Another registration of the same council won a race; try again. */
  | 'conflict'

export type RegisterResult = { ok: true; created: boolean; rotated: boolean } | { ok: false; error: RegistryError }
export type RevokeResult = { ok: true } | { ok: false; error: RegistryError }

export type AuthorizeResult =
  | { ok: true; access: JoinAccess; codeId: string }
  | { ok: false; reason: 'no-code' | 'invalid-code' | 'wrong-council' | 'unknown-council' | 'code-revoked' }

/** Told when codes stop being valid (a revoked code; a new secret), to close live connections. */
export type CodesChanged = (change: { councilId: string; codeId?: string }) => void

export class CouncilRegistry {
  private readonly listeners = new Set<CodesChanged>()

  constructor(
    private readonly rows: RegistryBackend,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  onCodesChanged(listener: CodesChanged): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** How many councils are registered. */
  get size(): number {
    return this.rows.councilIds().length
  }

  /**
   * The registered council whose key (shared/phoneSurvey.ts councilKey) this is, or null: a survey's
   * address names its council by that one-way key, never by its id.
   */
  councilIdByKey(key: string): string | null {
    for (const id of this.rows.councilIds()) {
      let k = this.keys.get(id)
      if (k === undefined) this.keys.set(id, (k = councilKey(id)))
      if (k === key) return this.isRegistered(id) ? id : null
    }
    return null
  }

  private readonly keys = new Map<string, string>()

  isRegistered(councilId: string): boolean {
    return this.secretOf(councilId) !== null
  }

  isRevoked(councilId: string, codeId: string): boolean {
    return this.rows.isRevoked(councilId, codeId)
  }

  /** Whether `code` opens documents of `councilId`, and with which access. */
  async authorize(councilId: string, code: string | null | undefined): Promise<AuthorizeResult> {
    if (!code) return { ok: false, reason: 'no-code' }
    const parsed = parseJoinCode(code)
    if (!parsed) return { ok: false, reason: 'invalid-code' }
    if (parsed.councilId !== councilId) return { ok: false, reason: 'wrong-council' }
    const secret = this.secretOf(councilId)
    if (secret === null) return { ok: false, reason: 'unknown-council' }
    if (!(await verifyJoinCode(code, secret))) return { ok: false, reason: 'invalid-code' }
    // Checked after the MAC, so only holders of a once-valid code learn that it was revoked.
    if (this.isRevoked(councilId, parsed.codeId)) return { ok: false, reason: 'code-revoked' }
    return { ok: true, access: parsed.access, codeId: parsed.codeId }
  }

  /** TOFU registration; see the comment at the top of this file. */
  async register(input: { councilId: unknown; secret: unknown; code?: unknown }): Promise<RegisterResult> {
    const { councilId, secret, code } = input
    if (!isIdString(councilId) || !isCouncilSecret(secret) || (code !== undefined && code !== null && typeof code !== 'string')) {
      return { ok: false, error: 'invalid-request' }
    }
    const stored = this.secretOf(councilId)
    if (stored === null) {
      if (await this.rows.addCouncil(councilId, secret, this.now())) return { ok: true, created: true, rotated: false }
      return { ok: false, error: 'conflict' }
    }
    if (!code) return { ok: false, error: 'council-registered' }
    const check = await this.checkWriter(councilId, code, stored)
    if (check) return { ok: false, error: check }
    if (secret === stored) return { ok: true, created: false, rotated: false }
    // Compare-and-set: the secret the code was checked against must still be the stored one.
    if (!(await this.rows.replaceSecret(councilId, stored, secret))) return { ok: false, error: 'conflict' }
    this.emit({ councilId })
    return { ok: true, created: false, rotated: true }
  }

  /** Revokes the code `codeId` of a council; `authCode` must be a valid read-write code of it. */
  async revokeCode(councilId: unknown, codeId: unknown, authCode: unknown): Promise<RevokeResult> {
    if (!isIdString(councilId) || !isCodeId(codeId) || typeof authCode !== 'string') return { ok: false, error: 'invalid-request' }
    const stored = this.secretOf(councilId)
    if (stored === null) return { ok: false, error: 'unknown-council' }
    const check = await this.checkWriter(councilId, authCode, stored)
    if (check) return { ok: false, error: check }
    await this.rows.addRevoked(councilId, codeId, this.now())
    this.emit({ councilId, codeId })
    return { ok: true }
  }

  private async checkWriter(councilId: string, code: string, secret: string): Promise<RegistryError | null> {
    const parsed = parseJoinCode(code)
    if (!parsed || parsed.councilId !== councilId || !(await verifyJoinCode(code, secret))) return 'invalid-code'
    if (this.isRevoked(councilId, parsed.codeId)) return 'code-revoked'
    if (parsed.access !== 'rw') return 'read-only-code'
    return null
  }

  private secretOf(councilId: string): string | null {
    return this.rows.secretOf(councilId)
  }

  private emit(change: { councilId: string; codeId?: string }): void {
    for (const l of [...this.listeners]) l(change)
  }
}
