// Ballots from phones through the host (src/server/ballots.ts): a real sync server on a loopback
// port, the meeting built by a real provider client (the secretary's device), phones as plain HTTP
// clients. Secret ballots are held by the host as counts and written in only at the seal; roll-call
// answers go in at once; codes work once, for their own meeting, while it is in session; the
// limits hold; what the host keeps on disk is counts only and survives a restart; the page is
// served from its folder only, with its CSP.
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { PHONE_BALLOTS_DIR, pendingFileName } from '../../src/server/ballotStore'
import { parseCli } from '../../src/server/cliArgs'
import type { SyncServerEvent } from '../../src/server/log'
import type { SyncServerOptions } from '../../src/server/server'
import { BALLOT_PAGE_CSP } from '../../src/server/staticPage'
import { closeSession } from '../../src/shared/doc/session'
import { closeVote, readVote, voteInput, votesMap } from '../../src/shared/doc/votes'
import type { VoteId } from '../../src/shared/domain/ids'
import { newVoterCode, normaliseReceipt, voterCodeHash } from '../../src/shared/domain/voterCode'
import { evaluateVote, type BallotCounts, type Choice } from '../../src/shared/domain/votes'
import type { StorageKind } from '../../src/server/storage'
import { acked, drawnCodes, later, meetingInSession, namedCodes, phone, phoneFrom, rawRequest, voteWithPhones, type Meeting } from './phone-fixtures'
import { connect, newCouncil, runCleanups, startServer, STORAGES, storedDoc, tempDir, waitFor } from './server-fixtures'

afterEach(runCleanups)

/** Limits out of the way, for the tests that are not about them. */
const ROOMY = { perAddress: { burst: 100_000, perSecond: 1000 }, perCode: { burst: 1000, perSecond: 100 }, failedLookups: { burst: 1000, perSecond: 100 } }
const start = (options: Partial<SyncServerOptions> = {}) => startServer({ storage: 'files', phoneLimits: ROOMY, ...options })

const SETTINGS = { quorumRule: 'more_than_half' } as const
const CHOICES: readonly Choice[] = ['for', 'against', 'abstain']

const ballotsMap = (doc: Y.Doc, voteId: VoteId) => (votesMap(doc).get(voteId) as Y.Map<unknown>).get('ballots') as Y.Map<unknown>

/** Closes a vote in the secretary's doc with the result its counts give. */
function closeInClient(m: Meeting, voteId: VoteId): void {
  const result = evaluateVote(voteInput(m.doc, voteId, SETTINGS)!)
  closeVote(m.doc, voteId, { ballots: [], result }, later())
}

const refusals = (events: SyncServerEvent[]) => events.filter((e) => e.type === 'phone-refused').map((e) => (e as { reason: string }).reason)

