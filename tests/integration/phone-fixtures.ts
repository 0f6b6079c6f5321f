// Fixtures for the phone ballot tests (not a test file itself): a registered council with a meeting
// in session, built through a real provider client on the server, votes taking phone ballots with
// their voter codes, and phones as plain HTTP clients (fetch, or node:http from a chosen local
// address: every 127.x.y.z is loopback on Linux, so one machine can play many phones).
import { request } from 'node:http'
import type * as Y from 'yjs'
import { markPresent, startSignIn } from '../../src/shared/doc/attendance'
import { addAgendaItem, initMeetingDoc, transitionMeeting } from '../../src/shared/doc/meeting'
import { moveMotion, proposeMotion, secondMotion } from '../../src/shared/doc/motions'
import { meetingDocName } from '../../src/shared/doc/names'
import { issueDrawnCodes, issueNamedCodes } from '../../src/shared/doc/phoneVoting'
import { recuse } from '../../src/shared/doc/recusals'
import { openSession } from '../../src/shared/doc/session'
import { openVote, type VoteMethod } from '../../src/shared/doc/votes'
import { asCouncilId, newMeetingId, type AgendaItemId, type MemberId, type VoteId } from '../../src/shared/domain/ids'
import { newVoterCode, voterCodeHash } from '../../src/shared/domain/voterCode'
import { itemFields, meetingFields, NOW } from '../unit/helpers'
import { at, register, SECONDING } from '../unit/session-helpers'
import { connect, newCouncil, waitFor, type Client, type TestCouncil, type TestServer } from './server-fixtures'

export type Answer = [status: number, body: Record<string, unknown>]

/** POSTs JSON to /ballot/api/<action> as a phone would. */
export async function phone(s: TestServer, action: string, body: unknown): Promise<Answer> {
  const res = await fetch(`${s.httpUrl}/ballot/api/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return [res.status, (await res.json()) as Record<string, unknown>]
}

export interface RawAnswer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request exactly as written (no URL normalisation), optionally from another loopback address. */
export function rawRequest(s: TestServer, method: string, path: string, options: { body?: string; localAddress?: string; headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  const { port } = new URL(s.httpUrl)
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: Number(port), method, path, ...(options.localAddress ? { localAddress: options.localAddress } : {}), headers: options.headers ?? {} },
      (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (d: string) => (body += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** /ballot/api/<action> from a given loopback address. */
export async function phoneFrom(s: TestServer, localAddress: string, action: string, body: unknown): Promise<Answer> {
  const r = await rawRequest(s, 'POST', `/ballot/api/${action}`, { body: JSON.stringify(body), localAddress, headers: { 'content-type': 'application/json' } })
  return [r.status, JSON.parse(r.body) as Record<string, unknown>]
}

export interface Meeting {
  council: TestCouncil
  name: string
  /** The secretary's device: a provider client with a read-write code. */
  client: Client
  doc: Y.Doc
  itemIds: AgendaItemId[]
  ids: MemberId[]
  rw: string
}

/** Waits until the server has every change of the client. */
export const acked = (c: Client, what = 'changes acknowledged') => waitFor(() => c.provider.isSynced && !c.provider.hasUnsyncedChanges, what)

/** A meeting of a (new, or given) council, in session with `n` members present, built on the server. */
export async function meetingInSession(s: TestServer, options: { n?: number; council?: TestCouncil; items?: number } = {}): Promise<Meeting> {
  const council = options.council ?? (await newCouncil(s))
  const meetingId = newMeetingId()
  const name = meetingDocName(asCouncilId(council.councilId), meetingId)
  const rw = await council.code('rw')
  const client = connect(s.url, name, rw)
  await waitFor(() => client.provider.isSynced, 'meeting client synced')
  const doc = client.doc
  initMeetingDoc(doc, { councilId: asCouncilId(council.councilId), meetingId }, meetingFields(), NOW)
  const itemIds = Array.from({ length: options.items ?? 3 }, (_, i) => addAgendaItem(doc, itemFields({ title: `议题${i + 1}` })))
  transitionMeeting(doc, 'noticed', '2025-03-07T01:00:00.000Z')
  const members = register(options.n ?? 5)
  startSignIn(doc, members, at(-30))
  for (const m of members) markPresent(doc, m.id, at(-20))
  openSession(doc, { quorumMet: true }, at(0))
  await acked(client, 'meeting on the server')
  return { council, name, client, doc, itemIds, ids: members.map((m) => m.id), rw }
}

let minute = 10

/** Proposes, seconds and debates a motion on `item`, then opens a vote on it (phones unless said). */
export async function voteWithPhones(m: Meeting, method: VoteMethod, options: { item?: number; phones?: boolean; recused?: MemberId[]; text?: string } = {}): Promise<VoteId> {
  const itemId = m.itemIds[options.item ?? 0]!
  for (const id of options.recused ?? []) recuse(m.doc, itemId, id, '利益相关', at(minute++))
  const motionId = proposeMotion(m.doc, { itemId, proposerId: m.ids[0]!, text: options.text ?? '同意3栋加装电梯' }, at(minute++))
  secondMotion(m.doc, motionId, m.ids[1]!, at(minute++))
  moveMotion(m.doc, motionId, 'debating', SECONDING, at(minute++))
  const voteId = openVote(m.doc, motionId, { method, rule: 'simple_majority', phones: options.phones ?? true }, at(minute++))
  await acked(m.client, 'vote on the server')
  return voteId
}

/** `count` drawn codes issued in the meeting (plain codes, for the phones). */
export async function drawnCodes(m: Meeting, count: number): Promise<string[]> {
  const codes = Array.from({ length: count }, () => newVoterCode())
  issueDrawnCodes(m.doc, (await Promise.all(codes.map(voterCodeHash))) as string[])
  await acked(m.client, 'codes on the server')
  return codes
}

/** A named code for each of `members`. */
export async function namedCodes(m: Meeting, members: readonly MemberId[]): Promise<Map<MemberId, string>> {
  const codes = new Map(members.map((id) => [id, newVoterCode()]))
  issueNamedCodes(m.doc, await Promise.all([...codes].map(async ([memberId, code]) => ({ memberId, hash: (await voterCodeHash(code))! }))))
  await acked(m.client, 'named codes on the server')
  return codes
}

/** The next instant of the test meeting's timeline (after every vote opened so far). */
export const later = (): string => at(minute++)
