// The smaller holes of issue 15: registration is rate limited per address and the registry is
// bounded; a wrong voter code, an unknown meeting and a closed meeting answer alike to someone
// without a valid code (only a valid code learns that its meeting has ended).
import { afterEach, describe, expect, it } from 'vitest'
import { newCouncilId, newMeetingId } from '../../src/shared/domain/ids'
import { meetingDocName } from '../../src/shared/doc/names'
import { closeSession } from '../../src/shared/doc/session'
import { newVoterCode } from '../../src/shared/domain/voterCode'
import { newCouncilSecret } from '../../src/shared/sync/joinCode'
import { acked, drawnCodes, later, meetingInSession, phone } from './phone-fixtures'
import { STORAGES, runCleanups, startServer, storedDoc, waitFor, type TestServer } from './server-fixtures'

afterEach(runCleanups)

const register = async (s: TestServer, councilId = newCouncilId()) => {
  const res = await fetch(`${s.httpUrl}/councils/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ councilId, secret: newCouncilSecret() }) })
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, retryAfter: res.headers.get('retry-after') }
}

describe('council registration limits', () => {
  it('is rate limited per address (429 with retry-after)', async () => {
    const s = await startServer({ councilLimits: { perAddress: { burst: 3, perSecond: 1 / 60 } } })
    for (let i = 0; i < 3; i++) expect((await register(s)).status).toBe(201)
    const refused = await register(s)
    expect(refused).toMatchObject({ status: 429, body: { error: 'rate-limited' } })
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
  })

  it('the registry is bounded: a new council past the bound is refused (507), a known one still answers', async () => {
    const s = await startServer({ councilLimits: { maxCouncils: 2 } })
    const first = newCouncilId()
    expect((await register(s, first)).status).toBe(201)
    expect((await register(s)).status).toBe(201)
    expect(await register(s)).toMatchObject({ status: 507, body: { error: 'registry-full' } })
    // Registering a known council again is not a new row: the usual answer.
    expect(await register(s, first)).toMatchObject({ status: 409, body: { error: 'council-registered' } })
  })
})

describe('phone ballots answer a stranger alike', () => {
  it('a wrong code, an unknown meeting and a closed meeting all answer invalid-code; a valid code learns expired', async () => {
    const s = await startServer({ phoneLimits: {} })
    const m = await meetingInSession(s)
    const [valid] = await drawnCodes(m, 1)
    const invalid = [403, { error: 'invalid-code' }]
    const unknownMeeting = meetingDocName(m.council.councilId as never, newMeetingId())
    expect(await phone(s, 'open', { meeting: m.name, code: valid })).toEqual([200, { ok: true, vote: null }])
    expect(await phone(s, 'open', { meeting: m.name, code: newVoterCode() })).toEqual(invalid)
    expect(await phone(s, 'open', { meeting: unknownMeeting, code: newVoterCode() })).toEqual(invalid)
    expect(await phone(s, 'open', { meeting: meetingDocName(newCouncilId() as never, newMeetingId()), code: newVoterCode() })).toEqual(invalid)

    closeSession(m.doc, later())
    await acked(m.client)
    expect(await phone(s, 'open', { meeting: m.name, code: newVoterCode() })).toEqual(invalid)
    expect(await phone(s, 'open', { meeting: m.name, code: valid })).toEqual([403, { error: 'expired' }])
  }, 30_000)
})

describe.each(STORAGES)('ballot addresses carry no council id (%s)', (storage) => {
  it('a phone naming the meeting by its id alone is served, the document loaded or not; an unknown id answers invalid-code', async () => {
    const s = await startServer({ storage, phoneLimits: {} })
    const m = await meetingInSession(s)
    const [code] = await drawnCodes(m, 1)
    const meetingId = m.name.slice(m.name.lastIndexOf('/') + 1)
    expect(await phone(s, 'open', { meeting: meetingId, code })).toEqual([200, { ok: true, vote: null }])
    // The secretary leaves: the document is stored and unloaded; the id is found in the storage.
    m.client.destroy()
    await waitFor(() => storedDoc(s.dataDir, m.name, storage) !== null, 'the meeting stored')
    await new Promise((r) => setTimeout(r, 500))
    expect(await phone(s, 'open', { meeting: meetingId, code })).toEqual([200, { ok: true, vote: null }])
    expect(await phone(s, 'open', { meeting: newMeetingId(), code })).toEqual([403, { error: 'invalid-code' }])
  }, 30_000)
})
