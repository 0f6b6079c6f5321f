// Which updates the server lets through without the cost trial (src/server/cheapUpdate.ts): a
// keystroke, a backspace, a value set over a key's current one go free; anything that could make
// Yjs scan, walk, wait or cascade (concurrent inserts at one spot, a gap in a client's clocks, a
// first value of a key, two structs in one gap, deleting a type or much at once) still takes the
// trial, which still refuses the crafted costly ones. Real Yjs documents throughout.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { integratesForFree, MAX_FREE_DELETED, MAX_FREE_STRUCTS } from '../../src/server/cheapUpdate'
import { shadowOf, tryUpdate } from '../../src/server/costTrial'
import { DEFAULT_UPDATE_BOUNDS, UpdateTooCostly, type Struct } from '../../src/server/updateBounds'
import { encodeItems, spreadOriginsDelta } from '../integration/server-cost-attacks'

const structsOf = (update: Uint8Array) => Y.decodeUpdate(update).structs as Struct[]
const free = (update: Uint8Array, live: Y.Doc) => integratesForFree(update, structsOf(update), live)

/** A live document (the server's) with a string and a map, and a device in step with it. */
function pair(text = 'hello world') {
  const live = new Y.Doc()
  live.clientID = 1
  live.getText('t').insert(0, text)
  live.getMap('m').set('k', 'v1')
  const device = new Y.Doc()
  device.clientID = 2
  Y.applyUpdate(device, Y.encodeStateAsUpdate(live))
  return { live, device }
}

