// The requests-and-matters filing as the ledgers tab exports it (features/matters/MattersBundleExport):
// signed with the device's key from Dexie, saved through the platform; the review opens what was
// saved and finds the year; given to the minutes' picker, it is recognised and sent where it opens.
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import type { CouncilId } from '../../src/shared/domain/ids'
import { addRequest, initMattersDoc } from '../../src/shared/doc/matters'
import { attachFile } from '../../src/shared/doc/mattersFollowUp'
import { reviewMattersBundle } from '../../src/shared/matters/bundle'
import { exportMattersBundle } from '../../src/renderer/features/matters/MattersBundleExport'
import { openBundles } from '../../src/renderer/features/review/actions'
import type { SaveFileRequest } from '../../src/renderer/platform/types'
import { newDevice, testPlatform } from './env'

const COUNCIL = { id: 'council-0001', name: '锦江社区居民议事会' }
const who = { by: 'laptop-a', now: '2026-11-20T08:00:00.000Z' }
const photo = { hash: 'd'.repeat(64), name: '墙皮脱落.jpg', type: 'image/jpeg' as const, size: 5120 }

describe('exporting the requests-and-matters filing', () => {
  it('saves a signed file the review verifies, listing the attached photo by hash; the minutes picker points to its own card', async () => {
    const env = newDevice().start()
    const saved: SaveFileRequest[] = []
    const platform = { ...testPlatform, saveFile: async (f: SaveFileRequest) => (saved.push(f), { saved: true }) }
    const doc = new Y.Doc()
    initMattersDoc(doc, COUNCIL.id as CouncilId, 2026)
    const r = addRequest(doc, { receivedOn: '2026-11-20', channel: 'visit', category: 'repairs', requester: { kind: 'resident', name: '李大爷' }, place: { building: '5' }, text: '楼道墙皮脱落' }, who)
    attachFile(doc, { kind: 'request', id: r }, photo, who)

    const hash = await exportMattersBundle({ ...env, platform }, { doc }, COUNCIL, '2026-12-01', '民情议题备案')
    expect(saved.map((f) => f.suggestedName)).toEqual(['锦江社区居民议事会-2026-民情议题备案.yishi.json'])
    const text = saved[0]!.data as string
    const review = await reviewMattersBundle(text)
    if (!review.ok) throw new Error(review.reason)
    expect(review.bundle.seal.hash).toBe(hash)
    expect(review.bundle.file.files).toEqual([photo])
    expect(review.findings).toEqual([{ code: 'requestWaiting', severity: 'warning', requestId: r, days: 11 }])

    const [opened] = await openBundles(env, [{ name: 'm.json', size: text.length, text: async () => text }])
    expect(opened).toEqual({ fileName: 'm.json', ok: false, reason: 'mattersFiling' })
  })
})