describe.each(STORAGES)('phone ballots (storage: %s)', (storage: StorageKind) => {
  it('50 phones cast at once: every ballot counted once, sealed in as bare choices, and the vote closes with them', async () => {
    const s = await start({ storage })
    const m = await meetingInSession(s, { n: 60 })
    const voteId = await voteWithPhones(m, 'secret')
    const codes = await drawnCodes(m, 50)
    const choices = codes.map((_, i) => CHOICES[i % 7 === 0 ? 2 : i % 3 === 0 ? 1 : 0]!)
    const expected: BallotCounts = { for: 0, against: 0, abstain: 0 }
    for (const c of choices) expected[c] += 1

    const [status, opened] = await phone(s, 'open', { meeting: m.name, code: codes[0] })
    expect(status).toBe(200)
    expect(opened).toEqual({ ok: true, vote: { voteId, method: 'secret', motionText: '同意3栋加装电梯', voted: false } })

    const answers = await Promise.all(codes.map((code, i) => phone(s, 'cast', { meeting: m.name, code, voteId, choice: choices[i] })))
    expect(answers.map(([st]) => st)).toEqual(codes.map(() => 200))
    const receipts = answers.map(([, b]) => b.receipt as string)
    expect(receipts.every((r) => normaliseReceipt(r) === r)).toBe(true)
    expect(new Set(receipts).size).toBe(50)
    expect(answers.every(([, b]) => Object.keys(b).sort().join() === 'ok,receipt')).toBe(true)

    // The document learns the count, never a ballot, before the seal.
    await waitFor(() => readVote(m.doc, voteId)?.phone?.received === 50, 'received = 50 in the secretary doc')
    expect(ballotsMap(m.doc, voteId).size).toBe(0)
    expect((await phone(s, 'open', { meeting: m.name, code: codes[3] }))[1]).toMatchObject({ vote: { voted: true } })
    // The vote cannot close before the host has sealed the phone ballots in.
    expect(() => closeInClient(m, voteId)).toThrow(/phoneBallotsPending/)

    const [sealStatus, sealed] = await phone(s, 'seal', { meeting: m.name, voteId, code: m.rw })
    expect([sealStatus, sealed]).toEqual([200, { ok: true, ballots: 50 }])
    await waitFor(() => readVote(m.doc, voteId)?.phone?.sealedAt != null, 'seal synced')
    const box = ballotsMap(m.doc, voteId)
    expect(box.size).toBe(50)
    const got: BallotCounts = { for: 0, against: 0, abstain: 0 }
    for (const v of box.values()) {
      expect(Object.keys(v as object)).toEqual(['choice'])
      got[(v as { choice: Choice }).choice] += 1
    }
    expect(got).toEqual(expected)
    const vote = readVote(m.doc, voteId)!
    expect(vote.phone).toMatchObject({ enabled: true, received: 50, receipts: [...receipts].sort() })

    // A second seal (a retry, another device) changes nothing.
    expect(await phone(s, 'seal', { meeting: m.name, voteId, code: await m.council.code('rw') })).toEqual([200, { ok: true, ballots: 50 }])
    expect(ballotsMap(m.doc, voteId).size).toBe(50)

    // The secretary closes the vote: the phone ballots are what it counted.
    closeInClient(m, voteId)
    expect(readVote(m.doc, voteId)).toMatchObject({ ballotCounts: expected, result: { counts: expected } })
    expect(s.events).toContainEqual({ type: 'phone-sealed', documentName: m.name, voteId, ballots: 50 })
    // Nothing logged carries a code or a choice.
    const logged = JSON.stringify(s.events)
    for (const code of codes) expect(logged).not.toContain(code)
  }, 60_000)

  it('casts survive a server restart before the seal; the pending file holds counts and hashes only', async () => {
    const dataDir = tempDir()
    const first = await start({ storage, dataDir })
    const m = await meetingInSession(first, { n: 10 })
    const voteId = await voteWithPhones(m, 'secret')
    const codes = await drawnCodes(m, 6)
    const before = ['for', 'against', 'for'] as const
    const receipts: string[] = []
    for (const [i, choice] of before.entries()) {
      const [st, b] = await phone(first, 'cast', { meeting: m.name, code: codes[i], voteId, choice })
      expect(st).toBe(200)
      receipts.push(b.receipt as string)
    }

    const file = join(dataDir, PHONE_BALLOTS_DIR, pendingFileName(m.name, voteId))
    const text = readFileSync(file, 'utf8')
    const held = JSON.parse(text) as Record<string, unknown>
    const hashes = (await Promise.all(codes.slice(0, 3).map(voterCodeHash))) as string[]
    expect(held).toEqual({
      version: 1,
      meeting: m.name,
      voteId,
      counts: { for: 2, against: 1, abstain: 0 },
      used: [...hashes].sort(),
      receipts: [...receipts].sort(),
      retries: {},
      sealed: false,
    })
    for (const code of codes) expect(text).not.toContain(code.replace(/-/g, ''))
    expect(readdirSync(join(dataDir, PHONE_BALLOTS_DIR)).filter((f) => f.endsWith('.tmp'))).toEqual([])

    m.client.destroy()
    await first.close()

    // Nobody has the meeting open on the new server: the host opens it from storage.
    const second = await start({ storage, dataDir })
    expect(await phone(second, 'cast', { meeting: m.name, code: codes[0], voteId, choice: 'abstain' })).toEqual([409, { error: 'code-used' }])
    expect((await phone(second, 'open', { meeting: m.name, code: codes[1] }))[1]).toMatchObject({ vote: { voteId, voted: true } })
    for (const [i, choice] of (['abstain', 'for'] as const).entries()) {
      const [st, b] = await phone(second, 'cast', { meeting: m.name, code: codes[3 + i], voteId, choice })
      expect(st).toBe(200)
      receipts.push(b.receipt as string)
    }
    expect(await phone(second, 'seal', { meeting: m.name, voteId, code: m.rw })).toEqual([200, { ok: true, ballots: 5 }])
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ counts: { for: 3, against: 1, abstain: 1 }, sealed: true })
    // Sealed: no more phone ballots, not even from an unused code.
    expect(await phone(second, 'cast', { meeting: m.name, code: codes[5], voteId, choice: 'for' })).toEqual([409, { error: 'vote-closed' }])

    const secretary = connect(second.url, m.name, m.rw)
    await waitFor(() => secretary.provider.isSynced && readVote(secretary.doc, voteId)?.phone?.sealedAt != null, 'secretary sees the seal')
    const vote = readVote(secretary.doc, voteId)!
    expect(vote.phoneBallots.sort()).toEqual(['abstain', 'against', 'for', 'for', 'for'])
    expect(vote.phone!.receipts).toEqual([...receipts].sort())
    await second.close()
    expect(readVote(storedDoc(dataDir, m.name, storage)!, voteId)!.phone!.sealedAt).not.toBeNull()
  }, 60_000)
})