/** The update `change` makes on `doc`. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const parts: Uint8Array[] = []
  const keep = (u: Uint8Array) => parts.push(u)
  doc.on('update', keep)
  change()
  doc.off('update', keep)
  return Y.mergeUpdates(parts)
}

describe('updates that integrate for free', () => {
  it('a character typed at the end, in the middle or at the start; a backspace; a value set over the current one', () => {
    const { live, device } = pair()
    const edits = [
      () => device.getText('t').insert(11, '!'),
      () => device.getText('t').insert(5, ','),
      () => device.getText('t').insert(0, '>'),
      () => device.getText('t').delete(3, 1),
      () => device.getMap('m').set('k', 'v2'),
    ]
    for (const edit of edits) {
      const u = updateOf(device, edit)
      expect(free(u, live)).toBe(true)
      Y.applyUpdate(live, u)
    }
    expect(live.getText('t').toString()).toBe('>helo, world!')
    expect(live.getMap('m').get('k')).toBe('v2')
  })

  it('passes tryUpdate without a trial, and the shadow catches up with the live document before the next one', () => {
    const { live, device } = pair()
    const shadow = shadowOf(live)
    const u = updateOf(device, () => device.getText('t').insert(11, '!'))
    tryUpdate(u, structsOf(u), DEFAULT_UPDATE_BOUNDS, live)
    // Not tried: the shadow has not seen it, and catches up with the live document only before
    // the next trial.
    expect(shadow.getText('t').toString()).toBe('hello world')
    Y.applyUpdate(live, u)
    expect(shadow.getText('t').toString()).toBe('hello world')
    // The next update that takes the trial (a key's first value) is tried on a shadow in step.
    const next = updateOf(device, () => device.getMap('m').set('new', 1))
    expect(free(next, live)).toBe(false)
    tryUpdate(next, structsOf(next), DEFAULT_UPDATE_BOUNDS, live)
    expect(shadow.getText('t').toString()).toBe('hello world!')
    expect(shadow.getMap('m').get('new')).toBe(1)
    // A costly update after them is still refused.
    const attack = spreadOriginsDelta(2_000, 100)
    expect(() => tryUpdate(attack, structsOf(attack), { ...DEFAULT_UPDATE_BOUNDS, maxIntegrationSteps: 1_000 }, live)).toThrow(UpdateTooCostly)
    expect(live.getText('t').toString()).toBe('hello world!')
  })

  it('a shadow kept behind by free updates catches up once they add up (its memory stays bounded)', () => {
    const { live, device } = pair()
    const shadow = shadowOf(live)
    for (let i = 0; i < 3; i++) {
      const paste = updateOf(device, () => device.getText('t').insert(device.getText('t').length, 'x'.repeat(100_000)))
      expect(free(paste, live)).toBe(true)
      tryUpdate(paste, structsOf(paste), DEFAULT_UPDATE_BOUNDS, live)
      Y.applyUpdate(live, paste)
    }
    // Past 256 KB waiting, the shadow applied them all.
    expect(shadow.getText('t').length).toBe(11 + 300_000)
  })

  it("a device's sync step 2 on opening a document: its whole delete set, already deleted on the server, goes free; a new deletion among it still counts", () => {
    const { live, device } = pair('x'.repeat(4 * MAX_FREE_DELETED))
    // Years of edits: far more than a held backspace deleted, in many ranges, all synced long ago.
    for (let i = 0; i < 40; i++) Y.applyUpdate(live, updateOf(device, () => device.getText('t').delete(i, 2 * 10)))
    expect(live.getText('t').toString()).toBe(device.getText('t').toString())
    const step2 = Y.encodeStateAsUpdate(device, Y.encodeStateVector(live))
    expect(structsOf(step2)).toEqual([])
    expect(Y.decodeUpdate(step2).ds.clients.size).toBeGreaterThan(0)
    expect(free(step2, live)).toBe(true)
    // What the server sees the document lose is unchanged.
    tryUpdate(step2, structsOf(step2), DEFAULT_UPDATE_BOUNDS, live)
    Y.applyUpdate(live, step2)
    expect(live.getText('t').toString()).toBe(device.getText('t').toString())

    // The same delete set with a nested type deleted since: the trial again.
    const nested = new Y.Map<number>()
    Y.applyUpdate(live, updateOf(device, () => device.getMap('m').set('rows', nested)))
    device.getMap('m').delete('rows')
    expect(free(Y.encodeStateAsUpdate(device, Y.encodeStateVector(live)), live)).toBe(false)
  })
})

describe('updates that still take the trial', () => {
  it('a concurrent insert at a spot another device already typed into (Yjs would scan)', () => {
    const { live, device } = pair()
    const other = new Y.Doc()
    other.clientID = 3
    Y.applyUpdate(other, Y.encodeStateAsUpdate(live))
    Y.applyUpdate(live, updateOf(other, () => other.getText('t').insert(5, 'A')))
    const late = updateOf(device, () => device.getText('t').insert(5, 'B'))
    expect(free(late, live)).toBe(false)
    tryUpdate(late, structsOf(late), DEFAULT_UPDATE_BOUNDS, live)
  })

  it('a gap in the sender’s clocks (an earlier update never arrived), and a deletion of what the server lacks', () => {
    const { live, device } = pair()
    updateOf(device, () => device.getText('t').insert(0, 'x'))
    const second = updateOf(device, () => device.getText('t').insert(0, 'y'))
    expect(free(second, live)).toBe(false)
    const deletesMissing = updateOf(device, () => device.getText('t').delete(0, 2))
    expect(free(deletesMissing, live)).toBe(false)
  })

  it('a key’s first value, two structs in one gap, and more structs than a keystroke makes', () => {
    const { live, device } = pair()
    expect(free(updateOf(device, () => device.getMap('m').set('new', 1)), live)).toBe(false)
    // Two items from two clients, both between characters 0 and 1 of client 1's string: the
    // second scans the first. Each alone would be free.
    const between = (client: number) => ({ client, clock: 0, origin: { client: 1, clock: 0 }, rightOrigin: { client: 1, clock: 1 } })
    expect(free(encodeItems([between(10)]), live)).toBe(true)
    expect(free(encodeItems([between(10), between(11)]), live)).toBe(false)
    const many = updateOf(device, () => {
      for (let i = 0; i <= MAX_FREE_STRUCTS; i++) device.getMap('m').set('k', i)
    })
    expect(structsOf(many).length).toBeGreaterThan(MAX_FREE_STRUCTS)
    expect(free(many, live)).toBe(false)
  })

  it('deleting a nested type (its whole subtree goes) or more characters than a held backspace', () => {
    const { live, device } = pair('x'.repeat(MAX_FREE_DELETED + 10))
    const nested = new Y.Map<number>()
    Y.applyUpdate(live, updateOf(device, () => device.getMap('m').set('rows', nested)))
    expect(free(updateOf(device, () => device.getMap('m').delete('rows')), live)).toBe(false)
    expect(free(updateOf(device, () => device.getText('t').delete(0, MAX_FREE_DELETED + 1)), live)).toBe(false)
    expect(free(updateOf(device, () => device.getText('t').delete(0, 3)), live)).toBe(true)
  })

  it('anything while the live document holds structs waiting for missing ones', () => {
    const { live, device } = pair()
    updateOf(device, () => device.getText('t').insert(0, 'x'))
    Y.applyUpdate(live, updateOf(device, () => device.getText('t').insert(0, 'y')))
    expect(live.store.pendingStructs).not.toBeNull()
    const third = new Y.Doc()
    third.clientID = 3
    Y.applyUpdate(third, Y.encodeStateAsUpdate(pair().live))
    expect(free(updateOf(third, () => third.getText('t').insert(11, '!')), live)).toBe(false)
  })

  it('the crafted spread of origins is not free and the trial still refuses it', () => {
    const { live } = pair('a'.repeat(2_100))
    const attack = spreadOriginsDelta(2_000, 100)
    expect(free(attack, live)).toBe(false)
    expect(() => tryUpdate(attack, structsOf(attack), DEFAULT_UPDATE_BOUNDS, live)).toThrow(UpdateTooCostly)
  })
})
