// A council's sync status for React: re-renders when the sync manager reports a change.
import { useCallback, useSyncExternalStore } from 'react'
import { useEnv } from '../../kit/env'
import type { SyncStatus } from '../../sync/provider'

export function useSyncStatus(councilId: string): SyncStatus {
  const { sync } = useEnv()
  const get = useCallback(() => sync.status(councilId), [sync, councilId])
  return useSyncExternalStore(sync.subscribe, get)
}