describe('phone ballots: host state', () => {
  it('a seal racing casts: every cast is either counted (a receipt) or refused as closed', async () => {
    const s = await start()
    const m = await meetingInSession(s, { n: 30 })
    const voteId = await voteWithPhones(m, 'secret')
    const codes = await drawnCodes(m, 30)
    const casts = codes.map((code) => phone(s, 'cast', { meeting: m.name, code, voteId, choice: 'for' }))
    const seal = phone(s, 'seal', { meeting: m.name, voteId, code: m.rw })
    const more = codes.slice(0, 5).map((code) => phone(s, 'cast', { meeting: m.name, code, voteId, choice: 'against' }))
    const answers = await Promise.all([...casts, ...more])
    const [, sealed] = await seal
    const receipts = answers.filter(([st]) => st === 200).map(([, b]) => b.receipt as string)
    expect(answers.every(([st, b]) => st === 200 || (st === 409 && ['vote-closed', 'code-used'].includes(b.error as string)))).toBe(true)
    expect(sealed).toEqual({ ok: true, ballots: receipts.length })
    await waitFor(() => readVote(m.doc, voteId)?.phone?.sealedAt != null, 'seal synced')
    expect(ballotsMap(m.doc, voteId).size).toBe(receipts.length)
    expect(readVote(m.doc, voteId)!.phone!.receipts).toEqual([...receipts].sort())
  })

  it('a pending file that does not read back makes the vote unavailable; it is never reset', async () => {
    const dataDir = tempDir()
    const first = await start({ dataDir })
    const m = await meetingInSession(first, { n: 5 })
    const voteId = await voteWithPhones(m, 'secret')
    const [a, b] = await drawnCodes(m, 2)
    expect((await phone(first, 'cast', { meeting: m.name, code: a, voteId, choice: 'for' }))[0]).toBe(200)
    m.client.destroy()
    await first.close()
    const file = join(dataDir, PHONE_BALLOTS_DIR, pendingFileName(m.name, voteId))
    writeFileSync(file, '{"version":1,"meeting":')

    const second = await start({ dataDir })
    expect(await phone(second, 'cast', { meeting: m.name, code: b, voteId, choice: 'for' })).toEqual([503, { error: 'unavailable' }])
    expect(await phone(second, 'open', { meeting: m.name, code: b })).toEqual([503, { error: 'unavailable' }])
    expect(await phone(second, 'seal', { meeting: m.name, voteId, code: m.rw })).toEqual([503, { error: 'unavailable' }])
    expect(readFileSync(file, 'utf8')).toBe('{"version":1,"meeting":')
    expect(second.events.filter((e) => e.type === 'phone-ballots-unreadable')).toEqual([
      { type: 'phone-ballots-unreadable', documentName: m.name, voteId, error: expect.stringContaining('not JSON') },
    ])
  })
})

