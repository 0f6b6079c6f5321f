// The council keys a passphrase backup carries (shared/backup/sealedKeys.ts): gathered from this
// device's sync settings, and put back on a device after a restore. A key is put back only where
// it cannot take anything away: on a council this device has no key for, and, if the device
// already syncs the council with a code, only when that code was made from the same key (else the
// council has changed its key since the backup, and the old one would mint codes nobody accepts).
import { createJoinCode, verifyJoinCode } from '../../shared/sync/joinCode'
import type { CouncilKey } from '../../shared/backup/sealedKeys'
import type { IssuedCodeRow, YishiDb } from './db'
import { keepPendingSecret, secretOf } from './syncSettings'

/** Every council key this device holds (councils in its catalogue only), in council id order. */
export async function collectKeys(db: YishiDb): Promise<CouncilKey[]> {
  const ids = (await db.councils.toArray()).map((r) => r.id).sort()
  const keys: CouncilKey[] = []
  for (const councilId of ids) {
    const secret = await secretOf(db, councilId)
    if (!secret) continue
    const row = await db.councilSync.get(councilId)
    const issued = await db.issuedCodes.where('councilId').equals(councilId).toArray()
    keys.push({
      councilId,
      secret,
      serverUrl: row?.serverUrl ?? null,
      issued: issued
        .sort((a, b) => (a.codeId < b.codeId ? -1 : 1))
        .map((c) => ({ codeId: c.codeId, access: c.access, label: c.label.slice(0, 200), issuedAt: c.issuedAt, revokedAt: c.revokedAt })),
    })
  }
  return keys
}

export interface InstalledKeys {
  /** Councils whose key this device now holds. */
  installed: string[]
  /** Councils left as they were: this device syncs them under another key. */
  mismatched: string[]
}

/** Puts restored keys back (see the top of this file), with the codes issued under them. */
export async function installKeys(db: YishiDb, keys: readonly CouncilKey[]): Promise<InstalledKeys> {
  const out: InstalledKeys = { installed: [], mismatched: [] }
  for (const key of keys) {
    const row = await db.councilSync.get(key.councilId)
    if (row?.secret !== undefined && row.secret !== key.secret) {
      out.mismatched.push(key.councilId)
      continue
    }
    if (row && row.secret === undefined) {
      // Joined with a code: the key must be the one that code was made from.
      if (!(await verifyJoinCode(row.code, key.secret))) {
        out.mismatched.push(key.councilId)
        continue
      }
      await db.councilSync.update(key.councilId, { secret: key.secret })
    } else if (!row) {
      // Kept as a pending secret: connecting the council (sync tab) makes its code from it, and the
      // server, which holds the same secret, accepts it.
      await keepPendingSecret(db, key.councilId, key.secret)
    }
    await restoreIssued(db, key, row?.serverUrl ?? key.serverUrl ?? '')
    out.installed.push(key.councilId)
  }
  return out
}

/** The codes the backup's device issued, so they can be shown and revoked here; known ones stay as they are. */
async function restoreIssued(db: YishiDb, key: CouncilKey, serverUrl: string): Promise<void> {
  const rows: IssuedCodeRow[] = []
  for (const c of key.issued) {
    if (await db.issuedCodes.get(c.codeId)) continue
    // A code is a MAC of the key: made again here, identical to the one handed out.
    const code = await createJoinCode(key.secret, { councilId: key.councilId, access: c.access, codeId: c.codeId })
    rows.push({ codeId: c.codeId, councilId: key.councilId, access: c.access, code, serverUrl, label: c.label, issuedAt: c.issuedAt, revokedAt: c.revokedAt })
  }
  if (rows.length) await db.issuedCodes.bulkPut(rows)
}
