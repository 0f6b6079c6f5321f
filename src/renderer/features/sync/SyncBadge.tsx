// The open council's sync state in the header: a mark and a few words ("已同步 14:03", "离线",
// "连接中", "出错：…"), linking to the council's sync tab.
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { href } from '../../app/router'
import { formatMoment } from '../../app/format'
import type { SyncStatus } from '../../sync/provider'
import { useSyncStatus } from './useSyncStatus'

// Shapes as well as colours, so the state does not depend on seeing colour.
const MARKS: Record<SyncStatus['state'], string> = { local: '■', offline: '○', connecting: '◌', synced: '●', error: '▲' }

export function syncStateText(t: TFunction<'sync'>, lang: string, s: SyncStatus): string {
  const time = s.lastSyncedAt ? formatMoment(lang, s.lastSyncedAt) : null
  switch (s.state) {
    case 'local':
      return t('badge.local')
    case 'offline':
      return time ? t('badge.offlineSince', { time }) : t('badge.offline')
    case 'connecting':
      return t('badge.connecting')
    case 'synced':
      return time ? t('badge.synced', { time }) : t('badge.syncedNow')
    case 'error':
      return t('badge.error', { reason: t(`reason.${s.reason ?? 'serverUnreachable'}`) })
  }
}

export function SyncBadge({ councilId }: { councilId: string }) {
  const { t, i18n } = useTranslation('sync')
  const status = useSyncStatus(councilId)
  return (
    <a
      className={`sync-badge ${status.state}`}
      href={href({ name: 'council', councilId, tab: 'sync' })}
      title={t('badge.label')}
      data-sync-state={status.state}
    >
      <span className="mark" aria-hidden="true">
        {MARKS[status.state]}
      </span>
      <span>{syncStateText(t, i18n.language, status)}</span>
    </a>
  )
}
