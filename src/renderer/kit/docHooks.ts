// React access to Y.Docs: open a document for as long as a screen shows it, and re-read a
// snapshot after every completed transaction (never mid-sync).
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import type { DocHandle } from '../sync/docs'
import { useEnv } from './env'

export type DocState = { status: 'loading' } | { status: 'ready'; handle: DocHandle } | { status: 'error'; error: unknown }

export function useDocHandle(name: string | null): DocState {
  const { docs } = useEnv()
  // A document already loaded (the first screen's, opened while the app started) is shown at
  // once: no loading state drawn first only to be replaced.
  const loadedNow = (): DocState => {
    const handle = name ? docs.loaded(name) : null
    return handle ? { status: 'ready', handle } : { status: 'loading' }
  }
  const [state, setState] = useState<DocState>(loadedNow)
  useEffect(() => {
    if (!name) return
    let alive = true
    setState((s) => (s.status === 'ready' && s.handle.name === name ? s : { status: 'loading' }))
    docs.acquire(name).then(
      (handle) => alive && setState((s) => (s.status === 'ready' && s.handle === handle ? s : { status: 'ready', handle })),
      (error: unknown) => alive && setState({ status: 'error', error }),
    )
    return () => {
      alive = false
      void docs.release(name)
    }
  }, [docs, name])
  // Until the effect has run for a new name, the state is the previous document's.
  if (state.status === 'ready' && state.handle.name !== name) return loadedNow()
  return state
}

/** A version number bumped after each transaction on the doc; derive snapshots from it. */
function useDocVersion(doc: Y.Doc | null): number {
  const store = useMemo(() => {
    let version = 0
    return {
      subscribe(cb: () => void) {
        if (!doc) return () => {}
        const onTx = () => {
          version++
          cb()
        }
        doc.on('afterTransaction', onTx)
        return () => doc.off('afterTransaction', onTx)
      },
      get: () => version,
    }
  }, [doc])
  return useSyncExternalStore(store.subscribe, store.get)
}

/** Pass a module-level reader (readMeeting, readAgenda…): a new function each render re-reads. */
export function useDocValue<T>(doc: Y.Doc | null, read: (doc: Y.Doc) => T): T | null {
  const version = useDocVersion(doc)
  return useMemo(() => (doc && version >= 0 ? read(doc) : null), [doc, version, read])
}
