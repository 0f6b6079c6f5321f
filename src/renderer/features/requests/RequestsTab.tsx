// The council's requests (民情): the ones still waiting first, oldest first.
import { useTranslation } from 'react-i18next'

export function RequestsTab() {
  const { t } = useTranslation('common')
  return <h2>{t('nav.requests')}</h2>
}
