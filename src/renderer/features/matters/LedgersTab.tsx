// The 台账 the street office inspects, exported as XLSX workbooks for a year or a date range.
import { useTranslation } from 'react-i18next'

export function LedgersTab() {
  const { t } = useTranslation('common')
  return <h2>{t('nav.ledgers')}</h2>
}
