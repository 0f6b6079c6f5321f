// The requests-and-matters year file for the street office (matters/bundle.ts): the year's records
// signed at export; the review recomputes requests, paths and follow-ups from them with the
// council's own rules. A clean year has nothing to point out, each check fails on a year that
// breaks it, the attached files travel as hashes, and any change to a signed file is refused.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { CouncilId } from '../../src/shared/domain/ids'
import { initMattersDoc, addRequest, openMatter, recordOutcome, recordReply, recordStep, type Recorder } from '../../src/shared/doc/matters'
import { addMilestone, attachFile, completeFollowUp, openFollowUp, updateMilestone } from '../../src/shared/doc/mattersFollowUp'
import { postResultNotice } from '../../src/shared/doc/mattersResultNotice'
import { readMattersFile } from '../../src/shared/doc/mattersFile'
import { createMattersBundle, decodeMattersBundle, encodeMattersBundle, reviewMattersBundle, verifyMattersBundle, type MattersFile } from '../../src/shared/matters/bundle'
import { mattersReviewChecks, type MattersFinding } from '../../src/shared/matters/checks'
import { createFundBundle } from '../../src/shared/fund/bundle'
import type { FileRef } from '../../src/shared/files/fileRef'
import { generateDeviceKey } from '../../src/shared/minutes/seal'

const COUNCIL = { id: 'council-0001', name: '锦江社区居民议事会' }
const AT = '2026-12-01T09:00:00.000Z'
const ON = '2026-12-01'
let n = 0
const who = (): Recorder => ({ now: new Date(Date.UTC(2026, 2, 1, 8) + ++n * 60_000).toISOString(), by: 'laptop-a' })
const photo: FileRef = { hash: 'a'.repeat(64), name: '楼道照片.jpg', type: 'image/jpeg', size: 4096 }
const scan: FileRef = { hash: 'c'.repeat(64), name: '议事会记录.pdf', type: 'application/pdf', size: 20_000 }
const request = (doc: Y.Doc, receivedOn: string, text: string) =>
  addRequest(doc, { receivedOn, channel: 'householdForm', category: 'repairs', requester: { kind: 'resident', name: '周阿姨' }, place: { building: '3' }, text }, who())

/** A matter on the council-only path, voted and posted, its follow-up opened on 03-12 with a deadline. */
function resolvedMatter(doc: Y.Doc, requestId: string, title: string, deadline: string): string {
  const m = openMatter(doc, { title, description: '', proposer: { kind: 'partyBranch', name: '社区党委' }, path: 'councilOnly', openedOn: '2026-03-05' }, [requestId], who())
  recordStep(doc, m, 'councilDeliberation', { mode: 'outside', date: '2026-03-10', body: '居民议事会', outcome: 'approved', scan }, false, who())
  recordStep(doc, m, 'councilNotice', { mode: 'outside', date: '2026-03-11', body: '公告栏', outcome: 'done', until: '2026-03-18', scan }, false, who())
  openFollowUp(doc, m, { owner: '物业公司', deadline }, '2026-03-12')
  return m
}

/** A clean year: a request (with a photo) becomes a matter, followed up, completed, its result posted, the resident told; another declined and told. */
function cleanYear(): { doc: Y.Doc; first: string; matter: string } {
  const doc = new Y.Doc()
  initMattersDoc(doc, COUNCIL.id as CouncilId, 2026)
  const first = request(doc, '2026-03-01', '3栋楼道灯坏了')
  attachFile(doc, { kind: 'request', id: first }, photo, who())
  const matter = resolvedMatter(doc, first, '楼道灯更换', '2026-06-30')
  const ms = addMilestone(doc, matter, { title: '采购灯具', due: '2026-04-30' })
  updateMilestone(doc, ms, { doneOn: '2026-04-20' })
  completeFollowUp(doc, matter, '2026-05-20')
  postResultNotice(doc, matter, { place: '公告栏', startDate: '2026-05-21', endDate: '2026-05-28' }, who().now)
  recordReply(doc, { requestId: first, on: '2026-05-29', how: 'phone', what: '灯已换好', final: true }, who())
  const second = request(doc, '2026-04-01', '想在小区养鸡')
  recordOutcome(doc, { kind: 'declined', reason: '违反小区公约', requestId: second, on: '2026-04-02' }, who())
  recordReply(doc, { requestId: second, on: '2026-04-03', how: 'inPerson', what: '不能养', final: true }, who())
  return { doc, first, matter }
}

