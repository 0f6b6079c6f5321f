// Sync actions: connecting a council this device owns to a server, inviting devices (join codes),
// revoking codes, and joining a council from another device. Settings stay in Dexie; the council
// secret never goes into a document.
import { createJoinCode, newCodeId, newCouncilSecret, parseJoinCode } from '../../../shared/sync/joinCode'
import { campaignIds, meetingIds, readCouncil } from '../../../shared/doc/council'
import { campaignDocName, councilDocName, householdsDocName, meetingDocName } from '../../../shared/doc/names'
import { asCouncilId, type CouncilId } from '../../../shared/domain/ids'
import type { AppEnv } from '../../kit/env'
import type { DocHandle } from '../../sync/docs'
import { markOpened } from '../../data/catalogue'
import type { IssuedCodeRow, SyncAccess } from '../../data/db'
import {
  addIssuedCode,
  dropPendingSecret,
  getSyncSettings,
  keepPendingSecret,
  markRevoked,
  removeSyncSettings,
  saveSyncSettings,
  secretOf,
} from '../../data/syncSettings'
import { normaliseServerUrl, parseInvite } from '../../sync/address'
import { registerCouncil, revokeJoinCode } from '../../sync/councilServer'
import { SyncError } from '../../sync/errors'
import { ensureProjections, fetchHistoryLater } from '../../kit/meetingList'

/** How long joining waits for the council's first sync before saying why it could not. */
export const JOIN_TIMEOUT_MS = 20_000
/**
 * The meetings joining waits for, the most recently created first: the one being prepared or held
 * tonight and the latest before it. The rest arrive in the background (the list shows how far).
 */
export const JOIN_NEWEST_MEETINGS = 3

/**
 * Connects a council this device owns to a server: makes its secret the first time, registers
 * it (the server trusts the first registration; later ones carry a read-write code) and syncs.
 */
export async function connectCouncil(
  env: AppEnv,
  council: DocHandle,
  councilId: CouncilId,
  serverText: string,
  onProgress: (done: number, total: number) => void = () => {},
  /** The hosting laptop's certificate (hostSync): every code made for this server then carries it. */
  fingerprint?: string,
): Promise<void> {
  const serverUrl = normaliseServerUrl(serverText)
  if (!serverUrl) throw new SyncError('invalidUrl')
  const current = await getSyncSettings(env.db, councilId)
  if (current && !current.secret) throw new SyncError('noSecret')
  let secret = await secretOf(env.db, councilId)
  if (!secret) {
    secret = newCouncilSecret()
    await keepPendingSecret(env.db, councilId, secret)
  }
  // Connecting again to the same address keeps the certificate pin its code already carries.
  const pin = fingerprint ?? (current?.serverUrl === serverUrl ? parseJoinCode(current.code)?.fingerprint : undefined)
  const code = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId(), ...(pin ? { fingerprint: pin } : {}) })
  try {
    await registerCouncil(serverUrl, { councilId, secret, code })
  } catch (e) {
    // The server knows this council under another key: it was connected from another laptop, and
    // this one has the council (from a backup) but not its key. The screen says what to do.
    if (e instanceof SyncError && e.code === 'refused' && e.params.detail === 'invalid-code') {
      // A key not yet in use here that the server refuses is no key of this council: forgotten,
      // so it is neither offered in a backup nor taken for the council's key.
      if (!current?.secret) await dropPendingSecret(env.db, councilId, secret)
      throw new SyncError('otherKey')
    }
    throw e
  }
  // Everything this device has goes to the server now: the council, each of its meetings and
  // campaigns, and its household register (the server may be new, or may have an older copy).
  const unpushed = [
    councilDocName(councilId),
    ...meetingIds(council.doc).map((id) => meetingDocName(councilId, id)),
    ...campaignIds(council.doc).map((id) => campaignDocName(councilId, id)),
    householdsDocName(councilId),
  ]
  const row = await saveSyncSettings(env.db, { councilId, serverUrl, code, access: 'rw', secret, unpushed }, env.now())
  env.sync.configure(row)
  await env.sync.pushPending(councilId, onProgress)
}

/** Makes a join code for another device and keeps it in the list of issued codes. */
export async function issueJoinCode(env: AppEnv, councilId: string, access: SyncAccess, label: string): Promise<IssuedCodeRow> {
  const settings = await getSyncSettings(env.db, councilId)
  if (!settings?.secret) throw new SyncError('noSecret')
  const codeId = newCodeId()
  // A laptop hosting in the room: the code tells the joining app which certificate to accept.
  const fingerprint = parseJoinCode(settings.code)?.fingerprint
  const code = await createJoinCode(settings.secret, { councilId, access, codeId, ...(fingerprint ? { fingerprint } : {}) })
  const row: IssuedCodeRow = {
    codeId,
    councilId,
    access,
    code,
    serverUrl: settings.serverUrl,
    label: label.trim().slice(0, 80),
    issuedAt: env.now(),
    revokedAt: null,
  }
  await addIssuedCode(env.db, row)
  return row
}

