// Derived figures recomputed after a remote change, as the screens recompute them once a synced
// transaction completes (architecture.md: never mid-sync):
//   tally          a meeting in the room (built by the profile's own meeting code, stopped during
//                  the last roll call): another device records a roll-call answer; this device
//                  applies that update, then voteInput + evaluateVote (the vote panel's result);
//   campaign rate  the profile's campaign (3,000 households, every entry so far): another device
//                  records a signing; this device applies it, then reads the screens' state from
//                  its live signing state (campaigns/liveSigning.ts: the rate, by building, day by
//                  day, the unsigned list), created once when the campaign was opened. The
//                  households list is read once before (the screen keeps it until the register
//                  changes). For comparison (info): the same with readSigningState from scratch.
// Runs go in batches from the same stored state (lib below), so entries do not pile up beyond a session's.
// Floor: the bare Y.applyUpdate of the same remote update.
import * as Y from 'yjs'
import { readCampaign, readEntries, readSigningState } from '../../src/shared/doc/campaign'
import { recordSigning, recordWithdrawal } from '../../src/shared/doc/campaignEntries'
import { readCouncil, readMembers } from '../../src/shared/doc/council'
import { readHouseholds } from '../../src/shared/doc/households'
import { recordRollCall, voteInput } from '../../src/shared/doc/votes'
import { asCouncilId } from '../../src/shared/domain/ids'
import { evaluateVote } from '../../src/shared/domain/votes'
import { signingState } from '../../src/shared/domain/campaignSigning'
import { createLiveSigningState, type LiveSigningState } from '../../src/shared/campaigns/liveSigning'
import { LAST_YEAR, type Profile } from '../profile'
import { meetingLife } from '../lib/meetingLife'
import { mulberry32 } from '../lib/rng'
import { summarize, type Summary } from '../lib/stats'

const load = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

interface Timed {
  total: number[]
  apply: number[]
}

const BATCH = 10

/**
 * In batches of BATCH runs from the same stored state: this device (A, its screen already showing
 * the figure once), a remote device (B) writing, and a third copy (C) that only applies B's
 * updates for the floor. Within a batch the remote writes pile up as they would in a real session.
 */
function timeRemote(runs: number, base: Uint8Array, write: (remote: Y.Doc, i: number) => void, recompute: (doc: Y.Doc) => void): Timed {
  const out: Timed = { total: [], apply: [] }
  for (let i = 0; i < runs; ) {
    const [a, b, c] = [load(base), load(base), load(base)]
    recompute(a)
    let update: Uint8Array | null = null
    b.on('update', (u: Uint8Array) => (update = u))
    for (let k = 0; k < BATCH && i < runs; k++, i++) {
      update = null
      write(b, i)
      if (!update) throw new Error('the remote write produced no update')
      let t = performance.now()
      Y.applyUpdate(a, update, 'remote')
      recompute(a)
      out.total.push(performance.now() - t)
      t = performance.now()
      Y.applyUpdate(c, update, 'remote')
      out.apply.push(performance.now() - t)
    }
    ;[a, b, c].forEach((d) => d.destroy())
  }
  return out
}

export interface RecomputeResult {
  tally: Summary
  tallyFloor: Summary
  /** Apply + the live state's update and read. */
  rate: Summary
  /** Apply + readSigningState from scratch (the former measure). */
  rateFull: Summary
  rateFloor: Summary
  /** The recompute alone on the loaded campaign, and its two parts. */
  rateParts: { readSigningState: Summary; readEntries: Summary; signingState: Summary }
  campaignEntries: number
  households: number
}

export async function measureRecompute(profile: Profile, runs: { tally: number; rate: number; rateLive: number }): Promise<RecomputeResult> {
  const m = profile.manifest
  const council = load(profile.updates.get(m.councilDoc)!)
  const c = readCouncil(council)!
  const rng = mulberry32(m.seed ^ 0x5eed)
  const live = await meetingLife(
    { councilId: asCouncilId(m.councilId), council: c, register: readMembers(council), title: `${LAST_YEAR + 1}年1月居民议事会`, startsAt: `${LAST_YEAR + 1}-01-08T19:30`, startMs: Date.UTC(LAST_YEAR + 1, 0, 8, 11, 30), complete: false, key: null as never, live: { waiting: 2 } },
    rng,
  )
  const vote = live.openVote!
  const meetingBase = Y.encodeStateAsUpdate(live.life.doc)
  const settings = { quorumRule: c.quorumRule, recusedCountForQuorum: c.recusedCountForQuorum }
  const at = new Date(Date.UTC(LAST_YEAR + 1, 0, 8, 14)).toISOString()
  const tally = timeRemote(
    runs.tally,
    meetingBase,
    (d, i) => void recordRollCall(d, vote.voteId, vote.waiting[i % vote.waiting.length]!, i % 3 ? 'for' : 'against', at, '笔记本2'),
    (d) => void evaluateVote(voteInput(d, vote.voteId, settings)!),
  )

  const campaignBase = profile.updates.get(m.campaignDoc)!
  const households = readHouseholds(load(profile.updates.get(m.householdsDoc)!))
  const campaign = load(campaignBase)
  const state = readSigningState(campaign, households, m.now)!
  const unsigned = state.unsigned
  const signedIds = state.households.filter((h) => h.status === 'signed').map((h) => h.household.id)
  const date = m.now.slice(0, 10)
  const write = (d: Y.Doc, i: number) => {
    // Different households each time, so the rules never refuse the entry.
    const input = { date, recordedBy: '张委员', device: '笔记本2' }
    if (i % 2) recordWithdrawal(d, households, { ...input, householdId: signedIds[i % signedIds.length]! }, m.now)
    else recordSigning(d, households, { ...input, householdId: unsigned[i % unsigned.length]! }, m.now)
  }
  const check = (s: { rate: { den: number } } | null) => {
    if (!s || s.rate.den !== households.length) throw new Error('unexpected signing state')
  }
  const rateFull = timeRemote(runs.rate, campaignBase, write, (d) => check(readSigningState(d, households, m.now)))
  // One live state per opened copy, created (and read once) before the timed runs, as the screen does.
  const lives = new Map<Y.Doc, LiveSigningState>()
  const rate = timeRemote(runs.rateLive, campaignBase, write, (d) => {
    let live = lives.get(d)
    if (!live) {
      live = createLiveSigningState(d, households)
      lives.set(d, live)
      if (JSON.stringify(live.state(m.now)) !== JSON.stringify(readSigningState(d, households, m.now))) throw new Error('the live state differs from the rules')
    }
    check(live.state(m.now))
  })
  lives.forEach((l) => l.destroy())
  // Where the recompute goes: reading and ordering every entry, then the rules over the roll.
  const settingsOf = readCampaign(campaign)!
  const entries = readEntries(campaign)
  const time = (fn: () => unknown) => {
    const out: number[] = []
    for (let i = 0; i < runs.rate + 5; i++) {
      const t = performance.now()
      fn()
      if (i >= 5) out.push(performance.now() - t)
    }
    return summarize(out)
  }
  return {
    tally: summarize(tally.total),
    tallyFloor: summarize(tally.apply),
    rate: summarize(rate.total),
    rateFull: summarize(rateFull.total),
    rateFloor: summarize(rate.apply),
    rateParts: {
      readSigningState: time(() => readSigningState(campaign, households, m.now)),
      readEntries: time(() => readEntries(campaign)),
      signingState: time(() => signingState(settingsOf, households, entries, m.now)),
    },
    campaignEntries: campaign.getMap('entries').size,
    households: households.length,
  }
}
