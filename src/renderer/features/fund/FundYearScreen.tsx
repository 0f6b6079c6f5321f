// One fund year, in the five steps' tabs: overview, proposals, decision, projects, ledger, disclosure.
import { useTranslation } from 'react-i18next'
import type { FundTab } from '../../kit/router'

export function FundYearScreen(_props: { year: number; tab: FundTab }) {
  const { t } = useTranslation('common')
  return <h2>{t('nav.fund')}</h2>
}
