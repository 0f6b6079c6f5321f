// The fund year's projects tab (FundYearScreen.tsx).
import { useTranslation } from 'react-i18next'
import type { DocHandle } from '../../sync/docs'

export function ProjectsPanel(_props: { handle: DocHandle; year: number }) {
  const { t } = useTranslation('common')
  return <h3>{t('nav.fund')}</h3>
}
