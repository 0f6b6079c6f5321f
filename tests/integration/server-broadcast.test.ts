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

describe('a keystroke goes to the other clients before the server applies it', () => {
  it('typed text reaches the reader once per keystroke, is stored, and a read-only client’s typing reaches no one', async () => {
    const server = await startServer()
    const council = await newCouncil(server)
    const writer = connect(server.url, council.docName, await council.code())
    const reader = connect(server.url, council.docName, await council.code())
    const viewer = connect(server.url, council.docName, await council.code('ro'))
    await waitFor(() => [writer, reader, viewer].every((c) => c.provider.isSynced), 'all synced')
    const text = writer.doc.getText('minutes')
    text.insert(0, '议事')
    await waitFor(() => reader.doc.getText('minutes').toString() === '议事', 'the first words arrive')
    const writerBefore = updatesIn(writer)
    const readerBefore = updatesIn(reader)
    const viewerBefore = updatesIn(viewer)

    // Typed one key at a time, each an update that integrates for free and is forwarded as it
    // came; then a burst, whose later keys reach the server before it has applied the first.
    const keys = '会纪要：同意'
    for (const ch of keys) {
      text.insert(text.length, ch)
      await waitFor(() => reader.doc.getText('minutes').toString().endsWith(ch), 'the reader has the keystroke')
    }
    const burst = '加装电梯'
    for (const ch of burst) text.insert(text.length, ch)
    const typed = keys + burst
    await waitFor(() => reader.doc.getText('minutes').toString() === `议事${typed}`, 'the reader has every keystroke')
    await waitFor(() => viewer.doc.getText('minutes').toString() === `议事${typed}`, 'the read-only client has them too')
    await waitFor(() => writer.provider.unsyncedChanges === 0, 'the writer is told they arrived')
    // Once each: not forwarded and then broadcast again when the server applied it.
    expect(updatesIn(reader) - readerBefore).toBe(typed.length)
    expect(updatesIn(viewer) - viewerBefore).toBe(typed.length)
    expect(updatesIn(writer) - writerBefore).toBe(0)

    // A read-only device's typing is neither applied nor forwarded.
    viewer.doc.getText('minutes').insert(0, '篡改')
    await waitFor(() => viewer.received.some((f) => f.type === 8), 'the read-only client is told its change was refused')
    text.insert(text.length, '。')
    await waitFor(() => reader.doc.getText('minutes').toString().endsWith('。'), 'a later keystroke arrives')
    expect(reader.doc.getText('minutes').toString()).toBe(`议事${typed}。`)

    // The server stored what it forwarded: a client connecting later gets all of it.
    const late = connect(server.url, council.docName, await council.code(), { doc: new Y.Doc() })
    await waitFor(() => late.doc.getText('minutes').toString() === `议事${typed}。`, 'a late client syncs the typed text')
  })
})
