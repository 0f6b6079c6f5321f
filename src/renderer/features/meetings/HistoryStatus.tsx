// The meeting list's progress line while a council's history arrives (a new device has just
// joined: tonight's meeting is here, ten years of meetings follow, newest first): how many of the
// council's meetings have their row so far. A polite live region, there from the start so that a
// screen reader hears its updates, empty once nothing is being fetched.
import { useCallback, useSyncExternalStore } from 'react'
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { meetingCount } from '../../../shared/doc/council'
import type { CouncilId } from '../../../shared/domain/ids'
import { useEnv } from '../../kit/env'
import { useDocValue } from '../../kit/docHooks'
import { fetchState, watchFetches } from '../../kit/meetingList'

export function HistoryStatus({ councilId, councilDoc }: { councilId: CouncilId; councilDoc: Y.Doc }) {
  const { t } = useTranslation('meetings')
  const env = useEnv()
  const subscribe = useCallback((listener: () => void) => watchFetches(env, listener), [env])
  const state = useSyncExternalStore(subscribe, () => fetchState(env, councilId))
  const total = useDocValue(councilDoc, meetingCount) ?? 0
  // Counted only while meetings are being fetched: the line is empty otherwise.
  const fetching = state.pending > 0
  const rows = useLiveQuery(() => (fetching ? env.db.meetings.where('councilId').equals(councilId).count() : 0), [env.db, councilId, fetching]) ?? 0
  const text =
    fetching
      ? t('history.fetching', { done: Math.min(rows, total), total })
      : state.failed > 0
        ? t('history.failed', { count: state.failed })
        : ''
  return (
    <div className="muted" role="status" aria-live="polite" data-testid="history-status">
      {text}
    </div>
  )
}
