// The councils known on this device, projected from each council document.
import type { Council } from '../../shared/domain/council'
import type { CouncilRow, YishiDb } from './db'

export async function upsertCouncil(db: YishiDb, council: Council, memberCount: number, now: string): Promise<void> {
  // Reopening a council whose row says the same writes nothing (issue 20: no read-write
  // transaction on the cold open's path, and the lists watching councils do not query again).
  const before = await db.councils.get(council.id)
  if (before && before.name === council.name && before.kind === council.kind && before.community === council.community && before.street === council.street && before.memberCount === memberCount) return
  await db.transaction('rw', db.councils, async () => {
    const existing = await db.councils.get(council.id)
    const row: CouncilRow = {
      id: council.id,
      name: council.name,
      kind: council.kind,
      community: council.community,
      street: council.street,
      memberCount,
      updatedAt: now,
      openedAt: existing?.openedAt ?? now,
    }
    await db.councils.put(row)
  })
}

export async function markOpened(db: YishiDb, id: string, now: string): Promise<void> {
  await db.councils.update(id, { openedAt: now })
}

/** Councils on this device, the most recently opened first. */
export async function listCouncils(db: YishiDb): Promise<CouncilRow[]> {
  return (await db.councils.orderBy('openedAt').reverse().toArray())
}
