// The local secret ballot box on fake-indexeddb: acknowledged only after a strict-durability
// commit, survives a restart, stores no time, voter or sequence, feeds closeVote, is cleared after.
// fake-indexeddb first: Dexie looks for the indexedDB globals when it is first imported.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import Dexie, { liveQuery } from 'dexie'
import { ballotCount, ballotsOf, castBallot, checkOff, checkOffsOf, clearVote, restoreCheckOffs } from '../../src/renderer/data/ballotBox'
import { openDb, type YishiDb } from '../../src/renderer/data/db'
import { DocError } from '../../src/shared/doc/errors'
import { closeVote, openVote, readVote, voteInput } from '../../src/shared/doc/votes'
import type { VoteId } from '../../src/shared/domain/ids'
import { evaluateVote, type Choice } from '../../src/shared/domain/votes'
import { replicaOf } from '../unit/helpers'
import { at, debating, inSession, type Setup } from '../unit/session-helpers'

let seq = 0
/** A Dexie database of its own for this test, deleted when it finishes. */
function freshDbName(): string {
  const name = `yishi-ballots-${process.pid}-${++seq}`
  onTestFinished(() => Dexie.delete(name))
  return name
}

function open(name: string): YishiDb {
  const db = openDb(name)
  onTestFinished(() => db.close())
  return db
}

function secretVote(n = 5): Setup & { voteId: VoteId } {
  const s = inSession({ n })
  return { ...s, voteId: openVote(s.doc, debating(s), { method: 'secret', rule: 'simple_majority' }, at(20)) }
}

/** Reads every row of a store straight from IndexedDB, bypassing Dexie. */
function rawRows(db: YishiDb, store: string): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = db.backendDB().transaction([store], 'readonly').objectStore(store).getAll()
    req.onsuccess = () => resolve(req.result as unknown[])
    req.onerror = () => reject(req.error)
  })
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('castBallot and checkOff', () => {
  it('ballots and check-offs survive a restart (a new Dexie instance)', async () => {
    const name = freshDbName()
    const s = secretVote()
    const db = open(name)
    const cast: Choice[] = ['for', 'against', 'for']
    for (let i = 0; i < cast.length; i++) {
      await checkOff(db, s.doc, s.voteId, s.ids[i]!)
      await castBallot(db, s.voteId, cast[i]!)
    }
    db.close()
    const again = open(name)
    expect((await ballotsOf(again, s.voteId)).sort()).toEqual([...cast].sort())
    expect(await checkOffsOf(again, s.voteId)).toEqual(s.ids.slice(0, 3))
    expect(readVote(s.doc, s.voteId)?.checkedOff).toEqual(s.ids.slice(0, 3))
  })

  it('stores no time, no voter and no sequence with a ballot', async () => {
    const s = secretVote()
    const db = open(freshDbName())
    await castBallot(db, s.voteId, 'abstain')
    await castBallot(db, s.voteId, 'for')
    await checkOff(db, s.doc, s.voteId, s.ids[0]!)
    const rows = (await rawRows(db, 'ballots')) as Record<string, unknown>[]
    expect(rows).toHaveLength(2)
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['choice', 'id', 'voteId'])
      expect(row.id).toMatch(/^[0-9a-f]{32}$/)
      expect(row.voteId).toBe(s.voteId)
    }
    const store = db.backendDB().transaction(['ballots'], 'readonly').objectStore('ballots')
    expect([store.keyPath, store.autoIncrement, [...store.indexNames]]).toEqual(['id', false, ['voteId']])
    expect(await rawRows(db, 'checkOffs')).toEqual([{ voteId: s.voteId, memberId: s.ids[0] }])
  })

  it('is acknowledged only after a strict-durability transaction has committed', async () => {
    const s = secretVote()
    const db = open(freshDbName())
    await db.open()
    const seen: { stores: string[]; durability: unknown; completed: boolean }[] = []
    const original = IDBDatabase.prototype.transaction
    vi.spyOn(IDBDatabase.prototype, 'transaction').mockImplementation(function (this: IDBDatabase, stores, mode, options) {
      const tx = original.call(this, stores, mode, options)
      if (mode === 'readwrite') {
        const entry = { stores: typeof stores === 'string' ? [stores] : [...stores], durability: options?.durability, completed: false }
        seen.push(entry)
        tx.addEventListener('complete', () => (entry.completed = true))
      }
      return tx
    })
    await castBallot(db, s.voteId, 'for')
    expect(seen).toEqual([{ stores: ['ballots'], durability: 'strict', completed: true }])
    await checkOff(db, s.doc, s.voteId, s.ids[0]!)
    expect(seen[1]).toEqual({ stores: ['checkOffs'], durability: 'strict', completed: true })
  })

  it('a check-off that cannot be stored is not written to the document, and the caller is told', async () => {
    const s = secretVote()
    const db = open(freshDbName())
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementationOnce(() => {
      throw new DOMException('disk full', 'QuotaExceededError')
    })
    await expect(checkOff(db, s.doc, s.voteId, s.ids[0]!)).rejects.toThrow('disk full')
    expect(readVote(s.doc, s.voteId)?.checkedOff).toEqual([])
    expect(await checkOffsOf(db, s.voteId)).toEqual([])
  })

  it('refuses a check-off the document refuses, storing nothing; refuses an invalid choice', async () => {
    const s = secretVote()
    const db = open(freshDbName())
    await checkOff(db, s.doc, s.voteId, s.ids[0]!)
    await expect(checkOff(db, s.doc, s.voteId, s.ids[0]!)).rejects.toSatisfy((e) => e instanceof DocError && e.code === 'alreadyVoted')
    await expect(checkOff(db, s.doc, s.voteId, 'stranger-0000' as never)).rejects.toSatisfy((e) => e instanceof DocError && e.code === 'notEligible')
    expect(await checkOffsOf(db, s.voteId)).toEqual([s.ids[0]])
    await expect(castBallot(db, s.voteId, 'maybe' as Choice)).rejects.toThrow(RangeError)
    expect(await ballotCount(db, s.voteId)).toBe(0)
  })

  it('restores check-offs the document lost (stored on this device, missing from the document)', async () => {
    const s = secretVote()
    const before = replicaOf(s.doc, 77) // the document as stored before the check-offs reached disk
    const db = open(freshDbName())
    await checkOff(db, s.doc, s.voteId, s.ids[0]!)
    await checkOff(db, s.doc, s.voteId, s.ids[2]!)
    expect(readVote(before, s.voteId)?.checkedOff).toEqual([])
    expect(await restoreCheckOffs(db, before, s.voteId)).toEqual([s.ids[0], s.ids[2]])
    expect(readVote(before, s.voteId)?.checkedOff).toEqual([s.ids[0], s.ids[2]])
    expect(await restoreCheckOffs(db, before, s.voteId)).toEqual([])
  })

  it('live queries see a ballot cast outside Dexie’s own transactions', async () => {
    const s = secretVote()
    const db = open(freshDbName())
    const values: number[] = []
    const sub = liveQuery(() => ballotCount(db, s.voteId)).subscribe((n) => values.push(n))
    onTestFinished(() => sub.unsubscribe())
    await vi.waitFor(() => expect(values).toEqual([0]))
    await castBallot(db, s.voteId, 'for')
    await vi.waitFor(() => expect(values.at(-1)).toBe(1))
  })
})

