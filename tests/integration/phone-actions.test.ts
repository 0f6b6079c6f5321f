// The secretary's side of ballots from phones, on a real local stack (Dexie, DocStore, y-indexeddb
// on fake-indexeddb): voter codes are issued to the meeting by hash only, in one transaction; a
// vote with phones closes only after the host's seal has arrived in the document, and then counts
// the phone ballots with the laptop's; an unreachable or refusing host, or a seal that does not
// arrive, closes nothing and says why. The host is played by a stub of fetch that writes the seal
// into the document as the sync would bring it (the real host: tests/e2e/phone-ballot.spec.ts).
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { saveSyncSettings } from '../../src/renderer/data/syncSettings'
import { announce, castSecret, startVote } from '../../src/renderer/features/session/actions'
import { issueDrawnSlips, issueNamedSlips, PhoneSealError, sealPhones } from '../../src/renderer/features/session/phoneActions'
import { phoneHostMissing, phoneHostOf } from '../../src/renderer/kit/phoneHost'
import { PhoneHostError } from '../../src/renderer/sync/phoneBallots'
import { meetingDocName } from '../../src/shared/doc/names'
import { readVoterCode, sealPhoneBallots, setPhoneReceived, voterCodeSummary } from '../../src/shared/doc/phoneVoting'
import { currentVote, readVote } from '../../src/shared/doc/votes'
import type { Council } from '../../src/shared/domain/council'
import type { VoteId } from '../../src/shared/domain/ids'
import { voterCodeHash } from '../../src/shared/domain/voterCode'
import { COUNCIL_ID, MEETING_ID } from '../unit/helpers'
import { debating, inSession, type Setup } from '../unit/session-helpers'
import { councilInput, newDevice, type TestEnv } from './env'

// The meeting the session helpers build says which council and meeting it is: its name must agree.
const COUNCIL = COUNCIL_ID
const NAME = meetingDocName(COUNCIL_ID, MEETING_ID)
const SERVER = 'ws://192.168.1.20:4455'
const RW_CODE = 'YS1.test-rw-code'
const council: Council = { ...councilInput(), id: COUNCIL, createdAt: '2024-01-01T00:00:00.000Z' }

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** A device whose meeting document holds a session in progress (5 present), and the handle to it. */
async function meetingOnDevice(options: { synced?: boolean } = {}) {
  const env = newDevice().start()
  if (options.synced ?? true) await saveSyncSettings(env.db, { councilId: COUNCIL, serverUrl: SERVER, code: RW_CODE, access: 'rw' }, env.now())
  const h = await env.docs.acquire(NAME)
  const s: Setup = inSession({ n: 5 })
  Y.applyUpdate(h.doc, Y.encodeStateAsUpdate(s.doc))
  return { env, h, s }
}

async function phoneVote(env: TestEnv, h: Awaited<ReturnType<typeof meetingOnDevice>>['h'], s: Setup, method: 'secret' | 'roll_call' = 'secret'): Promise<VoteId> {
  const motionId = debating({ ...s, doc: h.doc })
  await startVote(env, h, motionId, method, 'simple_majority', true)
  return currentVote(h.doc)!.id
}

/** The host: answers the seal, and (after `delayMs`, as the sync would) writes it into the document. */
function stubHost(h: { doc: Y.Doc }, answer: { status: number; body: unknown; choices?: ('for' | 'against' | 'abstain')[]; receipts?: string[]; delayMs?: number; write?: boolean }) {
  const calls: { url: string; body: unknown }[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      const body = JSON.parse(String(init.body)) as { voteId: VoteId }
      calls.push({ url, body })
      if (answer.write ?? answer.status === 200) {
        setTimeout(() => sealPhoneBallots(h.doc, body.voteId, { choices: answer.choices ?? [], receipts: answer.receipts ?? [] }, '2025-03-10T12:00:00.000Z', 'provider'), answer.delayMs ?? 10)
      }
      return new Response(JSON.stringify(answer.body), { status: answer.status, headers: { 'content-type': 'application/json' } })
    }),
  )
  return calls
}

