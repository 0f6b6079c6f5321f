// Issue 16, item 6: a phone whose ballot the host stored but whose reply was lost (the host died
// before answering, the Wi-Fi dropped) gets the same receipt when it sends the same ballot again
// (same code, same choice, same attempt id), and never 'code-used'. Anything else from that code
// is still 'code-used'; the host's file links no code to a receipt or a choice. Real server on a
// loopback port, restarted on its data folder to play the crash.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { PHONE_BALLOTS_DIR, pendingFileName } from '../../src/server/ballotStore'
import { readVote } from '../../src/shared/doc/votes'
import type { MemberId } from '../../src/shared/domain/ids'
import { drawnCodes, meetingInSession, namedCodes, phone, voteWithPhones } from './phone-fixtures'
import { connect, runCleanups, startServer, tempDir, waitFor } from './server-fixtures'

afterEach(runCleanups)

const ROOMY = { perAddress: { burst: 100_000, perSecond: 1000 }, perCode: { burst: 1000, perSecond: 100 }, failedLookups: { burst: 1000, perSecond: 100 } }
const attemptId = (n: number) => `attempt-${String(n).padStart(3, '0')}-abcdefghijk`

describe('a phone that lost its reply', () => {
  it('gets the same receipt on retry, across a host restart and after the seal; other requests of that code stay code-used', async () => {
    const dataDir = tempDir()
    const first = await startServer({ storage: 'files', phoneLimits: ROOMY, dataDir })
    const m = await meetingInSession(first, { n: 10 })
    const voteId = await voteWithPhones(m, 'secret')
    const codes = await drawnCodes(m, 4)
    const cast = (s: typeof first, i: number, choice: string, attempt?: string) =>
      phone(s, 'cast', { meeting: m.name, code: codes[i], voteId, choice, ...(attempt === undefined ? {} : { attempt }) })

    // The host stores the ballot and answers; the phone never sees the answer.
    const [st, lost] = await cast(first, 0, 'for', attemptId(0))
    expect(st).toBe(200)
    const receipt = lost.receipt as string
    // Retried at once, and again: the same receipt, nothing counted twice.
    expect(await cast(first, 0, 'for', attemptId(0))).toEqual([200, { ok: true, receipt }])
    expect(await cast(first, 0, 'for', attemptId(0))).toEqual([200, { ok: true, receipt }])
    const [, other] = await cast(first, 1, 'against', attemptId(1))

    // The host dies before answering a third phone; it comes back on the same folder.
    const [, third] = await cast(first, 2, 'abstain', attemptId(2))
    m.client.destroy()
    await first.close()
    const second = await startServer({ storage: 'files', phoneLimits: ROOMY, dataDir })
    expect(await cast(second, 2, 'abstain', attemptId(2))).toEqual([200, { ok: true, receipt: third.receipt }])

    // Not the same ballot: another choice, another attempt, no attempt: code-used, as before.
    expect(await cast(second, 0, 'against', attemptId(0))).toEqual([409, { error: 'code-used' }])
    expect(await cast(second, 0, 'for', attemptId(9))).toEqual([409, { error: 'code-used' }])
    expect(await cast(second, 0, 'for')).toEqual([409, { error: 'code-used' }])
    // Someone who saw the receipt on the phone's screen but never the attempt id gets nothing.
    expect(await cast(second, 3, 'for', 'x')).toEqual([400, { error: 'invalid-request' }])

    const file = join(dataDir, PHONE_BALLOTS_DIR, pendingFileName(m.name, voteId))
    const text = readFileSync(file, 'utf8')
    const held = JSON.parse(text) as { counts: unknown; receipts: string[]; retries: Record<string, string> }
    expect(held.counts).toEqual({ for: 1, against: 1, abstain: 1 })
    expect(Object.values(held.retries).sort()).toEqual([receipt, other.receipt, third.receipt].sort())
    for (const i of [0, 1, 2]) {
      expect(text).not.toContain(attemptId(i))
      expect(text).not.toContain(codes[i]!.replace(/-/g, ''))
    }

    // Sealed and closed: the retry still gets its receipt, which is on the published list.
    expect(await phone(second, 'seal', { meeting: m.name, voteId, code: m.rw })).toEqual([200, { ok: true, ballots: 3 }])
    expect(await cast(second, 0, 'for', attemptId(0))).toEqual([200, { ok: true, receipt }])
    const secretary = connect(second.url, m.name, m.rw)
    await waitFor(() => secretary.provider.isSynced && readVote(secretary.doc, voteId)?.phone?.sealedAt != null, 'secretary sees the seal')
    expect(readVote(secretary.doc, voteId)!.phone!.receipts).toContain(receipt)
    expect(readVote(secretary.doc, voteId)!.phoneBallots.sort()).toEqual(['abstain', 'against', 'for'])
  }, 60_000)

  it('roll call: the retry gets the same receipt and records the answer once', async () => {
    const s = await startServer({ storage: 'files', phoneLimits: ROOMY })
    const m = await meetingInSession(s, { n: 6 })
    const voteId = await voteWithPhones(m, 'roll_call')
    const member = m.ids[1] as MemberId
    const code = (await namedCodes(m, [member])).get(member)!
    const body = { meeting: m.name, code, voteId, choice: 'against', attempt: attemptId(7) }
    const [st, first] = await phone(s, 'cast', body)
    expect(st).toBe(200)
    expect(await phone(s, 'cast', body)).toEqual([200, { ok: true, receipt: first.receipt }])
    expect(await phone(s, 'cast', { ...body, choice: 'for' })).toEqual([409, { error: 'code-used' }])
    await waitFor(() => readVote(m.doc, voteId)?.phone?.received === 1, 'one answer received')
  }, 60_000)
})