describe('phone ballots: refusals', () => {
  it('a code works once, for its own meeting, while the vote is open and the meeting in session', async () => {
    const s = await start()
    const m = await meetingInSession(s, { n: 8 })
    const other = await meetingInSession(s, { n: 3, council: m.council })
    const voteId = await voteWithPhones(m, 'secret')
    const [a, b, c] = await drawnCodes(m, 3)
    const [foreign] = await drawnCodes(other, 1)
    const cast = (code: unknown, extra: Record<string, unknown> = {}) => phone(s, 'cast', { meeting: m.name, code, voteId, choice: 'for', ...extra })

    expect((await cast(a))[0]).toBe(200)
    expect(await cast(a)).toEqual([409, { error: 'code-used' }])
    // Typed loosely: lower case, spaces for hyphens, O for 0, is the same code.
    expect(await cast(a!.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o'))).toEqual([409, { error: 'code-used' }])
    expect(await cast(foreign)).toEqual([403, { error: 'invalid-code' }])
    expect(await cast(newVoterCode())).toEqual([403, { error: 'invalid-code' }])
    expect(await cast('1234')).toEqual([403, { error: 'invalid-code' }])
    expect(await cast(b, { choice: 'yes' })).toEqual([400, { error: 'invalid-request' }])
    expect(await cast(b, { voteId: 'nope' })).toEqual([400, { error: 'invalid-request' }])
    expect(await cast(42)).toEqual([400, { error: 'invalid-request' }])
    expect(await phone(s, 'cast', '{not json')).toEqual([400, { error: 'invalid-request' }])
    expect(await phone(s, 'cast', '[1]')).toEqual([400, { error: 'invalid-request' }])
    expect(await phone(s, 'cast', { meeting: m.council.docName, code: b, voteId, choice: 'for' })).toEqual([400, { error: 'invalid-request' }])
    expect(await phone(s, 'open', { meeting: m.name, code: b, pad: 'x'.repeat(5000) })).toEqual([413, { error: 'body-too-large' }])
    const form = await fetch(`${s.httpUrl}/ballot/api/open`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })
    expect([form.status, await form.json()]).toEqual([415, { error: 'unsupported-media-type' }])
    const get = await fetch(`${s.httpUrl}/ballot/api/open`)
    expect([get.status, await get.json()]).toEqual([405, { error: 'method-not-allowed' }])
    expect(await phone(s, 'vote', {})).toEqual([404, { error: 'not-found' }])

    // A meeting that does not exist (in a registered council, or not) is an invalid code, and no
    // empty document is made for it.
    const ghost = m.name.replace(/[0-9a-f]{8}$/, '00000000')
    expect(await phone(s, 'open', { meeting: ghost, code: b })).toEqual([403, { error: 'invalid-code' }])
    const unregistered = `council/${crypto.randomUUID()}/meeting/${crypto.randomUUID()}`
    expect(await phone(s, 'open', { meeting: unregistered, code: b })).toEqual([403, { error: 'invalid-code' }])
    await s.close()
    expect(storedDoc(s.dataDir, ghost, 'files')).toBeNull()
    expect(readdirSync(join(s.dataDir, 'docs')).some((f) => f.includes('00000000.ydoc'))).toBe(false)
    expect(refusals(s.events)).toEqual(expect.arrayContaining(['code-used', 'invalid-code', 'invalid-request']))

    // Untouched by all that: the other codes still vote (here after a restart).
    const s2 = await start({ dataDir: s.dataDir })
    expect((await phone(s2, 'cast', { meeting: m.name, code: c, voteId, choice: 'against' }))[0]).toBe(200)
  }, 60_000)

  it('after the seal and the close, and once the meeting is over, codes are refused', async () => {
    const s = await start()
    const m = await meetingInSession(s, { n: 6 })
    const voteId = await voteWithPhones(m, 'secret')
    const [a, b, c] = await drawnCodes(m, 3)
    expect((await phone(s, 'cast', { meeting: m.name, code: a, voteId, choice: 'for' }))[0]).toBe(200)

    // Only a valid read-write code of the council seals.
    const stranger = await newCouncil(s)
    const tampered = m.rw.slice(0, -5) + (m.rw.at(-5) === 'x' ? 'y' : 'x') + m.rw.slice(-4)
    for (const code of [await m.council.code('ro'), await stranger.code('rw'), 'YS1.nonsense', tampered]) {
      expect(await phone(s, 'seal', { meeting: m.name, voteId, code })).toEqual([403, { error: 'forbidden' }])
    }
    expect(await phone(s, 'seal', { meeting: m.name, voteId: crypto.randomUUID(), code: m.rw })).toEqual([409, { error: 'vote-closed' }])
    expect(await phone(s, 'seal', { meeting: m.name, voteId, code: m.rw })).toEqual([200, { ok: true, ballots: 1 }])
    expect(await phone(s, 'cast', { meeting: m.name, code: b, voteId, choice: 'for' })).toEqual([409, { error: 'vote-closed' }])
    expect(await phone(s, 'open', { meeting: m.name, code: b })).toEqual([200, { ok: true, vote: null }])

    await waitFor(() => readVote(m.doc, voteId)?.phone?.sealedAt != null, 'seal synced')
    closeInClient(m, voteId)
    await acked(m.client)
    expect(await phone(s, 'cast', { meeting: m.name, code: b, voteId, choice: 'for' })).toEqual([409, { error: 'vote-closed' }])

    // A vote without phones: nothing to open, nothing to cast or seal.
    const handsVote = await voteWithPhones(m, 'hands', { item: 1, phones: false, text: '垃圾分类试点' })
    expect(await phone(s, 'open', { meeting: m.name, code: b })).toEqual([200, { ok: true, vote: null }])
    expect(await phone(s, 'cast', { meeting: m.name, code: b, voteId: handsVote, choice: 'for' })).toEqual([409, { error: 'vote-closed' }])
    expect(await phone(s, 'seal', { meeting: m.name, voteId: handsVote, code: m.rw })).toEqual([409, { error: 'vote-closed' }])
    closeInClient(m, handsVote)

    closeSession(m.doc, later())
    await acked(m.client)
    expect(await phone(s, 'open', { meeting: m.name, code: c })).toEqual([403, { error: 'expired' }])
    expect(await phone(s, 'cast', { meeting: m.name, code: c, voteId, choice: 'for' })).toEqual([403, { error: 'expired' }])
    expect(refusals(s.events)).toEqual(expect.arrayContaining(['forbidden', 'vote-closed', 'expired']))
  }, 60_000)

  it('roll call by named codes: recorded under the member, device "phone"; drawn codes and recused members refused', async () => {
    const s = await start()
    const m = await meetingInSession(s, { n: 6 })
    const recusedId = m.ids[4]!
    const voteId = await voteWithPhones(m, 'roll_call', { recused: [recusedId] })
    const named = await namedCodes(m, m.ids)
    const [drawn] = await drawnCodes(m, 1)
    const voter = m.ids[2]!

    expect((await phone(s, 'open', { meeting: m.name, code: named.get(voter) }))[1]).toEqual({
      ok: true,
      vote: { voteId, method: 'roll_call', motionText: '同意3栋加装电梯', voted: false },
    })
    const [st, b] = await phone(s, 'cast', { meeting: m.name, code: named.get(voter), voteId, choice: 'against' })
    expect(st).toBe(200)
    await waitFor(() => (readVote(m.doc, voteId)?.rollCall.length ?? 0) === 1, 'roll-call entry synced')
    expect(readVote(m.doc, voteId)!.rollCall[0]).toMatchObject({ memberId: voter, choice: 'against', device: 'phone' })
    // The running count the secretary's screen shows moves with the named answer.
    expect(readVote(m.doc, voteId)!.phone!.received).toBe(1)
    expect(readVote(m.doc, voteId)!.decisions.find((d) => d.memberId === voter)).toMatchObject({ choice: 'against' })

    expect(await phone(s, 'cast', { meeting: m.name, code: named.get(voter), voteId, choice: 'for' })).toEqual([409, { error: 'code-used' }])
    expect((await phone(s, 'open', { meeting: m.name, code: named.get(voter) }))[1]).toMatchObject({ vote: { voted: true } })
    expect(await phone(s, 'cast', { meeting: m.name, code: drawn, voteId, choice: 'for' })).toEqual([403, { error: 'wrong-code-kind' }])
    expect(await phone(s, 'cast', { meeting: m.name, code: named.get(recusedId), voteId, choice: 'for' })).toEqual([403, { error: 'not-eligible' }])
    const [st2, b2] = await phone(s, 'cast', { meeting: m.name, code: named.get(m.ids[0]!), voteId, choice: 'for' })
    expect(st2).toBe(200)

    expect(await phone(s, 'seal', { meeting: m.name, voteId, code: m.rw })).toEqual([200, { ok: true, ballots: 2 }])
    await waitFor(() => readVote(m.doc, voteId)?.phone?.sealedAt != null, 'seal synced')
    expect(readVote(m.doc, voteId)!.phone!.receipts).toEqual([b.receipt as string, b2.receipt as string].sort())
    expect(ballotsMap(m.doc, voteId).size).toBe(0)
    closeInClient(m, voteId)
    expect(readVote(m.doc, voteId)!.result!.counts).toMatchObject({ for: 1, against: 1, abstain: 0 })

    // A named code in a secret ballot is the wrong kind too.
    const secret = await voteWithPhones(m, 'secret', { item: 1, text: '垃圾分类试点' })
    expect(await phone(s, 'cast', { meeting: m.name, code: named.get(m.ids[1]!), voteId: secret, choice: 'for' })).toEqual([403, { error: 'wrong-code-kind' }])
  }, 60_000)

  it('no more phone ballots than eligible voters', async () => {
    const s = await start()
    const m = await meetingInSession(s, { n: 2 })
    const voteId = await voteWithPhones(m, 'secret')
    const codes = await drawnCodes(m, 3)
    const answers = await Promise.all(codes.map((code) => phone(s, 'cast', { meeting: m.name, code, voteId, choice: 'for' })))
    expect(answers.map(([st]) => st).sort()).toEqual([200, 200, 409])
    expect(answers.find(([st]) => st === 409)![1]).toEqual({ error: 'ballots-full' })
  })
})

describe('phone ballots: rate limits', () => {
  it('guessing codes from one address is stopped (429) without stopping the other phones; a hall behind one NAT is not locked out by a few mistakes', async () => {
    const s = await start({ phoneLimits: {} })
    const m = await meetingInSession(s, { n: 5 })
    const voteId = await voteWithPhones(m, 'secret')
    const [good, neighbour] = await drawnCodes(m, 2)
    const guesser = '127.0.0.2'
    // Ten wrong codes from the hall's one address (issue 15: they used to lock every phone behind it).
    for (let i = 0; i < 10; i++) expect(await phoneFrom(s, guesser, 'open', { meeting: m.name, code: newVoterCode() })).toEqual([403, { error: 'invalid-code' }])
    expect((await phoneFrom(s, guesser, 'open', { meeting: m.name, code: neighbour }))[0]).toBe(200)
    // Then it runs out: 200 at once (plus one every 2 s while they come).
    let wrong = 10
    let answer = await phoneFrom(s, guesser, 'open', { meeting: m.name, code: newVoterCode() })
    while (answer[0] === 403 && wrong < 260) {
      wrong++
      answer = await phoneFrom(s, guesser, 'open', { meeting: m.name, code: newVoterCode() })
    }
    expect(answer).toEqual([429, { error: 'rate-limited' }])
    expect(wrong).toBeGreaterThanOrEqual(200)
    // Even a real code, from that address, waits.
    expect(await phoneFrom(s, guesser, 'open', { meeting: m.name, code: good })).toEqual([429, { error: 'rate-limited' }])
    const raw = await rawRequest(s, 'POST', '/ballot/api/open', { localAddress: guesser, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ meeting: m.name, code: good }) })
    expect(Number(raw.headers['retry-after'])).toBeGreaterThan(0)
    // Another phone is not affected.
    expect((await phoneFrom(s, '127.0.0.3', 'cast', { meeting: m.name, code: good, voteId, choice: 'for' }))[0]).toBe(200)
  })

  it('one code hammered is stopped (429), and so is one address sending too much', async () => {
    const s = await start({ phoneLimits: { perAddress: { burst: 30, perSecond: 0.01 } } })
    const m = await meetingInSession(s, { n: 5 })
    await voteWithPhones(m, 'secret')
    const [code, other] = await drawnCodes(m, 2)
    const answers: number[] = []
    for (let i = 0; i < 12; i++) answers.push((await phoneFrom(s, '127.0.0.4', 'open', { meeting: m.name, code }))[0])
    expect(answers.slice(0, 10)).toEqual(Array(10).fill(200))
    expect(answers.slice(10)).toEqual([429, 429])
    // From another address, the same code is still limited: the limit is the code's.
    expect(await phoneFrom(s, '127.0.0.5', 'open', { meeting: m.name, code })).toEqual([429, { error: 'rate-limited' }])
    expect((await phoneFrom(s, '127.0.0.5', 'open', { meeting: m.name, code: other }))[0]).toBe(200)

    const flood: number[] = []
    for (let i = 0; i < 32; i++) flood.push((await phoneFrom(s, '127.0.0.6', 'open', { meeting: m.name, code: 'x' }))[0])
    expect(flood.slice(0, 30).every((st) => st === 403)).toBe(true)
    expect(flood.slice(30)).toEqual([429, 429])
    expect((await fetch(`${s.httpUrl}/health`)).status).toBe(200)
  })
})

