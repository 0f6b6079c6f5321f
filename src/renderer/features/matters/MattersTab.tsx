// The council's matters (议题) of a year with where each stands on its path.
import { useTranslation } from 'react-i18next'

export function MattersTab() {
  const { t } = useTranslation('common')
  return <h2>{t('nav.matters')}</h2>
}
