// A change is sent once to each other client of its document, never back to the laptop that made
// it (src/server/broadcast.ts): the sender is told its change arrived by the sync status message,
// the others get the update, and a client that connects later still gets it through the sync.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connect, newCouncil, runCleanups, startServer, waitFor } from './server-fixtures'

afterEach(runCleanups)

const UPDATE = { type: 0, sub: 2 }
const updatesIn = (c: ReturnType<typeof connect>) => c.received.filter((f) => f.type === UPDATE.type && f.sub === UPDATE.sub).length

describe('one change, sent to the other clients only', () => {
  it('the writer gets its sync status but not its own update back; the reader gets the update; a late client syncs it', async () => {
    const server = await startServer()
    const council = await newCouncil(server)
    const code = await council.code()
    const writer = connect(server.url, council.docName, code)
    const reader = connect(server.url, council.docName, code)
    await waitFor(() => writer.provider.isSynced && reader.provider.isSynced, 'both synced')
    const writerBefore = updatesIn(writer)
    const readerBefore = updatesIn(reader)

    for (let i = 0; i < 5; i++) writer.doc.getMap('probe').set(`k${i}`, i)
    await waitFor(() => reader.doc.getMap('probe').size === 5, 'the reader has the five changes')
    await waitFor(() => writer.provider.unsyncedChanges === 0, 'the writer is told they arrived')

    expect(updatesIn(reader) - readerBefore).toBe(5)
    expect(updatesIn(writer) - writerBefore).toBe(0)
    const late = connect(server.url, council.docName, code, { doc: new Y.Doc() })
    await waitFor(() => late.doc.getMap('probe').size === 5, 'a client connecting later has them')
  })
})
