// The follow-up (落实) of a matter's resolution: owner, deadline, milestones, notes and photos,
// completion, and the result notice (实施结果公开) with the replies to the residents who asked.
import { useTranslation } from 'react-i18next'
import type { DocHandle } from '../../sync/docs'

export function FollowUpSection(_props: { handle: DocHandle; year: number; matterId: string }) {
  const { t } = useTranslation('common')
  return <h3>{t('nav.matters')}</h3>
}
