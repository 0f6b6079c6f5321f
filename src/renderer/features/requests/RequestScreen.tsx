// One request: what was asked, what became of it (merged, declined, a matter) and the replies.
import { useTranslation } from 'react-i18next'

export function RequestScreen(_props: { year: number; requestId: string }) {
  const { t } = useTranslation('common')
  return <h2>{t('nav.requests')}</h2>
}
