// What the host holds for a vote taking phone ballots until the seal writes it into the meeting
// document (see the WHY in src/shared/doc/phoneVoting.ts): one JSON file per vote,
//
//   <data>/phone-ballots/<sha256(meeting + "\n" + voteId)>.json
//   {version: 1, meeting, voteId, counts: {for, against, abstain}, used: [code hash…], receipts: […], retries: {token: receipt}, sealed}
//
// Secret choices are kept ONLY as counts: no order, no code, no time, nothing linking a code, a
// receipt and a choice (`used` and `receipts` are sorted sets, written whole each time). Written
// atomically (atomicFiles.ts's writeAtomically: temp file, fsync, rename, fsync the folder) before
// the phone is answered. A file that does not read back is an error for that vote, never a fresh
// start: starting over would let every used code vote again and drop the ballots already cast.
import { createHash } from 'node:crypto'
import { mkdir, readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { BallotCounts } from '../shared/domain/votes'
import { VOTER_CODE_HASH, normaliseReceipt } from '../shared/domain/voterCode'
import { writeAtomically } from './atomicFiles'
import { KeyedMutex } from './keyedMutex'
import type { PendingBallotBackend, PendingBallots } from './storageTypes'

export type { PendingBallots } from './storageTypes'

export const PHONE_BALLOTS_DIR = 'phone-ballots'

/** The key of one ballot (a code's hash, the phone's attempt id, the choice) in PendingBallots.retries. */
export const retryToken = (codeHash: string, attempt: string, choice: string): string =>
  createHash('sha256').update(`${codeHash}\n${attempt}\n${choice}`, 'utf8').digest('hex')

/** The file of a vote could not be read back; the vote is unavailable until someone looks. */
export class UnreadableBallots extends Error {}

export const pendingFileName = (meeting: string, voteId: string): string => `${createHash('sha256').update(`${meeting}\n${voteId}`, 'utf8').digest('hex')}.json`

const MAX_CACHED = 256

export class BallotStore implements PendingBallotBackend {
  /** Recently used votes, least recently used first. Every value is what is on disk. */
  private readonly cache = new Map<string, PendingBallots>()
  /** One process per data folder: an in-process lock per vote is the whole lock. */
  private readonly mutex = new KeyedMutex()
  private closed = false

  private constructor(private readonly dir: string) {}

  static async open(dataDir: string): Promise<BallotStore> {
    const dir = join(dataDir, PHONE_BALLOTS_DIR)
    await mkdir(dir, { recursive: true, mode: 0o700 })
    // Temp files a crash left behind (".<file>.<pid>.<random>.tmp", never read).
    for (const name of await readdir(dir)) if (/^\..+\.json\.\d+\.[0-9a-f]{12}\.tmp$/.test(name)) await rm(join(dir, name), { force: true })
    return new BallotStore(dir)
  }

  file(meeting: string, voteId: string): string {
    return join(this.dir, pendingFileName(meeting, voteId))
  }

  /** What is held for the vote (empty when nothing was ever cast). Throws UnreadableBallots. */
  async get(meeting: string, voteId: string): Promise<PendingBallots> {
    const key = pendingFileName(meeting, voteId)
    const cached = this.cache.get(key)
    if (cached) {
      this.remember(key, cached)
      return cached
    }
    let text: string | null = null
    try {
      text = await readFile(join(this.dir, key), 'utf8')
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new UnreadableBallots(`cannot read ${key}: ${(e as Error).message}`)
    }
    const state = text === null ? emptyPending(meeting, voteId) : parsePending(text, meeting, voteId, key)
    // A concurrent get may have loaded it meanwhile; both read the same file.
    this.remember(key, this.cache.get(key) ?? state)
    return this.cache.get(key)!
  }

  locked<T>(meeting: string, voteId: string, task: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('phone ballots are closed'))
    return this.mutex.run(`${meeting}\n${voteId}`, task)
  }

  async close(): Promise<void> {
    this.closed = true
    await this.mutex.settle()
  }

  /** Writes the vote's state durably, then makes it the one `get` answers. */
  async put(state: PendingBallots): Promise<void> {
    const key = pendingFileName(state.meeting, state.voteId)
    const clean = cleanPending(state)
    await writeAtomically(join(this.dir, key), `${JSON.stringify({ version: 1, ...clean })}\n`)
    this.remember(key, clean)
  }

  private remember(key: string, state: PendingBallots): void {
    this.cache.delete(key)
    this.cache.set(key, state)
    // Dropping a value is always safe: it is on disk, and the next get reads it again.
    for (const k of this.cache.keys()) {
      if (this.cache.size <= MAX_CACHED) break
      this.cache.delete(k)
    }
  }
}

/** The state as stored: sets sorted, nothing kept in the order the ballots came. */
export function cleanPending(state: PendingBallots): PendingBallots {
  return {
    meeting: state.meeting,
    voteId: state.voteId,
    counts: { for: state.counts.for, against: state.counts.against, abstain: state.counts.abstain },
    used: [...state.used].sort(),
    receipts: [...state.receipts].sort(),
    // Sorted by token (random-looking), not in the order the ballots came.
    retries: Object.fromEntries(Object.entries(state.retries).sort(([a], [b]) => (a < b ? -1 : 1))),
    sealed: state.sealed,
  }
}

export const emptyPending = (meeting: string, voteId: string): PendingBallots => ({ meeting, voteId, counts: { for: 0, against: 0, abstain: 0 }, used: [], receipts: [], retries: {}, sealed: false })

/** A stored state read back, checked field by field (throws UnreadableBallots). */
export function parsePending(text: string, meeting: string, voteId: string, key: string): PendingBallots {
  const bad = (why: string) => new UnreadableBallots(`${key} is not a valid phone ballot file (${why})`)
  let v: unknown
  try {
    v = JSON.parse(text)
  } catch {
    throw bad('not JSON')
  }
  const r = v as Record<string, unknown> | null
  if (typeof r !== 'object' || r === null || Array.isArray(r) || r.version !== 1) throw bad('unknown format')
  if (r.meeting !== meeting || r.voteId !== voteId) throw bad('another vote')
  const c = r.counts as Record<string, unknown> | null
  const count = (k: string) => (c && Number.isSafeInteger(c[k]) && (c[k] as number) >= 0 ? (c[k] as number) : null)
  const counts = { for: count('for'), against: count('against'), abstain: count('abstain') }
  if (counts.for === null || counts.against === null || counts.abstain === null) throw bad('counts')
  const strings = (x: unknown, ok: (s: string) => boolean) => Array.isArray(x) && x.every((s) => typeof s === 'string' && ok(s)) && new Set(x).size === x.length
  if (!strings(r.used, (s) => VOTER_CODE_HASH.test(s))) throw bad('used')
  if (!strings(r.receipts, (s) => normaliseReceipt(s) === s)) throw bad('receipts')
  if (typeof r.sealed !== 'boolean') throw bad('sealed')
  // Files written before retries were kept have none.
  const retries = r.retries === undefined ? {} : r.retries
  const receipts = new Set(r.receipts as string[])
  if (typeof retries !== 'object' || retries === null || Array.isArray(retries)) throw bad('retries')
  for (const [token, receipt] of Object.entries(retries)) if (!/^[0-9a-f]{64}$/.test(token) || typeof receipt !== 'string' || !receipts.has(receipt)) throw bad('retries')
  return {
    meeting,
    voteId,
    counts: counts as BallotCounts,
    used: [...(r.used as string[])].sort(),
    receipts: [...receipts].sort(),
    retries: { ...(retries as Record<string, string>) },
    sealed: r.sealed,
  }
}