/** Asks the server to refuse a code from now on, then marks it revoked here. */
export async function revokeIssuedCode(env: AppEnv, issued: IssuedCodeRow): Promise<void> {
  const settings = await getSyncSettings(env.db, issued.councilId)
  if (!settings?.secret) throw new SyncError('noSecret')
  await revokeJoinCode(settings.serverUrl, { councilId: issued.councilId, codeId: issued.codeId, code: settings.code })
  await markRevoked(env.db, issued.codeId, env.now())
}

export interface JoinInput {
  server: string
  code: string
}

/** The join form's values checked: field error codes, or the server address and code to use. */
export function checkJoinInput(input: JoinInput): { errors: Partial<Record<'server' | 'code', 'invalidUrl' | 'invalidCode'>>; serverUrl: string | null; code: string | null } {
  const pasted = parseInvite(input.code)
  const serverUrl = normaliseServerUrl(input.server) ?? (input.server.trim() ? null : pasted.serverUrl)
  const code = pasted.code && parseJoinCode(pasted.code) ? pasted.code : null
  const errors: Partial<Record<'server' | 'code', 'invalidUrl' | 'invalidCode'>> = {}
  if (!serverUrl) errors.server = 'invalidUrl'
  if (!code) errors.code = 'invalidCode'
  return { errors, serverUrl, code }
}

export type JoinProgress = { step: 'council' } | { step: 'meetings'; done: number; total: number }

/**
 * Joins a council with a code from its secretary: stores the settings, opens the council's
 * document (which attaches the provider), waits for its first sync, then fetches its newest
 * meetings so the list has tonight's; the older ones follow in the background, newest first.
 * On failure the settings are put back as they were: a refused code leaves
 * no council behind.
 */
export async function joinCouncil(env: AppEnv, serverUrl: string, code: string, onProgress: (p: JoinProgress) => void = () => {}): Promise<CouncilId> {
  const parsed = parseJoinCode(code)
  if (!parsed) throw new SyncError('invalidCode')
  const councilId = asCouncilId(parsed.councilId)
  // A code from a laptop hosting in the room: the desktop app accepts exactly its certificate
  // from now on (main/certPins.ts). A browser cannot (JoinScreen says so); ws:// has nothing to pin.
  const pinCertificate = env.platform.capability('pinCertificate')
  if (parsed.fingerprint && pinCertificate && /^wss:/i.test(serverUrl)) await pinCertificate(serverUrl, parsed.fingerprint)
  const before = await getSyncSettings(env.db, councilId)
  const row = await saveSyncSettings(env.db, { councilId, serverUrl, code, access: parsed.access, secret: before?.secret }, env.now())
  env.sync.configure(row)
  const name = councilDocName(councilId)
  try {
    try {
      const handle = await env.docs.acquire(name)
      onProgress({ step: 'council' })
      const r = await env.sync.waitForSync(name, JOIN_TIMEOUT_MS)
      if (!r.ok) {
        if (r.reason === 'authFailed') throw new SyncError('authFailed')
        if (r.reason === 'serverUnreachable') throw new SyncError('serverUnreachable', { url: serverUrl })
        if (r.reason === 'offline') throw new SyncError('offline')
        throw new SyncError('timeout', { seconds: Math.round(JOIN_TIMEOUT_MS / 1000) })
      }
      if (!readCouncil(handle.doc)) throw new SyncError('empty')
      // Tonight's meeting and the latest ones now; ten years of history after the screen has moved on.
      await ensureProjections(env, handle, councilId, (done, total) => onProgress({ step: 'meetings', done, total }), { newest: JOIN_NEWEST_MEETINGS })
      await env.docs.whenStored(name)
      await env.projector.flush()
      await markOpened(env.db, councilId, env.now())
      void fetchHistoryLater(env, councilId)
    } finally {
      // Also after a failed acquire, which still holds a reference.
      await env.docs.release(name)
    }
  } catch (e) {
    if (before) {
      const restored = await saveSyncSettings(env.db, before, env.now())
      env.sync.configure(restored)
    } else {
      await removeSyncSettings(env.db, councilId)
      env.sync.forget(councilId)
    }
    throw e
  }
  return councilId
}
