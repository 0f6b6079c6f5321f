// One approved fund project: its steps, implementer, milestones, review, acceptance, satisfaction and money.
import { useTranslation } from 'react-i18next'

export function FundProjectScreen(_props: { year: number; projectId: string }) {
  const { t } = useTranslation('common')
  return <h2>{t('nav.fund')}</h2>
}
