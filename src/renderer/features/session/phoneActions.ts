// Ballots from phones (手机投票), the secretary's side: which host the council's phones reach,
// voter codes made here and issued to the meeting document by hash only, and the host's seal
// before a vote with phones closes. Plain codes live only in memory, for the screen or the sheet
// that shows them.
import type * as Y from 'yjs'
import type { MemberId, VoteId } from '../../../shared/domain/ids'
import { ballotPageUrl, newVoterCode, normaliseVoterCode, voterCodeHash } from '../../../shared/domain/voterCode'
import { issueDrawnCodes, issueNamedCodes } from '../../../shared/doc/phoneVoting'
import { readVote } from '../../../shared/doc/votes'
import type { AppEnv } from '../../kit/env'
import { getSyncSettings } from '../../data/syncSettings'
import { phonesBaseOf } from '../../sync/address'
import { parseJoinCode } from '../../../shared/sync/joinCode'
import type { DocHandle } from '../../sync/docs'
import { writeDoc } from '../../kit/write'
import { phoneHostOf, type PhoneHost } from '../../kit/phoneHost'
import { PhoneHostError, sealPhoneBallots } from '../../sync/phoneBallots'

/** The ballot page of a meeting on its host, with a code in the fragment when given. */
export const ballotPage = (host: PhoneHost, meetingDocName: string, code?: string): string =>
  ballotPageUrl(phonesBaseOf(host.serverUrl, Boolean(parseJoinCode(host.code)?.fingerprint)), meetingDocName, code)

/** Drawn slips for secret ballots (or roll calls, never): 1..500 per batch. */
export const MAX_SLIPS = 500

async function hashed(codes: readonly string[]): Promise<string[]> {
  const hashes = await Promise.all(codes.map(voterCodeHash))
  if (hashes.some((h) => h === null)) throw new Error('voter code could not be hashed')
  return hashes as string[]
}

/** Fresh voter codes in canonical form (no hyphens), all different. */
function freshCodes(n: number): string[] {
  const codes = new Set<string>()
  while (codes.size < n) codes.add(normaliseVoterCode(newVoterCode())!)
  return [...codes]
}

/**
 * A batch of drawn (unnamed) codes: made here, issued to the document by hash in ONE transaction,
 * stored; the plain codes come back for the sheet or the screen, and are kept nowhere else.
 */
export async function issueDrawnSlips(env: AppEnv, h: DocHandle, count: number): Promise<string[]> {
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_SLIPS) throw new RangeError(`slips: count ${count} outside 1..${MAX_SLIPS}`)
  const codes = freshCodes(count)
  const hashes = await hashed(codes)
  await writeDoc(env, h, (d) => issueDrawnCodes(d, hashes))
  return codes
}

/** One named code per member (roll calls); a member's earlier named code stops working. */
export async function issueNamedSlips<M extends { memberId: MemberId }>(env: AppEnv, h: DocHandle, members: readonly M[]): Promise<(M & { code: string })[]> {
  const codes = freshCodes(members.length)
  const hashes = await hashed(codes)
  await writeDoc(env, h, (d) =>
    issueNamedCodes(
      d,
      members.map((m, i) => ({ memberId: m.memberId, hash: hashes[i]! })),
    ),
  )
  return members.map((m, i) => ({ ...m, code: codes[i]! }))
}

/** Resolves true once `ready(doc)` holds (checked after each transaction), false after `timeoutMs`. */
export function waitForDoc(doc: Y.Doc, ready: (doc: Y.Doc) => boolean, timeoutMs: number): Promise<boolean> {
  if (ready(doc)) return Promise.resolve(true)
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer)
      doc.off('afterTransaction', check)
      resolve(ok)
    }
    const check = () => {
      if (ready(doc)) done(true)
    }
    const timer = setTimeout(() => done(false), timeoutMs)
    doc.on('afterTransaction', check)
  })
}

/** How long closing waits for the host's seal to arrive by sync. */
export const SEAL_WAIT_MS = 15_000

/** Why a vote with phones could not be sealed: the host's refusal, or one of these. */
export class PhoneSealError extends Error {
  constructor(readonly code: 'noHost' | 'notArrived') {
    super(`phone seal: ${code}`)
    this.name = 'PhoneSealError'
  }
}

const sealedIn = (voteId: VoteId) => (doc: Y.Doc) => readVote(doc, voteId)?.phone?.sealedAt != null

/**
 * Before a vote with phones closes: asks the host to write the phone ballots in, then waits until
 * the meeting document shows the seal (the host writes it; it arrives by sync). Does nothing for a
 * vote without phones or one already sealed. Throws PhoneHostError or PhoneSealError; nothing is
 * closed either way, and the secretary can try again.
 */
export async function sealPhones(env: AppEnv, h: DocHandle, councilId: string, voteId: VoteId, timeoutMs = SEAL_WAIT_MS): Promise<void> {
  const vote = readVote(h.doc, voteId)
  if (!vote?.phone || vote.phone.sealedAt !== null) return
  const host = phoneHostOf(await getSyncSettings(env.db, councilId))
  if (!host) throw new PhoneSealError('noHost')
  try {
    await sealPhoneBallots(host.serverUrl, { meeting: h.name, voteId, code: host.code })
  } catch (e) {
    // A seal the host already made (an earlier try whose answer was lost) is on its way by sync.
    if (!(e instanceof PhoneHostError && e.code === 'vote-closed')) throw e
  }
  if (!(await waitForDoc(h.doc, sealedIn(voteId), timeoutMs))) throw new PhoneSealError('notArrived')
}