const exported = async (file: MattersFile) => encodeMattersBundle(await createMattersBundle(file, await generateDeviceKey()))
async function review(file: MattersFile) {
  const r = await reviewMattersBundle(await exported(file))
  if (!r.ok) throw new Error(`review refused: ${r.reason}`)
  return r
}
const stateOf = (fs: readonly MattersFinding[], check: string) => mattersReviewChecks(fs).find((c) => c.check === check)?.state

describe('the requests-and-matters year bundle', () => {
  it('a clean year verifies, every check passes, and its records come back in order', async () => {
    const { doc, first, matter } = cleanYear()
    const file = readMattersFile(doc, COUNCIL, ON, AT)
    const bundle = await createMattersBundle(file, await generateDeviceKey())
    expect(await verifyMattersBundle(bundle)).toEqual({ ok: true })
    const r = await review(file)
    expect(r.findings).toEqual([])
    expect(mattersReviewChecks(r.findings).map((c) => c.state)).toEqual(['passed', 'passed', 'passed', 'passed'])
    const f = r.bundle.file
    expect([f.council, f.year, f.exportedOn]).toEqual([COUNCIL, 2026, ON])
    expect(f.requests.map((q) => q.receivedOn)).toEqual(['2026-03-01', '2026-04-01'])
    expect(f.steps.map((s) => s.step).sort()).toEqual(['councilDeliberation', 'councilNotice'])
    expect(r.snapshot.requests.get(first)?.finalReply?.what).toBe('灯已换好')
    expect(r.snapshot.paths.get(matter)?.outcome).toBe('complete')
    expect(r.snapshot.followUps.get(matter)?.state.status).toBe('done')
    expect(f.resultNotices).toEqual([{ matterId: matter, place: '公告栏', startDate: '2026-05-21', endDate: '2026-05-28', postedAt: expect.any(String) as string }])
    // Read twice, the same bytes: a second device exporting the same document signs the same file.
    expect(JSON.stringify(readMattersFile(doc, COUNCIL, ON, AT))).toBe(JSON.stringify(file))
  })

  it('lists every attached file once, by hash, with its name, type and size and no bytes', async () => {
    const { doc, first } = cleanYear()
    const f = (await review(readMattersFile(doc, COUNCIL, ON, AT))).bundle.file
    expect(f.files).toEqual([photo, scan])
    expect(f.attachments.map((a) => [a.on, a.file.hash])).toEqual([[{ kind: 'request', id: first }, photo.hash]])
  })

  it('replies: a request declined in March and never answered fails; one received last week only waits', async () => {
    const { doc } = cleanYear()
    const old = request(doc, '2026-03-02', '垃圾桶太少')
    recordOutcome(doc, { kind: 'declined', reason: '已有计划', requestId: old, on: '2026-03-03' }, who())
    const fresh = request(doc, '2026-11-25', '路灯闪烁')
    const r = await review(readMattersFile(doc, COUNCIL, ON, AT))
    expect(r.findings).toEqual([
      { code: 'requestUnanswered', severity: 'error', requestId: old, days: 274 },
      { code: 'requestWaiting', severity: 'warning', requestId: fresh, days: 6 },
    ])
    expect(stateOf(r.findings, 'replies')).toBe('failed')
    expect(stateOf(r.findings.slice(1), 'replies')).toBe('lookAt')
  })

  it('paths: a step dated before the one it depends on, a skip without a reason and a step before its dependency fail', async () => {
    const { doc, matter } = cleanYear()
    const file = readMattersFile(doc, COUNCIL, ON, AT)
    const notice = file.steps.find((s) => s.step === 'councilNotice')!
    const base = { matterId: matter, step: 'councilNotice' as const, at: '2026-03-20T08:00:00.000Z', by: 'laptop-b' }
    file.steps = file.steps.map((s) => (s === notice ? { ...s, date: '2026-03-01' } : s))
    file.steps.push({ ...base, id: 'zz-skip', mode: 'skipped', date: '2026-03-20', reason: ' ' })
    file.matters.push({ ...file.matters[0]!, id: 'zz-matter', title: '先公示后表决' })
    file.steps.push({ ...base, matterId: 'zz-matter', id: 'zz-early', mode: 'outside', date: '2026-03-09', body: '公告栏', outcome: 'done' })
    const r = await review(file)
    expect(r.findings.filter((f) => 'step' in f)).toEqual([
      { code: 'stepBeforeDependency', severity: 'error', matterId: matter, step: 'councilNotice' },
      { code: 'skipWithoutReason', severity: 'error', matterId: matter, step: 'councilNotice' },
      { code: 'stepBeforeDependency', severity: 'error', matterId: 'zz-matter', step: 'councilNotice' },
    ])
    expect(stateOf(r.findings, 'paths')).toBe('failed')
  })

  it('follow-up: a resolution past its deadline is listed overdue with its days; its request only waits', async () => {
    const { doc } = cleanYear()
    const asked = request(doc, '2026-03-03', '单元门禁坏了')
    const late = resolvedMatter(doc, asked, '门禁维修', '2026-06-30')
    const r = await review(readMattersFile(doc, COUNCIL, ON, AT))
    // The resident's reply comes with the result: while the follow-up runs the request only waits.
    expect(r.findings).toEqual([
      { code: 'requestWaiting', severity: 'warning', requestId: asked, days: 273 },
      { code: 'followUpOverdue', severity: 'error', matterId: late, days: 154 },
    ])
    expect([stateOf(r.findings, 'replies'), stateOf(r.findings, 'followUp')]).toEqual(['lookAt', 'failed'])
  })

  it('result notices: a completed follow-up whose result was never posted fails', async () => {
    const { doc, matter } = cleanYear()
    const file = readMattersFile(doc, COUNCIL, ON, AT)
    file.resultNotices = []
    const r = await review(file)
    expect(r.findings).toEqual([{ code: 'resultNoticeMissing', severity: 'error', matterId: matter }])
    expect(stateOf(r.findings, 'resultNotices')).toBe('failed')
  })

  it('a changed, re-signed by another key, cut or foreign file is refused with its reason', async () => {
    const { doc } = cleanYear()
    const file = readMattersFile(doc, COUNCIL, ON, AT)
    const text = await exported(file)
    expect(await reviewMattersBundle(text.replace('3栋楼道灯坏了', '3栋楼道灯好了'))).toEqual({ ok: false, reason: 'hashMismatch' })
    const other = JSON.parse(await exported(file)) as { seal: { publicKey: string } }
    const swapped = JSON.parse(text) as { seal: { publicKey: string } }
    swapped.seal.publicKey = other.seal.publicKey
    expect(await reviewMattersBundle(JSON.stringify(swapped))).toEqual({ ok: false, reason: 'badSignature' })
    expect(await reviewMattersBundle(text.slice(0, text.length / 2))).toEqual({ ok: false, reason: 'truncated' })
    expect(decodeMattersBundle(text.replace('yishi.matters-bundle/1', 'yishi.matters-bundle/9'))).toEqual({ ok: false, error: 'wrongFormat' })
    expect(decodeMattersBundle('{"format":"yishi.matters-bundle/1","file":{},"seal":{}}')).toEqual({ ok: false, error: 'malformed' })
    const fund = await createFundBundle({ ...file, proposals: [], screenings: [], negativeList: [], priorityList: [], decisions: [], ledger: [], implementations: [], acceptances: [], satisfaction: [], replies: [], steps: [] } as never, await generateDeviceKey())
    expect(await reviewMattersBundle(JSON.stringify(fund))).toEqual({ ok: false, reason: 'wrongFormat' })
  })
})
