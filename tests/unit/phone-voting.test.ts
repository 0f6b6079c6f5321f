// Ballots from phones in the meeting document: voter codes (only hashes stored; drawn codes name
// no one, named codes bind a member), the vote's phone channel, the host's seal (one transaction,
// shuffled, choice only), the close that waits for it and counts phone and laptop ballots together.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { sha256HexSync } from '../../src/shared/domain/sha256'
import type * as Y from 'yjs'
import { closeSession } from '../../src/shared/doc/session'
import { recuse } from '../../src/shared/doc/recusals'
import {
  assertPhoneMayVote,
  issueDrawnCodes,
  issueNamedCodes,
  phoneRoom,
  readVoterCode,
  sealPhoneBallots,
  setPhoneReceived,
  voterCodeSummary,
  voterCodesMap,
} from '../../src/shared/doc/phoneVoting'
import { checkOffVoter, closeVote, lateEntries, openVote, readVote, recordRollCall, voteInput } from '../../src/shared/doc/votes'
import {
  ballotPageUrl,
  formatVoterCode,
  newReceipt,
  newVoterCode,
  normaliseReceipt,
  normaliseVoterCode,
  voterCodeHash,
} from '../../src/shared/domain/voterCode'
import { evaluateVote, type Choice } from '../../src/shared/domain/votes'
import { decodeBundle, encodeBundle, verifyBundle } from '../../src/shared/minutes/bundle'
import { expectDocError, replicaOf, syncAll } from './helpers'
import { baseRecord, bundleOf, clone, mainVote } from './minutes-bundle-fixture'
import { assembleMeetingRecord } from '../../src/shared/minutes/model'
import { council } from './minutes-fixture'
import { at, debating, inSession, type Setup } from './session-helpers'

const SETTINGS = { quorumRule: 'more_than_half' } as const

async function hashes(n: number): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: n }, () => newVoterCode())
  return { codes, hashes: (await Promise.all(codes.map(voterCodeHash))) as string[] }
}

function phoneVote(s: Setup, method: 'secret' | 'roll_call' = 'secret') {
  return openVote(s.doc, debating(s), { method, rule: 'simple_majority', phones: true }, at(20))
}

