// Handing the power to invite from one device to another (shared/sync/inviteKey.ts): the inviting
// code shown on a device that holds the council's key, and taken on a read-write device without it.
import { formatInviteKey, parseInviteKey } from '../../../shared/sync/inviteKey'
import { verifyJoinCode } from '../../../shared/sync/joinCode'
import type { AppEnv } from '../../kit/env'
import { getSyncSettings, saveSyncSettings } from '../../data/syncSettings'
import { SyncError } from '../../sync/errors'

/** The inviting code of a council this device holds the key of. */
export async function inviteKeyOf(env: AppEnv, councilId: string): Promise<string> {
  const settings = await getSyncSettings(env.db, councilId)
  if (!settings?.secret) throw new SyncError('noSecret')
  return formatInviteKey({ councilId, secret: settings.secret })
}

/**
 * Makes this device an inviting device of the council: the pasted inviting code must be this
 * council's, and this device's own read-write code must have been made from that key (which is
 * what the server checks too: a key the council no longer uses would make codes nobody accepts).
 */
export async function becomeInviting(env: AppEnv, councilId: string, text: string): Promise<void> {
  const key = parseInviteKey(text)
  if (!key) throw new SyncError('keyInvalid')
  if (key.councilId !== councilId) throw new SyncError('keyOtherCouncil')
  const settings = await getSyncSettings(env.db, councilId)
  if (!settings || settings.access !== 'rw') throw new SyncError('noSecret')
  if (!(await verifyJoinCode(settings.code, key.secret))) throw new SyncError('keyMismatch')
  await saveSyncSettings(env.db, { councilId, serverUrl: settings.serverUrl, code: settings.code, access: 'rw', secret: key.secret }, env.now())
}
