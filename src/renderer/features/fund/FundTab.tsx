// The community fund years of the council, and opening a new one.
import { useTranslation } from 'react-i18next'

export function FundTab() {
  const { t } = useTranslation('common')
  return <h2>{t('nav.fund')}</h2>
}
