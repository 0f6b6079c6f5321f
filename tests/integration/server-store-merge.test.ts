// A live document stored again replaces its own earlier state without a merge (merge.ts,
// StoreMerger), and nothing anyone else stored is ever lost for it. For storages 'sqlite' and
// 'files', with two storages on one data folder standing for two instances on one machine:
// - the live document's stores load back as exactly its state;
// - a change another instance stored between two stores of the live document is kept;
// - a stale copy (another Y.Doc, built from an older state) stored after the live document keeps
//   the live document's changes, and the live document's next store keeps the stale copy's;
// - a store that names no live document merges as before, and so does the next store after it.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Storage } from '../../src/server/storageTypes'
import { openClosedAtCleanup, loadStored, runCleanups, STORAGES, tempDir } from './server-fixtures'

afterEach(runCleanups)

const NAME = 'council/7d9c1c1e-4f0e-4d54-9a4a-1f7f4d5f2a10'

const open = openClosedAtCleanup

const load = (s: Storage) => loadStored(s, NAME)

const keys = (doc: Y.Doc) => [...doc.getMap('m').keys()].sort()
const store = (s: Storage, doc: Y.Doc) => s.documents.store(NAME, Y.encodeStateAsUpdate(doc), doc)

describe.each(STORAGES)('storage %s: storing a live document again', (kind) => {
  it('loads back exactly the live document, and keeps what another instance stored between its stores', async () => {
    const dir = tempDir()
    const one = await open(kind, dir)
    const live = new Y.Doc()
    live.getMap('m').set('a', 1)
    await store(one, live)
    live.getMap('m').set('b', 2)
    await store(one, live)
    expect(keys(await load(one))).toEqual(['a', 'b'])

    // A second instance on the same folder adds 'x' to what is stored.
    const two = await open(kind, dir)
    const other = await load(two)
    other.getMap('m').set('x', 9)
    await store(two, other)

    live.getMap('m').set('c', 3)
    await store(one, live)
    expect(keys(await load(one))).toEqual(['a', 'b', 'c', 'x'])
    // And the live document's next store after that merge keeps 'x' too.
    live.getMap('m').set('d', 4)
    await store(one, live)
    expect(keys(await load(one))).toEqual(['a', 'b', 'c', 'd', 'x'])
  })

  it('a stale copy stored after the live document loses none of its changes, nor they its own', async () => {
    const s = await open(kind, tempDir())
    const live = new Y.Doc()
    live.getMap('m').set('a', 1)
    await store(s, live)
    const stale = await load(s)
    live.getMap('m').set('b', 2)
    await store(s, live)
    stale.getMap('m').set('s', 5)
    await store(s, stale)
    expect(keys(await load(s))).toEqual(['a', 'b', 's'])
    live.getMap('m').set('c', 3)
    await store(s, live)
    expect(keys(await load(s))).toEqual(['a', 'b', 'c', 's'])
  })

  it('a store that names no live document merges, and the live document\'s next store keeps it', async () => {
    const s = await open(kind, tempDir())
    const live = new Y.Doc()
    live.getMap('m').set('a', 1)
    await store(s, live)
    const elsewhere = new Y.Doc()
    elsewhere.getMap('m').set('e', 7)
    await s.documents.store(NAME, Y.encodeStateAsUpdate(elsewhere))
    live.getMap('m').set('b', 2)
    await store(s, live)
    expect(keys(await load(s))).toEqual(['a', 'b', 'e'])
  })
})
