// The compressed history download (src/server/history.ts) on a real server (port 0, SQLite): a
// device with a code of the council gets the current state of the documents it names, gzipped,
// or only what its state vector lacks; a device without one, or with another council's code, or
// naming another council's document, gets a 403 and nothing else, and its body is never read.
import { request } from 'node:http'
import { gunzipSync } from 'node:zlib'
import { afterEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { meetingDocName } from '../../src/shared/doc/names'
import { asCouncilId, newMeetingId } from '../../src/shared/domain/ids'
import { HISTORY_CONTENT_TYPE, decodeRecords } from '../../src/shared/sync/historyRecords'
import { readAgenda } from '../../src/shared/doc/meeting'
import { createJoinCode, newCodeId, newCouncilSecret } from '../../src/shared/sync/joinCode'
import { historyCouncil, storeInDataDir } from './history-fixtures'
import { connect, newCouncil, onCleanup, runCleanups, startServer, tempDir, waitFor } from './server-fixtures'

afterEach(runCleanups)

async function seeded(meetings = 5) {
  const dataDir = tempDir()
  const history = historyCouncil(meetings)
  await storeInDataDir(dataDir, history.docs)
  const server = await startServer({ dataDir })
  const secret = newCouncilSecret()
  expect((await server.registry.register({ councilId: history.councilId, secret })).ok).toBe(true)
  const code = (access: 'rw' | 'ro' = 'rw') => createJoinCode(secret, { councilId: history.councilId, access, codeId: newCodeId() })
  const names = history.newestFirst.map((id) => meetingDocName(history.councilId, id))
  return { server, history, code, names }
}

async function post(url: string, councilId: string, code: string | null, docs: { name: string; sv?: string }[]) {
  const res = await fetch(`${url}/history/${councilId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(code ? { authorization: `Bearer ${code}` } : {}) },
    body: JSON.stringify({ docs }),
  })
  const body = new Uint8Array(await res.arrayBuffer())
  return { status: res.status, type: res.headers.get('content-type'), body }
}

it('a code of the council gets the current state of each document it names, in one gzip body', async () => {
  const { server, history, code, names } = await seeded()
  const asked = names.slice(0, 3)
  for (const access of ['rw', 'ro'] as const) {
    const res = await post(server.httpUrl, history.councilId, await code(access), asked.map((name) => ({ name })))
    expect(res.status).toBe(200)
    expect(res.type).toBe(HISTORY_CONTENT_TYPE)
    const { records, complete } = decodeRecords(gunzipSync(res.body))
    expect(complete).toBe(true)
    expect(records.map((r) => r.name)).toEqual(asked)
    for (const r of records) {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, r.update)
      const stored = new Y.Doc()
      Y.applyUpdate(stored, history.docs.get(r.name)!)
      expect(doc.getMap('meta').toJSON()).toEqual(stored.getMap('meta').toJSON())
      expect(readAgenda(doc)).toEqual(readAgenda(stored))
    }
    // Compressed: well under the documents' own size.
    expect(res.body.byteLength).toBeLessThan(asked.reduce((n, name) => n + history.docs.get(name)!.byteLength, 0) / 3)
  }
})

it('a device that sends its state vector gets only what it lacks, an edit just made over a WebSocket included', async () => {
  const { server, history, code, names } = await seeded(2)
  const name = names[0]!
  const token = await code()
  // Another device edits the meeting over its WebSocket: the server holds it loaded, changed.
  const editor = connect(server.url, name, token)
  onCleanup(() => editor.provider.destroy())
  await waitFor(() => editor.provider.isSynced, 'editor synced')
  editor.doc.getMap('meta').set('place', '新活动室')
  const device = new Y.Doc()
  Y.applyUpdate(device, history.docs.get(name)!)
  const sv = Buffer.from(Y.encodeStateVector(device)).toString('base64')
  await waitFor(() => editor.provider.unsyncedChanges === 0, 'edit acknowledged')
  const res = await post(server.httpUrl, history.councilId, token, [{ name, sv }])
  const [record] = decodeRecords(gunzipSync(res.body)).records
  expect(record!.update.byteLength).toBeLessThan(200)
  Y.applyUpdate(device, record!.update)
  expect(device.getMap('meta').get('place')).toBe('新活动室')
})

it('no code, a bad code, another council\'s code or another council\'s document: 403 and nothing else', async () => {
  const { server, history, code, names } = await seeded(2)
  const other = await newCouncil(server)
  const asked = names.map((name) => ({ name }))
  const refused = [
    await post(server.httpUrl, history.councilId, null, asked),
    await post(server.httpUrl, history.councilId, 'YS1.not-a-code', asked),
    await post(server.httpUrl, history.councilId, await other.code('rw'), asked),
    // A valid code of the other council, asking for this council's documents through its own path.
    await post(server.httpUrl, other.councilId, await other.code('rw'), asked),
    // A valid code of this council naming another council's document among its own.
    await post(server.httpUrl, history.councilId, await code(), [...asked, { name: meetingDocName(asCouncilId(other.councilId), newMeetingId()) }]),
  ]
  for (const r of refused) {
    expect(r.status).toBe(403)
    expect(JSON.parse(new TextDecoder().decode(r.body))).toEqual({ error: 'not-allowed' })
  }
})

it('a malformed request from a device with a code gets a 400, and the server goes on answering', async () => {
  const { server, history, code, names } = await seeded(1)
  const token = await code()
  for (const docs of [[], [null], [{ name: names[0], sv: '%%%' }], [{ name: names[0] }, { name: names[0] }]] as unknown as { name: string }[][]) {
    expect((await post(server.httpUrl, history.councilId, token, docs)).status).toBe(400)
  }
  expect((await post(server.httpUrl, history.councilId, token, [{ name: names[0]! }])).status).toBe(200)
})

/** Sends the headers and half of a declared body, never the rest; resolves with the status if the server answers. */
function halfBody(url: string, path: string, code: string | null): Promise<number | 'no answer'> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': 10_000, ...(code ? { authorization: `Bearer ${code}` } : {}) },
    })
    const timer = setTimeout(() => {
      req.destroy()
      resolve('no answer')
    }, 1500)
    req.on('response', (res) => {
      clearTimeout(timer)
      res.resume()
      resolve(res.statusCode ?? 0)
      req.destroy()
    })
    req.on('error', (e) => (String(e).includes('socket hang up') ? undefined : reject(e)))
    req.write('{"docs": [' + ' '.repeat(4000))
  })
}

it('the code is checked before the body is read: a refused request is answered without its body', async () => {
  const { server, history, code } = await seeded(1)
  const path = `/history/${history.councilId}`
  // Refused with the body still on its way: the server never waited for it, so never decoded it.
  expect(await halfBody(server.httpUrl, path, null)).toBe(403)
  expect(await halfBody(server.httpUrl, path, 'YS1.forged')).toBe(403)
  // The same request with a good code waits for the whole body before answering.
  expect(await halfBody(server.httpUrl, path, await code())).toBe('no answer')
})