describe('voter codes', () => {
  it('drawn codes: plain codes come back once; the document holds their hashes only, in one transaction', async () => {
    const { env, h } = await meetingOnDevice()
    let transactions = 0
    h.doc.on('afterTransaction', () => transactions++)
    const codes = await issueDrawnSlips(env, h, 12)
    expect(transactions).toBe(1)
    expect(codes).toHaveLength(12)
    expect(new Set(codes).size).toBe(12)
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/)
      expect(readVoterCode(h.doc, (await voterCodeHash(code))!)).toEqual({ kind: 'drawn' })
    }
    expect(voterCodeSummary(h.doc)).toEqual({ drawn: 12, named: [] })
    // Neither the document's state nor the device's database holds a plain code.
    const state = new TextDecoder('latin1').decode(Y.encodeStateAsUpdate(h.doc))
    for (const code of codes) expect(state).not.toContain(code)
    const dexie = JSON.stringify(await Promise.all(env.db.tables.map((t) => t.toArray())))
    for (const code of codes) expect(dexie).not.toContain(code)
    await expect(issueDrawnSlips(env, h, 0)).rejects.toThrow(RangeError)
    await expect(issueDrawnSlips(env, h, 501)).rejects.toThrow(RangeError)
  })

  it('named codes: one per member; a reissue replaces a member’s earlier code', async () => {
    const { env, h, s } = await meetingOnDevice()
    const first = await issueNamedSlips(env, h, [{ memberId: s.ids[0]!, name: '成员1' }, { memberId: s.ids[1]!, name: '成员2' }])
    expect(first.map((x) => x.name)).toEqual(['成员1', '成员2'])
    expect(readVoterCode(h.doc, (await voterCodeHash(first[0]!.code))!)).toEqual({ kind: 'named', memberId: s.ids[0] })
    const again = await issueNamedSlips(env, h, [{ memberId: s.ids[0]!, name: '成员1' }])
    expect(readVoterCode(h.doc, (await voterCodeHash(first[0]!.code))!)).toBeNull()
    expect(readVoterCode(h.doc, (await voterCodeHash(again[0]!.code))!)).toEqual({ kind: 'named', memberId: s.ids[0] })
    expect(voterCodeSummary(h.doc).named).toEqual([s.ids[0], s.ids[1]].sort())
  })

  it('the phones’ host is the council’s read-write sync server only', () => {
    const row = { councilId: COUNCIL, serverUrl: SERVER, code: RW_CODE, lastSyncedAt: null, updatedAt: '' }
    expect(phoneHostOf({ ...row, access: 'rw' })).toEqual({ serverUrl: SERVER, code: RW_CODE })
    expect(phoneHostOf({ ...row, access: 'ro' })).toBeNull()
    expect(phoneHostOf(undefined)).toBeNull()
    // The screen names the true reason: a read-only device has sync settings, just not the right to seal.
    expect(phoneHostMissing({ ...row, access: 'rw' })).toBeNull()
    expect(phoneHostMissing({ ...row, access: 'ro' })).toBe('readOnly')
    expect(phoneHostMissing(undefined)).toBe('noSync')
  })
})

