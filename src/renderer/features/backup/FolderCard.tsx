// The backup folder on the desktop (a USB stick, a network share): its state, "back up now"
// (sealing the council keys when a passphrase is given), and the backups found there to restore.
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BackupEntry, BackupStatus } from '../../../shared/ipc'
import { useEnv } from '../../kit/env'
import { formatMoment } from '../../kit/format'
import { useAction } from '../../kit/useAction'
import { Banner } from '../../ui/Banner'
import { backupToFolder } from './actions'

export function FolderCard({
  onOpen,
  onDone,
  sealWith,
  sealed,
}: {
  onOpen: (entry: BackupEntry, read: () => Promise<Uint8Array>) => void
  onDone: (message: string) => void
  sealWith: () => string | null
  sealed: () => void
}) {
  const { t, i18n } = useTranslation(['backup', 'common'])
  const env = useEnv()
  const backups = env.platform.capability('backups')!
  const [status, setStatus] = useState<BackupStatus | null>(null)
  const [list, setList] = useState<BackupEntry[]>([])
  const { failure, run } = useAction()
  const refresh = useCallback(async () => {
    const s = await backups.status()
    setStatus(s)
    setList(s.folderState === 'ok' ? await backups.list() : [])
  }, [backups])
  useEffect(() => {
    void run(refresh)
  }, [run, refresh])

  return (
    <section className="card" aria-labelledby="backup-folder-title">
      <h2 id="backup-folder-title">{t('backup:folder.title')}</h2>
      <p className="muted">{t('backup:folder.explain')}</p>
      {failure ? <Banner kind="error">{failure}</Banner> : null}
      {status ? (
        <p role="status">
          {status.folder ? t(`backup:folder.state.${status.folderState}`, { folder: status.folder }) : t('backup:folder.none')}
          {status.last ? ` ${t('backup:folder.last', { when: formatMoment(i18n.language, status.last.mtime), count: status.count })}` : null}
        </p>
      ) : null}
      <div className="row">
        <button onClick={() => void run(async () => (await backups.chooseFolder()).chosen && (await refresh()))}>{t('backup:folder.choose')}</button>
        <button
          className="primary"
          disabled={status?.folderState !== 'ok'}
          onClick={() =>
            void run(async () => {
              const pass = sealWith()
              if (pass === null) return
              const r = await backupToFolder(env, pass || undefined)
              onDone(t('backup:folder.written', { path: r.path, count: r.removed.length }))
              if (pass) sealed()
              await refresh()
            })
          }
        >
          {t('backup:folder.now')}
        </button>
      </div>
      {list.length > 0 ? <FolderList list={list} onOpen={(b) => onOpen(b, () => backups.read(b.name))} /> : null}
    </section>
  )
}

function FolderList({ list, onOpen }: { list: readonly BackupEntry[]; onOpen: (entry: BackupEntry) => void }) {
  const { t, i18n } = useTranslation(['backup', 'common'])
  return (
    <table className="checklist">
      <thead>
        <tr>
          <th scope="col">{t('backup:folder.file')}</th>
          <th scope="col">{t('backup:folder.when')}</th>
          <th scope="col">{t('backup:folder.restore')}</th>
        </tr>
      </thead>
      <tbody>
        {list.map((b) => (
          <tr key={b.name}>
            <td>{b.name}</td>
            <td>{formatMoment(i18n.language, b.mtime)}</td>
            <td>
              <button className="small" onClick={() => onOpen(b)}>
                {t('backup:folder.restore')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
