// The first screen: the councils on this device, creating a new one and joining one.
import { useLiveQuery } from 'dexie-react-hooks'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import { href } from '../../kit/router'
import { listCouncils } from '../../data/catalogue'
import { formatNumber } from '../../kit/format'
import { DataLocation } from '../settings/DataLocation'

export function HomeScreen() {
  const { t, i18n } = useTranslation(['review', 'backup', 'council', 'common', 'sync'])
  const { db } = useEnv()
  const councils = useLiveQuery(() => listCouncils(db), [db])
  return (
    <>
      <h1>{t('council:home.title')}</h1>
      <p className="muted">{t('common:app.tagline')}</p>
      <div className="row">
        <a className="button primary" href={href({ name: 'newCouncil' })}>
          {t('council:home.create')}
        </a>
        <a className="button" href={href({ name: 'joinCouncil' })}>
          {t('sync:join.button')}
        </a>
        <a className="button" href={href({ name: 'review' })}>
          {t('review:openScreen')}
        </a>
        <a className="button" href={href({ name: 'backup' })}>
          {t('backup:open')}
        </a>
      </div>
      <h2>{t('council:home.open')}</h2>
      {councils === undefined ? (
        <p>{t('common:status.loading')}</p>
      ) : councils.length === 0 ? (
        <p className="card">{t('council:home.none')}</p>
      ) : (
        <ul className="grid plain" aria-label={t('council:home.open')}>
          {councils.map((c) => (
            <li key={c.id} className="card">
              <a href={href({ name: 'council', councilId: c.id, tab: 'meetings' })} className="council-link">
                {c.name}
              </a>
              <div className="muted">{t(`common:enums.councilKind.${c.kind}`)}</div>
              <div className="muted">{[c.street, c.community].filter(Boolean).join(' · ')}</div>
              <div>{t('council:home.memberCount', { count: c.memberCount, formatted: formatNumber(i18n.language, c.memberCount) })}</div>
            </li>
          ))}
        </ul>
      )}
      <DataLocation />
    </>
  )
}
