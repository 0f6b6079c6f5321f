// The open council's sync state in the header: a mark and a few words ("已同步 14:03", "离线",
// "连接中", "出错：…", "已断开，3 秒后重试" with a "立即重试" button), linking to the council's sync tab.
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { href } from '../../kit/router'
import { formatMoment } from '../../kit/format'
import type { SyncStatus } from '../../sync/provider'
import { useEnv } from '../../kit/env'
import { useSyncStatus } from './useSyncStatus'

// Shapes as well as colours, so the state does not depend on seeing colour.
const MARKS: Record<SyncStatus['state'], string> = { local: '■', offline: '○', connecting: '◌', synced: '●', error: '▲' }

/** Whole seconds until the next attempt, at least 1 (0 would read as "now" while it has not started). */
export function secondsUntil(retryAt: number, now: number): number {
  return Math.max(1, Math.ceil((retryAt - now) / 1000))
}

export function syncStateText(t: TFunction<'sync'>, lang: string, s: SyncStatus, now: number = Date.now()): string {
  const time = s.lastSyncedAt ? formatMoment(lang, s.lastSyncedAt) : null
  switch (s.state) {
    case 'local':
      return t('badge.local')
    case 'offline':
      return time ? t('badge.offlineSince', { time }) : t('badge.offline')
    case 'connecting':
      return t('badge.connecting')
    case 'synced':
      // The documents are in step; the files the server had no room for are not (the sync tab says more).
      if (s.filesQuotaFull) return t('badge.syncedFilesFull')
      return time ? t('badge.synced', { time }) : t('badge.syncedNow')
    case 'error':
      if (s.reason === 'serverUnreachable') return s.retryAt === null ? t('badge.retrying') : t('badge.retryIn', { count: secondsUntil(s.retryAt, now) })
      return t('badge.error', { reason: t(`reason.${s.reason ?? 'serverUnreachable'}`) })
  }
}

export function SyncBadge({ councilId }: { councilId: string }) {
  const { t, i18n } = useTranslation('sync')
  const { sync } = useEnv()
  const status = useSyncStatus(councilId)
  const now = useNowWhile(status.retryAt !== null)
  const waiting = status.state === 'error' && status.reason === 'serverUnreachable'
  return (
    <span className="sync-badge-wrap">
      <a
        className={`sync-badge ${status.state}`}
        href={href({ name: 'council', councilId, tab: 'sync' })}
        title={t('badge.label')}
        data-sync-state={status.state}
      >
        <span className="mark" aria-hidden="true">
          {MARKS[status.state]}
        </span>
        <span>{syncStateText(t, i18n.language, status, now)}</span>
      </a>
      {waiting ? (
        <button type="button" className="small sync-retry" title={t('badge.retryNowHint')} disabled={status.retryAt === null} onClick={() => sync.retryNow(councilId)}>
          {t('badge.retryNow')}
        </button>
      ) : null}
    </span>
  )
}

/** The current time, ticking every quarter second while `ticking` (for the countdown). */
function useNowWhile(ticking: boolean): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (!ticking) return
    setNow(Date.now())
    const id = setInterval(() => setNow(Date.now()), 250)
    return () => clearInterval(id)
  }, [ticking])
  return now
}
