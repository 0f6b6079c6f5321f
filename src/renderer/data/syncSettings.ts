// How this device syncs each council (server, join code, access, and the secret on owning
// devices), and the join codes it issued. Local to the device: none of it goes into a Y.Doc.
import type { CouncilSyncRow, IssuedCodeRow, SyncAccess, YishiDb } from './db'

export async function getSyncSettings(db: YishiDb, councilId: string): Promise<CouncilSyncRow | undefined> {
  return db.councilSync.get(councilId)
}

export async function listSyncSettings(db: YishiDb): Promise<CouncilSyncRow[]> {
  return db.councilSync.toArray()
}

export interface SyncSettingsInput {
  councilId: string
  serverUrl: string
  code: string
  access: SyncAccess
  secret?: string | undefined
  unpushed?: string[] | undefined
}

/** Saves the council's settings; keeps the secret and last sync time already stored unless replaced. */
export async function saveSyncSettings(db: YishiDb, input: SyncSettingsInput, now: string): Promise<CouncilSyncRow> {
  return db.transaction('rw', db.councilSync, db.settings, async () => {
    const old = await db.councilSync.get(input.councilId)
    const row: CouncilSyncRow = {
      councilId: input.councilId,
      serverUrl: input.serverUrl,
      code: input.code,
      access: input.access,
      lastSyncedAt: old?.serverUrl === input.serverUrl ? (old?.lastSyncedAt ?? null) : null,
      updatedAt: now,
    }
    const secret = input.secret ?? old?.secret
    if (secret !== undefined) row.secret = secret
    const unpushed = input.unpushed ?? (old?.serverUrl === input.serverUrl ? old?.unpushed : undefined)
    if (unpushed?.length) row.unpushed = unpushed
    await db.councilSync.put(row)
    await db.settings.delete(pendingKey(input.councilId))
    return row
  })
}

// A secret made for a council not yet connected is kept aside (not in councilSync, which the
// sync manager would start using) so that a retry after a lost server answer reuses it.
const pendingKey = (councilId: string) => `pendingSecret:${councilId}`

/** The council's secret on this device, if it has one, stored or still pending. */
export async function secretOf(db: YishiDb, councilId: string): Promise<string | undefined> {
  const row = await db.councilSync.get(councilId)
  if (row?.secret) return row.secret
  const pending = await db.settings.get(pendingKey(councilId))
  return typeof pending?.value === 'string' ? pending.value : undefined
}

export async function keepPendingSecret(db: YishiDb, councilId: string, secret: string): Promise<void> {
  await db.settings.put({ key: pendingKey(councilId), value: secret })
}

/** Forgets a pending secret the server refused (it holds the council under another key). */
export async function dropPendingSecret(db: YishiDb, councilId: string, secret: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const row = await db.settings.get(pendingKey(councilId))
    if (row?.value === secret) await db.settings.delete(pendingKey(councilId))
  })
}

export async function recordSynced(db: YishiDb, councilId: string, at: string): Promise<void> {
  await db.councilSync.update(councilId, { lastSyncedAt: at })
}

export async function recordUnpushed(db: YishiDb, councilId: string, names: string[]): Promise<void> {
  await db.councilSync.update(councilId, { unpushed: names })
}

export async function removeSyncSettings(db: YishiDb, councilId: string): Promise<void> {
  await db.transaction('rw', db.councilSync, db.issuedCodes, async () => {
    await db.councilSync.delete(councilId)
    await db.issuedCodes.where('councilId').equals(councilId).delete()
  })
}

export async function addIssuedCode(db: YishiDb, row: IssuedCodeRow): Promise<void> {
  await db.issuedCodes.put(row)
}

/** The codes issued for a council, newest first. */
export async function listIssuedCodes(db: YishiDb, councilId: string): Promise<IssuedCodeRow[]> {
  const rows = await db.issuedCodes.where('councilId').equals(councilId).toArray()
  return rows.sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : a.issuedAt > b.issuedAt ? -1 : 0))
}

export async function markRevoked(db: YishiDb, codeId: string, at: string): Promise<void> {
  await db.issuedCodes.update(codeId, { revokedAt: at })
}
