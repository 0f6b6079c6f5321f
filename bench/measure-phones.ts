// Measures phone ballots on a real sync server (SQLite storage, port 0): a room of 50 phones
// casting at the same moment for one secret vote, then the seal. Each run: a fresh meeting with 50
// members present and 50 drawn codes; all 50 casts sent at once (each its own fetch); the time to
// the last receipt, each cast's latency, and the seal (request until the document shows it).
// Median and p95 over RUNS; prints figures, asserts nothing.
//   npx tsx bench/measure-phones.ts
import { readVote } from '../src/shared/doc/votesRead'
import type { Choice } from '../src/shared/domain/votes'
import { drawnCodes, meetingInSession, phone, voteWithPhones } from '../tests/integration/phone-fixtures'
import { runCleanups, startServer, waitFor } from '../tests/integration/server-fixtures'
import { summarize } from './lib/stats'

const RUNS = 10
const PHONES = 50
const CHOICES: Choice[] = ['for', 'against', 'abstain']

const all: number[] = []
const lastReceipt: number[] = []
const seal: number[] = []
try {
  // Each phone on its own address in a real room; here they share 127.0.0.1, so the address bucket is widened.
  const s = await startServer({ phoneLimits: { perAddress: { burst: 100_000, perSecond: 100_000 } } })
  for (let run = 0; run < RUNS; run++) {
    const m = await meetingInSession(s, { n: PHONES })
    const voteId = await voteWithPhones(m, 'secret')
    const codes = await drawnCodes(m, PHONES)
    const t0 = performance.now()
    const answers = await Promise.all(
      codes.map(async (code, i) => {
        const t = performance.now()
        const [status] = await phone(s, 'cast', { meeting: m.name, code, voteId, choice: CHOICES[i % 3] })
        all.push(performance.now() - t)
        return status
      }),
    )
    lastReceipt.push(performance.now() - t0)
    if (answers.some((a) => a !== 200)) throw new Error(`run ${run}: not every cast accepted: ${answers.join(',')}`)
    const t1 = performance.now()
    const [status] = await phone(s, 'seal', { meeting: m.name, voteId, code: m.rw })
    if (status !== 200) throw new Error(`seal: ${status}`)
    await waitFor(() => readVote(m.doc, voteId)?.phone?.sealedAt != null, 'seal synced')
    seal.push(performance.now() - t1)
    if (readVote(m.doc, voteId)!.phoneBallots.length !== PHONES) throw new Error('ballots lost')
    m.client.provider.destroy()
  }
} finally {
  await runCleanups()
}
const fmt = (label: string, xs: number[]) => {
  const r = summarize(xs)
  console.log(`${label.padEnd(44)} median ${r.median.toFixed(0).padStart(5)} ms   p95 ${r.p95.toFixed(0).padStart(5)} ms   (n=${xs.length})`)
}
console.log(`phone ballots, ${PHONES} phones at once, ${RUNS} runs (SQLite storage, this machine):`)
fmt('one cast (request to receipt)', all)
fmt(`all ${PHONES} receipts (first sent to last answered)`, lastReceipt)
fmt('seal (request until the document shows it)', seal)
