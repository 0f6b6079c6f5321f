// A large document read as plain values without holding it decoded (issue 20): the household
// register is about 20 MB as a Y.Doc for 3,000 households and under 1 MB as rows, and the campaign
// screens only read it. The document is opened, read, brought up to date by the council server
// when the council syncs through one (then read again if that changed it), and closed. It is read
// again whenever the window comes back into view, and, on a synced council, every few minutes
// when the app is idle, so what other laptops change reaches the screen without holding the
// document open. The register's own screen, which edits it, still holds it (useDocHandle).
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { useEnv } from './env'
import type { AppEnv } from './env'

export type DocSnapshot<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: unknown }

const SYNC_WAIT_MS = 10_000
const REFRESH_MS = 3 * 60_000

/** Opens `name`, calls `show` with what `read` gives, lets a server bring it up to date (shown again if it changed), closes it. */
export async function readSnapshot<T>(env: AppEnv, name: string, councilId: string, read: (doc: Y.Doc) => T, show: (value: T) => void): Promise<void> {
  const handle = await env.docs.acquire(name)
  try {
    show(read(handle.doc))
    if (env.sync.status(councilId).state === 'local') return
    let changed = false
    const mark = () => {
      changed = true
    }
    handle.doc.on('afterTransaction', mark)
    try {
      await env.sync.waitForSync(name, SYNC_WAIT_MS)
    } finally {
      handle.doc.off('afterTransaction', mark)
    }
    if (changed) show(read(handle.doc))
  } finally {
    await env.docs.release(name)
  }
}

/** Pass a module-level reader (readHouseholds…): a new function each render re-reads. */
export function useDocSnapshot<T>(name: string | null, councilId: string, read: (doc: Y.Doc) => T): DocSnapshot<T> {
  const env = useEnv()
  const [state, setState] = useState<DocSnapshot<T>>({ status: 'loading' })
  const [round, setRound] = useState(0)
  useEffect(() => {
    if (!name) return
    let alive = true
    readSnapshot(env, name, councilId, read, (value) => alive && setState({ status: 'ready', value })).catch((error: unknown) => {
      // A failed refresh keeps what was shown; only a first read that fails is an error.
      if (alive) setState((s) => (s.status === 'ready' ? s : { status: 'error', error }))
    })
    return () => {
      alive = false
    }
  }, [env, name, councilId, read, round])
  useEffect(() => {
    if (!name) return
    const again = () => setRound((r) => r + 1)
    const onVisible = () => document.visibilityState === 'visible' && again()
    document.addEventListener('visibilitychange', onVisible)
    const timer = setInterval(() => {
      if (env.sync.status(councilId).state === 'local') return
      if (typeof requestIdleCallback === 'function') requestIdleCallback(again, { timeout: 10_000 })
      else again()
    }, REFRESH_MS)
    return () => {
      document.removeEventListener('visibilitychange', onVisible)
      clearInterval(timer)
    }
  }, [env, name, councilId])
  return state
}
