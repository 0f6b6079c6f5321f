// The local secret ballot box (无记名投票): while a secret vote is open, ballots wait here on the
// voting device, never in the synced document (see shared/doc/votes.ts for why). A ballot row is
// {id: 128 random bits, voteId, choice}: no time, no voter, no sequence. At close the caller reads
// ballotsOf, passes them to closeVote (which writes them into the document, shuffled), then clearVote.
//
// Durability: a voter is told "your ballot is in the box" only once it is on disk. Dexie 4 sets
// durability for a whole database (the `chromeTransactionDurability` constructor option), not per
// transaction, so these writes use a raw IndexedDB transaction with { durability: 'strict' } on
// Dexie's own connection, and then tell Dexie's live queries what changed (Dexie.on.storagemutated).
import Dexie, { RangeSet, type IndexableType, type ObservabilitySet } from 'dexie'
import type * as Y from 'yjs'
import { assertCanCheckOff, checkOffVoter, readVote } from '../../shared/doc/votes'
import type { MemberId, VoteId } from '../../shared/domain/ids'
import { randomHex, shuffled } from '../../shared/domain/random'
import { CHOICES, type Choice } from '../../shared/domain/votes'
import type { BallotRow, CheckOffRow, YishiDb } from './db'

/** Runs `write` in one readwrite IndexedDB transaction with strict durability; resolves on commit. */
async function strictWrite(db: YishiDb, stores: string[], write: (tx: IDBTransaction) => void): Promise<void> {
  await db.open()
  const idb = db.backendDB()
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(stores, 'readwrite', { durability: 'strict' })
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error ?? new Error('ballot box write failed'))
    tx.onabort = () => reject(tx.error ?? new Error('ballot box write aborted'))
    write(tx)
  })
}

/** Lets useLiveQuery / liveQuery on these tables see a write made outside Dexie. */
function announce(db: YishiDb, table: 'ballots' | 'checkOffs', keys: IndexableType[], voteIds: string[]): void {
  const parts: ObservabilitySet = {}
  const primary = new RangeSet()
  primary.addKeys(keys)
  const byVote = new RangeSet()
  byVote.addKeys(voteIds)
  parts[`idb://${db.name}/${table}/`] = primary
  parts[`idb://${db.name}/${table}/voteId`] = byVote
  Dexie.on.storagemutated.fire(parts)
}

const validVoteId = (voteId: string) => typeof voteId === 'string' && voteId.length > 0 && voteId.length <= 100

/** Puts a ballot in the box; resolves only once the ballot is durably stored. */
export async function castBallot(db: YishiDb, voteId: VoteId, choice: Choice): Promise<void> {
  if (!validVoteId(voteId)) throw new RangeError('ballot box: invalid vote id')
  if (!CHOICES.includes(choice)) throw new RangeError(`ballot box: invalid choice ${String(choice)}`)
  const row: BallotRow = { id: randomHex(16), voteId, choice }
  await strictWrite(db, ['ballots'], (tx) => tx.objectStore('ballots').add(row))
  announce(db, 'ballots', [row.id], [voteId])
}

/**
 * Marks a member as having voted: checks the document first (open secret vote, eligible, not yet
 * checked off), stores the check-off durably on this device, then writes it to the document.
 * Check off before casting: a crash in between leaves a voter without a ballot, never a ballot
 * without a voter.
 */
export async function checkOff(db: YishiDb, doc: Y.Doc, voteId: VoteId, memberId: MemberId, origin?: unknown): Promise<void> {
  assertCanCheckOff(doc, voteId, memberId)
  const row: CheckOffRow = { voteId, memberId }
  await strictWrite(db, ['checkOffs'], (tx) => tx.objectStore('checkOffs').put(row))
  announce(db, 'checkOffs', [[voteId, memberId]], [voteId])
  checkOffVoter(doc, voteId, memberId, origin)
}

/** The choices in the box for a vote, in a fresh random order. */
export async function ballotsOf(db: YishiDb, voteId: VoteId): Promise<Choice[]> {
  const rows = await db.ballots.where('voteId').equals(voteId).toArray()
  return shuffled(rows.map((r) => r.choice).filter((c) => CHOICES.includes(c)))
}

export const ballotCount = (db: YishiDb, voteId: VoteId): Promise<number> => db.ballots.where('voteId').equals(voteId).count()

/** The members checked off on this device for a vote, by id. */
export async function checkOffsOf(db: YishiDb, voteId: VoteId): Promise<MemberId[]> {
  const rows = await db.checkOffs.where('voteId').equals(voteId).toArray()
  return rows.map((r) => r.memberId as MemberId).sort()
}

/**
 * After a restart: check-offs stored on this device but missing from the document (the document's
 * own storage had not caught up) are written to it again, while the vote is open. Returns them.
 */
export async function restoreCheckOffs(db: YishiDb, doc: Y.Doc, voteId: VoteId, origin?: unknown): Promise<MemberId[]> {
  const vote = readVote(doc, voteId)
  if (!vote || vote.closedAt !== null || vote.method !== 'secret') return []
  const missing = (await checkOffsOf(db, voteId)).filter((id) => !vote.checkedOff.includes(id) && vote.eligible.includes(id))
  for (const id of missing) checkOffVoter(doc, voteId, id, origin)
  return missing
}

/** Empties the box and the check-offs of a vote: after closeVote has sealed the ballots in the document. */
export async function clearVote(db: YishiDb, voteId: VoteId): Promise<void> {
  await db.transaction('rw', db.ballots, db.checkOffs, async () => {
    await db.ballots.where('voteId').equals(voteId).delete()
    await db.checkOffs.where('voteId').equals(voteId).delete()
  })
}
