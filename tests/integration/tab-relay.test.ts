// Two windows of the app on one device (the secretary's screen and the projector) see each
// other's edits live through the BroadcastChannel relay, including what one had before the
// other opened; a malformed message changes nothing.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { relayBetweenTabs } from '../../src/renderer/sync/tabs'

const stops: (() => void)[] = []
afterEach(() => {
  for (const stop of stops.splice(0)) stop()
})

const until = async (check: () => boolean, ms = 2000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 5))
  }
}

describe('relayBetweenTabs', () => {
  it('carries edits both ways, and a late window receives what the first already had', async () => {
    const prefix = `t${Math.random()}`
    const a = new Y.Doc()
    a.getMap('meeting').set('title', '三月议事会')
    stops.push(relayBetweenTabs('council/x/meeting/y', a, prefix))
    const b = new Y.Doc()
    stops.push(relayBetweenTabs('council/x/meeting/y', b, prefix))
    await until(() => b.getMap('meeting').get('title') === '三月议事会')

    b.getMap('session').set('currentItemId', 'item-2')
    await until(() => a.getMap('session').get('currentItemId') === 'item-2')
    a.getMap('meeting').set('title', '三月议事会（改期）')
    await until(() => b.getMap('meeting').get('title') === '三月议事会（改期）')
  })

  it('keeps documents of other names apart', async () => {
    const prefix = `t${Math.random()}`
    const a = new Y.Doc()
    const b = new Y.Doc()
    const c = new Y.Doc()
    stops.push(relayBetweenTabs('council/x/meeting/1', a, prefix), relayBetweenTabs('council/x/meeting/2', b, prefix), relayBetweenTabs('council/x/meeting/1', c, prefix))
    a.getMap('meeting').set('title', '一号会')
    await until(() => c.getMap('meeting').get('title') === '一号会')
    expect(b.getMap('meeting').size).toBe(0)
  })

  it('drops a malformed message without changing the document', async () => {
    const prefix = `t${Math.random()}`
    const a = new Y.Doc()
    a.getMap('meeting').set('title', '原样')
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => void errors.push(args)
    try {
      stops.push(relayBetweenTabs('n', a, prefix))
      const hostile = new BroadcastChannel(`${prefix}:n`)
      hostile.postMessage({ kind: 'update', update: new Uint8Array([255, 1, 2, 3, 9, 9, 9]) })
      await until(() => errors.length > 0)
      hostile.close()
    } finally {
      console.error = original
    }
    expect(a.getMap('meeting').toJSON()).toEqual({ title: '原样' })
  })
})
