// Recording a resident's request (一户一表, a visit, a call…).
import { useTranslation } from 'react-i18next'

export function NewRequestScreen() {
  const { t } = useTranslation('common')
  return <h2>{t('nav.requests')}</h2>
}
