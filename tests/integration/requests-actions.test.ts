// The requests screens' writes on a real local stack (Dexie on fake-indexeddb, real Yjs,
// y-indexeddb): a request goes into the document of the year it was received, which is started
// and named in the council only then; its files, merge, decline and replies survive a restart;
// a refused write (bad fields, a date moved to another year, a final reply before any decision)
// changes nothing.
import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { declineRequest, mergeRequest, saveNewRequest, saveReply, saveRequest } from '../../src/renderer/features/requests/actions'
import { storeFile } from '../../src/renderer/data/blobs'
import { indexedYears } from '../../src/shared/doc/council'
import { readRequestStates } from '../../src/shared/doc/matters'
import { readAttachments } from '../../src/shared/doc/mattersFollowUp'
import { councilDocName, mattersDocName } from '../../src/shared/doc/names'
import { waitingRequests, type RequestFields } from '../../src/shared/matters/requests'
import type { IsoDate } from '../../src/shared/domain/dates'
import { councilInput, expectRejectsDocError, newDevice, stateOf } from './env'

const request = (over: Partial<RequestFields> = {}): RequestFields => ({
  receivedOn: '2025-02-20' as IsoDate,
  channel: 'householdForm',
  category: 'repairs',
  requester: { kind: 'household', name: '王秀英', refId: 'h1', contact: '139 0000 1111' },
  place: { building: '3', unit: '2', room: '301' },
  text: '楼道灯坏了，晚上看不见台阶。',
  ...over,
})

describe('requests actions', () => {
  it('records requests in their year, with files, and keeps merge, decline and replies across a restart', async () => {
    const device = newDevice()
    let env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const council = await env.docs.acquire(councilDocName(councilId))
    const photo = await storeFile(env.db, new Uint8Array([137, 80, 78, 71, 1, 2, 3]), '表.png', 'image/png', councilId, env.now())

    const first = await saveNewRequest(env, council, councilId, request(), [photo], '李秘书')
    expect(first.year).toBe(2025)
    device.clock.advance(60_000)
    const second = await saveNewRequest(env, council, councilId, request({ receivedOn: '2025-02-22' as IsoDate, text: '3栋楼道灯也不亮。' }), [], '李秘书')
    const third = await saveNewRequest(env, council, councilId, request({ receivedOn: '2025-02-25' as IsoDate, text: '想在院子里养鸡。' }), [], '李秘书')
    // A request received last year goes into last year's document.
    const old = await saveNewRequest(env, council, councilId, request({ receivedOn: '2024-12-30' as IsoDate }), [], '李秘书')
    expect(old.year).toBe(2024)
    expect(indexedYears(council.doc, 'matters')).toEqual([2025, 2024])

    const year = await env.docs.acquire(mattersDocName(councilId, 2025))
    await mergeRequest(env, year, second.requestId, first.requestId, '2025-03-01' as IsoDate, '李秘书')
    await declineRequest(env, year, third.requestId, '不符合小区管理规约。', '2025-03-01' as IsoDate, '李秘书')
    await saveReply(env, year, { requestId: third.requestId, on: '2025-03-02' as IsoDate, how: 'phone', what: '已电话说明理由。', final: true }, '李秘书')
    const before = stateOf(year.doc)

    await env.docs.release(year.name)
    await env.docs.release(council.name)
    env = await device.restart(env)
    const again = await env.docs.acquire(mattersDocName(councilId, 2025))
    expect(stateOf(again.doc)).toEqual(before)
    const states = readRequestStates(again.doc)
    expect(states.get(second.requestId)).toMatchObject({ status: 'merged', root: first.requestId })
    expect(states.get(third.requestId)).toMatchObject({ status: 'declined', outcome: { reason: '不符合小区管理规约。' }, finalReply: { what: '已电话说明理由。' } })
    expect(waitingRequests(states).map((s) => s.request.id)).toEqual([first.requestId, second.requestId])
    expect(readAttachments(again.doc, { kind: 'request', id: first.requestId }).map((a) => a.file)).toEqual([photo])
    expect(states.get(first.requestId)?.request.recordedBy).toBe('李秘书')
  })

  it('refuses bad fields before starting a year, a date moved to another year, and a final reply before any decision', async () => {
    const device = newDevice()
    const env = device.start()
    const councilId = await createCouncil(env, councilInput())
    const council = await env.docs.acquire(councilDocName(councilId))

    const bad = await expectRejectsDocError(saveNewRequest(env, council, councilId, request({ receivedOn: '2023-02-30' as IsoDate, text: '  ' }), [], ''), 'invalidInput')
    expect(bad.detail).toEqual({ receivedOn: 'dateInvalid', text: 'required' })
    expect(indexedYears(council.doc, 'matters')).toEqual([])

    const { requestId } = await saveNewRequest(env, council, councilId, request(), [], '')
    const year = await env.docs.acquire(mattersDocName(councilId, 2025))
    const before = stateOf(year.doc)
    const moved = await expectRejectsDocError(saveRequest(env, year, requestId, { receivedOn: '2024-12-01' as IsoDate }), 'invalidInput')
    expect(moved.detail).toEqual({ receivedOn: 'otherYear' })
    const early = await expectRejectsDocError(saveReply(env, year, { requestId, on: '2025-02-21' as IsoDate, how: 'inPerson', what: '正在处理。', final: true }, ''), 'badTransition')
    expect(early.detail).toEqual({ reason: 'noOutcomeYet' })
    expect(stateOf(year.doc)).toEqual(before)

    // A correction within the year is kept.
    await saveRequest(env, year, requestId, { receivedOn: '2025-01-05' as IsoDate, text: '楼道灯和门禁都坏了。' })
    expect(readRequestStates(year.doc).get(requestId)?.request).toMatchObject({ receivedOn: '2025-01-05', text: '楼道灯和门禁都坏了。' })
  })
})