describe('the ballot page', () => {
  function pageDir(): { dir: string; secret: string } {
    const root = tempDir()
    const dir = join(root, 'ballot')
    mkdirSync(join(dir, 'assets'), { recursive: true })
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>投票</title><script type="module" src="./assets/app.js"></script>')
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("ballot")')
    writeFileSync(join(dir, 'assets', 'app.css'), 'body{}')
    writeFileSync(join(dir, '.env'), 'SECRET=dotfile')
    writeFileSync(join(root, 'secret.txt'), 'SECRET=outside')
    symlinkSync(join(root, 'secret.txt'), join(dir, 'link.js'))
    return { dir, secret: 'SECRET' }
  }

  it('serves the page and its assets from its folder, with a strict CSP', async () => {
    const { dir } = pageDir()
    const s = await start({ ballotPageDir: dir })
    const res = await fetch(`${s.httpUrl}/ballot/?m=council%2Fx`)
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('<title>投票</title>')
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(res.headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
    expect(BALLOT_PAGE_CSP).toBe(res.headers.get('content-security-policy'))
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(res.headers.get('cache-control')).toBe('no-store')

    const js = await fetch(`${s.httpUrl}/ballot/assets/app.js`)
    expect([js.status, js.headers.get('content-type'), await js.text()]).toEqual([200, 'text/javascript; charset=utf-8', 'console.log("ballot")'])
    expect((await fetch(`${s.httpUrl}/ballot/assets/app.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect((await fetch(`${s.httpUrl}/ballot/index.html`)).status).toBe(200)
    const head = await fetch(`${s.httpUrl}/ballot/`, { method: 'HEAD' })
    expect([head.status, await head.text()]).toEqual([200, ''])

    // Without the slash: redirected, keeping the query (the fragment stays in the browser).
    const bare = await rawRequest(s, 'GET', '/ballot?m=abc')
    expect([bare.status, bare.headers.location]).toEqual([302, '/ballot/?m=abc'])
    expect((await rawRequest(s, 'POST', '/ballot/')).status).toBe(405)
    // The rest of the server is unchanged.
    expect(await (await fetch(`${s.httpUrl}/health`)).json()).toEqual({ ok: true })
  })

  it('serves nothing outside the folder: no traversal, no dotfiles, no symlinks out, no unknown types', async () => {
    const { dir, secret } = pageDir()
    const s = await start({ ballotPageDir: dir })
    for (const path of [
      '/ballot/../secret.txt',
      '/ballot/%2e%2e/secret.txt',
      '/ballot/%2E%2E/%2E%2E/etc/passwd',
      '/ballot/..%2fsecret.txt',
      '/ballot/assets/..%2F..%2Fsecret.txt',
      '/ballot/..%5csecret.txt',
      '/ballot/.env',
      '/ballot/%2eenv',
      '/ballot/link.js',
      '/ballot/assets',
      '/ballot/assets/',
      '/ballot/assets//app.js',
      '/ballot/missing.js',
      '/ballot/%E0%A4%A',
      '/ballot/assets/app.js%00.html',
    ]) {
      const r = await rawRequest(s, 'GET', path)
      expect(r.status, path).toBe(404)
      expect(r.body, path).not.toContain(secret)
    }
  })

  it('answers 404 with a plain message when the page is not built', async () => {
    const s = await start()
    const res = await fetch(`${s.httpUrl}/ballot/`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toMatch(/not available/)
    const s2 = await start({ ballotPageDir: join(tempDir(), 'nothing-here') })
    expect((await fetch(`${s2.httpUrl}/ballot/`)).status).toBe(404)
  })

  it('npm run server takes --ballot-page DIR', () => {
    expect(parseCli(['--ballot-page', 'dist-web/ballot'], {}).ballotPageDir).toBe(join(process.cwd(), 'dist-web', 'ballot'))
    expect(parseCli([], {})).not.toHaveProperty('ballotPageDir')
    expect(() => parseCli(['--ballot-page', ''], {})).toThrow(/--ballot-page/)
  })
})