describe('voter codes', () => {
  it('are hashed by a SHA-256 of our own (crypto.subtle is missing on plain-http pages) that agrees with Node’s', () => {
    const lengths = [0, 1, 3, 55, 56, 57, 63, 64, 65, 119, 120, 200, 1000]
    for (const n of lengths) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n) & 0xff)
      expect(sha256HexSync(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'))
    }
    expect(sha256HexSync(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('carry 80 random bits in 16 unambiguous characters, grouped for reading', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 2000; i++) {
      const code = newVoterCode()
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
      seen.add(code)
    }
    expect(seen.size).toBe(2000)
    expect(newReceipt()).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
  })

  it('survive what a person typing a slip does: lower case, spaces, no hyphens, O for 0, I or L for 1', () => {
    const code = '7KQM-2X9P-4HRT-W3CD'
    expect(normaliseVoterCode('7kqm 2x9p 4hrt w3cd')).toBe('7KQM2X9P4HRTW3CD')
    expect(normaliseVoterCode('7KQM2X9P4HRTW3CD')).toBe('7KQM2X9P4HRTW3CD')
    expect(normaliseVoterCode('1000-0000-0000-0000')).toBe(normaliseVoterCode('lOOO-oooo-OOOO-oooo'))
    expect(formatVoterCode(normaliseVoterCode(code)!)).toBe(code)
    for (const bad of ['', '7KQM-2X9P-4HRT', '7KQM-2X9P-4HRT-W3CDX', '7KQM-2X9P-4HRT-W3CU', '<script>', null, 42, 'x'.repeat(100)]) expect(normaliseVoterCode(bad)).toBeNull()
    expect(normaliseReceipt('abcd efgh')).toBe('ABCD-EFGH')
    expect(normaliseReceipt('ABCD-EFG')).toBeNull()
  })

  it('are stored as a hash that the same code, however typed, always gives', async () => {
    const a = await voterCodeHash('7KQM-2X9P-4HRT-W3CD')
    expect(a).toBe(createHash('sha256').update('yishi-voter-code/1:7KQM2X9P4HRTW3CD').digest('hex'))
    expect(await voterCodeHash('7kqm2x9p4hrtw3cd')).toBe(a)
    expect(await voterCodeHash('7KQM-2X9P-4HRT-W3CE')).not.toBe(a)
    expect(await voterCodeHash('not a code')).toBeNull()
  })

  it('travel in the slip URL fragment, never in the query the server logs', () => {
    const url = ballotPageUrl('http://192.168.1.10:4455/', 'council/a/meeting/b', '7kqm 2x9p 4hrt w3cd')
    // The meeting's id alone: a council id on a slip would let a resident register it first elsewhere (issue 15).
    expect(url).toBe('http://192.168.1.10:4455/ballot/?m=b#c=7KQM2X9P4HRTW3CD')
    expect(ballotPageUrl('http://h:1', 'council/a/meeting/b')).toBe('http://h:1/ballot/?m=b')
  })

  it('drawn codes are a batch with no name attached; named codes bind a member and a reissue retires the old one', async () => {
    const s = inSession({ n: 5 })
    const { hashes: drawn } = await hashes(5)
    issueDrawnCodes(s.doc, drawn)
    expect(readVoterCode(s.doc, drawn[0]!)).toEqual({ kind: 'drawn' })
    // Nothing but the kind is stored with a drawn code.
    for (const v of voterCodesMap(s.doc).values()) expect(v).toEqual({ kind: 'drawn' })

    const [first, second] = (await hashes(2)).hashes as [string, string]
    issueNamedCodes(s.doc, [{ memberId: s.ids[0]!, hash: first }])
    expect(readVoterCode(s.doc, first)).toEqual({ kind: 'named', memberId: s.ids[0] })
    issueNamedCodes(s.doc, [{ memberId: s.ids[0]!, hash: second }])
    expect(readVoterCode(s.doc, first)).toBeNull()
    expect(voterCodeSummary(s.doc)).toEqual({ drawn: 5, named: [s.ids[0]] })

    expectDocError(() => issueDrawnCodes(s.doc, ['not-a-hash']), 'invalidInput')
    expectDocError(() => issueDrawnCodes(s.doc, [drawn[1]!, drawn[1]!]), 'invalidInput')
    closeSession(s.doc, at(90))
    expectDocError(() => issueDrawnCodes(s.doc, []), 'wrongMeetingStatus')
  })
})

describe('a vote that takes phone ballots', () => {
  it('is a secret ballot or a roll call, never a show of hands', () => {
    const s = inSession({ n: 5 })
    const motion = debating(s)
    expectDocError(() => openVote(s.doc, motion, { method: 'hands', rule: 'simple_majority', phones: true }, at(20)), 'invalidInput')
    const id = openVote(s.doc, motion, { method: 'secret', rule: 'simple_majority', phones: true }, at(21))
    expect(readVote(s.doc, id)!.phone).toEqual({ enabled: true, received: 0, sealedAt: null, receipts: [] })
  })

  it('accepts a drawn code in a secret ballot and a named code of an eligible member in a roll call, nothing else', () => {
    const s = inSession({ n: 5 })
    const secret = phoneVote(s)
    expect(assertPhoneMayVote(s.doc, secret, { kind: 'drawn' }).id).toBe(secret)
    expectDocError(() => assertPhoneMayVote(s.doc, secret, { kind: 'named', memberId: s.ids[0]! }), 'wrongCodeKind')

    const t = inSession({ n: 5 })
    const item = t.itemIds[0]!
    recuse(t.doc, item, t.ids[2]!, '本人住3栋', at(10))
    const roll = phoneVote(t, 'roll_call')
    expect(assertPhoneMayVote(t.doc, roll, { kind: 'named', memberId: t.ids[0]! }).method).toBe('roll_call')
    expectDocError(() => assertPhoneMayVote(t.doc, roll, { kind: 'named', memberId: t.ids[2]! }), 'notEligible')
    expectDocError(() => assertPhoneMayVote(t.doc, roll, { kind: 'drawn' }), 'wrongCodeKind')
  })

  it('stops taking ballots once phones and the laptop box together reach the eligible count', () => {
    const s = inSession({ n: 4 })
    const id = phoneVote(s)
    checkOffVoter(s.doc, id, s.ids[0]!)
    setPhoneReceived(s.doc, id, 2)
    expect(phoneRoom(readVote(s.doc, id)!)).toBe(1)
    setPhoneReceived(s.doc, id, 3)
    expectDocError(() => assertPhoneMayVote(s.doc, id, { kind: 'drawn' }), 'ballotsFull')
    // …and the laptop box refuses a fifth ballot as well.
    expectDocError(() => checkOffVoter(s.doc, id, s.ids[1]!), 'ballotsFull')
  })

  it('cannot close before the host has sealed the phone ballots in', () => {
    const s = inSession({ n: 5 })
    const id = phoneVote(s)
    const result = evaluateVote(voteInput(s.doc, id, SETTINGS, [])!)
    expectDocError(() => closeVote(s.doc, id, { ballots: [], result }, at(30)), 'phoneBallotsPending')
  })

  it('is sealed in one transaction: shuffled choices only, sorted receipts, then phones are refused', () => {
    const s = inSession({ n: 7 })
    const id = phoneVote(s)
    const host = replicaOf(s.doc, 99)
    const choices: Choice[] = ['for', 'for', 'against', 'for', 'abstain']
    const receipts = choices.map(() => newReceipt())
    let transactions = 0
    host.on('afterTransaction', () => (transactions += 1))
    sealPhoneBallots(host, id, { choices, receipts }, at(29))
    expect(transactions).toBe(1)
    syncAll(s.doc, host)

    const vote = readVote(s.doc, id)!
    expect(vote.phone).toMatchObject({ received: 5, sealedAt: at(29), receipts: [...receipts].sort() })
    const box = (s.doc.getMap('votes').get(id) as Y.Map<unknown>).get('ballots') as Y.Map<unknown>
    expect([...box.values()]).toHaveLength(5)
    for (const [key, value] of box.entries()) {
      expect(key).toMatch(/^[0-9a-f]{32}$/)
      expect(Object.keys(value as object)).toEqual(['choice'])
    }
    expectDocError(() => assertPhoneMayVote(s.doc, id, { kind: 'drawn' }), 'voteClosed')
    expectDocError(() => setPhoneReceived(s.doc, id, 6), 'voteClosed')
    expectDocError(() => sealPhoneBallots(s.doc, id, { choices: [], receipts: [] }, at(30)), 'voteClosed')
  })

  it('closes counting the phone ballots with the laptop box, and a ballot sealed in after the close is late', () => {
    const s = inSession({ n: 7 })
    const id = phoneVote(s)
    checkOffVoter(s.doc, id, s.ids[0]!)
    checkOffVoter(s.doc, id, s.ids[1]!)
    sealPhoneBallots(s.doc, id, { choices: ['for', 'for', 'against'], receipts: ['AAAA-AAAA', 'BBBB-BBBB', 'CCCC-CCCC'] }, at(29))
    const laptop: Choice[] = ['for', 'abstain']
    const input = voteInput(s.doc, id, SETTINGS, laptop)!
    expect(input.counts).toEqual({ for: 3, against: 1, abstain: 1 })
    const result = evaluateVote(input)
    closeVote(s.doc, id, { ballots: laptop, result }, at(30))
    const vote = readVote(s.doc, id)!
    expect(vote.ballotCounts).toEqual({ for: 3, against: 1, abstain: 1 })
    expect(vote.sealed!.ballots).toHaveLength(5)
    expect(lateEntries(s.doc, id)).toEqual([])
    expect(vote.phoneBallots).toEqual([])
  })

  it('takes roll-call answers from phones as named entries, counted like the secretary’s', () => {
    const s = inSession({ n: 5 })
    const id = phoneVote(s, 'roll_call')
    recordRollCall(s.doc, id, s.ids[0]!, 'for', at(21), 'phone')
    recordRollCall(s.doc, id, s.ids[1]!, 'against', at(22))
    sealPhoneBallots(s.doc, id, { choices: [], receipts: ['AAAA-AAAA'] }, at(29))
    const result = evaluateVote(voteInput(s.doc, id, SETTINGS)!)
    closeVote(s.doc, id, { ballots: [], result }, at(30))
    const vote = readVote(s.doc, id)!
    expect(vote.result!.counts).toMatchObject({ for: 1, against: 1, abstain: 0 })
    expect(vote.rollCall.find((e) => e.memberId === s.ids[0])!.device).toBe('phone')
    expect(vote.phone!.receipts).toEqual(['AAAA-AAAA'])
    expectDocError(() => sealPhoneBallots(s.doc, id, { choices: ['for'], receipts: [] }, at(31)), 'voteClosed')
  })

  it('refuses a seal that would put more ballots in than voters who have not voted on the laptop', () => {
    const s = inSession({ n: 3 })
    const id = phoneVote(s)
    checkOffVoter(s.doc, id, s.ids[0]!)
    expectDocError(() => sealPhoneBallots(s.doc, id, { choices: ['for', 'for', 'for'], receipts: [] }, at(29)), 'ballotsExceedVoters')
    expectDocError(() => sealPhoneBallots(s.doc, id, { choices: ['yes' as Choice], receipts: [] }, at(29)), 'invalidInput')
    expectDocError(() => sealPhoneBallots(s.doc, id, { choices: [], receipts: ['nope'] }, at(29)), 'invalidInput')
    expect(readVote(s.doc, id)!.phone!.sealedAt).toBeNull()
  })
})

describe('phone ballots in the minutes', () => {
  it('the record of a vote with phones says how many came from phones and the receipts; the sealed bundle verifies', async () => {
    const s = inSession({ n: 5 })
    const id = phoneVote(s)
    sealPhoneBallots(s.doc, id, { choices: ['for', 'for', 'against'], receipts: ['BBBB-BBBB', 'AAAA-AAAA', 'CCCC-CCCC'] }, at(29))
    closeVote(s.doc, id, { ballots: [], result: evaluateVote(voteInput(s.doc, id, SETTINGS)!) }, at(30))
    const entry = assembleMeetingRecord(s.doc, council()).agenda[0]!.motions[0]!.votes[0]!
    expect(entry.phone).toEqual({ ballots: 3, receipts: ['AAAA-AAAA', 'BBBB-BBBB', 'CCCC-CCCC'] })

    const record = baseRecord()
    mainVote(record).vote.phone = clone(entry.phone!)
    const decoded = decodeBundle(encodeBundle(await bundleOf(record)))
    expect(decoded.ok).toBe(true)
    if (decoded.ok) expect((await verifyBundle(decoded.bundle)).ok).toBe(true)

    // A receipt that is not one (hostile text in the record) is refused before anything is sealed.
    mainVote(record).vote.phone = { ballots: 1, receipts: ['<img src=x onerror=alert(1)>'] }
    await expect(bundleOf(record)).rejects.toThrow(/sealedInvalid/)
  })
})
