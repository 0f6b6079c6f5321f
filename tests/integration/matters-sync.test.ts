// The matters document of a council year through the real sync server (port 0): two laptops record
// a request each, one replies and the other merges, all online through the server; both end with
// the same requests; a read-only device (the street office) receives the year but cannot write.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mattersDocName } from '../../src/shared/doc/names'
import { addRequest, initMattersDoc, readRequestStates, recordOutcome, recordReply } from '../../src/shared/doc/matters'
import type { CouncilId } from '../../src/shared/domain/ids'
import type { RequestFields } from '../../src/shared/matters/requests'
import { connect, newCouncil, runCleanups, sleep, startServer, waitFor } from './server-fixtures'

afterEach(runCleanups)

const fields = (text: string, receivedOn = '2026-03-02'): RequestFields => ({
  receivedOn,
  channel: 'visit',
  category: 'environment',
  requester: { kind: 'resident', name: '周阿姨' },
  place: { text: '小区东门' },
  text,
})

describe('matters document through the sync server', () => {
  it('two laptops record, reply and merge through the server and agree; a read-only device reads but does not write', async () => {
    const server = await startServer({ storage: 'files' })
    const council = await newCouncil(server)
    const name = mattersDocName(council.councilId as CouncilId, 2026)
    const a = connect(server.url, name, await council.code('rw'))
    const b = connect(server.url, name, await council.code('rw'))
    await waitFor(() => a.provider.isSynced && b.provider.isSynced, 'both synced')
    initMattersDoc(a.doc, council.councilId as CouncilId, 2026)
    await waitFor(() => b.doc.getMap('meta').get('year') === 2026, 'init reaches b')

    const ra = addRequest(a.doc, fields('东门垃圾桶满了'), { now: '2026-03-02T08:00:00.000Z', by: 'a' })
    const rb = addRequest(b.doc, fields('垃圾没人清', '2026-03-03'), { now: '2026-03-03T08:00:00.000Z', by: 'b' })
    await waitFor(() => readRequestStates(a.doc).size === 2 && readRequestStates(b.doc).size === 2, 'both requests on both')
    recordReply(a.doc, { requestId: rb, on: '2026-03-04', how: 'phone', what: '已联系环卫', final: false }, { now: '2026-03-04T08:00:00.000Z', by: 'a' })
    recordOutcome(b.doc, { kind: 'merged', into: ra, requestId: rb, on: '2026-03-04' }, { now: '2026-03-04T08:01:00.000Z', by: 'b' })
    await waitFor(() => readRequestStates(a.doc).get(rb)?.status === 'merged' && (readRequestStates(b.doc).get(rb)?.replies.length ?? 0) === 1, 'reply and merge on both')
    expect(readRequestStates(a.doc)).toEqual(readRequestStates(b.doc))

    const office = connect(server.url, name, await council.code('ro'))
    await waitFor(() => office.provider.isSynced && readRequestStates(office.doc).size === 2, 'read-only device has the year')
    // A write on the read-only device stays local: the server refuses it, the laptops never see it.
    addRequest(office.doc, fields('只读设备写入'), { now: '2026-03-05T08:00:00.000Z', by: 'office' })
    await sleep(400)
    expect(readRequestStates(a.doc).size).toBe(2)
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  }, 30_000)
})
