// One keystroke in the minutes, as a local transaction: the current meeting of the profile (its
// minutes typed in bursts with deletions, by several sessions) loaded into a new Y.Doc as DocStore
// does, with the listeners the app keeps on an open document (y-indexeddb and the provider each
// take the update; the projector and the screens' hooks run after each transaction). Each keystroke
// is what NarrativeField does on input: editText with the field's whole new value (one character
// more). Floor: a bare Y.Text insert of one character on the same document, no listeners. Naive
// baseline: the same bare insert into the minutes of the same meeting inside the single 10-year doc.
import * as Y from 'yjs'
import { editText, narrativeText, readNarrative } from '../../src/shared/doc/minutes'
import type { Profile } from '../profile'
import type { SingleDoc } from '../lib/naive'
import { summarize, timeSync, type Summary } from '../lib/stats'

const load = (update: Uint8Array): Y.Doc => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc
}

/** Attaches what the app attaches to an open document: two update consumers and after-transaction readers. */
function attachAppListeners(doc: Y.Doc): () => void {
  const stored: Uint8Array[] = []
  const sent: Uint8Array[] = []
  let transactions = 0
  const persist = (u: Uint8Array) => void stored.push(u)
  const provide = (u: Uint8Array) => void sent.push(u)
  const after = () => {
    // The screens' hooks bump a version per transaction; the buffers stand for IndexedDB and the socket.
    if (++transactions % 1000 === 0) stored.length = sent.length = 0
  }
  doc.on('update', persist)
  doc.on('update', provide)
  doc.on('afterTransaction', after)
  return () => {
    doc.off('update', persist)
    doc.off('update', provide)
    doc.off('afterTransaction', after)
  }
}

export interface KeystrokeResult {
  editText: Summary
  floor: Summary
  naive: Summary
  narrativeChars: number
  clients: number
}

export function measureKeystroke(profile: Profile, single: { doc: SingleDoc; loaded: Y.Doc }, runs: number): KeystrokeResult {
  const current = profile.manifest.meetings.at(-1)!
  const doc = load(profile.updates.get(current.name)!)
  const detach = attachAppListeners(doc)
  let value = readNarrative(doc)
  const narrativeChars = value.length
  const typed = timeSync(runs, (i) => {
    value += '议事会纪要'[i % 5]!
    editText(doc, { kind: 'narrative' }, value)
  })
  detach()
  const bare = load(profile.updates.get(current.name)!)
  const text = narrativeText(bare)
  const floor = timeSync(runs, () => bare.transact(() => text.insert(text.length, '字')))
  const naiveText = single.loaded.getText(single.doc.root(current.name, 'minutesNarrative'))
  const naive = timeSync(runs, () => single.loaded.transact(() => naiveText.insert(naiveText.length, '字')))
  return { editText: summarize(typed), floor: summarize(floor), naive: summarize(naive), narrativeChars, clients: doc.store.clients.size }
}
