// The household register as the campaign screens read it (kit/docSnapshot.ts, issue 20): rows, not
// a document held open. On the real stack (DocStore and y-indexeddb on fake-indexeddb, real Yjs,
// the real sync server on port 0):
// - on a local council the rows are shown once and the document is closed afterwards;
// - on a synced council a household another laptop added while this one had the register closed
//   is shown too, once the server has brought the document up to date, and the document is still
//   closed afterwards.
import 'fake-indexeddb/auto'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { createCouncil } from '../../src/renderer/features/councils/actions'
import { saveNewHousehold } from '../../src/renderer/features/households/actions'
import { connectCouncil } from '../../src/renderer/features/sync/actions'
import { readSnapshot } from '../../src/renderer/kit/docSnapshot'
import { getSyncSettings } from '../../src/renderer/data/syncSettings'
import { addHouseholds, readHouseholds } from '../../src/shared/doc/households'
import { councilDocName, householdsDocName } from '../../src/shared/doc/names'
import type { HouseholdFields } from '../../src/shared/domain/household'
import { createJoinCode, newCodeId } from '../../src/shared/sync/joinCode'
import { councilInput, newDevice, type TestEnv } from './env'
import { connect, fastSocket, runCleanups, startServer, waitFor } from './server-fixtures'

afterEach(runCleanups)

class QuietWebSocket extends WebSocket {
  constructor(...args: ConstructorParameters<typeof WebSocket>) {
    super(...args)
    this.on('error', () => {})
  }
}

const household = (room: string, owner: string): HouseholdFields => ({
  building: '3栋', unit: '2单元', room, owner, tenant: '', areaCentiM2: 8550, phone: '', addedOn: '2025-03-01' as HouseholdFields['addedOn'], removedOn: null,
})

async function councilWithRegister(env: TestEnv) {
  const councilId = await createCouncil(env, councilInput())
  const name = householdsDocName(councilId)
  const register = await env.docs.acquire(name)
  for (const [room, owner] of [['301室', '王建国'], ['302室', '李秀英'], ['401室', '张伟']] as const) await saveNewHousehold(env, register, councilId, household(room, owner))
  await env.docs.release(name)
  return { councilId, name }
}

describe('the register read as rows, not held open', () => {
  it('a local council: the rows once, then the document is closed', async () => {
    const env = newDevice().start()
    const { councilId, name } = await councilWithRegister(env)
    const shown: string[][] = []
    await readSnapshot(env, name, councilId, readHouseholds, (rows) => shown.push(rows.map((h) => h.owner)))
    expect(shown).toEqual([['王建国', '李秀英', '张伟']])
    expect(env.docs.openNames).not.toContain(name)
  })

  it('a synced council: what another laptop added is shown once the server has it here, and the document is closed again', async () => {
    const server = await startServer()
    const env = newDevice().start({ sync: { socket: { WebSocketPolyfill: QuietWebSocket, ...fastSocket } } })
    await env.sync.start()
    const { councilId, name } = await councilWithRegister(env)
    const council = await env.docs.acquire(councilDocName(councilId))
    await connectCouncil(env, council, councilId, server.url)
    const secret = (await getSyncSettings(env.db, councilId))!.secret!
    const code = await createJoinCode(secret, { councilId, access: 'rw', codeId: newCodeId() })

    // The other laptop sees the three households through the server, then adds a fourth while this one has the register closed.
    const other = connect(server.url, name, code)
    await waitFor(() => readHouseholds(other.doc).length === 3, 'the other laptop has the register', 10_000)
    expect(env.docs.openNames).not.toContain(name)
    addHouseholds(other.doc, councilId, [household('402室', '刘洋')], '2025-12-01T02:00:00.000Z')
    await waitFor(() => other.provider.unsyncedChanges === 0, 'the server has the fourth household', 10_000)

    const shown: string[][] = []
    await readSnapshot(env, name, councilId, readHouseholds, (rows) => shown.push(rows.map((h) => h.owner)))
    expect(shown.at(0)).toEqual(['王建国', '李秀英', '张伟'])
    expect(shown.at(-1)).toEqual(['王建国', '李秀英', '张伟', '刘洋'])
    expect(env.docs.openNames).not.toContain(name)
  })
})