describe('closing and clearing', () => {
  it('feeds closeVote: the sealed counts are the box’s, and clearVote empties only that vote', async () => {
    const s = secretVote(5)
    const db = open(freshDbName())
    const cast: Choice[] = ['for', 'for', 'against', 'abstain']
    for (let i = 0; i < cast.length; i++) {
      await checkOff(db, s.doc, s.voteId, s.ids[i]!)
      await castBallot(db, s.voteId, cast[i]!)
    }
    await castBallot(db, 'other-vote-0001' as VoteId, 'against')
    await db.checkOffs.put({ voteId: 'other-vote-0001', memberId: s.ids[0]! })
    const box = await ballotsOf(db, s.voteId)
    expect([...box].sort()).toEqual([...cast].sort())
    const result = evaluateVote(voteInput(s.doc, s.voteId, { quorumRule: 'more_than_half' }, box)!)
    expect(result).toMatchObject({ outcome: 'passed', counts: { for: 2, against: 1, abstain: 1, notVoted: 1 } })
    closeVote(s.doc, s.voteId, { ballots: box, result }, at(30))
    await clearVote(db, s.voteId)
    expect(readVote(s.doc, s.voteId)?.ballotCounts).toEqual({ for: 2, against: 1, abstain: 1 })
    expect(await ballotCount(db, s.voteId)).toBe(0)
    expect(await checkOffsOf(db, s.voteId)).toEqual([])
    expect(await ballotsOf(db, 'other-vote-0001' as VoteId)).toEqual(['against'])
    expect(await checkOffsOf(db, 'other-vote-0001' as VoteId)).toEqual([s.ids[0]])
  })
})

describe('Dexie version 2', () => {
  it('upgrades a version 1 database, keeping its rows and adding the ballot box', async () => {
    const name = freshDbName()
    const v1 = new Dexie(name)
    v1.version(1).stores({ councils: 'id, name, openedAt', meetings: 'id, councilId, [councilId+startsAt], [councilId+year], [councilId+status]', settings: 'key' })
    await v1.table('settings').put({ key: 'language', value: 'zh-TW' })
    v1.close()
    const db = open(name)
    await db.open()
    // Opened by the current schema (3 added the sync tables, 4 the device key and reviews, 5 the blob store), which keeps version 2's.
    expect(db.verno).toBe(5)
    expect(await db.settings.get('language')).toEqual({ key: 'language', value: 'zh-TW' })
    expect(db.tables.map((t) => t.name).sort()).toEqual(['ballots', 'blobs', 'checkOffs', 'councilSync', 'councils', 'deviceKeys', 'issuedCodes', 'meetings', 'reviews', 'settings'])
    await castBallot(db, 'v-0000-0001' as VoteId, 'for')
    expect(await ballotCount(db, 'v-0000-0001' as VoteId)).toBe(1)
  })
})