describe('closing a vote with phones', () => {
  it('seals first, waits for the seal to arrive, then counts phone and laptop ballots together', async () => {
    const { env, h, s } = await meetingOnDevice()
    const voteId = await phoneVote(env, h, s)
    await castSecret(env, h, voteId, s.ids[0]!, 'against')
    setPhoneReceived(h.doc, voteId, 3, 'provider')
    const calls = stubHost(h, { status: 200, body: { ok: true, ballots: 3 }, choices: ['for', 'for', 'abstain'], receipts: ['AAAA-BBBB', '2222-3333', 'CCCC-DDDD'], delayMs: 50 })
    const r = await announce(env, h, council, voteId)
    expect(calls).toEqual([{ url: 'http://192.168.1.20:4455/ballot/api/seal', body: { meeting: NAME, voteId, code: RW_CODE } }])
    expect(r.closed).toBe(true)
    expect(r.result.counts).toMatchObject({ for: 2, against: 1, abstain: 1 })
    const vote = readVote(h.doc, voteId)!
    expect(vote.closedAt).not.toBeNull()
    expect(vote.phone?.receipts).toEqual(['2222-3333', 'AAAA-BBBB', 'CCCC-DDDD'])
    expect(vote.sealed?.ballots).toHaveLength(4)
  })

  it('a roll call with phones is sealed too (receipts only), then closes on the roll call', async () => {
    const { env, h, s } = await meetingOnDevice()
    const voteId = await phoneVote(env, h, s, 'roll_call')
    stubHost(h, { status: 200, body: { ok: true, ballots: 0 }, receipts: [] })
    const r = await announce(env, h, council, voteId)
    expect(r.closed).toBe(true)
    expect(readVote(h.doc, voteId)?.phone?.sealedAt).not.toBeNull()
  })

  it('an unreachable host closes nothing; a retry once it answers closes', async () => {
    const { env, h, s } = await meetingOnDevice()
    const voteId = await phoneVote(env, h, s)
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    await expect(announce(env, h, council, voteId)).rejects.toSatisfy((e) => e instanceof PhoneHostError && e.code === 'unreachable')
    expect(readVote(h.doc, voteId)?.closedAt).toBeNull()
    stubHost(h, { status: 200, body: { ok: true, ballots: 0 } })
    expect((await announce(env, h, council, voteId)).closed).toBe(true)
  })

  it('a refusal is reported by its code and closes nothing', async () => {
    const { env, h, s } = await meetingOnDevice()
    const voteId = await phoneVote(env, h, s)
    stubHost(h, { status: 403, body: { error: 'forbidden' } })
    await expect(announce(env, h, council, voteId)).rejects.toSatisfy((e) => e instanceof PhoneHostError && e.code === 'forbidden')
    stubHost(h, { status: 404, body: 'not json' })
    await expect(announce(env, h, council, voteId)).rejects.toSatisfy((e) => e instanceof PhoneHostError && e.code === 'not-found')
    expect(readVote(h.doc, voteId)?.closedAt).toBeNull()
  })

  it('a seal that does not arrive in time closes nothing', async () => {
    const { env, h, s } = await meetingOnDevice()
    const voteId = await phoneVote(env, h, s)
    stubHost(h, { status: 200, body: { ok: true, ballots: 0 }, write: false })
    await expect(announce(env, h, council, voteId, 100)).rejects.toSatisfy((e) => e instanceof PhoneSealError && e.code === 'notArrived')
    expect(readVote(h.doc, voteId)?.closedAt).toBeNull()
  })

  it('"vote-closed" from the host (sealed on an earlier try) still waits for the seal, then closes', async () => {
    const { env, h, s } = await meetingOnDevice()
    const voteId = await phoneVote(env, h, s)
    stubHost(h, { status: 409, body: { error: 'vote-closed' }, write: true })
    expect((await announce(env, h, council, voteId)).closed).toBe(true)
  })

  it('without sync settings on this device: noHost, and nothing is asked or closed', async () => {
    const { env, h, s } = await meetingOnDevice({ synced: false })
    const voteId = await phoneVote(env, h, s)
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    await expect(sealPhones(env, h, COUNCIL, voteId)).rejects.toSatisfy((e) => e instanceof PhoneSealError && e.code === 'noHost')
    expect(fetch).not.toHaveBeenCalled()
    expect(readVote(h.doc, voteId)?.closedAt).toBeNull()
  })

  it('a vote without phones closes as before, asking no host', async () => {
    const { env, h, s } = await meetingOnDevice()
    const motionId = debating({ ...s, doc: h.doc })
    await startVote(env, h, motionId, 'secret', 'simple_majority')
    const voteId = currentVote(h.doc)!.id
    expect(readVote(h.doc, voteId)?.phone).toBeNull()
    const fetch = vi.fn()
    vi.stubGlobal('fetch', fetch)
    await castSecret(env, h, voteId, s.ids[0]!, 'for')
    expect((await announce(env, h, council, voteId)).closed).toBe(true)
    expect(fetch).not.toHaveBeenCalled()
  })
})
