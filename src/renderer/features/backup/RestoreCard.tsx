// A backup read and verified, before it is merged: when it was made, its councils and meetings,
// and, when it carries council keys, the passphrase that opens them (issue 24).
import { useTranslation } from 'react-i18next'
import type { BackupSummary } from '../../../shared/backup/format'
import { formatMoment, formatNumber } from '../../kit/format'
import { OpenKeysField } from './KeysFields'

export function RestoreCard(props: {
  source: string
  summary: BackupSummary
  passphrase: string
  onPassphrase: (value: string) => void
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const { t, i18n } = useTranslation(['backup', 'common'])
  const { summary } = props
  return (
    <section className="card" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('backup:restore.title', { file: props.source })}</h2>
      <p>{t('backup:restore.made', { when: formatMoment(i18n.language, summary.createdAt), version: summary.appVersion })}</p>
      <ul>
        {summary.councils.map((c) => (
          <li key={c.id}>{t('backup:restore.council', { name: c.name, count: c.meetings })}</li>
        ))}
      </ul>
      <p className="muted">{t('backup:restore.explain', { docs: formatNumber(i18n.language, summary.docCount) })}</p>
      {summary.files + summary.missingFiles > 0 ? (
        <p className="muted">{t('backup:restore.files', { files: formatNumber(i18n.language, summary.files), missing: formatNumber(i18n.language, summary.missingFiles) })}</p>
      ) : null}
      {summary.sealedKeys ? <OpenKeysField value={props.passphrase} onChange={props.onPassphrase} /> : <p className="muted">{t('backup:keys.notCarried')}</p>}
      <div className="row">
        <button className="primary" onClick={props.onConfirm} disabled={props.busy}>
          {t('backup:restore.confirm')}
        </button>
        <button onClick={props.onCancel}>{t('common:actions.cancel')}</button>
      </div>
    </section>
  )
}
