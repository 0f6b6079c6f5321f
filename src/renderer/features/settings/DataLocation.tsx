// Tells the secretary where the data lives on this device (and the app version).
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useEnv } from '../../kit/env'
import type { AppInfo } from '../../platform/types'

export function DataLocation() {
  const { t } = useTranslation('common')
  const { platform } = useEnv()
  const [info, setInfo] = useState<AppInfo | null>(null)
  useEffect(() => {
    let alive = true
    platform.getAppInfo().then((i) => alive && setInfo(i), () => alive && setInfo(null))
    return () => {
      alive = false
    }
  }, [platform])
  if (!info) return null
  const where = info.dataLocation.kind === 'folder' ? info.dataLocation.path : t('about.webStorage', { origin: info.dataLocation.origin })
  return (
    <section className="card" aria-labelledby="data-location">
      <h2 id="data-location">{t('about.title')}</h2>
      <p>{t('about.dataDir', { dir: where })}</p>
      <p className="muted">{t('about.version', { version: info.version })}</p>
    </section>
  )
}
