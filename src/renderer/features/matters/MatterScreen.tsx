// One matter: its requests, its path step by step, and the follow-up of its resolution.
import { useTranslation } from 'react-i18next'

export function MatterScreen(_props: { year: number; matterId: string }) {
  const { t } = useTranslation('common')
  return <h2>{t('nav.matters')}</h2>
}
