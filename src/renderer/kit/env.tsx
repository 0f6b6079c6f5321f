// What every screen needs from outside React: the local database, the document store, the
// sync manager, the platform (Electron or browser) and the clock. Tests and the app build it the same way.
import { createContext, useContext, type ReactNode } from 'react'
import type { YishiDb } from '../data/db'
import type { DocStore } from '../sync/docs'
import type { Projector } from '../sync/projector'
import type { SyncManager } from '../sync/provider'
import type { Platform } from '../platform/types'

export interface AppEnv {
  db: YishiDb
  docs: DocStore
  projector: Projector
  sync: SyncManager
  platform: Platform
  now: () => string
  today: () => string
}

const EnvContext = createContext<AppEnv | null>(null)

export function EnvProvider({ env, children }: { env: AppEnv; children: ReactNode }) {
  return <EnvContext.Provider value={env}>{children}</EnvContext.Provider>
}

export function useEnv(): AppEnv {
  const env = useContext(EnvContext)
  if (!env) throw new Error('useEnv outside EnvProvider')
  return env
}

/** Local wall-clock date, YYYY-MM-DD. */
export function localToday(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}
